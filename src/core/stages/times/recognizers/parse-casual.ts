import * as chrono from 'chrono-node'

/**
 * What every match of a chrono parser's pattern contains, by parser: a text without it gives
 * that parser nothing to read, so the parser is left out (and a text with no key at all is not
 * handed to chrono). Results stay those of `chrono.casual.parse`: parsers run independently,
 * their results are sorted by position (a stable sort) and then refined, so leaving out parsers
 * that would find nothing changes nothing.
 *
 * Each key is a part of the parser's own pattern (chrono-node 2.10) without its leading
 * `(\W|^)`: chrono also matches `^` at the start of the rest of the text after each result, so
 * word boundaries cannot be relied on. No key is anchored or looks around, and none crosses a
 * line break (`[^\S\n]` where the pattern says `\s`; chrono is given one line at a time), so a
 * whole text can be scanned for them once. A parser not listed here (another chrono version)
 * always runs.
 */
const SPACE = String.raw`[^\S\n]`
const NUMBER_START = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d|half|an?|few|several|the|couple)`
const UNIT = String.raw`(?:quarters|seconds|minutes|quarter|second|minute|months|hours|weeks|month|years|mins|hour|days|week|year|sec|min|hrs|day|mon|mos|qtr|hr|mo|yr|s|m|h|d|w|y)`
const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec'
const PARSER_KEYS: Readonly<Record<string, readonly string[]>> = {
  // [2024-12-07], [2024/12/7], [2024 Dec 7]
  ENYearMonthDayParser: [String.raw`\d{4}(?:[-./]|${SPACE})`],
  ISOFormatParser: [String.raw`\d{4}-\d`],
  // [12/7], [7.12.2024], [11/2024]
  SlashDateFormatParser: [String.raw`\d[/.-]\d`],
  ENSlashMonthFormatParser: [String.raw`\d/\d{4}`],
  // [at 5 pm], [18:00]
  ENTimeExpressionParser: [String.raw`\d+`],
  // [within 24 hours], [in a few days]: the words up to the start of the count.
  ENTimeUnitWithinFormatParser: [
    String.raw`(?:within|in|for)${SPACE}*(?:(?:about|around|roughly|approximately|just)${SPACE}*(?:~${SPACE}*)?)?(?:(?:about|around)${SPACE}{0,3})?${NUMBER_START}`,
  ],
  // [last 3 days], [after two weeks]: the words up to the start of the count.
  ENTimeUnitCasualRelativeFormatParser: [
    String.raw`(?:this|last|past|next|after|\+|-)${SPACE}*(?:(?:about|around)${SPACE}{0,3})?${NUMBER_START}`,
  ],
  // [this month], [last year] (without the pattern's closing (?=\W|$)).
  ENRelativeDateFormatParser: [String.raw`(?:this|last|past|next)${SPACE}*${UNIT}`],
  // [three days ago], [a week later]
  ENTimeUnitAgoFormatParser: ['ago|before|earlier'],
  ENTimeUnitLaterFormatParser: ['later|after|from now|henceforth|forward|out'],
  // [7 December], [December 7], [December 2024], [2024 December]
  ENMonthNameLittleEndianParser: [MONTH],
  ENMonthNameMiddleEndianParser: [MONTH],
  ENMonthNameParser: [MONTH],
  ENYearMonthNameParser: [String.raw`\d+`, MONTH],
  // [on Friday], [last weekend]
  ENWeekdayParser: ['sun|mon|tue|wed|thu|fri|sat|week'],
  // [yesterday], [last night], [this morning], [end of the month]
  ENCasualDateParser: ['now|today|tonight|tomorrow|overmorrow|tmr|yesterday|night'],
  ENCasualTimeParser: ['morning|noon|evening|night|midday'],
  ENEndOfCurrentMonthParser: ['month'],
}

const CASUAL_PARSERS = chrono.casual.parsers
const CASUAL_REFINERS = chrono.casual.refiners
/** The distinct keys, each once. */
const KEY_SOURCES = [...new Set(Object.values(PARSER_KEYS).flat())]
const KEY_TESTS = KEY_SOURCES.map((source) => new RegExp(source, 'i'))
const KEY_SCANS = KEY_SOURCES.map((source) => new RegExp(source, 'gi'))
// Sets are bit masks (bit i = parser i, or key i): a chrono with more parsers than bits, or a
// parser without keys, runs whole (-1: the keys of no parser can rule it out).
const SELECTABLE = CASUAL_PARSERS.length <= 30 && KEY_SOURCES.length <= 30
const KEYS_OF_PARSER: readonly number[] = CASUAL_PARSERS.map((parser) => {
  const keys = PARSER_KEYS[parser.constructor.name]
  if (keys === undefined) return -1
  return keys.reduce((mask, key) => mask | (1 << KEY_SOURCES.indexOf(key)), 0)
})
/** Chrono instances by the set of parsers they run; a few dozen in practice. */
const chronoByParsers = new Map<number, chrono.Chrono>()

/**
 * `chrono.casual.parse(text, reference)`, running only the parsers whose keys are in `text`
 * (or the parsers of `selected`, from `scanParserKeys` over a text holding this one).
 */
export function parseCasual(
  text: string,
  reference: Date,
  selected = parsersWithKeys(presentKeys(text)),
): chrono.ParsedResult[] {
  if (!SELECTABLE) return chrono.casual.parse(text, reference)
  if (selected === 0) return []
  let parser = chronoByParsers.get(selected)
  if (parser === undefined) {
    parser = new chrono.Chrono({
      parsers: CASUAL_PARSERS.filter((_, i) => (selected & (1 << i)) !== 0),
      refiners: CASUAL_REFINERS,
    })
    chronoByParsers.set(selected, parser)
  }
  return parser.parse(text, reference)
}

/**
 * Scans a whole text for every key once and returns, for a stretch [start, end) of it that
 * holds no line break, the parsers that stretch may need (a superset of those whose keys are
 * in it, as a key ending inside may start before). Stretches must come in text order, and
 * each must be a whole line or start a line (only a line's first match of each key is kept).
 * One scan per key of the text instead of one test per key of each line.
 */
export function scanParserKeys(text: string): (start: number, end: number) => number {
  if (!SELECTABLE) return () => -1
  // The first match of each key per line is enough: after it, the scan goes on at the next line.
  const ends = KEY_SCANS.map((pattern) => {
    const found: number[] = []
    pattern.lastIndex = 0
    while (pattern.test(text)) {
      found.push(pattern.lastIndex)
      const lineBreak = text.indexOf('\n', pattern.lastIndex)
      if (lineBreak === -1) break
      pattern.lastIndex = lineBreak + 1
    }
    return found
  })
  const next = ends.map(() => 0)
  return (start, end) => {
    let present = 0
    for (let k = 0; k < ends.length; k++) {
      const found = ends[k]!
      let j = next[k]!
      while (j < found.length && found[j]! <= start) j++
      next[k] = j
      // A key inside the stretch ends in (start, end]; keys never run over a line break, so one
      // ending there starts there too when the stretch is a whole line.
      if (j < found.length && found[j]! <= end) present |= 1 << k
    }
    return parsersWithKeys(present)
  }
}

/** The keys (bit i = key i) found in `text`. */
function presentKeys(text: string): number {
  if (!SELECTABLE) return -1
  let present = 0
  for (let k = 0; k < KEY_TESTS.length; k++) if (KEY_TESTS[k]!.test(text)) present |= 1 << k
  return present
}

/** The parsers (bit i = parser i) whose every key is present. */
function parsersWithKeys(present: number): number {
  let selected = 0
  for (let i = 0; i < KEYS_OF_PARSER.length; i++) {
    const keys = KEYS_OF_PARSER[i]!
    if (keys === -1 || (keys & present) === keys) selected |= 1 << i
  }
  return selected
}
