import type { TimeCandidate, TimeRefiner } from '../time-mention.js'

/**
 * Keeps one candidate per stretch of text: the longest, and on a tie the one proposed first
 * (recognizers are listed most specific first). "Saturday, [December 7]" loses to the whole
 * "[Saturday, December 7]"; "[overnight]" loses to "[overnight on Friday]".
 */
export const overlapRefiner: TimeRefiner = {
  rule: 'times/overlap',
  refine(candidates: readonly TimeCandidate[]): TimeCandidate[] {
    const ranked = candidates
      .map((candidate, order) => ({ candidate, order }))
      .sort(
        (a, b) =>
          b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
          a.order - b.order,
      )
    // Kept candidates never overlap, so, sorted by start, only the neighbours of a new
    // candidate's position can overlap it: a binary search keeps this O(n log n).
    const kept: TimeCandidate[] = []
    for (const { candidate } of ranked) {
      let low = 0
      let high = kept.length
      while (low < high) {
        const middle = (low + high) >> 1
        if (kept[middle]!.start < candidate.start) low = middle + 1
        else high = middle
      }
      const before = kept[low - 1]
      const after = kept[low]
      const overlaps =
        (before !== undefined && before.end > candidate.start) ||
        (after !== undefined && after.start < candidate.end)
      if (!overlaps) kept.splice(low, 0, candidate)
    }
    return kept
  },
}
