import * as chrono from 'chrono-node'
import type { ParsedComponents, ParsedResult } from 'chrono-node'
import { formatDay } from '../calendar.js'
import type {
  PartOfDay,
  TimeCandidate,
  TimeContext,
  TimeReading,
  TimeRecognizer,
  TimeValue,
} from '../time-mention.js'

/**
 * Chrono reads the calendar forms (month names, weekdays, ISO dates, casual words). We keep its
 * spans and the components the text states (`isCertain`) and resolve them ourselves with news
 * rules; chrono's own forward-leaning guesses (a bare "Sunday" on a Saturday = tomorrow) are
 * discarded. Relative results ("three days ago") keep chrono's arithmetic from the publication
 * date.
 */
export const chronoRecognizer: TimeRecognizer = {
  rule: 'times/chrono',
  recognize(context: TimeContext): TimeCandidate[] {
    const reference = referenceDate(context.published)
    const candidates: TimeCandidate[] = []
    // Parsers whose words the whole text lacks are out for every line of it.
    const inText = selectParsers(context.text, ALL_PARSERS)
    // Line by line: a headline ending in "Friday" and a date line below it are two expressions.
    let offset = 0
    for (const line of context.text.split('\n')) {
      // Very long lines go to chrono in sentence-sized pieces: its cost grows faster than the text.
      for (const [start, piece] of pieces(line)) {
        for (const result of parseCasual(piece, reference, inText)) {
          const candidate = toCandidate(result, offset + start, piece)
          if (candidate !== null) candidates.push(candidate)
        }
      }
      offset += line.length + 1
    }
    return candidates
  },
}

/**
 * What every match of a chrono parser's pattern contains, by parser: a piece without it gives
 * that parser nothing to read, so the parser is left out (and a piece with no key at all is not
 * handed to chrono). Results stay those of `chrono.casual.parse`: parsers run independently,
 * their results are sorted by position (a stable sort) and then refined, so leaving out
 * parsers that would find nothing changes nothing. Each key is a part of the parser's own
 * pattern (chrono-node 2.10) without its leading `(\W|^)`: chrono also matches `^` at the start
 * of the rest of the text after each result, so word boundaries cannot be relied on. No key is
 * anchored, so a key in a line is also in the whole text. A parser not listed here (another
 * chrono version) always runs.
 */
const NUMBER_START = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d|half|an?|few|several|the|couple)`
const UNIT = String.raw`(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)`
const MONTH = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i
const PARSER_KEYS: Readonly<Record<string, readonly RegExp[]>> = {
  // [2024-12-07], [2024/12/7], [2024 Dec 7]
  ENYearMonthDayParser: [/\d{4}[-./\s]/],
  ISOFormatParser: [/\d{4}-\d/],
  // [12/7], [7.12.2024]
  SlashDateFormatParser: [/\d[/.-]\d/],
  ENSlashMonthFormatParser: [/\d\/\d{4}/],
  // [at 5 pm], [18:00]
  ENTimeExpressionParser: [/\d/],
  // [within 24 hours], [in a few days]: the words up to the start of the count.
  ENTimeUnitWithinFormatParser: [
    new RegExp(
      String.raw`(?:within|in|for)\s*(?:(?:about|around|roughly|approximately|just)\s*(?:~\s*)?)?(?:(?:about|around)\s{0,3})?${NUMBER_START}`,
      'i',
    ),
  ],
  // [last 3 days], [next week]: the words up to the start of the count or unit.
  ENTimeUnitCasualRelativeFormatParser: [
    new RegExp(
      String.raw`(?:this|last|past|next|after|\+|-)\s*(?:(?:about|around)\s{0,3})?${NUMBER_START}`,
      'i',
    ),
  ],
  // [this month], [last year]; without the pattern's closing (?=\W|$), which a piece's end (a
  // long line is cut into pieces) could satisfy where the whole text does not.
  ENRelativeDateFormatParser: [new RegExp(String.raw`(?:this|last|past|next)\s*${UNIT}`, 'i')],
  // [three days ago], [a week later]
  ENTimeUnitAgoFormatParser: [/ago|before|earlier/i],
  ENTimeUnitLaterFormatParser: [/later|after|from now|henceforth|forward|out/i],
  // [7 December], [December 7], [December 2024], [2024 December]
  ENMonthNameLittleEndianParser: [MONTH],
  ENMonthNameMiddleEndianParser: [MONTH],
  ENMonthNameParser: [MONTH],
  ENYearMonthNameParser: [/\d/, MONTH],
  // [on Friday], [last weekend]
  ENWeekdayParser: [/sun|mon|tue|wed|thu|fri|sat|week/i],
  // [yesterday], [last night], [this morning], [end of the month]
  ENCasualDateParser: [/now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night/i],
  ENCasualTimeParser: [/morning|noon|evening|night|midday/i],
  ENEndOfCurrentMonthParser: [/month/i],
}

const CASUAL_PARSERS = chrono.casual.parsers
const CASUAL_REFINERS = chrono.casual.refiners
// Parser sets are bit masks: a chrono with more parsers than bits always runs whole.
const KEYS_BY_PARSER: readonly (readonly RegExp[] | undefined)[] =
  CASUAL_PARSERS.length <= 30
    ? CASUAL_PARSERS.map((parser) => PARSER_KEYS[parser.constructor.name])
    : []
/** Chrono instances by the set of parsers they run (bit i = parser i); a few dozen in practice. */
const chronoByParsers = new Map<number, chrono.Chrono>()

const ALL_PARSERS = 2 ** KEYS_BY_PARSER.length - 1

/**
 * `chrono.casual.parse(piece, reference)`, running only the parsers whose keys are in the
 * piece. `among` (a set from `selectParsers` over a text holding the piece) narrows the parsers
 * to look at: a key found in the piece is found in any text holding it, as no key is anchored.
 */
export function parseCasual(
  piece: string,
  reference: Date,
  among = ALL_PARSERS,
): chrono.ParsedResult[] {
  if (KEYS_BY_PARSER.length === 0) return chrono.casual.parse(piece, reference)
  const selected = selectParsers(piece, among)
  if (selected === 0) return []
  let parser = chronoByParsers.get(selected)
  if (parser === undefined) {
    parser = new chrono.Chrono({
      parsers: CASUAL_PARSERS.filter((_, i) => (selected & (1 << i)) !== 0),
      refiners: CASUAL_REFINERS,
    })
    chronoByParsers.set(selected, parser)
  }
  return parser.parse(piece, reference)
}

/** The parsers of `among` (bit i = parser i) whose every key is in `text`. */
function selectParsers(text: string, among: number): number {
  let selected = 0
  for (let i = 0; i < KEYS_BY_PARSER.length; i++) {
    if ((among & (1 << i)) !== 0 && hasEveryKey(text, KEYS_BY_PARSER[i])) selected |= 1 << i
  }
  return selected
}

function hasEveryKey(piece: string, keys: readonly RegExp[] | undefined): boolean {
  if (keys === undefined) return true
  for (const key of keys) if (!key.test(piece)) return false
  return true
}

/** Longest piece handed to chrono at once. */
const PIECE = 2000

/** A line cut after sentence punctuation (else at a space) into pieces of at most PIECE characters. */
function* pieces(line: string): Generator<[number, string]> {
  let start = 0
  while (line.length - start > PIECE) {
    const window = line.slice(start, start + PIECE)
    const sentenceEnd = Math.max(
      window.lastIndexOf('. '),
      window.lastIndexOf('; '),
      window.lastIndexOf('? '),
      window.lastIndexOf('! '),
    )
    const cut =
      sentenceEnd > PIECE / 2
        ? sentenceEnd + 2
        : window.lastIndexOf(' ') > PIECE / 2
          ? window.lastIndexOf(' ') + 1
          : PIECE
    yield [start, line.slice(start, start + cut)]
    start += cut
  }
  yield [start, line.slice(start)]
}

/**
 * Local noon of the publication day: chrono computes in local time, and reading components
 * back with `get()` in local time makes the result independent of the time zone.
 */
function referenceDate(published: string | null): Date {
  const iso = published ?? '2000-01-01'
  return new Date(
    Number(iso.slice(0, 4)),
    Number(iso.slice(5, 7)) - 1,
    Number(iso.slice(8, 10)),
    12,
  )
}

const NAMED_DAY = /\b(?:Black|Good|Holy|Easter|Cyber|Ash|Bloody|Super|Maundy|Palm|Red|Blue)\s+$/

function toCandidate(result: ParsedResult, offset: number, line: string): TimeCandidate | null {
  // Chrono quotes "[On Friday,]"; TIMEX3 and our spans quote only the time words.
  const lead = /^(?:on|in|at|by|of|during|from|until|till)\s+/i.exec(result.text)?.[0].length ?? 0
  const trail = /(?:[\s,;]+|\s+of)+$/.exec(result.text)?.[0].length ?? 0
  if (lead + trail >= result.text.length) return null
  const start = offset + result.index + lead
  const end = offset + result.index + result.text.length - trail
  let reading = readComponents(result.start, result.text)
  if (reading === null) return null
  // [Black Monday], Good Friday: the name of a day in history, not a weekday of this week.
  if (reading.kind === 'weekday' && NAMED_DAY.test(line.slice(0, result.index + lead))) {
    reading = { kind: 'unresolvable', reason: 'the name of a day, not a weekday to count back to' }
  }
  const part = partFromText(result.text)
  let full = reading
  let rule = `times/${reading.kind}`
  if (result.end != null) {
    const to = readComponents(result.end, result.text)
    if (to !== null && to.kind === reading.kind && to.kind !== 'relative') {
      full = { kind: 'range', from: reading, to }
      rule = 'times/range'
    }
  }
  return part === undefined
    ? { start, end, rule, reading: full }
    : { start, end, rule, reading: full, part }
}

/** Turns what chrono is certain of into a reading; null for results we do not want. */
function readComponents(components: ParsedComponents, text: string): TimeReading | null {
  const certain = (c: 'year' | 'month' | 'day' | 'weekday' | 'hour') => components.isCertain(c)
  const get = (c: 'year' | 'month' | 'day' | 'weekday' | 'hour') => components.get(c) ?? 0
  const tags = components.tags()
  const relative = [...tags].some(
    (t) => t.startsWith('result/relative') || t.startsWith('casualReference'),
  )
  if (certain('weekday') && !certain('day')) {
    return { kind: 'weekday', weekday: get('weekday'), shift: weekdayShift(text) }
  }
  // After a [night] of clashes; fighting at night: a bare part of the day names no day (chrono
  // would take today's) and is as often a noun as a time.
  if (
    /^(?:(?:in|at|during)\s+)?(?:the\s+)?(?:morning|afternoon|evening|night)$/i.test(text.trim())
  ) {
    return null
  }
  if (relative) {
    // Chrono computed these from the publication date we gave it; keep its answer.
    const value = valueFromComponents(components)
    return { kind: 'relative', resolve: () => value }
  }
  if (certain('month') && certain('day')) {
    return {
      kind: 'date',
      day: get('day'),
      month: get('month'),
      ...(certain('year') ? { year: get('year') } : {}),
      ...(certain('weekday') ? { weekday: get('weekday') } : {}),
    }
  }
  if (certain('weekday')) {
    return { kind: 'weekday', weekday: get('weekday'), shift: weekdayShift(text) }
  }
  if (certain('month')) {
    // Lower-case "may" and "march" are a modal and a verb far more often than months.
    if (/^(?:in\s+)?(?:may|march)$/.test(text.trim())) return null
    return { kind: 'month', month: get('month'), ...(certain('year') ? { year: get('year') } : {}) }
  }
  if (certain('year')) return { kind: 'year', year: get('year') }
  if (certain('hour')) return { kind: 'unresolvable', reason: 'a clock time without a day' }
  return null
}

/** "[last] Tuesday", "[next] Monday", "[this] Thursday"; chrono keeps the word in its text. */
function weekdayShift(text: string): 'bare' | 'last' | 'next' | 'this' {
  const lower = text.toLowerCase()
  if (/\b(?:last|past|previous)\s/.test(lower)) return 'last'
  if (/\b(?:next|coming)\s/.test(lower)) return 'next'
  if (/\bthis\s/.test(lower)) return 'this'
  return 'bare'
}

/** A day interval from chrono's computed components; coarser when only month or year is known. */
function valueFromComponents(components: ParsedComponents): TimeValue {
  const year = components.get('year') ?? 2000
  const month = components.get('month') ?? 1
  const day = components.get('day') ?? 1
  if (
    !components.isCertain('day') &&
    !components.isCertain('month') &&
    components.isCertain('year')
  ) {
    return { start: formatDay(year, 1, 1), end: formatDay(year, 12, 31), precision: 'year' }
  }
  if (!components.isCertain('day') && components.isCertain('month')) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
    return {
      start: formatDay(year, month, 1),
      end: formatDay(year, month, last),
      precision: 'month',
    }
  }
  const iso = formatDay(year, month, day)
  return { start: iso, end: iso, precision: 'day' }
}

/** "this [morning]", "[tonight]", "Wednesday [night]": the part of the day the words name. */
function partFromText(text: string): PartOfDay | undefined {
  const lower = text.toLowerCase()
  if (/\bmorning\b/.test(lower)) return 'morning'
  if (/\bafternoon\b/.test(lower)) return 'afternoon'
  if (/\bevening\b/.test(lower)) return 'evening'
  if (/\b(?:tonight|night)\b/.test(lower)) return 'night'
  return undefined
}
