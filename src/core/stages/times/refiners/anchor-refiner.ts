import { addDays } from '../calendar.js'
import type { TimeCandidate, TimeRefiner } from '../time-mention.js'

/** How far back (characters) an anchor may be: the same or the previous few sentences. */
const ANCHOR_REACH = 600

/**
 * "Rebels took the city late on Friday; [hours before], the army had withdrawn": an anchored
 * expression takes the nearest earlier expression resolved to a day or part of a day. Without
 * one it stays unresolved, never a guessed day.
 */
export const anchorRefiner: TimeRefiner = {
  rule: 'times/anchor',
  refine(candidates: readonly TimeCandidate[]): TimeCandidate[] {
    const out: TimeCandidate[] = []
    for (const c of candidates) {
      if (c.reading.kind !== 'anchored') {
        out.push(c)
        continue
      }
      const anchor = [...out]
        .reverse()
        .find(
          (a) =>
            a.end <= c.start &&
            c.start - a.end <= ANCHOR_REACH &&
            a.value != null &&
            (a.value.precision === 'day' || a.value.precision === 'part-of-day'),
        )
      if (anchor?.value == null) {
        out.push({ ...c, value: null, unresolved: 'no dated expression before it to count from' })
        continue
      }
      const { offsetDays, spanDays } = c.reading
      const base = offsetDays < 0 ? anchor.value.start : anchor.value.end
      const start = addDays(base, offsetDays)
      out.push({
        ...c,
        value: {
          start,
          end: addDays(start, spanDays),
          precision: spanDays > 0 ? 'part-of-day' : 'day',
        },
      })
    }
    return out
  },
}
