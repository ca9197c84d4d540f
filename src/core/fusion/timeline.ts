import { compareIds, compareText } from './compare-text.js'
import type { DateValue, TimelineEntry } from '../model/analysis.js'
import type { ClaimRecord } from './claim-record.js'
import { reconcileDates } from '../stages/times/reconcile-dates.js'
import { fromDayNumber } from './day-number.js'

/**
 * A claim's resolved date: the date its reports give most often (by events, the earliest on a
 * tie); null when no report fixes a date.
 */
export function claimDate(claim: ClaimRecord): DateValue | null {
  // The claim's interval covers every report that dates it ("late on Friday" and "early on
  // Saturday" → Friday..Saturday); reports that cannot both hold are a date dispute, marked on
  // the timeline.
  const dated = claim.events
    .filter((record) => record.dated && record.event.date !== null && record.stance !== 'denied')
    .map((record) => record.event.date!)
  if (dated.length === 0) return null
  const { start, end, precision } = reconcileDates(dated)
  return { start, end, precision }
}

/**
 * Claims ordered by resolved interval. Undated claims stand at the day they were first reported,
 * with precision `reported` (the event happened on or before it). `dateConflict` marks claims in
 * a date dispute.
 */
export function buildTimeline(
  claims: readonly ClaimRecord[],
  dateConflicts: ReadonlySet<string>,
  summaryOf: (claim: ClaimRecord) => string,
): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  for (const claim of claims) {
    let date: TimelineEntry['date'] | null = claimDate(claim)
    if (date === null) {
      const first = Math.min(...claim.events.map((e) => e.start ?? Infinity))
      if (!Number.isFinite(first)) continue
      date = { start: fromDayNumber(first), end: fromDayNumber(first), precision: 'reported' }
    } else {
      date = { start: date.start, end: date.end, precision: date.precision }
    }
    const entry: TimelineEntry = {
      date,
      claim: claim.id,
      summary: summaryOf(claim),
      status: claim.status,
    }
    entries.push(dateConflicts.has(claim.id) ? { ...entry, dateConflict: true } : entry)
  }
  return entries.sort(
    (a, b) =>
      compareText(a.date.start, b.date.start) ||
      compareText(a.date.end, b.date.end) ||
      compareIds(a.claim, b.claim),
  )
}
