import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Gazetteer, GazetteerEntry, PlaceKind } from '../../core/lexicon/gazetteer.js'
import { indexEntry } from '../../core/stages/places/create-gazetteer.js'
import { FOLD_VERSION } from '../../core/text/fold-place-name.js'
import { InputFileError } from './input-file-error.js'
import { readGazetteerSources } from './read-gazetteer-sources.js'

/**
 * The built gazetteer: one UTF-8 text file, a stamp line then one entry a line, its folded keys
 * first and precomputed, so loading only indexes keys and ids; an entry's other fields are
 * parsed the first time a lookup returns it (most of the 140k entries never are):
 *
 *   #triangulate-gazetteer <stamp> <maxNameWords>
 *   key key … \t id \t name \t lat \t lon \t country \t kind \t featureClass \t featureCode \t population \t admin1 \t capital \t alias|alias… \t adminType \t admin2
 */
const FORMAT_VERSION = 7
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
export function buildGazetteerFile(repoRoot: string): {
  output: string
  entries: number
  keys: number
} {
  const { curated, output } = gazetteerPaths(repoRoot)
  const stamp = gazetteerStamp(curated)
  const records = readGazetteerSources(curated)
  const lines: string[] = []
  let keys = 0
  let maxNameWords = 1
  for (const { entry, names } of records) {
    const indexed = indexEntry(entry, names)
    keys += indexed.keys.length
    maxNameWords = Math.max(maxNameWords, entry.name.split(/[\s-]+/).length)
    lines.push(
      [
        indexed.keys.join(' '),
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
        aliasesOf(entry.name, names).join('|'),
        entry.adminType ?? '',
        entry.admin2 ?? '',
      ].join('\t'),
    )
  }
  lines.unshift(`${MAGIC} ${stamp} ${Math.min(maxNameWords, 8)}`)
  mkdirSync(path.dirname(output), { recursive: true })
  const temporary = `${output}.${process.pid}.tmp`
  writeFileSync(temporary, lines.join('\n') + '\n')
  renameSync(temporary, output)
  return { output, entries: records.length, keys }
}

const NO_ENTRIES: readonly GazetteerEntry[] = []

/** The names of an entry other than its canonical one, once each, without tabs or bars. */
function aliasesOf(name: string, names: readonly string[]): string[] {
  const seen = new Set([name.toLowerCase()])
  const aliases: string[] = []
  for (const alias of names) {
    const clean = alias.replace(/[\t|\n]/g, ' ').trim()
    if (clean === '' || seen.has(clean.toLowerCase())) continue
    seen.add(clean.toLowerCase())
    aliases.push(clean)
  }
  return aliases
}

/**
 * Opens a built file as a Gazetteer; returns null when it is missing or its stamp differs from
 * `stamp`. Indexes every key and id at once (Maps), parses entries lazily.
 */
export function readGazetteerFile(file: string, stamp: string): Gazetteer | null {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const firstBreak = text.indexOf('\n')
  const header = text.slice(0, firstBreak).split(' ')
  if (header[0] !== MAGIC || header[1] !== stamp) return null
  const maxNameWords = Number(header[2] ?? 4)
  const lineStarts: number[] = []
  const linesByKey = new Map<string, number[]>()
  let start = firstBreak + 1
  while (start < text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const keysEnd = text.indexOf('\t', start)
    const idEnd = text.indexOf('\t', keysEnd + 1)
    if (keysEnd > 0 && keysEnd < end && idEnd < end) {
      const line = lineStarts.length
      lineStarts.push(start)
      let keyStart = start
      while (keyStart < keysEnd) {
        let keyEnd = text.indexOf(' ', keyStart)
        if (keyEnd === -1 || keyEnd > keysEnd) keyEnd = keysEnd
        const key = text.slice(keyStart, keyEnd)
        const lines = linesByKey.get(key)
        if (lines) lines.push(line)
        else linesByKey.set(key, [line])
        keyStart = keyEnd + 1
      }
    }
    start = end + 1
  }
  const parsed: (GazetteerEntry | undefined)[] = new Array(lineStarts.length)
  const entryAt = (line: number): GazetteerEntry => {
    const cached = parsed[line]
    if (cached) return cached
    const lineStart = lineStarts[line] as number
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = text.length
    const [
      ,
      id,
      name,
      lat,
      lon,
      country,
      kind,
      featureClass,
      featureCode,
      population,
      admin1,
      capital,
      aliases,
      adminType,
      admin2,
    ] = text.slice(lineStart, lineEnd).split('\t') as string[]
    const entry: { -readonly [K in keyof GazetteerEntry]: GazetteerEntry[K] } = {
      id: id as string,
      name: name as string,
      lat: Number(lat),
      lon: Number(lon),
      country: country as string,
      kind: kind as PlaceKind,
      featureClass: featureClass as string,
      population: Number(population),
      // Key order as written before every entry had every field: the JSON stays byte-identical.
      featureCode: featureCode || undefined,
      admin1: admin1 || undefined,
      capital: capital || undefined,
      aliases: aliases ? aliases.split('|') : undefined,
      adminType: adminType || undefined,
      admin2: admin2 || undefined,
    }
    parsed[line] = entry
    return entry
  }
  let lineById: Map<string, number> | undefined
  // One array per key, kept: callers may group mentions by the identity of the array.
  const entriesByKey = new Map<string, readonly GazetteerEntry[]>()
  return {
    lookup(foldedName) {
      const cached = entriesByKey.get(foldedName)
      if (cached) return cached
      const lines = linesByKey.get(foldedName)
      if (!lines) return NO_ENTRIES
      const entries = lines.map(entryAt)
      entriesByKey.set(foldedName, entries)
      return entries
    },
    get(id) {
      // Ids are indexed on the first get(): lookups alone never need them.
      lineById ??= indexIds(text, lineStarts)
      const line = lineById.get(id)
      return line === undefined ? undefined : entryAt(line)
    },
    maxNameWords,
  }
}

/** Maps every entry id (the second column) to its line number. */
function indexIds(text: string, lineStarts: readonly number[]): Map<string, number> {
  const lineById = new Map<string, number>()
  lineStarts.forEach((start, line) => {
    const keysEnd = text.indexOf('\t', start)
    const idEnd = text.indexOf('\t', keysEnd + 1)
    lineById.set(text.slice(keysEnd + 1, idEnd), line)
  })
  return lineById
}
