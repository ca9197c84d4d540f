import {
  addDays,
  endOfMonth,
  formatDay,
  monthOf,
  shiftMonth,
  startOfMonth,
  startOfWeek,
  yearOf,
} from '../calendar.js'
import type { TimeCandidate, TimeContext, TimeRecognizer, TimeValue } from '../time-mention.js'
import { COUNT, hasWords, matchPattern, readCount } from './match-pattern.js'

type Resolve = (published: string) => TimeValue

const days = (start: string, end: string): TimeValue => ({ start, end, precision: 'days' })
const day = (iso: string): TimeValue => ({ start: iso, end: iso, precision: 'day' })

/** Calendar units relative to the publication date: the week, month or year before, of, after. */
function unitValue(unit: string, shift: number, published: string): TimeValue {
  if (unit === 'week') {
    const monday = addDays(startOfWeek(published), 7 * shift)
    return { start: monday, end: addDays(monday, 6), precision: 'week' }
  }
  if (unit === 'month') {
    const { year, month } = shiftMonth(yearOf(published), monthOf(published), shift)
    return { start: startOfMonth(year, month), end: endOfMonth(year, month), precision: 'month' }
  }
  const year = yearOf(published) + shift
  return { start: formatDay(year, 1, 1), end: formatDay(year, 12, 31), precision: 'year' }
}

/** Days back from the publication date for "the past N <unit>". */
function unitDays(unit: string, count: number): number {
  if (unit.startsWith('hour')) return Math.max(1, Math.ceil(count / 24))
  if (unit.startsWith('week')) return 7 * count
  if (unit.startsWith('month')) return 30 * count
  if (unit.startsWith('year')) return 365 * count
  return count
}

interface RangeRule {
  readonly rule: string
  /** Words every match holds, one of each list, in lower case (see `hasWords`). */
  readonly needs: readonly (readonly string[])[]
  /** Case-insensitive, without the `u` flag (which `hasWords` relies on). */
  readonly pattern: RegExp
  readonly resolve: (match: RegExpExecArray) => Resolve | null
}

/**
 * Ordered: the first rule to claim a span wins a tie in the overlap refiner, so the longer
 * and more specific phrasings come first.
 */
const RANGE_RULES: readonly RangeRule[] = [
  // Rebels advanced [earlier this week] / [later this month]
  {
    rule: 'times/earlier-this',
    needs: [['earlier', 'later'], ['this'], ['week', 'month', 'year']],
    pattern: /\b(earlier|later)\s+this\s+(week|month|year)\b/gi,
    resolve: (m) => {
      const earlier = m[1]!.toLowerCase() === 'earlier'
      const unit = m[2]!.toLowerCase()
      return (p) => {
        const whole = unitValue(unit, 0, p)
        if (earlier) return days(whole.start, p > whole.start ? addDays(p, -1) : p)
        return days(p, whole.end)
      }
    },
  },
  // Clashes intensified [in recent days] / [over the past few days] / [in the last 24 hours]
  {
    rule: 'times/recent-days',
    needs: [
      ['recent', 'past', 'last'],
      ['day', 'week', 'hour', 'month'],
    ],
    pattern: new RegExp(
      String.raw`\b(?:(?:in|over|during|within|for)\s+)?(?<x>(?:the\s+)?(?:(recent|past|last)\s+(?:(${COUNT})\s+)?(days|weeks|hours|months|day|week|hour|month)))\b`,
      'gi',
    ),
    resolve: (m) => {
      const word = m[2]!.toLowerCase()
      const unit = m[4]!.toLowerCase()
      const stated = readCount(m[3])
      const singular = !unit.endsWith('s')
      // "the last day of talks" and "last week" (a calendar week) are not spans back from today;
      // "may last months" is a verb.
      if (word === 'last' && singular && stated === null) return null
      if (word === 'last' && !/^(?:in|over|during|within|for|the)\s/i.test(m[0])) return null
      // "the past week" is one week; "recent days" and "the past days" about a week.
      const count =
        stated ?? (singular ? 1 : unit.startsWith('hour') ? 24 : unit.startsWith('day') ? 7 : 2)
      const back = unitDays(unit, count)
      return (p) => days(addDays(p, -back), p)
    },
  },
  // Aid is expected [in the next 24 hours] / [over the coming days]
  {
    rule: 'times/coming-days',
    needs: [
      ['next', 'coming'],
      ['days', 'weeks', 'hours'],
    ],
    pattern: new RegExp(
      String.raw`\b(?:(?:in|over|during|within|for)\s+)?(?<x>(?:the\s+)?(?:next|coming)\s+(?:(${COUNT})\s+)?(days|weeks|hours))\b`,
      'gi',
    ),
    resolve: (m) => {
      const unit = m[3]!.toLowerCase()
      const count = readCount(m[2]) ?? (unit === 'hours' ? 24 : unit === 'days' ? 7 : 2)
      const ahead = unitDays(unit, count)
      return (p) => days(p, addDays(p, ahead))
    },
  },
  // The army withdrew [three days ago] / [a week ago]
  {
    rule: 'times/ago',
    needs: [['ago'], ['day', 'week', 'month', 'year']],
    pattern: new RegExp(String.raw`\b(${COUNT})\s+(days?|weeks?|months?|years?)\s+ago\b`, 'gi'),
    resolve: (m) => {
      const count = readCount(m[1])
      const unit = m[2]!.toLowerCase()
      if (count === null) return null
      if (unit.startsWith('day')) return (p) => day(addDays(p, -count))
      if (unit.startsWith('week')) return (p) => day(addDays(p, -7 * count))
      if (unit.startsWith('month')) return (p) => unitValue('month', -count, p)
      return (p) => unitValue('year', -count, p)
    },
  },
  // Talks collapsed [last week]; the city fell [this month]; elections [next year]
  {
    rule: 'times/calendar-unit',
    needs: [
      ['last', 'this', 'next', 'previous', 'coming', 'past'],
      ['week', 'month', 'year'],
    ],
    pattern: /\b(last|this|next|previous|coming|past)\s+(week|month|year)\b(?!\s+of\b)/gi,
    resolve: (m) => {
      const word = m[1]!.toLowerCase()
      const unit = m[2]!.toLowerCase()
      // "the past week" is the seven days before, handled above; "this past week" too.
      if (word === 'past') return null
      const shift = word === 'this' ? 0 : word === 'next' || word === 'coming' ? 1 : -1
      return (p) => unitValue(unit, shift, p)
    },
  },
  // Fighting continued over [the weekend] / [last weekend]
  {
    rule: 'times/weekend',
    needs: [['weekend']],
    pattern: /\b(?:over\s+|at\s+|during\s+)?(?<x>(last|this|the)\s+weekend)\b/gi,
    resolve: (m) => {
      const word = (m[2] ?? '').toLowerCase()
      return (p) => {
        const monday = startOfWeek(p)
        // "This weekend" is the one of the current week, even when said on a Monday; "the
        // weekend" and "last weekend" the most recent one on or before publication.
        const thisWeek = word === 'this' || (word !== 'last' && p >= addDays(monday, 5))
        const saturday = addDays(monday, thisWeek ? 5 : -2)
        return days(saturday, addDays(saturday, 1))
      }
    },
  },
  // The minister spoke [earlier today] / [earlier in the day] / [later in the day]
  {
    rule: 'times/earlier-today',
    needs: [['earlier', 'later'], ['day']],
    pattern: /\b(?:earlier|later)\s+(?:today|in\s+the\s+day)\b/gi,
    resolve: () => (p) => ({ start: p, end: p, precision: 'part-of-day' }),
  },
  // Shelling hit the town [last night]
  {
    rule: 'times/last-night',
    needs: [['last'], ['night']],
    pattern: /\blast\s+night\b/gi,
    resolve: () => (p) => ({
      start: addDays(p, -1),
      end: addDays(p, -1),
      precision: 'part-of-day',
    }),
  },
  // Explosions were heard [overnight] (no day named: the night before publication)
  {
    rule: 'times/overnight',
    needs: [['overnight']],
    pattern: /\bovernight\b/gi,
    resolve: () => (p) => ({ start: addDays(p, -1), end: p, precision: 'part-of-day' }),
  },
]

const PARTS: Readonly<Record<string, 'night' | 'overnight'>> = {
  'times/last-night': 'night',
  'times/overnight': 'overnight',
}

/** Relative ranges and days that chrono reads too coarsely or not at all. */
export const relativeRangeRecognizer: TimeRecognizer = {
  rule: 'times/relative-range',
  recognize(context: TimeContext): TimeCandidate[] {
    const found: TimeCandidate[] = []
    for (const { rule, needs, pattern, resolve } of RANGE_RULES) {
      if (!hasWords(context.lower, needs)) continue
      found.push(
        ...matchPattern(context.text, pattern, (m, start, end) => {
          const resolver = resolve(m)
          if (resolver === null) return null
          const part = PARTS[rule]
          const candidate: TimeCandidate = {
            start,
            end,
            rule,
            reading: { kind: 'relative', resolve: resolver },
          }
          return part === undefined ? candidate : { ...candidate, part }
        }),
      )
    }
    return found
  },
}
