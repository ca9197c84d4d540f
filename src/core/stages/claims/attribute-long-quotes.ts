import type { AnalysisEvent } from '../../model/analysis.js'
import type { Frame } from './build-frames.js'

/**
 * A quotation over several sentences belongs to the speaker named where it closes:
 * “We agreed to meet. The military are in contact,” the minister said. — both sentences are his.
 */
export function attributeLongQuotes(
  text: string,
  events: AnalysisEvent[],
  sentences: readonly { start: number; end: number; frames: readonly Frame[] }[],
): AnalysisEvent[] {
  const quotes = quotationSpans(text)
  if (quotes.length === 0) return events
  return events.map((event) => {
    if (event.source) return event
    const quote = quotes.find(
      (span) => span.start <= event.evidence.start && event.evidence.end <= span.end + 1,
    )
    if (!quote) return event
    const closing = sentences.find(
      (sentence) => sentence.start <= quote.end && quote.end < sentence.end,
    )
    if (!closing || closing.start <= event.evidence.start) return event
    const speaker = closing.frames.find(
      (frame) => frame.source && (frame.cueAt ?? 0) > quote.end,
    )?.source
    return speaker ? { ...event, source: speaker } : event
  })
}

/** Spans of quotations, curly (“…”) or straight ("…"), as offsets of their marks. */
function quotationSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let open = -1
  let straight = -1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '“') open = i
    else if (char === '”' && open !== -1) {
      spans.push({ start: open, end: i })
      open = -1
    } else if (char === '"') {
      if (straight === -1) straight = i
      else {
        spans.push({ start: straight, end: i })
        straight = -1
      }
    } else if (char === '\n' && text[i + 1] === '\n') {
      // A paragraph break closes nothing but resets unbalanced marks, so one stray mark cannot swallow the article.
      if (straight !== -1 && text[i - 1] !== '"') straight = -1
    }
  }
  return spans
}
