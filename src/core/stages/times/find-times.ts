import type { Diagnostic } from '../../model/diagnostic.js'
import { anchoredRecognizer } from './recognizers/anchored-recognizer.js'
import { chronoRecognizer } from './recognizers/chrono-recognizer.js'
import { decadeRecognizer } from './recognizers/decade-recognizer.js'
import { seasonRecognizer } from './recognizers/season-recognizer.js'
import { quarterRecognizer } from './recognizers/quarter-recognizer.js'
import { relativeRangeRecognizer } from './recognizers/relative-range-recognizer.js'
import { yearRecognizer } from './recognizers/year-recognizer.js'
import { anchorRefiner } from './refiners/anchor-refiner.js'
import { dropNonDatesRefiner } from './refiners/drop-non-dates-refiner.js'
import { futureCueRefiner } from './refiners/future-cue-refiner.js'
import { overlapRefiner } from './refiners/overlap-refiner.js'
import { partOfDayRefiner } from './refiners/part-of-day-refiner.js'
import { resolveRefiner } from './refiners/resolve-refiner.js'
import { reportUnresolvedRefiner } from './refiners/report-unresolved-refiner.js'
import { sinceRefiner } from './refiners/since-refiner.js'
import type {
  TimeCandidate,
  TimeContext,
  TimeMention,
  TimeRecognizer,
  TimeRefiner,
} from './time-mention.js'

/**
 * Recognizers, most specific first: on a tie in length the overlap refiner keeps the earlier
 * one, so our own news phrasings ("last week" as a calendar week, "overnight") beat chrono's
 * general reading of the same words.
 */
export const TIME_RECOGNIZERS: readonly TimeRecognizer[] = [
  relativeRangeRecognizer,
  anchoredRecognizer,
  quarterRecognizer,
  seasonRecognizer,
  decadeRecognizer,
  chronoRecognizer,
  yearRecognizer,
]

/** Refiners, in order; each comment says why it must come where it is. */
export const TIME_REFINERS: readonly TimeRefiner[] = [
  // Durations, ages and lower-case words go before they can win an overlap.
  dropNonDatesRefiner,
  // One candidate per stretch before the extenders look at their neighbours.
  overlapRefiner,
  // Extenders look at the words around a settled candidate: part of day first, so that
  // "since late November" takes both "late" and "since".
  partOfDayRefiner,
  sinceRefiner,
  // Extension can swallow a neighbour ("[overnight] on Friday" → one expression).
  overlapRefiner,
  // Tense decides the direction of a weekday before it is resolved.
  futureCueRefiner,
  resolveRefiner,
  // Anchored expressions count from values resolved just above.
  anchorRefiner,
  // Last: whatever still has no value is reported, never guessed.
  reportUnresolvedRefiner,
]

/**
 * Finds every time expression in `text` and resolves it against `published` (`YYYY-MM-DD`),
 * with a past bias: news reports what happened, so a bare "Friday" is the most recent Friday on
 * or before publication. Expressions that cannot be resolved keep `value: null` and are reported
 * as info diagnostics; a weekday contradicting its date is reported as a warning.
 *
 * @example
 * findTimes('Rebels entered the city late on Friday.', '2024-12-07')
 * // [{ start: 25, end: 39, text: 'late on Friday', rule: 'times/weekday', part: 'late',
 * //    value: { start: '2024-12-06', end: '2024-12-06', precision: 'part-of-day' } }]
 */
export function findTimes(
  text: string,
  published: string | null,
  report: (d: Diagnostic) => void = () => {},
  doc = '',
): TimeMention[] {
  if (published !== null && !/^\d{4}-\d{2}-\d{2}$/.test(published)) {
    throw new RangeError(`findTimes: published "${published}" is not a YYYY-MM-DD date`)
  }
  const context: TimeContext = { text, lower: text.toLowerCase(), published, report, doc }
  let candidates: TimeCandidate[] = TIME_RECOGNIZERS.flatMap((r) => r.recognize(context))
  for (const refiner of TIME_REFINERS) candidates = refiner.refine(candidates, context)
  return candidates.map((c) => toMention(c, text))
}

// Two object literals, not a spread: copies made by spreading get a hidden class each, and the
// claims stage reads every time mention many times (one or two classes keep that fast).
function toMention(c: TimeCandidate, text: string): TimeMention {
  const quote = text.slice(c.start, c.end)
  const value = c.value ?? null
  if (c.part === undefined) return { start: c.start, end: c.end, text: quote, value, rule: c.rule }
  return { start: c.start, end: c.end, text: quote, value, rule: c.rule, part: c.part }
}
