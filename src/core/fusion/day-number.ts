/**
 * Calendar days as integers (days since 1970-01-01, UTC) so intervals compare with arithmetic.
 * Pure: parses the given string, never reads the clock.
 */
const MS_PER_DAY = 86_400_000

/** `2024-12-07` (or a date-time starting with it) → day number; null when not a date. */
export function toDayNumber(date: string | null | undefined): number | null {
  if (date === null || date === undefined) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  if (match === null) return null
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return Number.isNaN(ms) ? null : Math.round(ms / MS_PER_DAY)
}

/** Day number → `YYYY-MM-DD`. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10)
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Day number → `27 November 2024`, for summaries. */
export function formatDayLong(day: number): string {
  const date = new Date(day * MS_PER_DAY)
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCFullYear()}`
}
