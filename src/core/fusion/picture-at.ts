import type { HistoryChange, HistoryEntry } from './fusion-types.js'

/**
 * A claim's state as of the k-th ingested document (0-based), replayed from the history's
 * changes; null when the claim did not exist yet.
 *
 * @example
 * claimStatusAt(picture.history, 'claim:3', 2) // { status: 'disputed', independentGroups: 1, … }
 */
export function claimStatusAt(
  history: readonly HistoryEntry[],
  claimId: string,
  index: number,
): HistoryChange | null {
  let state: HistoryChange | null = null
  for (const entry of history) {
    if (entry.index > index) break
    for (const change of entry.changes) if (change.claim === claimId) state = change
  }
  return state
}
