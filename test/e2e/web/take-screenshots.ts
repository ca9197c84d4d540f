/**
 * Writes the screenshots in docs/screenshots/: every view of the example corpus' report at
 * 1366×768, and three views at a phone's 390×844. `npx tsx test/e2e/web/take-screenshots.ts`.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { analyzeInputs } from '../../../src/app/analyze.js'
import { renderHtmlReport } from '../../../src/export/html-report.js'
import { launchBrowser, openOffline } from './browser.js'
import { findTwoSidedDispute } from './analysis-probes.js'

const root = path.resolve(import.meta.dirname, '..', '..', '..')
const example = path.join(root, 'examples', 'fall-of-the-south')
const out = path.join(root, 'docs', 'screenshots')
mkdirSync(out, { recursive: true })

const files = readdirSync(example)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => path.join(example, name))
const { analysis } = await analyzeInputs(files, { generatedAt: '2024-12-10T00:00:00.000Z' })
const report = path.join(mkdtempSync(path.join(os.tmpdir(), 'triangulate-shots-')), 'report.html')
writeFileSync(report, renderHtmlReport(analysis))
const dispute = findTwoSidedDispute(analysis)

const shots: {
  name: string
  view: string
  width: number
  height: number
  openDispute?: boolean
}[] = [
  { name: 'summary', view: 'summary', width: 1366, height: 768 },
  { name: 'map', view: 'map', width: 1366, height: 768 },
  { name: 'timeline', view: 'timeline', width: 1366, height: 768 },
  { name: 'claims', view: 'ledger', width: 1366, height: 768 },
  { name: 'disputes', view: 'disputes', width: 1366, height: 768 },
  { name: 'framing', view: 'framing', width: 1366, height: 768 },
  { name: 'evidence', view: 'disputes', width: 1366, height: 768, openDispute: true },
  { name: 'phone-map', view: 'map', width: 390, height: 844 },
  { name: 'phone-claims', view: 'ledger', width: 390, height: 844 },
  { name: 'phone-evidence', view: 'disputes', width: 390, height: 844, openDispute: true },
]
for (const shot of shots) {
  const session = await launchBrowser({ width: shot.width, height: shot.height })
  const { page, problems } = await openOffline(session.context)
  await page.goto(`file://${report}#${shot.view}`)
  await page.waitForSelector('main#view section.view')
  if (shot.view === 'map') await page.waitForSelector('.leaflet-overlay-pane canvas')
  if (shot.openDispute && dispute) {
    await page.click(`[data-dispute="${dispute.id}"] .dispute-open`)
    await page.waitForSelector('#evidence.open mark.current')
  }
  await page.waitForTimeout(300)
  const file = path.join(out, `${shot.name}.png`)
  await page.screenshot({ path: file })
  process.stdout.write(
    `${path.relative(root, file)}  ${(statSync(file).size / 1024).toFixed(0)} KiB${problems.errors.length > 0 ? `  console errors: ${problems.errors.join(' | ')}` : ''}\n`,
  )
  await session.close()
}
