/**
 * Index where the sentence holding `position` starts: after the last ". ", "! ", "? " or line
 * break before it. Good enough for the look-backs of time refiners, which never cross it. With
 * `floor`, the answer is `max(start, floor)`, found without looking before `floor` (a refiner
 * that reads at most 90 characters back need not walk to the start of a long paragraph).
 */
export function sentenceStart(text: string, position: number, floor = 0): number {
  for (let i = position - 1; i > 0; i--) {
    if (i < floor) return floor
    const c = text[i]
    if (c === '\n') return Math.max(i + 1, floor)
    if ((c === ' ' || c === '\t') && endsSentence(text, i)) {
      // "Dec. 6" and "U.S. forces" are not sentence ends: a lower-case or digit follows, or
      // the word before the point is an abbreviation of one or two letters.
      const next = text[i + 1] ?? ''
      const word = /(\S+)[.!?]["'”’)]?$/.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? ''
      if (
        /[A-Z"“(]/.test(next) &&
        !/^(?:[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])*|[A-Z][a-z]?\.[A-Z])$/.test(word)
      )
        return Math.max(i + 1, floor)
    }
  }
  return Math.max(0, floor)
}

/** `/[.!?]["'”’)]?$/` on the two characters before `i`, without slicing them out. */
function endsSentence(text: string, i: number): boolean {
  const last = text[i - 1]
  if (last === '.' || last === '!' || last === '?') return true
  if (i < 2 || !(last === '"' || last === "'" || last === '”' || last === '’' || last === ')'))
    return false
  const before = text[i - 2]
  return before === '.' || before === '!' || before === '?'
}

/** Index where the sentence holding `position` ends (exclusive). */
export function sentenceEnd(text: string, position: number): number {
  const rest = text.slice(position)
  const m = /[.!?]["'”’)]?(?=\s+[A-Z"“(])|\n/.exec(rest)
  return m === null ? text.length : position + m.index + m[0].length
}
