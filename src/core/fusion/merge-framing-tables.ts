import { compareText } from './compare-text.js'
import type { FramingRow, FramingTable, FramingTerm } from './fusion-types.js'

/**
 * Framing tables of separately fused stories as one: each outlet's count of each term for each
 * actor side or action summed over the stories, ordered as `buildFramingTable` orders them.
 */
export function mergeFramingTables(tables: readonly FramingTable[]): FramingTable {
  const rows = new Map<
    string,
    { kind: FramingRow['kind']; key: string; outlets: Map<string, Map<string, number>> }
  >()
  const outlets = new Set<string>()
  for (const table of tables) {
    for (const outlet of table.outlets) outlets.add(outlet)
    for (const row of table.rows) {
      const rowKey = `${row.kind}\u0000${row.key}`
      let entry = rows.get(rowKey)
      if (entry === undefined)
        rows.set(rowKey, (entry = { kind: row.kind, key: row.key, outlets: new Map() }))
      for (const [outlet, terms] of Object.entries(row.outlets)) {
        let counts = entry.outlets.get(outlet)
        if (counts === undefined) entry.outlets.set(outlet, (counts = new Map()))
        for (const { term, count } of terms) counts.set(term, (counts.get(term) ?? 0) + count)
      }
    }
  }
  const merged: FramingRow[] = [...rows.values()].map(({ kind, key, outlets: byOutlet }) => {
    const perOutlet: Record<string, readonly FramingTerm[]> = {}
    for (const [outlet, counts] of byOutlet) {
      perOutlet[outlet] = [...counts.entries()]
        .map(([term, count]) => ({ term, count }))
        .sort((a, b) => b.count - a.count || compareText(a.term, b.term))
    }
    return { kind, key, outlets: perOutlet }
  })
  merged.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.key, b.key))
  return { outlets: [...outlets].sort(), rows: merged }
}
