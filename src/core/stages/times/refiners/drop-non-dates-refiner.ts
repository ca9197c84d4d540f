import type { TimeCandidate, TimeContext, TimeRefiner } from '../time-mention.js'

/**
 * Removes what chrono reads as dates but news means otherwise: durations ("[for 8 years]",
 * "within 24 hours"), counts ahead ("in three days" of an ultimatum), fractions and scores
 * ("3/4"), and the lower-case words "sun", "sat", "wed" and "mar" that are not weekdays here.
 */
export const dropNonDatesRefiner: TimeRefiner = {
  rule: 'times/drop-non-dates',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    return candidates.filter((c) => !isNonDate(c, context.text))
  },
}

const UNIT = String.raw`(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)`
// Built once, not per candidate (none has the g flag, so they keep no state between tests).
const COUNTED = new RegExp(
  String.raw`\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|few|several)\s+${UNIT}\b`,
  'i',
)
const HAS_UNIT = new RegExp(UNIT, 'i')
const SPAN_WORD =
  /\b(?:ago|past|last|recent|earlier|later|this|next|previous|coming|yesterday|today|tonight|tomorrow|now)\b/i

function isNonDate(candidate: TimeCandidate, text: string): boolean {
  const quote = text.slice(candidate.start, candidate.end)
  if (candidate.rule.startsWith('times/') && candidate.reading.kind === 'relative') {
    // The offensive has lasted [for 8 years]; a [24 hours] ultimatum. Only "ago" dates a count.
    if (COUNTED.test(quote) && !SPAN_WORD.test(quote) && HAS_UNIT.test(quote)) return true
    if (
      /^(?:for|within|during|after|in)\s/i.test(quote) &&
      COUNTED.test(quote) &&
      !/\bago\b/i.test(quote)
    )
      return true
  }
  // Late in [the day after] the vote: relative to an event, not to the publication date.
  if (/^the\s+day\s+(?:after|before)$/i.test(quote) && candidate.reading.kind === 'relative')
    return true
  // Scores and fractions: "won 3/4 of the seats", "a 2-1 vote".
  if (/^\d{1,2}[/.-]\d{1,2}$/.test(quote)) return true
  // Lower-case abbreviations are words: "the sun", "sat down", "mar the talks".
  if (/^(?:sun|sat|wed|mon|tue|thu|fri|mar|jan|jun|jul|aug|sep|oct|nov|dec)\.?$/.test(quote))
    return true
  // A 45-year-old man; a 12-day offensive: the number is an age or a length, not a date.
  const after = text.slice(candidate.end, candidate.end + 12)
  if (/^-(?:year|month|week|day|hour)/i.test(after)) return true
  // Part of a larger number: "1,[500 to 2],000 jobs".
  const before = text.slice(Math.max(0, candidate.start - 2), candidate.start)
  if (/\d[,.]$/.test(before) || /^[,.]\d/.test(after)) return true
  // The [now]-cancelled deal; the now former president: an adjective, not a time.
  if (
    /^now$/i.test(quote) &&
    /^(?:-|\s+(?:former|defunct|deposed|ousted|exiled|late)\b)/i.test(after)
  ) {
    return true
  }
  return false
}
