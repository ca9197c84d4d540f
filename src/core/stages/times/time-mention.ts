import type { Diagnostic } from '../../model/diagnostic.js'

/** How finely a resolved interval is known. */
export type TimePrecision = 'day' | 'part-of-day' | 'days' | 'week' | 'month' | 'year' | 'open'

/** Which part of the day a part-of-day expression names ("late on Friday" → late). */
export type PartOfDay =
  'early' | 'late' | 'morning' | 'afternoon' | 'evening' | 'night' | 'overnight'

/** A dated interval; `start` and `end` are inclusive `YYYY-MM-DD` days. */
export interface TimeValue {
  readonly start: string
  readonly end: string
  readonly precision: TimePrecision
}

/**
 * One time expression found in a text: its span (JS string indices, `text` is the quote), its
 * resolved interval or null when it cannot be resolved (never a guessed day), and the rule
 * that read it.
 */
export interface TimeMention {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: TimeValue | null
  readonly rule: string
  readonly part?: PartOfDay
}

/** What the words of an expression say, before the publication date gives them a place. */
export type TimeReading =
  /** "December 7", "Sunday, 6 December 2024", "2024-12-07" (year and weekday optional). */
  | {
      readonly kind: 'date'
      readonly day: number
      readonly month: number
      readonly year?: number
      readonly weekday?: number
    }
  /** "Friday", "last Tuesday", "next Monday", "this Thursday". */
  | {
      readonly kind: 'weekday'
      readonly weekday: number
      readonly shift: 'bare' | 'last' | 'next' | 'this'
    }
  /** "in June", "June 2008". */
  | { readonly kind: 'month'; readonly month: number; readonly year?: number }
  /** "in 2016", "the 2011 uprising". */
  | { readonly kind: 'year'; readonly year: number }
  /** "the fourth quarter", "Q3 2009". */
  | { readonly kind: 'quarter'; readonly quarter: number; readonly year?: number }
  /** "December 5 to 7": two readings, the second inheriting what the first states. */
  | { readonly kind: 'range'; readonly from: TimeReading; readonly to: TimeReading }
  /** "the 1990s", "the summer of 2011": an interval the words fix on their own. */
  | { readonly kind: 'interval'; readonly value: TimeValue }
  /** "yesterday", "last week", "in recent days": a function of the publication date. */
  | { readonly kind: 'relative'; readonly resolve: (published: string) => TimeValue }
  /** "hours before", "a day later": relative to the previous dated expression in the text. */
  | { readonly kind: 'anchored'; readonly offsetDays: number; readonly spanDays: number }
  /** "at 3 pm" alone: a real time expression that names no day. */
  | { readonly kind: 'unresolvable'; readonly reason: string }

/**
 * A proposal from a recognizer, refined in place of chrono's ParsingResult. Refiners return new
 * arrays of new candidates; nothing outside the stage sees this type.
 */
export interface TimeCandidate {
  readonly start: number
  readonly end: number
  readonly rule: string
  readonly reading: TimeReading
  readonly part?: PartOfDay
  /** "since X": an open interval from X to the publication date. */
  readonly open?: boolean
  /** A future cue governs the expression ("will meet on Monday"), so resolve forwards. */
  readonly future?: boolean
  /** Set by the resolve refiner: the interval, or null with `unresolved` saying why. */
  readonly value?: TimeValue | null
  readonly unresolved?: string
}

/** What recognizers and refiners may read. */
export interface TimeContext {
  readonly text: string
  /**
   * `text` in lower case, to check cheaply that a rule's words occur at all before its pattern
   * runs (see `hasWords`). Only for such checks: a few letters change length in lower case, so
   * offsets into it are not offsets into `text`.
   */
  readonly lower: string
  readonly published: string | null
  readonly doc: string
  readonly report: (diagnostic: Diagnostic) => void
}

/** Proposes candidates over the whole text (chrono's Parser). */
export interface TimeRecognizer {
  readonly rule: string
  recognize(context: TimeContext): TimeCandidate[]
}

/** Merges, filters, extends or resolves candidates (chrono's Refiner). */
export interface TimeRefiner {
  readonly rule: string
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[]
}
