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

/**
 * Every claim's state as of the k-th ingested document: "as of the third article, claim 4 was
 * disputed; as of the fifth, corroborated by three independent origins".
 */
export function pictureAt(
  history: readonly HistoryEntry[],
  index: number,
): Map<string, HistoryChange> {
  const picture = new Map<string, HistoryChange>()
  for (const entry of history) {
    if (entry.index > index) break
    for (const change of entry.changes) picture.set(change.claim, change)
  }
  return picture
}
