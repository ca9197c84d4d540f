/**
 * The static report as a person uses it: opened from a file:// path in headless Chromium with
 * every non-file request aborted. The map draws, the date slider recolours a place, a dispute
 * opens with both sentences highlighted, and markup inside an article stays text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
import { fixtureAnalysis, HOSTILE_TITLE } from './fixture.js'

if (!hasChromium)
  console.warn(`report e2e skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`)

/** The fill of the control marker of a place on the map. */
async function placeFill(page: Page, place: string): Promise<string | null> {
  return page.getAttribute(`path.control-marker[data-place="${place}"]`, 'fill')
}

/** Moves the date slider with the keyboard to `day`, as a person would. */
async function slideTo(page: Page, analysisDays: readonly string[], day: string): Promise<void> {
  const target = analysisDays.indexOf(day)
  expect(target).toBeGreaterThanOrEqual(0)
  await page.focus('#day-slider')
  await page.keyboard.press('Home')
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => page.inputValue('#day-slider')).toBe(String(target))
}

/** How many pixels of the base map canvas are painted (not transparent). */
async function paintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas')
    const context = canvas?.getContext('2d')
    if (!canvas || !context || canvas.width === 0) return 0
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data
    let painted = 0
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++
    return painted
  })
}

function daysOf(analysis: Analysis): string[] {
  const dates = [
    ...analysis.control.map((state) => state.date),
    ...analysis.timeline.flatMap((entry) => [entry.date.start, entry.date.end]),
  ].sort()
  const days: string[] = []
  for (
    let t = Date.parse(`${dates[0]}T00:00:00Z`);
    t <= Date.parse(`${dates[dates.length - 1]}T00:00:00Z`);
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

describe.skipIf(!hasChromium)('static report of the hand-written fixture', () => {
  let session: Session
  let page: Page
  let problems: PageProblems
  let url: string
  const analysis = fixtureAnalysis()

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-report-'))
    const file = path.join(dir, 'report.html')
    writeFileSync(file, renderHtmlReport(analysis))
    url = `file://${file}`
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
    expect(await page.locator('.leaflet-map-pane').count()).toBe(1)
    expect(
      await page
        .locator('.leaflet-marker-pane .event-cluster, .leaflet-marker-pane .event-marker')
        .count(),
    ).toBeGreaterThan(0)
    expect(problems.errors).toEqual([])
    expect(problems.blocked).toEqual([])
  })

  it('recolours a place when the date slider passes the day it changed hands', async () => {
    await page.goto(`${url}#map`)
    await page.waitForSelector('path.control-marker[data-place="place-velen"]')
    const days = daysOf(analysis)
    await slideTo(page, days, '2030-03-03')
    const before = await placeFill(page, 'place-velen')
    expect(
      await page.getAttribute('path.control-marker[data-place="place-velen"]', 'data-controller'),
    ).toBe('government')
    await slideTo(page, days, '2030-03-04')
    const after = await placeFill(page, 'place-velen')
    expect(
      await page.getAttribute('path.control-marker[data-place="place-velen"]', 'data-controller'),
    ).toBe('opposition')
    expect(after).not.toBe(before)
    // The disputed town is hatched rather than filled with a flat colour.
    expect(await placeFill(page, 'place-karsa')).toMatch(/^url\(#hatch-/)
    expect(await page.textContent('#map-day')).toBe('4 Mar 2030')
    expect(problems.errors).toEqual([])
  })

  it('opens a dispute with the sentence of each side highlighted', async () => {
    await page.goto(`${url}#disputes`)
    await page.click('[data-dispute="d1"] .dispute-open')
    const groups = page.locator('#evidence .evidence-group')
    await expect.poll(() => groups.count()).toBe(2)
    const current = (group: number) =>
      groups
        .nth(group)
        .locator('.article-text mark.current')
        .allTextContents()
        .then((parts) => parts.join(''))
    expect(await current(0)).toBe(
      'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group.',
    )
    expect(await current(1)).toBe(
      'The defence ministry denied that Karsa had fallen, calling the reports lies spread by terrorists.',
    )
    expect(await page.locator('#evidence').isVisible()).toBe(true)
    // Choosing the other report of the first side moves the highlight to its article.
    await groups.nth(0).locator('.evidence-item').nth(1).click()
    expect(await current(0)).toBe('Rebels captured Karsa on Sunday, residents told Harbour Daily.')
    await page.keyboard.press('Escape')
    expect(await page.locator('#evidence').isVisible()).toBe(false)
  })

  it('shows markup in an article title, outlet and body as text, and runs none of it', async () => {
    await page.goto(`${url}#ledger`)
    await page.click('[data-claim="c5"] .evidence-button')
    await page.waitForSelector('#evidence .article-title')
    expect(await page.textContent('#evidence .article-title')).toBe(HOSTILE_TITLE)
    expect(await page.textContent('#evidence .article-text')).toContain(
      '<script>window.__pwned = 3</script>',
    )
    expect(await page.textContent('#evidence .article-meta')).toContain('<b>Evil</b> Wire')
    expect(await page.locator('#app img, #app script, #app b').count()).toBe(0)
    // A javascript: address is not turned into a link.
    expect(await page.locator('#evidence a').count()).toBe(0)
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    ).toBeUndefined()
    expect(problems.errors).toEqual([])
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
