import { makeSpan } from '../../../model/span.js'
import type { TimeCandidate, TimeContext, TimeRefiner } from '../time-mention.js'

/**
 * Every expression left without a value becomes an info diagnostic naming the words and the
 * reason ("Friday": a weekday needs a publication date). The mention stays, with value null.
 */
export const reportUnresolvedRefiner: TimeRefiner = {
  rule: 'times/unresolved',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    for (const c of candidates) {
      if (c.value != null) continue
      const quote = context.text.slice(c.start, c.end)
      context.report({
        severity: 'info',
        message: `"${quote}" is a time expression that cannot be resolved: ${c.unresolved ?? 'no reading'}`,
        stage: 'times',
        rule: 'times/unresolved',
        doc: context.doc,
        span: makeSpan(context.doc, context.text, c.start, c.end),
      })
    }
    return [...candidates]
  },
}
