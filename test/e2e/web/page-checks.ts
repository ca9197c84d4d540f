/**
 * The steps a person takes on the page, shared by the report test and the served-app test.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { indexAnalysis } from '../../../src/web/client/analysis-index.js'

export { findControlChange, findTwoSidedDispute, type ControlChange } from './analysis-probes.js'

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
