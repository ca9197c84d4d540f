import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { GazetteerEntry, PlaceKind } from '../../core/lexicon/gazetteer.js'
import { indexEntry, type IndexedEntry } from '../../core/stages/places/create-gazetteer.js'
import { FOLD_VERSION } from '../../core/text/fold-place-name.js'
import { InputFileError } from './input-file-error.js'
import { readGazetteerSources } from './read-gazetteer-sources.js'

/**
 * The built gazetteer: one UTF-8 text file, a stamp line then one entry a line with its folded
 * keys precomputed, so loading is split-and-Map (no folding, no JSON of 130k objects):
 *
 *   #triangulate-gazetteer <stamp>
 *   id \t name \t lat \t lon \t country \t kind \t featureClass \t featureCode \t population \t admin1 \t capital \t key key …
 */
const FORMAT_VERSION = 1
const MAGIC = '#triangulate-gazetteer'

/** Paths of the inputs and of the output, relative to the repository root. */
export function gazetteerPaths(repoRoot: string): { curated: string; output: string } {
  return {
    curated: path.join(repoRoot, 'data', 'gazetteer', 'curated.tsv'),
    output: path.join(repoRoot, 'data', 'gazetteer', 'build', 'gazetteer.tsv'),
  }
}

/**
 * What the built file must have been made from: the format, the fold rules and the curated
 * file. A different stamp means the file is stale and must be rebuilt.
 */
export function gazetteerStamp(curatedFile: string): string {
  let curated: string
  try {
    curated = readFileSync(curatedFile, 'utf8')
  } catch (cause) {
    throw new InputFileError(curatedFile, 'cannot read the curated gazetteer file', { cause })
  }
  const digest = createHash('sha256').update(curated).digest('hex').slice(0, 16)
  return `f${FORMAT_VERSION}.k${FOLD_VERSION}.c${digest}`
}

/** Reads the sources, folds every name and writes the built file atomically. */
export function buildGazetteerFile(repoRoot: string): { output: string; entries: number; keys: number } {
  const { curated, output } = gazetteerPaths(repoRoot)
  const stamp = gazetteerStamp(curated)
  const records = readGazetteerSources(curated)
  const lines: string[] = [`${MAGIC} ${stamp}`]
  let keys = 0
  for (const { entry, names } of records) {
    const indexed = indexEntry(entry, names)
    keys += indexed.keys.length
    lines.push(
      [
        entry.id,
        entry.name,
        entry.lat.toFixed(5).replace(/\.?0+$/, ''),
        entry.lon.toFixed(5).replace(/\.?0+$/, ''),
        entry.country,
        entry.kind,
        entry.featureClass,
        entry.featureCode ?? '',
        String(entry.population),
        entry.admin1 ?? '',
        entry.capital ?? '',
        indexed.keys.join(' '),
      ].join('\t'),
    )
  }
  mkdirSync(path.dirname(output), { recursive: true })
  const temporary = `${output}.${process.pid}.tmp`
  writeFileSync(temporary, lines.join('\n') + '\n')
  renameSync(temporary, output)
  return { output, entries: records.length, keys }
}

/**
 * Parses a built file; returns null when it is missing or its stamp differs from `stamp`.
 */
export function readGazetteerFile(file: string, stamp: string): IndexedEntry[] | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const firstBreak = text.indexOf('\n')
  if (text.slice(0, firstBreak) !== `${MAGIC} ${stamp}`) return null
  const entries: IndexedEntry[] = []
  let start = firstBreak + 1
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const cells = text.slice(start, end).split('\t')
    start = end + 1
    if (cells.length < 12) continue
    const [id, name, lat, lon, country, kind, featureClass, featureCode, population, admin1, capital, keys] =
      cells as [string, string, string, string, string, string, string, string, string, string, string, string]
    const entry: GazetteerEntry = {
      id,
      name,
      lat: Number(lat),
      lon: Number(lon),
      country,
      kind: kind as PlaceKind,
      featureClass,
      population: Number(population),
      ...(featureCode ? { featureCode } : {}),
      ...(admin1 ? { admin1 } : {}),
      ...(capital ? { capital } : {}),
    }
    entries.push({ entry, keys: keys === '' ? [] : keys.split(' ') })
  }
  return entries
}
