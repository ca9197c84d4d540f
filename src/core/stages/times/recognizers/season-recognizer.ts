import { endOfMonth, formatDay, monthOf, yearOf } from '../calendar.js'
import type { TimeCandidate, TimeContext, TimeRecognizer, TimeValue } from '../time-mention.js'
import { hasWords, matchPattern } from './match-pattern.js'

/** First month of each season (northern hemisphere, meteorological): winter runs Dec-Feb. */
const FIRST_MONTH: Readonly<Record<string, number>> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
}

function seasonValue(first: number, year: number): TimeValue {
  const last = first === 12 ? { year: year + 1, month: 2 } : { year, month: first + 2 }
  return {
    start: formatDay(year, first, 1),
    end: endOfMonth(last.year, last.month),
    precision: 'days',
  }
}

/** The year whose season `first` most recently began on or before the publication date. */
function recentSeasonYear(first: number, published: string): number {
  const year = yearOf(published)
  return monthOf(published) >= first ? year : year - 1
}

/**
 * Seasons: "[last summer]", "[this winter]", "[the spring of 2011]", "[autumn 2009]", "[in the
 * spring]". "Fall" needs a determiner of time or a year: "the fall of Aleppo" is an event.
 */
export const seasonRecognizer: TimeRecognizer = {
  rule: 'times/season',
  recognize(context: TimeContext): TimeCandidate[] {
    if (!hasWords(context.lower, [['spring', 'summer', 'autumn', 'fall', 'winter']])) return []
    return matchPattern(
      context.text,
      /\b(?:(?<shift>this|last|next|early|late)\s+(?<s1>spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(?<y1>(?:19|20)\d\d))?|(?:the\s+)?(?<s2>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?<y2>(?:19|20)\d\d)\b|\bin\s+the\s+(?<s3>spring|summer|autumn|winter)\b)/gi,
      (m, start, end) => {
        const g = m.groups ?? {}
        const name = (g['s1'] ?? g['s2'] ?? g['s3'] ?? '').toLowerCase()
        const first = FIRST_MONTH[name]
        if (first === undefined) return null
        const stated = g['y1'] ?? g['y2']
        const shift = (g['shift'] ?? '').toLowerCase()
        // "In the spring" inside a text start: keep the span, drop the leading "in".
        const from = g['s3'] !== undefined ? start + m[0].toLowerCase().indexOf('the') : start
        if (stated !== undefined) {
          return {
            start: from,
            end,
            rule: 'times/season',
            reading: { kind: 'interval', value: seasonValue(first, Number(stated)) },
          }
        }
        return {
          start: from,
          end,
          rule: 'times/season',
          reading: {
            kind: 'relative',
            resolve: (p) => {
              const recent = recentSeasonYear(first, p)
              // This summer: the one under way or ahead this year; last summer: the one before.
              const year =
                shift === 'next'
                  ? recent + 1
                  : shift === 'last'
                    ? recent - (seasonValue(first, recent).end >= p ? 1 : 0)
                    : shift === 'this'
                      ? yearOf(p) - (first === 12 && monthOf(p) <= 2 ? 1 : 0)
                      : recent
              return seasonValue(first, year)
            },
          },
        }
      },
    )
  },
}
