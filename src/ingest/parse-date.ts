/**
 * Reads a user-supplied publication date (`2024-12-07`, `2024-12-07T10:00:00Z`,
 * `Sat, 07 Dec 2024 10:00:00 GMT`) as `YYYY-MM-DD`, or null when it is not a real date.
 */
export function parsePublishedDate(value: string): string | null {
  const trimmed = value.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(trimmed)
  if (iso) {
    const [, y, m, d] = iso
    return isRealDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null
  }
  // RFC 822 / 2822 dates as in RSS: the day written in the string is the publication day.
  const rfc = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(trimmed)
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2]!.toLowerCase()) + 1
    const day = Number(rfc[1])
    const year = Number(rfc[3])
    if (month > 0 && isRealDate(year, month, day)) return formatDate(year, month, day)
  }
  return null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function formatDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}
