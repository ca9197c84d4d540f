import { compareText } from './compare-text.js'
import type { Dispute } from '../model/analysis.js'

/**
 * Folds disputes of one family (kind, with word disputes apart from withdrawal/redeployment
 * ones) that share a report into one. A denial about "Damascus" anchored at the city and at the
 * governorate it is the seat of is one dispute, not two. The dispute with more events keeps its id and summary; events, claims and each side's
 * sources and events are united.
 */
export function mergeDisputes(disputes: readonly Dispute[]): Dispute[] {
  const ordered = [...disputes].sort(
    (a, b) => b.events.length - a.events.length || compareText(a.id, b.id),
  )
  const kept: Dispute[] = []
  // family + event id → index of the kept dispute holding it: one pass, no pairwise scan.
  const holder = new Map<string, number>()
  for (const dispute of ordered) {
    const family = familyOf(dispute)
    let at = -1
    for (const event of dispute.events) {
      const found = holder.get(`${family}\u0000${event}`)
      if (found !== undefined) {
        at = found
        break
      }
    }
    const target = kept[at]
    if (target === undefined) {
      at = kept.length
      kept.push(dispute)
    } else {
      kept[at] = unite(target, dispute)
    }
    for (const event of dispute.events) {
      const key = `${family}\u0000${event}`
      if (!holder.has(key)) holder.set(key, at)
    }
  }
  return kept
}

function familyOf(dispute: Dispute): string {
  return dispute.id.includes(':terms:') ? `${dispute.kind}:terms` : dispute.kind
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
