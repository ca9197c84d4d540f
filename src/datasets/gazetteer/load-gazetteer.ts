import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync } from 'node:fs'
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
    rebuildOnce(repoRoot, output, () => readGazetteerFile(output, stamp) !== null)
    gazetteer = readGazetteerFile(output, stamp)
    if (!gazetteer) throw new InputFileError(output, 'was rebuilt but cannot be read back')
  }
  if (options.repoRoot === undefined) cached = gazetteer
  return gazetteer
}

const LOCK_STALE_MS = 5 * 60_000
const WAIT_LIMIT_MS = 4 * 60_000

/**
 * Rebuilds the file, once across processes: parallel test workers of a fresh clone would
 * otherwise all build it at the same time. The first takes a lock file; the others wait until
 * the file is ready (or the lock is abandoned) instead of building too.
 */
function rebuildOnce(repoRoot: string, output: string, isReady: () => boolean): void {
  const lock = `${output}.lock`
  const started = Date.now()
  mkdirSync(path.dirname(output), { recursive: true })
  for (;;) {
    let descriptor: number | null = null
    try {
      descriptor = openSync(lock, 'wx')
    } catch {
      descriptor = null
    }
    if (descriptor !== null) {
      try {
        if (!isReady()) buildOrExplain(repoRoot, output)
      } finally {
        closeSync(descriptor)
        rmSync(lock, { force: true })
      }
      return
    }
    if (isReady()) return
    const age = lockAge(lock)
    if (age > LOCK_STALE_MS) rmSync(lock, { force: true })
    if (Date.now() - started > WAIT_LIMIT_MS) {
      buildOrExplain(repoRoot, output)
      return
    }
    sleep(250)
  }
}

function buildOrExplain(repoRoot: string, output: string): void {
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
}

function lockAge(lock: string): number {
  try {
    return Date.now() - statSync(lock).mtimeMs
  } catch {
    return 0
  }
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds)
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
