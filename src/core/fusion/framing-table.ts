import { compareText } from './compare-text.js'
import type { EventRecord } from './claim-record.js'
import { isActionTerm, leanOf } from './framing-terms.js'
import type { FramingRow, FramingTable, FramingTerm } from './fusion-types.js'

/**
 * Each outlet's words for each actor side and each action type, side by side. Actor words are
 * the surface forms of actor mentions ("terrorist elements", "rebels") and loaded framing terms;
 * action words are trigger words ("redeployed") and framing terms that name an action.
 */
export function buildFramingTable(
  records: Iterable<EventRecord>,
  outletOf: (record: EventRecord) => string,
): FramingTable {
  const rows = new Map<string, Map<string, Map<string, number>>>()
  const outlets = new Set<string>()
  const count = (kind: 'actor' | 'action', key: string, outlet: string, term: string): void => {
    const cleaned = term.trim().toLowerCase()
    if (cleaned === '') return
    const rowKey = `${kind}\u0000${key}`
    let row = rows.get(rowKey)
    if (row === undefined) rows.set(rowKey, (row = new Map()))
    let terms = row.get(outlet)
    if (terms === undefined) row.set(outlet, (terms = new Map()))
    terms.set(cleaned, (terms.get(cleaned) ?? 0) + 1)
  }
  for (const record of records) {
    const outlet = outletOf(record)
    outlets.add(outlet)
    const event = record.event
    for (const actor of event.actors) {
      const side = actor.side ?? null
      if (side !== null && actor.span !== undefined) count('actor', side, outlet, actor.span.text)
    }
    if (event.trigger !== undefined) count('action', event.type, outlet, event.trigger.text)
    for (const term of event.framing) {
      if (isActionTerm(term)) {
        count('action', event.type, outlet, term)
        continue
      }
      // A loaded word names the other side of a government action ("[terrorists] attacked").
      const other = record.sides.find((s) => s !== record.side)
      const side =
        leanOf(term) !== null && other !== undefined ? other : (record.side ?? 'unspecified')
      count('actor', side, outlet, term)
    }
  }
  const table: FramingRow[] = [...rows.entries()].map(([rowKey, byOutlet]) => {
    const [kind = 'actor', key = ''] = rowKey.split('\u0000')
    const perOutlet: Record<string, readonly FramingTerm[]> = {}
    for (const [outlet, terms] of byOutlet) {
      perOutlet[outlet] = [...terms.entries()]
        .map(([term, n]) => ({ term, count: n }))
        .sort((a, b) => b.count - a.count || compareText(a.term, b.term))
    }
    return { kind: kind === 'action' ? 'action' : 'actor', key, outlets: perOutlet }
  })
  table.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key))
  return { outlets: [...outlets].sort(), rows: table }
}
