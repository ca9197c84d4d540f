import { endOfMonth, startOfMonth } from '../calendar.js'
import type { TimeCandidate, TimeContext, TimeRecognizer } from '../time-mention.js'
import { hasWords, matchPattern } from './match-pattern.js'

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  final: 4,
  last: 4,
}

/**
 * Quarters of a year, common in economic reports: "[the fourth quarter]", "[Q3 2009]",
 * "[the second quarter of 2008]". Without a year, the most recent such quarter.
 */
export const quarterRecognizer: TimeRecognizer = {
  rule: 'times/quarter',
  recognize(context: TimeContext): TimeCandidate[] {
    // [the fourth quarter] needs "quarter", [Q3] a capital Q (see hasWords).
    const named = hasWords(context.lower, [['quarter']])
    const coded = context.text.includes('Q')
    return [
      ...(!named
        ? []
        : matchPattern(
            context.text,
            /\b(?:the\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+(?:of\s+)?(?:((?:19|20)\d\d)|(last|this|next)\s+year))?\b/gi,
            (m, start, end) => {
              const quarter = ORDINALS[m[1]!.toLowerCase()]
              if (quarter === undefined) return null
              const shift = { last: -1, this: 0, next: 1 }[(m[3] ?? '').toLowerCase()]
              if (shift !== undefined) {
                // The first quarter [of last year]: a year relative to the publication date.
                const first = (quarter - 1) * 3 + 1
                return {
                  start,
                  end,
                  rule: 'times/quarter',
                  reading: {
                    kind: 'relative',
                    resolve: (p) => {
                      const y = Number(p.slice(0, 4)) + shift
                      return {
                        start: startOfMonth(y, first),
                        end: endOfMonth(y, first + 2),
                        precision: 'days',
                      }
                    },
                  },
                }
              }
              const year = m[2] === undefined ? undefined : Number(m[2])
              return {
                start,
                end,
                rule: 'times/quarter',
                reading:
                  year === undefined
                    ? { kind: 'quarter', quarter }
                    : { kind: 'quarter', quarter, year },
              }
            },
          )),
      ...(!coded
        ? []
        : matchPattern(context.text, /\bQ([1-4])(?:\s+((?:19|20)\d\d))?\b/g, (m, start, end) => {
            const quarter = Number(m[1])
            const year = m[2] === undefined ? undefined : Number(m[2])
            return {
              start,
              end,
              rule: 'times/quarter',
              reading:
                year === undefined
                  ? { kind: 'quarter', quarter }
                  : { kind: 'quarter', quarter, year },
            }
          })),
    ]
  },
}
