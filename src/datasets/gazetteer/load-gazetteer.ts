import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Gazetteer } from '../../core/lexicon/gazetteer.js'
import {
  buildGazetteerFile,
  gazetteerPaths,
  gazetteerStamp,
  readGazetteerFile,
} from './gazetteer-file.js'
import { InputFileError } from './input-file-error.js'

let cached: Gazetteer | null = null

/**
 * The offline gazetteer, loaded once per process from data/gazetteer/build/gazetteer.tsv. When
 * that file is missing or stale (older fold rules, edited curated.tsv) it is rebuilt from the
 * npm packages first, so a fresh clone works after `npm install`.
 *
 * @example const places = findPlaces(text, sentences, loadGazetteer())
 */
export function loadGazetteer(options: { repoRoot?: string } = {}): Gazetteer {
  if (cached && options.repoRoot === undefined) return cached
  const repoRoot = options.repoRoot ?? findRepoRoot()
  const { curated, output } = gazetteerPaths(repoRoot)
  const stamp = gazetteerStamp(curated)
  let gazetteer = readGazetteerFile(output, stamp)
  if (!gazetteer) {
    try {
      buildGazetteerFile(repoRoot)
    } catch (cause) {
      if (cause instanceof InputFileError) throw cause
      throw new InputFileError(
        output,
        `missing or stale, and rebuilding it failed (${String(cause)}); run npx tsx scripts/build-gazetteer.ts`,
        { cause },
      )
    }
    gazetteer = readGazetteerFile(output, stamp)
    if (!gazetteer) throw new InputFileError(output, 'was rebuilt but cannot be read back')
  }
  if (options.repoRoot === undefined) cached = gazetteer
  return gazetteer
}

/** The directory holding triangulate's package.json, from src/ or from dist/src/. */
export function findRepoRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = path.join(directory, 'package.json')
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name
      if (name === 'triangulate') return directory
    }
    const parent = path.dirname(directory)
    if (parent === directory)
      throw new InputFileError(
        fileURLToPath(import.meta.url),
        'cannot find the triangulate repository root',
      )
    directory = parent
  }
}
