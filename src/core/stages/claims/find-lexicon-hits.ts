import type { ClaimCues, CueRule, FramingTerm, TriggerRule } from '../../lexicon/claim-cues.js'
import { firstWords, matchPatternAt, type WordPattern } from '../../lexicon/patterns.js'
import type { Word } from '../../text/words.js'

/** A lexicon entry matched over the words [start, end) of a sentence. */
export interface Hit<T> {
  readonly item: T
  readonly start: number // word index
  readonly end: number // word index after
}

/** The triggers, cues and framing terms of one sentence. */
export interface LexiconHits {
  readonly triggers: Hit<TriggerRule>[]
  readonly cues: Hit<CueRule>[]
  readonly framing: Hit<FramingTerm>[]
}

/** The entries of each claims lexicon that may start at one folded word, in lexicon order. */
interface WordCandidates {
  readonly triggers: readonly TriggerRule[]
  readonly cues: readonly CueRule[]
  readonly framing: readonly FramingTerm[]
}

type Indexed<T> = {
  readonly byWord: Map<string, T[]>
  /** Prefix patterns (`terrorist*`) by their first two letters, so a word checks only its own. */
  readonly byPrefix: Map<string, { prefix: string; item: T }[]>
  readonly always: T[]
}

interface LexiconIndex {
  readonly triggers: Indexed<TriggerRule>
  readonly cues: Indexed<CueRule>
  readonly framing: Indexed<FramingTerm>
  /** Candidates per folded word, computed once per word of the vocabulary. */
  readonly byFolded: Map<string, WordCandidates>
}

// Most words start no entry of any lexicon: they share this one answer.
const NO_CANDIDATES: WordCandidates = { triggers: [], cues: [], framing: [] }
// The vocabulary memo is dropped when it grows past this many words, so a long-running worker
// reading an unbounded corpus keeps bounded memory (re-filling costs one lookup per new word).
const MAX_MEMO_WORDS = 200_000

const indexCache = new WeakMap<ClaimCues, LexiconIndex>()

function indexOf(cues: ClaimCues): LexiconIndex {
  let index = indexCache.get(cues)
  if (!index) {
    index = {
      triggers: indexByFirstWord(cues.triggers),
      cues: indexByFirstWord(cues.cues),
      framing: indexByFirstWord(cues.framing),
      byFolded: new Map(),
    }
    indexCache.set(cues, index)
  }
  return index
}

function indexByFirstWord<T extends { pattern: WordPattern }>(items: readonly T[]): Indexed<T> {
  const byWord = new Map<string, T[]>()
  const byPrefix = new Map<string, { prefix: string; item: T }[]>()
  const always: T[] = []
  for (const item of items) {
    const first = firstWords(item.pattern)
    if (!first) {
      always.push(item)
      continue
    }
    for (const word of first.alternatives) byWord.set(word, [...(byWord.get(word) ?? []), item])
    for (const prefix of first.prefixes) {
      const key = prefix.slice(0, 2)
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), { prefix, item }])
    }
  }
  return { byWord, byPrefix, always }
}

/** The entries that may start at a word: exact first words, then any-start patterns, then prefixes. */
function candidatesAt<T>(index: Indexed<T>, folded: string): readonly T[] {
  const found: T[] = [...(index.byWord.get(folded) ?? []), ...index.always]
  // (A one-letter prefix pattern is keyed by its one letter.)
  for (const entries of [
    index.byPrefix.get(folded.slice(0, 2)),
    index.byPrefix.get(folded.slice(0, 1)),
  ])
    if (entries)
      for (const { prefix, item } of entries) if (folded.startsWith(prefix)) found.push(item)
  return found
}

function candidatesOf(index: LexiconIndex, folded: string): WordCandidates {
  let candidates = index.byFolded.get(folded)
  if (candidates) return candidates
  const triggers = candidatesAt(index.triggers, folded)
  const cues = candidatesAt(index.cues, folded)
  const framing = candidatesAt(index.framing, folded)
  candidates =
    triggers.length + cues.length + framing.length === 0
      ? NO_CANDIDATES
      : { triggers, cues, framing }
  if (index.byFolded.size >= MAX_MEMO_WORDS) index.byFolded.clear()
  index.byFolded.set(folded, candidates)
  return candidates
}

/**
 * The triggers, cues and framing terms of a sentence's words in one pass: the longest match per
 * start word (the first entry in lexicon order on a tie), then matches inside a longer one dropped.
 */
export function findLexiconHits(cues: ClaimCues, words: readonly Word[]): LexiconHits {
  const index = indexOf(cues)
  const triggers: Hit<TriggerRule>[] = []
  const cueHits: Hit<CueRule>[] = []
  const framing: Hit<FramingTerm>[] = []
  for (let i = 0; i < words.length; i++) {
    const candidates = candidatesOf(index, words[i]!.folded)
    if (candidates === NO_CANDIDATES) continue
    pushLongest(candidates.triggers, words, i, triggers)
    pushLongest(candidates.cues, words, i, cueHits)
    pushLongest(candidates.framing, words, i, framing)
  }
  return {
    triggers: withoutContained(triggers),
    cues: withoutContained(cueHits),
    framing: withoutContained(framing),
  }
}

function pushLongest<T extends { pattern: WordPattern }>(
  items: readonly T[],
  words: readonly Word[],
  at: number,
  hits: Hit<T>[],
): void {
  let best: T | null = null
  let bestEnd = at
  for (const item of items) {
    const end = matchPatternAt(item.pattern, words, at)
    if (end > bestEnd) {
      best = item
      bestEnd = end
    }
  }
  if (best !== null) hits.push({ item: best, start: at, end: bestEnd })
}

/** "[took control] of": a match inside a longer one is dropped (hits are one per start, in order). */
function withoutContained<T>(hits: Hit<T>[]): Hit<T>[] {
  if (hits.length < 2) return hits
  const kept: Hit<T>[] = []
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!
    let inside = false
    for (let j = 0; j < k && !inside; j++) {
      const other = hits[j]!
      inside = other.end >= hit.end && other.end - other.start > hit.end - hit.start
    }
    if (!inside) kept.push(hit)
  }
  return kept
}
