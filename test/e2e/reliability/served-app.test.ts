/**
 * The served web app over a real store that holds hostile articles: the real server on
 * loopback, Chromium visiting every view and opening the evidence of every event it can. No
 * markup from an article may become an element, no script of it may run, and the page must
 * raise no CSP violation (which would mean markup reached the DOM as HTML).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestInputs } from '../../../src/app/ingest.js'
import { createApp } from '../../../src/server/app.js'
import { type RunningServer, startServer } from '../../../src/server/start-server.js'
import { createStoreSource } from '../../../src/server/store-source.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'
import type { Store } from '../../../src/store/store.js'
import { writeWebAssets } from '../../../src/web/web-assets.js'
import { CHROMIUM, hasChromium, launchBrowser, openOffline, type Session } from '../web/browser.js'

const PAYLOAD =
  '<img src=x id=injected-img onerror="window.__pwned=1"><script id=injected-script>window.__pwned=2</script><svg onload="window.__pwned=3" id=injected-svg></svg><a id=injected-link href="javascript:window.__pwned=4">x</a>'

/** Hostile articles we wrote: markup in the outlet, the title and the sentence of the event. */
const ARTICLES = [
  {
    text: `Opposition fighters took control of Homs on Friday, ${PAYLOAD} a war monitor said.`,
    outlet: `<b id=injected-b>Evil</b> Wire ${PAYLOAD}`,
    title: `Breaking ${PAYLOAD}`,
    published: '2024-12-06',
  },
  {
    text: `The army denied that Homs had fallen ${PAYLOAD}, calling the reports lies. Government troops withdrew from Hama on Thursday, residents said.`,
    outlet: 'Plain Wire',
    title: '</title><script>window.__pwned=5</script>',
    published: '2024-12-06',
  },
]

if (!hasChromium) console.warn(`served app injection test skipped: ${CHROMIUM} is missing`)

describe.skipIf(!hasChromium)('served web app with hostile articles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-served-'))
  let store: Store
  let server: RunningServer
  let session: Session

  beforeAll(async () => {
    const webRoot = join(dir, 'web')
    writeWebAssets(webRoot)
    store = await openSqliteStore(join(dir, 'store.db'))
    // One article through the file ingest path, one through the API's write route.
    const file = join(dir, 'hostile.txt')
    const first = ARTICLES[0]!
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      file,
      `outlet: ${first.outlet}\ntitle: ${first.title}\npublished: ${first.published}\n\n${first.text}\n`,
    )
    const report = await ingestInputs(store, [file])
    expect(report.problems).toEqual([])
    server = await startServer(
      createApp(createStoreSource(store, { writable: true }), {
        webRoot,
        allowWrite: true,
        pollIntervalMs: 200,
      }),
      { port: 0, host: '127.0.0.1' },
    )
    const posted = await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ARTICLES[1]),
    })
    expect(posted.status).toBe(201)
    session = await launchBrowser()
  }, 120_000)

  afterAll(async () => {
    await session?.close()
    await server?.close()
    await store?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  async function injected(page: Page) {
    return page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      elements: document.querySelectorAll(
        '#injected-img, #injected-script, #injected-svg, #injected-link, #injected-b, img[src="x"], [onerror], [onload]',
      ).length,
      javascriptLinks: [...document.querySelectorAll('a[href]')].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
    }))
  }

  it('shows the markup as text on every view and in the evidence, and runs none of it', async () => {
    const { page, problems } = await openOffline(session.context, server.url)
    const cspViolations: string[] = []
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    await page.goto(`${server.url}/`)
    await page.waitForSelector('nav a')
    const views = await page.$$eval('nav a', (links) => links.map((a) => a.getAttribute('href')))
    expect(views.length).toBeGreaterThan(3)
    let shownAsText = 0
    for (const view of views) {
      await page.goto(`${server.url}/${view}`)
      await page.waitForTimeout(300)
      // Open the first few things that open evidence on this view.
      const openers = page.locator('main button, main [role="button"]')
      const count = Math.min(await openers.count(), 6)
      for (let index = 0; index < count; index++) {
        await openers
          .nth(index)
          .click({ timeout: 2000 })
          .catch(() => {})
        await page.waitForTimeout(100)
      }
      const text = await page.evaluate(() => document.body.innerText)
      if (text.includes('<script')) shownAsText++
      expect(await injected(page), String(view)).toEqual({
        pwned: null,
        elements: 0,
        javascriptLinks: 0,
      })
    }
    // The payload is visible somewhere as the literal text the article contained.
    expect(shownAsText).toBeGreaterThan(0)
    expect(cspViolations).toEqual([])
    // Known, unrelated to injection (docs/reliability.md, defect 4): leaving the map view while
    // Leaflet is still animating a click throws "reading '_leaflet_pos'" from Leaflet.
    expect(problems.errors.filter((error) => !/_leaflet_pos/.test(error))).toEqual([])
    await page.close()
  }, 120_000)

  // Defect 4 (docs/reliability.md), open: leaving the map view while Leaflet animates a zoom
  // throws "Cannot read properties of undefined (reading '_leaflet_pos')" from an animation
  // frame that runs after the map was removed.
  it('leaves the map view in the middle of a zoom without an error', async () => {
    const { page, problems } = await openOffline(session.context, server.url)
    await page.goto(`${server.url}/#map`)
    await page.waitForSelector('.leaflet-control-zoom-in')
    for (let round = 0; round < 3; round++) {
      await page.click('.leaflet-control-zoom-in')
      await page.evaluate(() => (location.hash = '#timeline'))
      await page.waitForTimeout(400)
      await page.evaluate(() => (location.hash = '#map'))
      await page.waitForSelector('.leaflet-control-zoom-in')
    }
    await page.waitForTimeout(500)
    await page.close()
    expect(problems.errors.filter((error) => /_leaflet_pos/.test(error))).toEqual([])
  }, 120_000)
})
