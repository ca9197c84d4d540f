/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Pure and clock-free: every date is computed
 * from another date, never from "now". UTC is used only as a time-zone-free day counter.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days since 1970-01-01 for an ISO day; throws on a malformed one (a defect, not input). */
export function toDayNumber(iso: string): number {
  const m = ISO_DAY.exec(iso)
  if (!m) throw new RangeError(`toDayNumber: "${iso}" is not a YYYY-MM-DD date`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000
}

/** ISO day for a day number from `toDayNumber`. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * 86_400_000)
  return formatDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** `YYYY-MM-DD` from numeric parts (month 1-12). */
export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** True when the parts name a real calendar day (no 31 November). */
export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days)
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a)
}

/** 0 = Sunday … 6 = Saturday, as in JavaScript and chrono. */
export function weekdayOf(iso: string): number {
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4))
}

export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7))
}

/** The Monday that starts the ISO week holding `iso`. */
export function startOfWeek(iso: string): string {
  return addDays(iso, -((weekdayOf(iso) + 6) % 7))
}

/** ISO 8601 week label, `2008-W23`, for comparisons with TIMEX3 week values. */
export function isoWeekOf(iso: string): string {
  const thursday = addDays(startOfWeek(iso), 3)
  const year = yearOf(thursday)
  const week = Math.floor(daysBetween(formatDay(year, 1, 1), thursday) / 7) + 1
  return `${year}-W${String(week).padStart(2, '0')}`
}

export function startOfMonth(year: number, month: number): string {
  return formatDay(year, month, 1)
}

export function endOfMonth(year: number, month: number): string {
  return formatDay(year, month, daysInMonth(year, month))
}

/** Year and month `delta` months away from the given one. */
export function shiftMonth(
  year: number,
  month: number,
  delta: number,
): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

/**
 * The most recent day with `weekday` on or before `reference` (or strictly before it when
 * `strict`): news is written after the fact, so a bare "Friday" points back, not forward.
 */
export function previousWeekday(reference: string, weekday: number, strict = false): string {
  let back = (weekdayOf(reference) - weekday + 7) % 7
  if (strict && back === 0) back = 7
  return addDays(reference, -back)
}

/** The next day with `weekday` on or after `reference` ("talks will resume on Tuesday"). */
export function nextWeekday(reference: string, weekday: number, strict = false): string {
  let ahead = (weekday - weekdayOf(reference) + 7) % 7
  if (strict && ahead === 0) ahead = 7
  return addDays(reference, ahead)
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const
