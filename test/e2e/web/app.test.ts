/**
 * The served web app as a person uses it: the real server (Hono app over the example corpus,
 * analysed in memory by the real pipeline) on loopback, the app built fresh, Chromium allowed
 * to reach only that origin. The page runs under the server's Content-Security-Policy (no
 * inline script); a new article posted to the API shows up in the open ledger without a reload.
 */
import { mkdtempSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { createApp } from '../../../src/server/app.js'
import { createInputsSource } from '../../../src/server/inputs-source.js'
import { type RunningServer, startServer } from '../../../src/server/start-server.js'
import { writeWebAssets } from '../../../src/web/web-assets.js'
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
  openOffline,
  type PageProblems,
  type Session,
} from './browser.js'
import {
  findControlChange,
  findTwoSidedDispute,
  openDispute,
  paintedPixels,
  placeMarker,
  slideTo,
} from './page-checks.js'

if (!hasChromium)
  console.warn(`web app e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)

const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'fall-of-the-south')

/** An article written for this test about a place the example corpus never names. */
const NEW_ARTICLE = {
  text: 'Opposition fighters took control of Latakia on Sunday, a local monitor said. Residents said the port was quiet.',
  outlet: 'Late Wire',
  published: '2024-12-08',
  title: 'Fighters reach Latakia',
}

describe.skipIf(!hasChromium)('web app served over HTTP', () => {
  let server: RunningServer
  let session: Session
  let page: Page
  let problems: PageProblems
  let analysis: Analysis

  beforeAll(async () => {
    const webRoot = mkdtempSync(path.join(os.tmpdir(), 'triangulate-web-'))
    writeWebAssets(webRoot)
    const files = readdirSync(EXAMPLE)
      .filter((name) => name.endsWith('.txt'))
      .map((name) => path.join(EXAMPLE, name))
    const { source } = await createInputsSource(files)
    analysis = await source.getAnalysis()
    server = await startServer(
      createApp(source, { webRoot, allowWrite: true, pollIntervalMs: 200 }),
      { port: 0, host: '127.0.0.1' },
    )
    session = await launchBrowser()
    ;({ page, problems } = await openOffline(session.context, server.url))
  })
  afterAll(async () => {
    await session?.close()
    await server?.close()
  })

  it('loads under the server CSP with no console errors and draws the map', async () => {
    await page.goto(`${server.url}/#map`)
    await page.waitForSelector('.leaflet-overlay-pane svg path.control-marker')
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(1000)
    expect(await page.textContent('.live-status')).toBe('Live')
    expect(problems.errors).toEqual([])
    expect(problems.blocked).toEqual([])
  })

  it('recolours a place when the date slider passes the day it changed hands', async () => {
    const change = findControlChange(analysis)
    expect(change, 'the example corpus has a place that changes hands').not.toBeNull()
    await page.goto(`${server.url}/#map`)
    await page.waitForSelector(`path.control-marker[data-place="${change!.place}"]`)
    await slideTo(page, analysis, change!.before.day)
    const before = await placeMarker(page, change!.place)
    await slideTo(page, analysis, change!.after.day)
    const after = await placeMarker(page, change!.place)
    expect([before.controller, after.controller]).toEqual([
      change!.before.controller,
      change!.after.controller,
    ])
    expect(after.fill).not.toBe(before.fill)
  })

  it('opens a dispute with the sentence of each side highlighted', async () => {
    const dispute = findTwoSidedDispute(analysis)
    expect(dispute).not.toBeNull()
    await page.goto(`${server.url}/#disputes`)
    expect((await openDispute(page, dispute!.id)).slice(0, 2)).toEqual(dispute!.quotes)
  })

  it('shows an article posted to the API in the open ledger without reloading', async () => {
    await page.goto(`${server.url}/#ledger`)
    await page.waitForSelector('.ledger .claim')
    const claimsBefore = await page.locator('.ledger .claim').count()
    expect(await page.locator('.ledger .claim h3', { hasText: 'Latakia' }).count()).toBe(0)
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))

    const response = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(NEW_ARTICLE),
    })
    expect(response.status).toBe(201)

    await expect
      .poll(() => page.locator('.ledger .claim h3', { hasText: 'Latakia' }).count(), {
        timeout: 15_000,
      })
      .toBe(1)
    expect(await page.locator('.ledger .claim').count()).toBeGreaterThan(claimsBefore)
    expect(await page.textContent('.live-status')).toMatch(/^Live · updated/)
    // Same document: the page was updated in place, not reloaded.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    expect(problems.errors).toEqual([])
  })
})
