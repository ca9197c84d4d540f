import type { Dispute } from '../model/analysis.js'

/**
 * Folds disputes of one family (kind, with word disputes apart from withdrawal/redeployment
 * ones) that share a report into one. A denial about "Damascus" anchored at the city and at the
 * governorate it is the seat of is one dispute, not two. The dispute with more events keeps its id and summary; events, claims and each side's
 * sources and events are united.
 */
export function mergeDisputes(disputes: readonly Dispute[]): Dispute[] {
  const ordered = [...disputes].sort(
    (a, b) => b.events.length - a.events.length || a.id.localeCompare(b.id),
  )
  const kept: Dispute[] = []
  for (const dispute of ordered) {
    const at = kept.findIndex(
      (other) => familyOf(other) === familyOf(dispute) && shareEvent(other, dispute),
    )
    const target = kept[at]
    if (target === undefined) kept.push(dispute)
    else kept[at] = unite(target, dispute)
  }
  return kept
}

function familyOf(dispute: Dispute): string {
  return dispute.id.includes(':terms:') ? `${dispute.kind}:terms` : dispute.kind
}

function shareEvent(a: Dispute, b: Dispute): boolean {
  const events = new Set(a.events)
  return b.events.some((id) => events.has(id))
}

function unite(keep: Dispute, fold: Dispute): Dispute {
  const sides = (keep.sides ?? []).map((side) => {
    // The folded dispute's side that shares reports with this one, if any.
    const match = (fold.sides ?? []).find((other) =>
      other.events.some((id) => side.events.includes(id)),
    )
    if (match === undefined) return side
    return {
      label: side.label,
      sources: [...new Set([...side.sources, ...match.sources])],
      events: [...new Set([...side.events, ...match.events])],
    }
  })
  return {
    ...keep,
    claims: [...new Set([...keep.claims, ...fold.claims])],
    events: [...new Set([...keep.events, ...fold.events])],
    sides,
  }
}
