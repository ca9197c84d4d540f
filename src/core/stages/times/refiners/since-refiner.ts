import type { TimeCandidate, TimeContext, TimeRefiner } from '../time-mention.js'

/** "since" with optional "ever" just before the expression ("[since] November 29"). */
const SINCE = /\b(?:ever\s+)?since\s+$/i

/**
 * "Since X" is an open interval from X to the publication date: the offensive that began
 * [since November 29] is ongoing when the article is written. The span takes in "since".
 */
export const sinceRefiner: TimeRefiner = {
  rule: 'times/since',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    return candidates.map((c) => {
      if (c.reading.kind === 'anchored' || c.reading.kind === 'unresolvable') return c
      const m = SINCE.exec(context.text.slice(Math.max(0, c.start - 16), c.start))
      if (m === null) return c
      return { ...c, start: c.start - m[0].length, open: true, rule: 'times/since' }
    })
  },
}
