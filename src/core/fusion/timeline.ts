import { compareIds, compareText } from './compare-text.js'
import type { DateValue, TimelineEntry } from '../model/analysis.js'
import type { ClaimRecord } from './claim-record.js'
import { fromDayNumber } from './day-number.js'

/**
 * A claim's resolved date: the date its reports give most often (by events, the earliest on a
 * tie); null when no report fixes a date.
 */
export function claimDate(claim: ClaimRecord): DateValue | null {
  const counts = new Map<string, { value: DateValue; count: number }>()
  for (const record of claim.events) {
    const date = record.event.date
    if (!record.dated || date === null || record.stance !== 'asserted') continue
    const key = `${date.start}/${date.end}`
    const entry = counts.get(key)
    if (entry === undefined)
      counts.set(key, {
        value: { start: date.start, end: date.end, precision: date.precision },
        count: 1,
      })
    else entry.count++
  }
  const best = [...counts.values()].sort(
    (a, b) => b.count - a.count || compareText(a.value.start, b.value.start),
  )[0]
  return best?.value ?? null
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
