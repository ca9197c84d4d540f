import type { TimeCandidate, TimeContext, TimeRefiner } from '../time-mention.js'
import { sentenceStart } from './sentence-start.js'

/** Cues that the clause speaks of what is yet to happen. */
const FUTURE_BEFORE =
  /\b(?:will|shall|won't|'ll|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|slated|planned|going)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|upcoming|next)\b[^.;!?]*$/i
const FUTURE_AFTER = /^,?\s+(?:\S+\s+){0,4}?(?:will|shall|is\s+to|are\s+to)\b/i

/**
 * The past bias of news has one clear exception: "talks [will] resume on Monday". A future cue
 * earlier in the sentence, or right after a fronted expression ("On Monday, the envoy will"),
 * turns a weekday or a yearless date forwards.
 */
export const futureCueRefiner: TimeRefiner = {
  rule: 'times/future-cue',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    const text = context.text
    return candidates.map((c) => {
      const kind = c.reading.kind
      const yearless =
        kind === 'weekday' ||
        ((kind === 'date' || kind === 'month') && c.reading.year === undefined)
      if (!yearless) return c
      const before = text.slice(sentenceStart(text, c.start, c.start - 90), c.start)
      const after = text.slice(c.end, c.end + 50)
      return FUTURE_BEFORE.test(before) || FUTURE_AFTER.test(after) ? { ...c, future: true } : c
    })
  },
}
