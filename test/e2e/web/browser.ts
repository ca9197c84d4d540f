/**
 * Launches Debian's Chromium through playwright-core for the web tests: headless, no sandbox
 * (containers), no background network, a fresh profile per launch. Pages get every request
 * that is not `file:` (or the allowed loopback origin) aborted, so a test proves offline use.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
export const hasChromium = existsSync(CHROMIUM)

export interface Session {
  readonly browser: Browser
  readonly context: BrowserContext
  close(): Promise<void>
}

export async function launchBrowser(viewport = { width: 1366, height: 768 }): Promise<Session> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'triangulate-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const browser = context.browser()
  return {
    browser: browser!,
    context,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Problems a page reported: console errors, uncaught exceptions, blocked requests. */
export interface PageProblems {
  readonly errors: string[]
  readonly blocked: string[]
}

/** Opens a page that may only load `file:` URLs and `allowOrigin`; everything else is aborted. */
export async function openOffline(
  context: BrowserContext,
  allowOrigin: string | null = null,
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage()
  const problems: PageProblems = { errors: [], blocked: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text())
  })
  page.on('pageerror', (error) => problems.errors.push(error.message))
  await page.route('**/*', (route) => {
    const url = route.request().url()
    if (
      url.startsWith('file:') ||
      url.startsWith('data:') ||
      (allowOrigin !== null && url.startsWith(allowOrigin))
    ) {
      return route.continue()
    }
    problems.blocked.push(url)
    return route.abort()
  })
  return { page, problems }
}
