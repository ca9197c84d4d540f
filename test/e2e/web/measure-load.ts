/**
 * Prints how long the static report takes to show each view for a story of 1,000 articles
 * (the issue asks for under 2 s). Measures, asserts nothing: `npx tsx test/e2e/web/measure-load.ts [copies]`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { renderHtmlReport } from '../../../src/export/html-report.js'
import { launchBrowser, openOffline } from './browser.js'
import { scaledAnalysis } from './scaled-fixture.js'

const copies = Number(process.argv[2] ?? 200)
const analysis = scaledAnalysis(copies)
const started = performance.now()
const html = renderHtmlReport(analysis)
const renderMs = performance.now() - started
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'triangulate-load-')), 'report.html')
writeFileSync(file, html)
process.stdout.write(
  `${analysis.documents.length} articles, ${analysis.events.length} events, ${analysis.claims.length} claims: ` +
    `report ${(html.length / 1024 / 1024).toFixed(1)} MiB rendered in ${renderMs.toFixed(0)} ms\n`,
)

const session = await launchBrowser()
const { page, problems } = await openOffline(session.context)
const views: [string, string][] = [
  ['summary', '.summary-view'],
  ['map', '.leaflet-overlay-pane path.control-marker'],
  ['timeline', '.timeline-row'],
  ['ledger', '.ledger .claim'],
  ['disputes', '.dispute'],
  ['framing', '.framing-table'],
]
// Best of three fresh loads per view: the machine may be busy with other work.
for (const [view, selector] of views) {
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    await page.goto('about:blank')
    const t = performance.now()
    await page.goto(`file://${file}#${view}`)
    await page.waitForSelector(selector)
    best = Math.min(best, performance.now() - t)
  }
  process.stdout.write(`  ${view.padEnd(9)} shown ${best.toFixed(0)} ms after opening the file\n`)
}
if (problems.errors.length > 0)
  process.stdout.write(`console errors: ${problems.errors.join(' | ')}\n`)
await session.close()
