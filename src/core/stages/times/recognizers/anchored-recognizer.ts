import type { TimeCandidate, TimeContext, TimeRecognizer } from '../time-mention.js'
import { COUNT, hasWords, matchPattern, readCount } from './match-pattern.js'

// Built once: the patterns hold no state between texts (matchPattern resets lastIndex).
const HOURS_AROUND = new RegExp(
  String.raw`\b(?:(?:${COUNT})\s+)?(?:hours|minutes|moments)\s+(before|after|earlier|later)\b`,
  'gi',
)
const DAYS_AROUND = new RegExp(
  String.raw`\b(${COUNT})\s+(days?|weeks?)\s+(before|after|earlier|later)\b`,
  'gi',
)
const DAY_AROUND =
  /\bthe\s+(next|following|previous|preceding)\s+day\b|\bthe\s+day\s+(before|after)(?=\s*[,.;]|\s+(?:that|this)\b)/gi
const AROUND = ['before', 'after', 'earlier', 'later']
const NONE: TimeCandidate[] = []

/**
 * Expressions relative to the previous dated expression in the text rather than to the
 * publication date: "[hours before]", "[a day later]", "[the next day]". The anchor refiner
 * resolves them once every other expression has a value.
 */
export const anchoredRecognizer: TimeRecognizer = {
  rule: 'times/anchored',
  recognize(context: TimeContext): TimeCandidate[] {
    // Each pattern runs only when the words it needs are in the text (see hasWords).
    const lower = context.lower
    return [
      // The city fell [hours before] / [hours later] / [moments after]
      ...(!hasWords(lower, [['hours', 'minutes', 'moments'], AROUND])
        ? NONE
        : matchPattern(context.text, HOURS_AROUND, (m, start, end) => {
            const before = /before|earlier/i.test(m[1]!)
            // Hours before an event may fall on the previous day; hours after on the next.
            return {
              start,
              end,
              rule: 'times/hours-around',
              reading: { kind: 'anchored', offsetDays: before ? -1 : 0, spanDays: 1 },
            }
          })),
      // Troops returned [two days later]; the talks had begun [a day earlier]
      ...(!hasWords(lower, [['day', 'week'], AROUND])
        ? NONE
        : matchPattern(context.text, DAYS_AROUND, (m, start, end) => {
            const count = readCount(m[1])
            if (count === null) return null
            const sign = /before|earlier/i.test(m[3]!) ? -1 : 1
            const unit = m[2]!.toLowerCase().startsWith('week') ? 7 : 1
            return {
              start,
              end,
              rule: 'times/days-around',
              reading: { kind: 'anchored', offsetDays: sign * count * unit, spanDays: 0 },
            }
          })),
      // Rebels entered the city [the next day] / [the previous day] / [the following day]
      ...(!hasWords(lower, [['day']])
        ? NONE
        : matchPattern(context.text, DAY_AROUND, (m, start, end) => {
            const word = (m[1] ?? m[2] ?? '').toLowerCase()
            const sign = word === 'previous' || word === 'preceding' || word === 'before' ? -1 : 1
            return {
              start,
              end,
              rule: 'times/day-around',
              reading: { kind: 'anchored', offsetDays: sign, spanDays: 0 },
            }
          })),
    ]
  },
}
