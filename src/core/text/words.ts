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

/** Splits text into words with offsets, linear in its length. */
export function splitWords(text: string, from = 0, to = text.length): Word[] {
  const words: Word[] = []
  WORD.lastIndex = from
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    let value = match[0]
    // A trailing dot belongs to the word only for abbreviations ("U.S.", "Dec."), not sentence ends.
    if (
      value.endsWith('.') &&
      !/^(?:\p{L}\.){2,}$/u.test(value) &&
      !/^(?:Dec|Nov|Oct|Sept|Sep|Aug|Jan|Feb|Mar|Apr|Jun|Jul|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Capt|St|No|Sgt)\.$/.test(
        value,
      )
    ) {
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
  const first = word.charAt(0)
  return first !== first.toLowerCase() && first === first.toUpperCase()
}
