/**
 * What the browser tests look for, shared by the report test and the served-app test: the place
 * whose controller changes, the dispute to open, and the steps a person takes on the page.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { indexAnalysis } from '../../../src/web/client/analysis-index.js'
import { disputeSides } from '../../../src/web/client/components/evidence-requests.js'

/** A place that changes hands: the day before (old controller) and the day of the change. */
export interface ControlChange {
  readonly place: string
  readonly name: string
  readonly before: { readonly day: string; readonly controller: string }
  readonly after: { readonly day: string; readonly controller: string }
}

/** The first mapped place whose controller differs between two of its dated states. */
export function findControlChange(analysis: Analysis): ControlChange | null {
  const byPlace = new Map<string, Analysis['control'][number][]>()
  for (const state of analysis.control) {
    if (state.place.lat == null || state.place.lon == null) continue
    byPlace.set(state.place.entity, [...(byPlace.get(state.place.entity) ?? []), state])
  }
  for (const [place, states] of byPlace) {
    const days = [...new Set(states.map((state) => state.date))].sort()
    // The controller on a day is that of the latest state dated on or before it; skip days with two.
    const on = (day: string) => {
      const same = states.filter((state) => state.date === day)
      return same.length === 1 ? same[0]!.controller : null
    }
    for (let i = 0; i + 1 < days.length; i++) {
      const before = on(days[i]!)
      const after = on(days[i + 1]!)
      if (before && after && before !== after) {
        return {
          place,
          name: states[0]!.place.name,
          before: { day: days[i]!, controller: before },
          after: { day: days[i + 1]!, controller: after },
        }
      }
    }
  }
  return null
}

/** The first dispute whose two sides both have reports, with the quote of each side's first report. */
export function findTwoSidedDispute(
  analysis: Analysis,
): { id: string; quotes: [string, string] } | null {
  const index = indexAnalysis(analysis)
  for (const dispute of analysis.disputes) {
    const sides = disputeSides(index, dispute).filter((side) => side.items.length > 0)
    if (sides.length >= 2)
      return {
        id: dispute.id,
        quotes: [sides[0]!.items[0]!.span.text, sides[1]!.items[0]!.span.text],
      }
  }
  return null
}

/** Moves the date slider with the keyboard to `day`, as a person would. */
export async function slideTo(page: Page, analysis: Analysis, day: string): Promise<void> {
  const target = indexAnalysis(analysis).days.indexOf(day)
  expect(target).toBeGreaterThanOrEqual(0)
  await page.focus('#day-slider')
  await page.keyboard.press('Home')
  for (let i = 0; i < target; i++) await page.keyboard.press('ArrowRight')
  await expect.poll(() => page.inputValue('#day-slider')).toBe(String(target))
}

/** The controller and fill of a place's marker on the map. */
export async function placeMarker(
  page: Page,
  place: string,
): Promise<{ controller: string | null; fill: string | null }> {
  const selector = `path.control-marker[data-place="${place}"]`
  return {
    controller: await page.getAttribute(selector, 'data-controller'),
    fill: await page.getAttribute(selector, 'fill'),
  }
}

/** How many pixels of the base map canvas are painted (not transparent). */
export async function paintedPixels(page: Page): Promise<number> {
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

/** Opens a dispute from the dispute view and returns the highlighted words of each side. */
export async function openDispute(page: Page, id: string): Promise<string[]> {
  await page.click(`[data-dispute="${id}"] .dispute-open`)
  const groups = page.locator('#evidence .evidence-group')
  await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(2)
  const texts: string[] = []
  for (let i = 0; i < (await groups.count()); i++) {
    texts.push(
      (await groups.nth(i).locator('.article-text mark.current').allTextContents()).join(''),
    )
  }
  return texts
}
