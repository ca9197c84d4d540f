import * as chrono from 'chrono-node'
import type { ParsedComponents, ParsedResult } from 'chrono-node'
import { formatDay } from '../calendar.js'
import { parseCasual, scanParserKeys } from './parse-casual.js'
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
    const read = (results: readonly ParsedResult[], at: number, piece: string): void => {
      for (const result of results) {
        const candidate = toCandidate(result, at, piece, reference)
        if (candidate !== null) candidates.push(candidate)
      }
    }
    // Chrono's parsers only run on lines that hold their words (see parseCasual).
    const parsersFor = scanParserKeys(context.text)
    // Line by line: a headline ending in "Friday" and a date line below it are two expressions.
    let offset = 0
    for (const line of context.text.split('\n')) {
      // Very long lines go to chrono in sentence-sized pieces: its cost grows faster than the text.
      // Those pieces are checked for keys one by one (a key may run over a cut).
      if (line.length <= PIECE) {
        const parsers = parsersFor(offset, offset + line.length)
        if (parsers !== 0) read(parseCasual(line, reference, parsers), offset, line)
      } else {
        for (const [start, piece] of pieces(line))
          read(parseCasual(piece, reference), offset + start, piece)
      }
      offset += line.length + 1
    }
    return candidates
  },
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

/** "[the night of] December 5", "[afternoon] Friday": a part of the day before the day it is of. */
const PART_BEFORE_DAY =
  /^(?:the\s+)?(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening|night)\s+(?:of\s+(?:the\s+)?)?(?=\S)/i

function toCandidate(
  result: ParsedResult,
  offset: number,
  line: string,
  reference: Date,
): TimeCandidate | null {
  // Chrono quotes "[On Friday,]"; TIMEX3 and our spans quote only the time words.
  const lead = /^(?:on|in|at|by|of|during|from|until|till)\s+/i.exec(result.text)?.[0].length ?? 0
  const trail = /(?:[\s,;]+|\s+of)+$/.exec(result.text)?.[0].length ?? 0
  if (lead + trail >= result.text.length) return null
  const start = offset + result.index + lead
  const end = offset + result.index + result.text.length - trail
  const day = dayAfterPart(result, result.text.slice(lead, result.text.length - trail), reference)
  let reading = day
    ? readComponents(day.result.start, day.text)
    : readComponents(result.start, result.text)
  if (reading === null) return null
  // [Black Monday], Good Friday: the name of a day in history, not a weekday of this week.
  if (reading.kind === 'weekday' && NAMED_DAY.test(line.slice(0, result.index + lead))) {
    reading = { kind: 'unresolvable', reason: 'the name of a day, not a weekday to count back to' }
  }
  const part = partFromText(result.text)
  let full = reading
  let rule = `times/${reading.kind}`
  const ending = day ? day.result.end : result.end
  if (ending != null) {
    const to = readComponents(ending, day ? day.text : result.text)
    if (to !== null && to.kind === reading.kind && to.kind !== 'relative') {
      full = { kind: 'range', from: reading, to }
      rule = 'times/range'
    }
  }
  return part === undefined
    ? { start, end, rule, reading: full }
    : { start, end, rule, reading: full, part }
}

/**
 * "the night of December 5", "the evening of Thursday", "afternoon Friday": chrono reads the part
 * of the day as today's and keeps that date; the day is the one the words after it name, read
 * again on their own. Null when the words after the part are not one time expression.
 */
function dayAfterPart(
  result: ParsedResult,
  quoted: string,
  reference: Date,
): { result: ParsedResult; text: string } | null {
  const part = PART_BEFORE_DAY.exec(quoted)
  if (part === null) return null
  const text = quoted.slice(part[0].length)
  const [again] = parseCasual(text, reference)
  if (again === undefined || again.index !== 0 || again.text.trim() !== text.trim()) return null
  // Only when the reading of the whole differs: "the night of [tonight]" has nothing to fix.
  return again.start.isCertain('day') || again.start.isCertain('weekday')
    ? { result: again, text }
    : null
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
