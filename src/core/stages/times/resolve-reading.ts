import {
  addDays,
  daysBetween,
  endOfMonth,
  formatDay,
  isValidDay,
  nextWeekday,
  previousWeekday,
  startOfMonth,
  startOfWeek,
  yearOf,
} from './calendar.js'
import type { TimeReading, TimeValue } from './time-mention.js'

/** A resolved interval, or the reason there is none. */
export type Resolution = { readonly value: TimeValue } | { readonly reason: string }

/**
 * How much further a forward date must be than a backward one to win the year: news reports
 * what happened, so "March 1" in a December article is the past March unless a future cue
 * says otherwise. A January article's "December 28" is 8 days back against 357 ahead: the
 * previous year either way.
 */
const FUTURE_PENALTY = 4

/**
 * Months and quarters are named ahead more often than days ("results for the fourth quarter",
 * "elections in October"): a milder bias, so a June article's "October" is this October.
 */
const FUTURE_PENALTY_COARSE = 2

/**
 * Resolves a reading against the publication date. `future` reverses the past bias (a future
 * cue governs the expression). Without a publication date only readings that state their own
 * year resolve.
 */
export function resolveReading(
  reading: TimeReading,
  published: string | null,
  future = false,
): Resolution {
  switch (reading.kind) {
    case 'date':
      return resolveDate(reading.day, reading.month, reading.year, published, future)
    case 'weekday': {
      if (published === null) return { reason: 'a weekday needs a publication date' }
      const day = resolveWeekday(reading.weekday, reading.shift, published, future)
      return { value: { start: day, end: day, precision: 'day' } }
    }
    case 'month': {
      const year =
        reading.year ?? inferYear(reading.month, 15, published, future, FUTURE_PENALTY_COARSE)
      if (year === null) return { reason: 'a month without a year needs a publication date' }
      return {
        value: {
          start: startOfMonth(year, reading.month),
          end: endOfMonth(year, reading.month),
          precision: 'month',
        },
      }
    }
    case 'year':
      return {
        value: {
          start: formatDay(reading.year, 1, 1),
          end: formatDay(reading.year, 12, 31),
          precision: 'year',
        },
      }
    case 'quarter': {
      let year = reading.year
      if (year === undefined) {
        if (published === null)
          return { reason: 'a quarter without a year needs a publication date' }
        // The [fourth quarter] results, in a January report, are last year's; in August, this year's.
        year =
          inferYear(reading.quarter * 3 - 1, 15, published, future, FUTURE_PENALTY_COARSE) ??
          yearOf(published)
      }
      const first = (reading.quarter - 1) * 3 + 1
      return {
        value: {
          start: startOfMonth(year, first),
          end: endOfMonth(year, first + 2),
          precision: 'days',
        },
      }
    }
    case 'range': {
      const from = resolveReading(reading.from, published, future)
      if (!('value' in from)) return from
      // The end is read forwards from the start: "December 30 to January 2" rolls the year.
      const to = resolveReading(inheritFrom(reading.to, reading.from), from.value.start, true)
      if (!('value' in to)) return to
      const end = to.value.end
      // "last Friday - Friday": a range whose end falls before its start is no interval we can trust.
      if (end < from.value.start) return { reason: 'the range ends before it starts' }
      return { value: { start: from.value.start, end, precision: 'days' } }
    }
    case 'interval':
      return { value: reading.value }
    case 'relative':
      if (published === null) return { reason: 'a relative expression needs a publication date' }
      return { value: reading.resolve(published) }
    case 'anchored':
      return { reason: 'an expression relative to another event needs an anchor' }
    case 'unresolvable':
      return { reason: reading.reason }
  }
}

/** The day a weekday reading points to, past-biased unless `future`. */
export function resolveWeekday(
  weekday: number,
  shift: 'bare' | 'last' | 'next' | 'this',
  published: string,
  future: boolean,
): string {
  switch (shift) {
    case 'last':
      return previousWeekday(published, weekday, true)
    case 'next':
      return nextWeekday(published, weekday, true)
    case 'this':
      return addDays(startOfWeek(published), (weekday + 6) % 7)
    case 'bare':
      return future ? nextWeekday(published, weekday) : previousWeekday(published, weekday)
  }
}

function resolveDate(
  day: number,
  month: number,
  year: number | undefined,
  published: string | null,
  future: boolean,
): Resolution {
  let y = year ?? inferYear(month, day, published, future)
  if (y === null) return { reason: 'a date without a year needs a publication date' }
  // "February 29" in a 2025 article is the 29th of the leap year next to it.
  if (year === undefined && !isValidDay(y, month, day)) {
    y = [y - 1, y + 1].find((other) => isValidDay(other, month, day)) ?? y
  }
  if (!isValidDay(y, month, day)) return { reason: `${y}-${month}-${day} is not a calendar day` }
  const iso = formatDay(y, month, day)
  return { value: { start: iso, end: iso, precision: 'day' } }
}

/**
 * The year that puts month/day nearest the publication date, backwards preferred: a January
 * article's "December 28" is the previous December, a December article's "January 3" (8 weeks
 * ahead at most) the next January.
 */
export function inferYear(
  month: number,
  day: number,
  published: string | null,
  future = false,
  penalty = FUTURE_PENALTY,
): number | null {
  if (published === null) return null
  const base = yearOf(published)
  let best: { year: number; cost: number } | null = null
  for (const year of [base - 1, base, base + 1]) {
    const safeDay = Math.min(day, 28)
    const distance = daysBetween(published, formatDay(year, month, safeDay))
    const ahead = distance > 0
    const cost = Math.abs(distance) * (ahead !== future ? penalty : 1)
    if (best === null || cost < best.cost) best = { year, cost }
  }
  return best === null ? null : best.year
}

/** "December 5 to 7": the second reading takes the month and year the first one states. */
function inheritFrom(to: TimeReading, from: TimeReading): TimeReading {
  if (to.kind !== 'date' || from.kind !== 'date') return to
  const year = to.year ?? from.year
  return year === undefined ? { ...to } : { ...to, year }
}
