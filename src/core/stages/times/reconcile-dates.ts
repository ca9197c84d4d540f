import { daysBetween } from './calendar.js'

interface DatedValue {
  readonly start: string
  readonly end: string
  readonly precision: string
}

/** The interval that covers every report of one claim, and whether the reports disagree. */
export interface ReconciledDate {
  readonly start: string
  readonly end: string
  readonly precision: string
  readonly conflict: boolean
}

/**
 * Fuses the dates several reports give one claim: the union interval, and `conflict` when two
 * reports cannot both hold, i.e. their intervals are disjoint with more than a day between them.
 * "late on Friday" and "early on Saturday" touch (one night apart) and do not conflict;
 * "27 November" and "29 November" do. An open "since X" only conflicts when X is after the
 * other report's end by more than a day.
 */
export function reconcileDates(values: readonly DatedValue[]): ReconciledDate {
  const first = values[0]
  if (first === undefined) throw new RangeError('reconcileDates: needs at least one dated report')
  let start = first.start
  let end = first.end
  for (const v of values) {
    if (v.start < start) start = v.start
    if (v.end > end) end = v.end
  }
  let conflict = false
  for (let i = 0; i < values.length && !conflict; i++) {
    for (let j = i + 1; j < values.length && !conflict; j++) {
      conflict = areApart(values[i]!, values[j]!)
    }
  }
  const same = values.every(
    (v) => v.precision === first.precision && v.start === first.start && v.end === first.end,
  )
  const precision = same
    ? first.precision
    : values.some((v) => v.precision === 'open')
      ? 'open'
      : 'days'
  return { start, end, precision, conflict }
}

/** Disjoint with more than one day between the end of the earlier and the start of the later. */
function areApart(a: DatedValue, b: DatedValue): boolean {
  const [early, late] = a.start <= b.start ? [a, b] : [b, a]
  return daysBetween(early.end, late.start) > 1
}
