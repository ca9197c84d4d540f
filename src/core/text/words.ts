import { foldKey } from './fold-key.js'

/** A word of the text with its offsets and folded form. */
export interface Word {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly folded: string
}

// Letters and digits, with inner apostrophes, hyphens and dots ("al-Qa'im", "U.S.", "Kurdish-led").
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’ʼ‘.\-‐‑–](?=[\p{L}\p{N}]))*\.?/gu
const INITIALS = /^(?:\p{L}\.){2,}$/u
const ABBREVIATION =
  /^(?:Dec|Nov|Oct|Sept|Sep|Aug|Jan|Feb|Mar|Apr|Jun|Jul|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|St|No|Sgt)\.$/

// The words of the last whole text split. The pipeline splits a document whole (mentions), then
// sentence by sentence (claims): the sentences are served from this list instead of a second
// scan and a second fold of every word. Words are immutable, so sharing them is safe.
let lastText: string | null = null
let lastWords: readonly Word[] = []

/**
 * Splits text into words with offsets, linear in its length. With `from`/`to`, the words that
 * start in [from, to) of a scan started at `from`.
 */
export function splitWords(text: string, from = 0, to = text.length): Word[] {
  if (from === 0 && to === text.length) {
    if (text !== lastText) {
      lastWords = scanWords(text, 0, to)
      lastText = text
    }
    return lastWords.slice()
  }
  if (text === lastText) {
    const words = lastWords
    const first = firstStartingAt(words, from)
    // A word of the whole text running over `from` would be cut differently by a scan that
    // starts there; only then does the range need its own scan.
    const previous = words[first - 1]
    if (previous === undefined || previous.end <= from) {
      let last = first
      while (last < words.length && words[last]!.start < to) last++
      return words.slice(first, last)
    }
  }
  return scanWords(text, from, to)
}

/** Index of the first word starting at or after `offset` (binary search: words are in order). */
function firstStartingAt(words: readonly Word[], offset: number): number {
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (words[middle]!.start < offset) low = middle + 1
    else high = middle
  }
  return low
}

function scanWords(text: string, from: number, to: number): Word[] {
  const words: Word[] = []
  WORD.lastIndex = from
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    let value = match[0]
    // A trailing dot belongs to the word only for abbreviations ("U.S.", "Dec."), not sentence ends.
    if (value.endsWith('.') && !INITIALS.test(value) && !ABBREVIATION.test(value)) {
      value = value.slice(0, -1)
    }
    words.push({
      start: match.index,
      end: match.index + value.length,
      text: value,
      folded: foldKey(value),
    })
  }
  return words
}

/** True when the word starts with a capital letter (or is all capitals). */
export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0)
  // ASCII answers without case mapping: [A-Z] yes; letters, digits and marks below 128 otherwise no.
  if (code < 0x80) return code >= 0x41 && code <= 0x5a
  const first = word.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}
