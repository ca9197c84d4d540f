import { NUMBER_WORDS } from '../../../text/number-words.js'
import type { TimeCandidate } from '../time-mention.js'

/**
 * Runs a global regular expression over the text and builds a candidate per match; `build`
 * returns null for "not a match after all" (chrono's convention). A named group `x` narrows the
 * span to that group when the pattern needs context it must not quote.
 */
export function matchPattern(
  text: string,
  pattern: RegExp,
  build: (match: RegExpExecArray, start: number, end: number) => TimeCandidate | null,
): TimeCandidate[] {
  if (!pattern.global) throw new TypeError(`matchPattern: ${pattern} needs the g flag`)
  const found: TimeCandidate[] = []
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1
      continue
    }
    const inner = m.groups?.['x']
    const start = inner === undefined ? m.index : m.index + m[0].indexOf(inner)
    const end = inner === undefined ? m.index + m[0].length : start + inner.length
    const candidate = build(m, start, end)
    if (candidate !== null) found.push(candidate)
  }
  return found
}

/**
 * True when each list has at least one of its words in `lower` (a text in lower case). A case-
 * insensitive pattern whose every match holds one word of each list cannot match a text where
 * this is false: its ASCII letters only match ASCII letters, which keep their place in lower
 * case. Checking this first spares the pattern's scan over texts that do not name the thing.
 */
export function hasWords(lower: string, needs: readonly (readonly string[])[]): boolean {
  for (const words of needs) {
    let found = false
    for (const word of words) {
      if (lower.includes(word)) {
        found = true
        break
      }
    }
    if (!found) return false
  }
  return true
}

// Counts of days and weeks: the number words, and the vaguer ones a duration uses ("a few days").
const COUNT_WORDS: Readonly<Record<string, number>> = {
  ...NUMBER_WORDS,
  a: 1,
  an: 1,
  few: 3,
  several: 4,
  couple: 2,
}

/** A count written as digits or words, or null. */
export function readCount(word: string | undefined): number | null {
  if (word === undefined) return null
  const lower = word.toLowerCase().replace(/^a\s+/, '')
  if (/^\d+$/.test(lower)) return Number(lower)
  return COUNT_WORDS[lower] ?? null
}

/** The pattern source for a count: "3", "three", "a few", "several". */
export const COUNT = String.raw`\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?few|several|(?:a\s+)?couple(?:\s+of)?`
