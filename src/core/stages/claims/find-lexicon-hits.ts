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

type PatternWord = Extract<WordPattern['tokens'][number], { kind: 'word' }>

/**
 * An entry whose pattern may start with any word (`_ kilometers from`). When a required word
 * follows its leading gaps, that word (the anchor) must stand `min`–`max` words after the start,
 * so the pattern is tried only where the anchor is found (null: tried at every word).
 */
interface AnyStart<T> {
  readonly item: T
  readonly anchor: PatternWord | null
  readonly min: number
  readonly max: number
}

/** The entries of one lexicon that may start at a word, as the original lookup ordered them. */
interface StartCandidates<T> {
  /** Entries whose first word is this word. */
  readonly exact: readonly T[]
  /** Prefix entries (`terrorist*`) this word starts with; tried after the any-start entries. */
  readonly prefixed: readonly T[]
}

/** What one folded word starts in each lexicon, and which any-start anchors it is. */
interface WordCandidates {
  readonly triggers: StartCandidates<TriggerRule>
  readonly cues: StartCandidates<CueRule>
  readonly framing: StartCandidates<FramingTerm>
  readonly anchors: readonly AnyStart<unknown>[]
}

type Indexed<T> = {
  readonly byWord: Map<string, T[]>
  /** Prefix patterns (`terrorist*`) by their first two letters, so a word checks only its own. */
  readonly byPrefix: Map<string, { prefix: string; item: T }[]>
  readonly anyStart: AnyStart<T>[]
}

interface LexiconIndex {
  readonly triggers: Indexed<TriggerRule>
  readonly cues: Indexed<CueRule>
  readonly framing: Indexed<FramingTerm>
  /** Candidates per folded word, computed once per word of the vocabulary. */
  readonly byFolded: Map<string, WordCandidates>
}

const NONE: StartCandidates<never> = { exact: [], prefixed: [] }
// Most words start no entry of any lexicon and anchor none: they share this one answer.
const NO_CANDIDATES: WordCandidates = { triggers: NONE, cues: NONE, framing: NONE, anchors: [] }
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
  const anyStart: AnyStart<T>[] = []
  for (const item of items) {
    const first = firstWords(item.pattern)
    if (!first) {
      anyStart.push(anchorOf(item))
      continue
    }
    for (const word of first.alternatives) byWord.set(word, [...(byWord.get(word) ?? []), item])
    for (const prefix of first.prefixes) {
      const key = prefix.slice(0, 2)
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), { prefix, item }])
    }
  }
  return { byWord, byPrefix, anyStart }
}

/** `_ kilometers|km from`: the required word after the leading gaps, and how far it may stand. */
function anchorOf<T extends { pattern: WordPattern }>(item: T): AnyStart<T> {
  let min = 0
  let max = 0
  for (const token of item.pattern.tokens) {
    if (token.kind === 'gap') {
      min += token.min
      max += token.max
      continue
    }
    return { item, anchor: token.optional ? null : token, min, max }
  }
  return { item, anchor: null, min, max }
}

function fitsAnchor(anchor: PatternWord, folded: string): boolean {
  if (anchor.alternativeSet.has(folded)) return true
  for (const prefix of anchor.prefixes) if (folded.startsWith(prefix)) return true
  return false
}

function startCandidates<T>(index: Indexed<T>, folded: string): StartCandidates<T> {
  const exact = index.byWord.get(folded) ?? []
  const prefixed: T[] = []
  // (A one-letter prefix pattern is keyed by its one letter.)
  for (const entries of [
    index.byPrefix.get(folded.slice(0, 2)),
    index.byPrefix.get(folded.slice(0, 1)),
  ])
    if (entries)
      for (const { prefix, item } of entries) if (folded.startsWith(prefix)) prefixed.push(item)
  return exact.length + prefixed.length === 0 ? NONE : { exact, prefixed }
}

function candidatesOf(index: LexiconIndex, folded: string): WordCandidates {
  let candidates = index.byFolded.get(folded)
  if (candidates) return candidates
  const triggers = startCandidates(index.triggers, folded)
  const cues = startCandidates(index.cues, folded)
  const framing = startCandidates(index.framing, folded)
  const anchors: AnyStart<unknown>[] = []
  for (const lexicon of [index.triggers.anyStart, index.cues.anyStart, index.framing.anyStart])
    for (const entry of lexicon)
      if (entry.anchor && fitsAnchor(entry.anchor, folded)) anchors.push(entry)
  candidates =
    triggers === NONE && cues === NONE && framing === NONE && anchors.length === 0
      ? NO_CANDIDATES
      : { triggers, cues, framing, anchors }
  if (index.byFolded.size >= MAX_MEMO_WORDS) index.byFolded.clear()
  index.byFolded.set(folded, candidates)
  return candidates
}

/**
 * The triggers, cues and framing terms of a sentence's words in one pass: the longest match per
 * start word (the first entry in lexicon order on a tie: exact first words, then any-start
 * entries, then prefixes), then matches inside a longer one dropped.
 */
export function findLexiconHits(cues: ClaimCues, words: readonly Word[]): LexiconHits {
  const index = indexOf(cues)
  const candidates: WordCandidates[] = []
  for (const word of words) candidates.push(candidatesOf(index, word.folded))
  // Without any-start entries, a word that starts nothing is skipped at once.
  const anyStart =
    index.triggers.anyStart.length + index.cues.anyStart.length + index.framing.anyStart.length > 0
  const triggers: Hit<TriggerRule>[] = []
  const cueHits: Hit<CueRule>[] = []
  const framing: Hit<FramingTerm>[] = []
  for (let i = 0; i < words.length; i++) {
    const here = candidates[i]!
    if (here === NO_CANDIDATES && !anyStart) continue
    pushLongest(here.triggers, index.triggers.anyStart, candidates, words, i, triggers)
    pushLongest(here.cues, index.cues.anyStart, candidates, words, i, cueHits)
    pushLongest(here.framing, index.framing.anyStart, candidates, words, i, framing)
  }
  return {
    triggers: withoutContained(triggers),
    cues: withoutContained(cueHits),
    framing: withoutContained(framing),
  }
}

function pushLongest<T extends { pattern: WordPattern }>(
  starting: StartCandidates<T>,
  anyStart: readonly AnyStart<T>[],
  candidates: readonly WordCandidates[],
  words: readonly Word[],
  at: number,
  hits: Hit<T>[],
): void {
  if (starting === NONE && anyStart.length === 0) return
  let best: T | null = null
  let bestEnd = at
  for (const item of starting.exact) {
    const end = matchPatternAt(item.pattern, words, at)
    if (end > bestEnd) {
      best = item
      bestEnd = end
    }
  }
  for (const entry of anyStart) {
    if (!anchoredAt(entry, candidates, at)) continue
    const end = matchPatternAt(entry.item.pattern, words, at)
    if (end > bestEnd) {
      best = entry.item
      bestEnd = end
    }
  }
  for (const item of starting.prefixed) {
    const end = matchPatternAt(item.pattern, words, at)
    if (end > bestEnd) {
      best = item
      bestEnd = end
    }
  }
  if (best !== null) hits.push({ item: best, start: at, end: bestEnd })
}

/** Whether an any-start entry can match at `at`: its anchor word stands where its gaps allow. */
function anchoredAt(
  entry: AnyStart<unknown>,
  candidates: readonly WordCandidates[],
  at: number,
): boolean {
  if (entry.anchor === null) return true
  for (let j = at + entry.min; j <= at + entry.max && j < candidates.length; j++)
    if (candidates[j]!.anchors.includes(entry)) return true
  return false
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
