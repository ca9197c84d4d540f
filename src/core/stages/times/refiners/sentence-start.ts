/**
 * Index where the sentence holding `position` starts: after the last ". ", "! ", "? " or line
 * break before it. Good enough for the look-backs of time refiners, which never cross it.
 */
export function sentenceStart(text: string, position: number): number {
  for (let i = position - 1; i > 0; i--) {
    const c = text[i]
    if (c === '\n') return i + 1
    if ((c === ' ' || c === '\t') && /[.!?]["'”’)]?$/.test(text.slice(Math.max(0, i - 2), i))) {
      // "Dec. 6" and "U.S. forces" are not sentence ends: a lower-case or digit follows, or
      // the word before the point is an abbreviation of one or two letters.
      const next = text[i + 1] ?? ''
      const word = /(\S+)[.!?]["'”’)]?$/.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? ''
      if (
        /[A-Z"“(]/.test(next) &&
        !/^(?:[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])*|[A-Z][a-z]?\.[A-Z])$/.test(word)
      )
        return i + 1
    }
  }
  return 0
}

/** Index where the sentence holding `position` ends (exclusive). */
export function sentenceEnd(text: string, position: number): number {
  const rest = text.slice(position)
  const m = /[.!?]["'”’)]?(?=\s+[A-Z"“(])|\n/.exec(rest)
  return m === null ? text.length : position + m.index + m[0].length
}
