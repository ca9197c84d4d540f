import { formatDay, isValidDay } from './calendar.js'

/** A publication date found in the text itself, with the span it was read from. */
export interface DiscoveredPublished {
  readonly date: string
  readonly start: number
  readonly end: number
  readonly rule: string
}

/** Only the top of an article carries its publication date; below it, dates are events. */
const HEAD = 600

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
}

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
/** "December 7, 2024", "Dec. 06, 2024", "7 December 2024", "Dec 6 2024". */
const WRITTEN_DATE = String.raw`(?:(?<m1>${MONTH})\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>(?:19|20)\d\d)|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>${MONTH}),?\s+(?<y2>(?:19|20)\d\d))`
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:GMT|UTC|[A-Z]{2,4})(?:[+-]\d{1,2})?)?`
const DASH = String.raw`(?:[–—-]|--)`

interface PublishedRule {
  readonly rule: string
  readonly pattern: RegExp
  readonly read: (m: RegExpExecArray) => string | null
}

/**
 * Rules in order; each matches one whole line of the head, so a date inside a body sentence
 * ("Rebels entered Hama on December 5, 2024.") is never taken for the publication date.
 */
const RULES: readonly PublishedRule[] = [
  // [date 2024-12-07] / [Published: 2024-12-07T10:00]
  {
    rule: 'published/date-line',
    pattern:
      /^[ \t]*(?:date|published|posted|updated|last updated|publication date)\s*:?\s*(?<iso>\d{4}-\d{2}-\d{2})(?:[T\s]\S*)?[ \t]*$/gim,
    read: (m) => readIso(m.groups?.['iso']),
  },
  // [2024-12-08 02:00:04] - From: …
  {
    rule: 'published/timestamp-line',
    pattern: new RegExp(
      String.raw`^[ \t]*(?<iso>\d{4}-\d{2}-\d{2})(?:[T ]${CLOCK}Z?)?[ \t]*(?:${DASH}|\||$)`,
      'gm',
    ),
    read: (m) => readIso(m.groups?.['iso']),
  },
  // Damascus, [December 7, 2024] – … ; BEIRUT, [7 December 2024] (AFP) — …
  {
    rule: 'published/dateline',
    pattern: new RegExp(
      String.raw`^[ \t]*[A-Z][A-Za-z'’. -]{1,40}(?:\s*\([A-Za-z .]{1,30}\))?,\s*(?<date>${WRITTEN_DATE})(?:\s*\([A-Za-z .]{1,30}\))?\s*${DASH}`,
      'gm',
    ),
    read: readWritten,
  },
  // [Dec 6, 2024], 11:00 AM / [December 10, 2024] alone on a line / Saturday, [7 December 2024]
  {
    rule: 'published/date-alone',
    pattern: new RegExp(
      String.raw`^[ \t]*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?<date>${WRITTEN_DATE})(?:,?\s*(?:at\s+)?${CLOCK})?[ \t]*(?:\|.*)?$`,
      'gm',
    ),
    read: readWritten,
  },
  // [11/30/2024] 5:11:04 AM (United States order when a 12-hour clock follows)
  {
    rule: 'published/numeric-timestamp',
    pattern: new RegExp(
      String.raw`^[ \t]*(?<a>\d{1,2})/(?<b>\d{1,2})/(?<y>(?:19|20)\d\d)(?<clock>\s+${CLOCK})?[ \t]*$`,
      'gm',
    ),
    read: readNumeric,
  },
  // TEHRAN, [Dec. 06] (MNA) – : no year, so only with a year on the same line or the next.
  {
    rule: 'published/dateline-no-year',
    pattern: new RegExp(
      String.raw`^[ \t]*[A-Z][A-Za-z'’. -]{1,40},\s*(?<m1>${MONTH})\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*\([A-Za-z .]{1,30}\))?\s*${DASH}`,
      'gm',
    ),
    read: () => null,
  },
]

/**
 * Finds the publication date in the head of a text when no header gives it: a dateline, a
 * "date 2024-12-07" line, a timestamp line, a date alone on a line. Returns the first rule's
 * match in text order, or null (a dateline without a year is not enough).
 */
export function discoverPublished(text: string): DiscoveredPublished | null {
  const head = text.slice(0, HEAD)
  let best: DiscoveredPublished | null = null
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0
    for (let m = rule.pattern.exec(head); m !== null; m = rule.pattern.exec(head)) {
      const date = rule.rule === 'published/dateline-no-year' ? yearNearby(m, head) : rule.read(m)
      if (date === null) continue
      const inner = m.groups?.['date'] ?? m.groups?.['iso'] ?? dateText(m)
      const start = m.index + m[0].indexOf(inner)
      // The earliest line wins across rules: the top of the article is its dateline.
      if (best === null || start < best.start)
        best = { date, start, end: start + inner.length, rule: rule.rule }
      break
    }
  }
  return best
}

function dateText(m: RegExpExecArray): string {
  const g = m.groups ?? {}
  if (g['a'] !== undefined) return `${g['a']}/${g['b']}/${g['y']}`
  if (g['m1'] !== undefined) {
    const from = m[0].indexOf(g['m1'])
    const to = m[0].indexOf(g['d1']!, from) + g['d1']!.length
    return m[0].slice(from, to)
  }
  return m[0].trim()
}

function readIso(iso: string | undefined): string | null {
  if (iso === undefined) return null
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number]
  return isValidDay(y, mo, d) ? iso : null
}

function monthNumber(word: string | undefined): number | null {
  if (word === undefined) return null
  return (
    MONTHS[
      word
        .replace('.', '')
        .toLowerCase()
        .slice(0, word.toLowerCase().startsWith('sept') ? 4 : 3)
    ] ?? null
  )
}

function readWritten(m: RegExpExecArray): string | null {
  const g = m.groups ?? {}
  const month = monthNumber(g['m1'] ?? g['m2'])
  const day = Number(g['d1'] ?? g['d2'])
  const year = Number(g['y1'] ?? g['y2'])
  if (month === null || !isValidDay(year, month, day)) return null
  return formatDay(year, month, day)
}

/**
 * "11/30/2024 5:11:04 AM": a 12-hour clock marks United States order (month first); a first
 * number above 12 can only be a day. Two numbers both under 13 without a clock are ambiguous.
 */
function readNumeric(m: RegExpExecArray): string | null {
  const g = m.groups ?? {}
  const a = Number(g['a'])
  const b = Number(g['b'])
  const year = Number(g['y'])
  const usClock = /[AaPp]\.?[Mm]/.test(g['clock'] ?? '')
  let month: number
  let day: number
  if (a > 12) [day, month] = [a, b]
  else if (b > 12 || usClock) [month, day] = [a, b]
  else return null
  return isValidDay(year, month, day) ? formatDay(year, month, day) : null
}

/**
 * The year for a dateline without one: from another full date in the head ("Updated
 * 2024-12-06 18:40"), or a year right after the dash. A year elsewhere in a body sentence
 * ("since 2011") is an event's and does not count.
 */
function yearNearby(m: RegExpExecArray, head: string): string | null {
  const month = monthNumber(m.groups?.['m1'])
  const day = Number(m.groups?.['d1'])
  const fullDate = new RegExp(
    String.raw`\b((?:19|20)\d\d)-\d{2}-\d{2}\b|${WRITTEN_DATE}|\b\d{1,2}/\d{1,2}/((?:19|20)\d\d)\b`,
  ).exec(head)
  const fromDate =
    fullDate === null
      ? undefined
      : (fullDate[1] ??
        fullDate.groups?.['y1'] ??
        fullDate.groups?.['y2'] ??
        fullDate[fullDate.length - 1])
  const afterDash = /^\s*((?:19|20)\d\d)\b/.exec(
    head.slice(m.index + m[0].length, m.index + m[0].length + 30),
  )?.[1]
  const year = fromDate ?? afterDash
  if (month === null || year === undefined || !isValidDay(Number(year), month, day)) return null
  return formatDay(Number(year), month, day)
}
