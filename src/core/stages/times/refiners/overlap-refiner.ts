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
    const kept: TimeCandidate[] = []
    for (const { candidate } of ranked) {
      if (!kept.some((k) => k.start < candidate.end && candidate.start < k.end))
        kept.push(candidate)
    }
    return kept.sort((a, b) => a.start - b.start)
  },
}
