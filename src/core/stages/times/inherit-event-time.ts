import type { TimeMention } from './time-mention.js'

interface Range {
  readonly start: number
  readonly end: number
}

/** Only a day or part of a day carries over; ranges, years and "since" do not date a new event. */
const CARRIED_PRECISIONS: ReadonlySet<string> = new Set(['day', 'part-of-day'])

/** Rules whose expressions never date an event (see chooseEventTime). */
const NON_GOVERNING_RULES: ReadonlySet<string> = new Set(['times/year-attributive'])

/** Words that move the story off the day just named ("Later, the city fell"). */
const TIME_SHIFT =
  /\b(?:later|subsequently|afterwards|earlier|previously|formerly|since then|before that|by then|at the time|the next day|the day before)\b/i

/** A sentence that opens inside a quotation speaks of its own time, not the narrator's. */
const OPENS_QUOTE = /^\s*["“‘]/

/**
 * The time a sentence without a governing expression inherits from the narrative: the last
 * expression resolved to a day or part of a day earlier in the same paragraph. "[On December 7],
 * the ministry confirmed … The announcement was made after troops withdrew from Quneitra":
 * the withdrawal is read on December 7.
 *
 * Use it only when `chooseEventTime` returns null. It returns null when the sentence shifts
 * time ("later", "previously"), opens a quotation, or no day was named before it in the
 * paragraph (paragraphs end at line breaks). The returned mention keeps its own span, in the
 * earlier sentence: provenance points at the words that fixed the day.
 */
export function inheritEventTime(
  times: readonly TimeMention[],
  text: string,
  sentence: Range,
): TimeMention | null {
  const quote = text.slice(sentence.start, sentence.end)
  if (TIME_SHIFT.test(quote) || OPENS_QUOTE.test(quote)) return null
  const paragraphStart = text.lastIndexOf('\n', Math.max(0, sentence.start - 1)) + 1
  let carried: TimeMention | null = null
  for (const m of times) {
    if (m.start < paragraphStart || m.end > sentence.start) continue
    if (m.value === null || !CARRIED_PRECISIONS.has(m.value.precision)) continue
    if (NON_GOVERNING_RULES.has(m.rule)) continue
    if (carried === null || m.start > carried.start) carried = m
  }
  return carried
}
