import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.js'
import { foldPlaceName } from '../../text/fold-place-name.js'

/** A gazetteer entry with its folded lookup keys (see foldPlaceName). */
export interface IndexedEntry {
  readonly entry: GazetteerEntry
  readonly keys: readonly string[]
}

const NO_ENTRIES: readonly GazetteerEntry[] = []

/**
 * Builds the in-memory Gazetteer: one Map from folded key to entries, one from id to entry.
 * Pure, so stage tests can build a small gazetteer from records they write.
 */
export function createGazetteer(entries: Iterable<IndexedEntry>): Gazetteer {
  const byKey = new Map<string, GazetteerEntry[]>()
  const byId = new Map<string, GazetteerEntry>()
  let maxNameWords = 1
  for (const { entry, keys } of entries) {
    byId.set(entry.id, entry)
    for (const key of keys) {
      const list = byKey.get(key)
      if (list) list.push(entry)
      else byKey.set(key, [entry])
    }
    const words = countWords(entry.name)
    if (words > maxNameWords) maxNameWords = words
  }
  return {
    lookup: (foldedName) => byKey.get(foldedName) ?? NO_ENTRIES,
    get: (id) => byId.get(id),
    maxNameWords: Math.min(maxNameWords, 8),
  }
}

/** Folds every name of an entry into its unique keys. */
export function indexEntry(entry: GazetteerEntry, names: readonly string[]): IndexedEntry {
  const keys = new Set<string>()
  for (const name of [entry.name, ...names]) {
    const key = foldPlaceName(name)
    if (key !== '') keys.add(key)
  }
  return { entry, keys: [...keys] }
}

function countWords(name: string): number {
  let words = 1
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index)
    if (code === 32 || code === 45) words++
  }
  return words
}
