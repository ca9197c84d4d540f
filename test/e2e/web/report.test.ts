/**
 * The static report as a person uses it: opened from a file:// path in headless Chromium with
 * every non-file request aborted. The map draws, the date slider recolours a place, a dispute
 * opens with both sentences highlighted, and markup inside an article stays text. Run over the
 * hand-written fixture (exact expectations) and over the example corpus through the real
 * pipeline, with one hostile article added.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { analyzeInputs } from '../../../src/app/analyze.js'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { renderHtmlReport } from '../../../src/export/html-report.js'
import {
  CHROMIUM,
  hasChromium,
  launchBrowser,
  openOffline,
  type PageProblems,
  type Session,
} from './browser.js'
import { fixtureAnalysis, HOSTILE_PLACE, HOSTILE_TITLE } from './fixture.js'
import {
  findControlChange,
  findTwoSidedDispute,
  openDispute,
  paintedPixels,
  placeMarker,
  slideTo,
} from './page-checks.js'

if (!hasChromium)
  console.warn(`report e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)

const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'fall-of-the-south')

/** An article written for this test whose title, outlet and body carry markup. */
const HOSTILE_ARTICLE = `outlet: <b>Evil</b> Wire
published: 2024-12-07
title: ${HOSTILE_TITLE}

Air strikes hit Daraa on Saturday morning, residents said. <script>window.__pwned = 3</script> A witness described <img src=x onerror="window.__pwned=4"> smoke over the market. </script><script>window.__pwned=5</script>
`

/** Writes the report to a temporary file and returns its file:// address. */
function writeReport(analysis: Analysis): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'triangulate-report-')), 'report.html')
  writeFileSync(file, renderHtmlReport(analysis))
  return `file://${file}`
}

/** Opens the article list on the summary and the article with the given id. */
async function openArticle(page: Page, url: string, doc: string): Promise<void> {
  await page.goto(`${url}#summary`)
  await page.click('details.articles summary')
  await page.click(`#article-list [data-doc="${doc}"] button`)
  await page.waitForSelector('#evidence.open .article-title')
}

/** Checks that the hostile article shows as text and none of its markup became elements or ran. */
async function expectHostileAsText(page: Page): Promise<void> {
  expect(await page.textContent('#evidence .article-title')).toBe(HOSTILE_TITLE)
  expect(await page.textContent('#evidence .article-text')).toContain(
    '<script>window.__pwned = 3</script>',
  )
  expect(await page.textContent('#evidence .article-meta')).toContain('<b>Evil</b> Wire')
  expect(await page.locator('#app img, #app script, #app b').count()).toBe(0)
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ).toBeUndefined()
}

describe.skipIf(!hasChromium)('static report of the hand-written fixture', () => {
  let session: Session
  let page: Page
  let problems: PageProblems
  let url: string
  const analysis = fixtureAnalysis()

  beforeAll(async () => {
    url = writeReport(analysis)
    session = await launchBrowser()
    ;({ page, problems } = await openOffline(session.context))
  })
  afterAll(async () => {
    await session?.close()
  })

  it('opens offline with no console errors and draws the map', async () => {
    await page.goto(`${url}#map`)
    await page.waitForSelector('.leaflet-overlay-pane svg path.control-marker')
    await expect
      .poll(() => page.locator('.leaflet-overlay-pane path.control-marker').count())
      .toBe(2)
    // The country borders are drawn on a canvas: it must hold painted pixels.
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(1000)
    expect(
      await page
        .locator('.leaflet-marker-pane .event-cluster, .leaflet-marker-pane .event-marker')
        .count(),
    ).toBeGreaterThan(0)
    // A place name carrying markup is a label's text, not an element.
    expect(await page.locator('.leaflet-tooltip', { hasText: HOSTILE_PLACE }).count()).toBe(1)
    expect(await page.locator('#app img').count()).toBe(0)
    expect(problems.errors).toEqual([])
    expect(problems.blocked).toEqual([])
  })

  it('recolours a place when the date slider passes the day it changed hands', async () => {
    await page.goto(`${url}#map`)
    await page.waitForSelector('path.control-marker[data-place="place-velen"]')
    await slideTo(page, analysis, '2030-03-03')
    const before = await placeMarker(page, 'place-velen')
    expect(before.controller).toBe('government')
    await slideTo(page, analysis, '2030-03-04')
    const after = await placeMarker(page, 'place-velen')
    expect(after.controller).toBe('opposition')
    expect(after.fill).not.toBe(before.fill)
    // The disputed town is hatched rather than filled with a flat colour.
    expect((await placeMarker(page, 'place-karsa')).fill).toMatch(/^url\(#hatch-/)
    expect(await page.textContent('#map-day')).toBe('4 Mar 2030')
    // The list beside the map says the same, for keyboards and screen readers.
    expect(
      await page.getAttribute('#place-list [data-place="place-velen"]', 'data-controller'),
    ).toBe('opposition')
    expect(problems.errors).toEqual([])
  })

  it('opens a dispute with the sentence of each side highlighted', async () => {
    await page.goto(`${url}#disputes`)
    expect(await openDispute(page, 'd1')).toEqual([
      'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group.',
      'The defence ministry denied that Karsa had fallen, calling the reports lies spread by terrorists.',
    ])
    // Choosing the other report of the first side moves the highlight to its article.
    const first = page.locator('#evidence .evidence-group').nth(0)
    await first.locator('.evidence-item').nth(1).click()
    expect((await first.locator('.article-text mark.current').allTextContents()).join('')).toBe(
      'Rebels captured Karsa on Sunday, residents told Harbour Daily.',
    )
    await page.keyboard.press('Escape')
    expect(await page.locator('#evidence').isVisible()).toBe(false)
  })

  it('shows markup in an article title, outlet and body as text, and runs none of it', async () => {
    await page.goto(`${url}#ledger`)
    await page.click('[data-claim="c5"] .evidence-button')
    await page.waitForSelector('#evidence .article-title')
    await expectHostileAsText(page)
    // A javascript: address is not turned into a link.
    expect(await page.locator('#evidence a').count()).toBe(0)
    expect(problems.errors).toEqual([])
  })

  it("opens a place's mentions from the ledger, each outlet's words marked", async () => {
    await page.goto(`${url}#ledger`)
    await page.click('[data-claim="c1"] .place-line button')
    await page.waitForSelector('#evidence.open .article-text mark.current')
    expect(await page.textContent('#evidence h2')).toBe('Karsa')
    expect(await page.locator('#evidence .evidence-item').count()).toBe(3)
    expect(await page.textContent('#evidence .article-text mark.current')).toBe('Karsa')
    await page.keyboard.press('Escape')
  })

  it('reaches every view and the evidence from the keyboard', async () => {
    await page.goto(`${url}#summary`)
    await page.reload() // a fresh document: focus starts at the top, not where the last test left it
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Tab') // first view link
    expect(await page.evaluate(() => document.activeElement?.textContent?.slice(0, 40))).toBe(
      'Summary',
    )
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter') // Timeline
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#timeline')
    await page.focus('.timeline-label')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#evidence.open mark.current')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evidence-title')
  })
})

describe.skipIf(!hasChromium)('static report of the example corpus', () => {
  let session: Session
  let page: Page
  let problems: PageProblems
  let url: string
  let analysis: Analysis

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-hostile-'))
    const hostile = path.join(dir, 'hostile-wire.txt')
    writeFileSync(hostile, HOSTILE_ARTICLE)
    ;({ analysis } = await analyzeInputs([EXAMPLE, hostile]))
    url = writeReport(analysis)
    session = await launchBrowser()
    ;({ page, problems } = await openOffline(session.context))
  })
  afterAll(async () => {
    await session?.close()
  })

  it('opens offline with no console errors and draws the map with its places and events', async () => {
    await page.goto(`${url}#map`)
    await page.waitForSelector('.leaflet-overlay-pane svg path.control-marker')
    await expect.poll(() => paintedPixels(page)).toBeGreaterThan(1000)
    expect(
      await page
        .locator('.leaflet-marker-pane .event-cluster, .leaflet-marker-pane .event-marker')
        .count(),
    ).toBeGreaterThan(0)
    expect(problems.errors).toEqual([])
    expect(problems.blocked).toEqual([])
  })

  it('recolours a place when the date slider passes the day it changed hands', async () => {
    const change = findControlChange(analysis)
    expect(change, 'the example corpus has a place that changes hands').not.toBeNull()
    await page.goto(`${url}#map`)
    await page.waitForSelector(`path.control-marker[data-place="${change!.place}"]`)
    await slideTo(page, analysis, change!.before.day)
    const before = await placeMarker(page, change!.place)
    expect(before.controller).toBe(change!.before.controller)
    await slideTo(page, analysis, change!.after.day)
    const after = await placeMarker(page, change!.place)
    expect(after.controller).toBe(change!.after.controller)
    expect(after.fill).not.toBe(before.fill)
    expect(problems.errors).toEqual([])
  })

  it('opens a dispute with the sentence of each side highlighted', async () => {
    const dispute = findTwoSidedDispute(analysis)
    expect(dispute, 'the example corpus has a dispute with two sides').not.toBeNull()
    await page.goto(`${url}#disputes`)
    const highlighted = await openDispute(page, dispute!.id)
    expect(highlighted.slice(0, 2)).toEqual(dispute!.quotes)
    expect(problems.errors).toEqual([])
  })

  it('shows the hostile article as text and runs none of its markup', async () => {
    await openArticle(page, url, 'hostile-wire')
    await expectHostileAsText(page)
    expect(problems.errors).toEqual([])
  })
})

describe.skipIf(!hasChromium)('static report of an empty analysis', () => {
  it('draws every view with its empty message and no console errors', async () => {
    const empty: Analysis = {
      schema: 'triangulate.analysis/1',
      generatedAt: '2030-01-01T00:00:00.000Z',
      documents: [],
      entities: [],
      events: [],
      claims: [],
      disputes: [],
      control: [],
      timeline: [],
      diagnostics: [],
    }
    const url = writeReport(empty)
    const session = await launchBrowser()
    try {
      const { page, problems } = await openOffline(session.context)
      const expected: Record<string, string> = {
        summary: 'No claim is confirmed by two independent origins yet.',
        map: 'No control reported up to this day.',
        timeline: 'No dated claims.',
        ledger: '0 of 0 claims',
        disputes: 'The reports do not contradict each other on anything found.',
        framing: 'No actor or action terms found.',
      }
      for (const [view, message] of Object.entries(expected)) {
        await page.goto(`${url}#${view}`)
        await expect.poll(() => page.textContent('main#view')).toContain(message)
      }
      expect(problems.errors).toEqual([])
    } finally {
      await session.close()
    }
  })
})
