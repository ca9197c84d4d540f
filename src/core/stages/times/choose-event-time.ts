import type { TimeMention } from './time-mention.js'

interface Range {
  readonly start: number
  readonly end: number
}

/** A sentence as a Span: with its quote, the words between expression and clause can be read. */
interface SentenceRange extends Range {
  readonly text?: string
}

/** Rules whose expressions describe a thing rather than date a clause: "the [2011] uprising". */
const ATTRIBUTIVE_RULES: ReadonlySet<string> = new Set(['times/year-attributive'])

/** Words that open another clause between an expression and the event's clause. */
const CLAUSE_BOUNDARY =
  /[;:()]|,\s*(?:which|who|whom|whose|where|when|while|whereas|although|though|after|before|as|since|until|but|and)\b|\b(?:which|who|whom|whose|after|before|while|when|since|until|although|because|whereas|said|says|added|told)\b/i

/** Only framing words may stand between the sentence start and a fronted expression. */
const SENTENCE_OPENING =
  /^[\s"“'‘(]*(?:(?:on|in|at|by|late|early|earlier|later|since|during|overnight|over|within|for|after|throughout|the|and|but|then|meanwhile|also|until|as of|from|so far|already|,)\s*)*$/i

/** Words of a clause that reports speech: its time dates the statement, not the event. */
const REPORTING =
  /\b(?:said|says|told|added|announced|stated|reported|wrote|claimed|confirmed|denied)\b/i

/** "for the first time since 2016": a comparison, not the time of the clause. */
const COMPARATIVE_BEFORE =
  /\b(?:first|biggest|largest|worst|heaviest|deadliest|highest|lowest|most|least|best|only|longest|fastest)\b[^,;.]*$/i

/** A "first time since <clause>" still open before an expression. */
const COMPARED_CLAUSE =
  /\b(?:first|biggest|largest|worst|heaviest|deadliest|highest|lowest|only|longest)\b[^,;.]*\bsince\b[^,;.]*$/i

/** An open relative clause or parenthesis before an expression. */
const RELATIVE_OPEN = /(?:,\s*(?:which|who|whom|whose|where)\b[^,]*|\([^)]*)$/i

/**
 * The time expression that governs an event, given the sentence (a Span, whose `text` lets the
 * rules read the words around), the event's clause and its trigger word:
 * 1. an expression inside the clause, nearest the trigger, that is not in another clause
 *    (", which has held the city since 2011,") and does not merely compare ("for the first time
 *    since 2016");
 * 2. else one that scopes the whole sentence: fronted ("On Friday, X did A and B"), an
 *    introductory phrase set off by a comma, joined to the clause with no clause boundary
 *    between them ("X took the city on Friday"), or the sentence's only expression unless it
 *    dates a statement ("…, the ministry said on Tuesday");
 * 3. else null (see `inheritEventTime` for the day a paragraph carries). The publication date
 *    is never the event's date by default: callers record it as an upper bound. Attributive
 *    years ("the 2011 uprising") never govern.
 *
 * @example
 * // "On Friday, rebels took Hama and Homs." with clause and trigger on "took"
 * chooseEventTime(times, sentence, clause, trigger) // → the mention "Friday"
 */
export function chooseEventTime(
  times: readonly TimeMention[],
  sentence: SentenceRange,
  clause: Range,
  trigger: Range,
): TimeMention | null {
  const words = (from: number, to: number): string | null => {
    if (sentence.text === undefined || to < from) return null
    return sentence.text.slice(Math.max(0, from - sentence.start), Math.max(0, to - sentence.start))
  }
  const candidates = times.filter(
    (m) =>
      m.start >= sentence.start &&
      m.end <= sentence.end &&
      !ATTRIBUTIVE_RULES.has(m.rule) &&
      !isComparative(m, words(Math.max(sentence.start, m.start - 60), m.start)),
  )
  const distance = (m: TimeMention) =>
    m.end <= trigger.start
      ? trigger.start - m.end
      : m.start >= trigger.end
        ? m.start - trigger.end
        : 0
  const byDistance = (a: TimeMention, b: TimeMention) => distance(a) - distance(b)

  const inside = candidates
    .filter((m) => m.start >= clause.start && m.end <= clause.end)
    .filter((m) => !inForeignClause(m, trigger, sentence, words))
    .sort(byDistance)
  if (inside[0] !== undefined) return inside[0]

  const outside = candidates
    .filter((m) => m.end <= clause.start || m.start >= clause.end)
    .filter((m) => !inRelativeClause(m, sentence, words))
    .sort(byDistance)
  for (const m of outside) {
    const opening = words(sentence.start, m.start)
    // Without the sentence text only an expression at the very start counts as fronted.
    if (opening === null ? m.start - sentence.start <= 3 : SENTENCE_OPENING.test(opening)) return m
    const gap = m.start >= clause.end ? words(clause.end, m.start) : words(m.end, clause.start)
    if (gap !== null && gap.length <= 40 && !CLAUSE_BOUNDARY.test(gap)) return m
    // In the face of the offensive, [on December 7], ministers agreed …: an introductory
    // phrase set off by a comma before the clause.
    const after = words(m.end, m.end + 2)
    if (m.end <= clause.start && opening !== null && after !== null && /^\s*,/.test(after)) {
      if (!CLAUSE_BOUNDARY.test(opening) && !REPORTING.test(opening)) return m
    }
  }
  // The army [Sunday] captured the town centre, while continuing to advance: the one time
  // expression of the sentence, in its main clause, scopes every clause of it, unless it
  // dates a statement about the event ("…, the army said on Thursday").
  const [only, ...others] = outside
  if (only !== undefined && others.length === 0 && candidates.length === 1) {
    const gap = only.start >= clause.end ? words(clause.end, only.start) : null
    if (gap === null || !REPORTING.test(gap)) return only
  }
  return null
}

/** Inside a relative clause or parenthesis opened before it: ", which fell in 2016, ". */
function inRelativeClause(
  m: TimeMention,
  sentence: Range,
  words: (from: number, to: number) => string | null,
): boolean {
  const before = words(sentence.start, m.start)
  return before !== null && RELATIVE_OPEN.test(before)
}

function isComparative(m: TimeMention, before: string | null): boolean {
  if (before === null) return false
  // "… for the first time since Assad fled [over the weekend]": inside the compared clause.
  if (COMPARED_CLAUSE.test(before)) return true
  return /^(?:ever\s+)?since\b/i.test(m.text) && COMPARATIVE_BEFORE.test(before)
}

function inForeignClause(
  m: TimeMention,
  trigger: Range,
  sentence: Range,
  words: (from: number, to: number) => string | null,
): boolean {
  if (m.start >= trigger.end) {
    // "X took Aleppo, which it had lost [in 2016]": a relative clause opens after the trigger.
    const gap = words(trigger.end, m.start)
    return gap !== null && /,\s*(?:which|who|whom|whose|where)\b|\(/i.test(gap)
  }
  if (m.end <= trigger.start) {
    // "HTS, which has fought [since 2011], took Aleppo": a relative clause open before the
    // expression and closed before the trigger.
    const before = words(sentence.start, m.start)
    const between = words(m.end, trigger.start)
    return before !== null && between !== null && RELATIVE_OPEN.test(before) && /[,)]/.test(between)
  }
  return false
}
