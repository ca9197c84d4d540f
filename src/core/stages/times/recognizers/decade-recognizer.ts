import { formatDay } from '../calendar.js'
import type { TimeCandidate, TimeContext, TimeRecognizer } from '../time-mention.js'
import { hasWords, matchPattern } from './match-pattern.js'

/**
 * Decades: "[the 1990s]", "[the '80s]", "[the 80s]". A two-digit decade is read in the
 * twentieth century; "the 2010s" states its own.
 */
export const decadeRecognizer: TimeRecognizer = {
  rule: 'times/decade',
  recognize(context: TimeContext): TimeCandidate[] {
    // Every form ends in "0s" (see hasWords).
    if (!hasWords(context.lower, [['0s']])) return []
    return matchPattern(
      context.text,
      /\b(?:the\s+)?(?:(?<full>(?:19|20)\d)0s|['’](?<short>\d)0s|(?<bare>[2-9])0s)\b/gi,
      (m, start, end) => {
        const g = m.groups ?? {}
        const decade =
          g['full'] !== undefined
            ? Number(g['full']) * 10
            : 1900 + Number(g['short'] ?? g['bare']) * 10
        // "Temperatures in the 30s" and "men in their 40s" are not decades.
        const before = context.text.slice(Math.max(0, start - 12), start)
        if (
          g['bare'] !== undefined &&
          (/\b(?:their|his|her|its|low|high|mid)\s*$/i.test(before) || !/^the\s/i.test(m[0]))
        ) {
          return null
        }
        if (/\b(?:their|his|her)\s*$/i.test(before)) return null
        return {
          start,
          end,
          rule: 'times/decade',
          reading: {
            kind: 'interval',
            value: {
              start: formatDay(decade, 1, 1),
              end: formatDay(decade + 9, 12, 31),
              precision: 'days',
            },
          },
        }
      },
    )
  },
}
