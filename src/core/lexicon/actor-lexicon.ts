import { foldKey } from '../text/fold-key.js'
import type { ActorEntry, ActorLexicon } from './lexicon.js'

/** Builds the alias index once: folded alias → entries. */
export function buildActorLexicon(entries: readonly ActorEntry[]): ActorLexicon {
  const index = new Map<string, ActorEntry[]>()
  let maxAliasWords = 1
  for (const entry of entries) {
    for (const alias of new Set([entry.name, ...entry.aliases])) {
      const key = foldKey(alias)
      const list = index.get(key) ?? []
      if (!list.includes(entry)) list.push(entry)
      index.set(key, list)
      maxAliasWords = Math.max(maxAliasWords, key.split(' ').length)
    }
  }
  return {
    entries,
    lookup: (foldedAlias) => index.get(foldedAlias) ?? [],
    maxAliasWords,
  }
}
