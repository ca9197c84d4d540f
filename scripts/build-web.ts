/**
 * Builds the browser app into dist/web (app.js, app.css, index.html, basemap.json) and prints
 * the sizes. Run by `npm run build` after tsc, or directly: `npx tsx scripts/build-web.ts`.
 */
import path from 'node:path'
import { findRepoRoot, WEB_OUT_DIR, writeWebAssets } from '../src/web/web-assets.js'

const root = findRepoRoot()
const outDir = path.join(root, WEB_OUT_DIR)
const sizes = writeWebAssets(outDir, root)
for (const [name, bytes] of Object.entries(sizes)) {
  process.stdout.write(`${path.join(WEB_OUT_DIR, name)}  ${(bytes / 1024).toFixed(1)} KiB\n`)
}
