/**
 * What the browser tests look for in an analysis: the place whose controller changes and the
 * dispute to open. No test-runner imports, so scripts (screenshots) can use them too.
 */
import type { Analysis } from '../../../src/core/model/analysis.js'
import { indexAnalysis } from '../../../src/web/client/analysis-index.js'
import { disputeSides } from '../../../src/web/client/components/evidence-requests.js'

/** A place that changes hands: the day before (old controller) and the day of the change. */
export interface ControlChange {
  readonly place: string
  readonly name: string
  readonly before: { readonly day: string; readonly controller: string }
  readonly after: { readonly day: string; readonly controller: string }
}

/** The first mapped place whose controller differs between two of its dated states. */
export function findControlChange(analysis: Analysis): ControlChange | null {
  const byPlace = new Map<string, Analysis['control'][number][]>()
  for (const state of analysis.control) {
    if (state.place.lat == null || state.place.lon == null) continue
    byPlace.set(state.place.entity, [...(byPlace.get(state.place.entity) ?? []), state])
  }
  for (const [place, states] of byPlace) {
    const days = [...new Set(states.map((state) => state.date))].sort()
    // The controller on a day is that of the latest state dated on or before it; skip days with two.
    const on = (day: string) => {
      const same = states.filter((state) => state.date === day)
      return same.length === 1 ? same[0]!.controller : null
    }
    for (let i = 0; i + 1 < days.length; i++) {
      const before = on(days[i]!)
      const after = on(days[i + 1]!)
      if (before && after && before !== after) {
        return {
          place,
          name: states[0]!.place.name,
          before: { day: days[i]!, controller: before },
          after: { day: days[i + 1]!, controller: after },
        }
      }
    }
  }
  return null
}

/** The first dispute whose two sides both have reports, with the quote of each side's first report. */
export function findTwoSidedDispute(
  analysis: Analysis,
): { id: string; quotes: [string, string] } | null {
  const index = indexAnalysis(analysis)
  for (const dispute of analysis.disputes) {
    const sides = disputeSides(index, dispute).filter((side) => side.items.length > 0)
    if (sides.length >= 2)
      return {
        id: dispute.id,
        quotes: [sides[0]!.items[0]!.span.text, sides[1]!.items[0]!.span.text],
      }
  }
  return null
}
