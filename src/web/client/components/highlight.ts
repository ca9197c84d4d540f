/**
 * Highlights spans of a document's text. Offsets are the truth: marks are cut from the text by
 * `start`/`end` (JavaScript string indices), never found by searching for the quote, so a quote
 * that occurs twice is marked where the analysis read it.
 */

/** A range to mark, with the id of the evidence it belongs to. */
export interface MarkRange {
  readonly start: number
  readonly end: number
  readonly id: string
}

/** A run of text and the ids of the ranges covering all of it (empty = plain text). */
export interface TextSegment {
  readonly start: number
  readonly end: number
  readonly ids: readonly string[]
}

/**
 * Cuts `[from, to)` of a text into runs at every range boundary, so overlapping ranges
 * (a sentence and the place inside it) still produce flat, non-nested marks.
 */
export function segmentText(
  length: number,
  ranges: readonly MarkRange[],
  from = 0,
  to = length,
): TextSegment[] {
  const inside = ranges
    .map((range) => ({
      ...range,
      start: Math.max(range.start, from),
      end: Math.min(range.end, to),
    }))
    .filter((range) => range.start < range.end)
  const cuts = new Set<number>([from, to])
  for (const range of inside) {
    cuts.add(range.start)
    cuts.add(range.end)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: TextSegment[] = []
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index]!
    const end = points[index + 1]!
    const ids = inside.filter((range) => range.start <= start && end <= range.end).map((r) => r.id)
    segments.push({ start, end, ids })
  }
  return segments
}

/**
 * The sentence around a span: back to the previous sentence end or line break, forward to the
 * next one. [Troops entered the town on Monday.] [Officials denied it.] → the first, for a span
 * inside it. Used to show a quote in context without re-segmenting the article.
 */
export function sentenceAround(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let from = start
  while (from > 0) {
    const previous = text[from - 1]!
    if (previous === '\n') break
    if (
      /\s/.test(previous) &&
      from >= 2 &&
      /[.!?]["'”’)]?$/.test(text.slice(Math.max(0, from - 3), from - 1))
    )
      break
    from--
  }
  let to = end
  while (to < text.length) {
    const next = text[to]!
    if (next === '\n') break
    to++
    if (/[.!?]/.test(next) && (to >= text.length || /[\s"'”’)]/.test(text[to]!))) {
      while (to < text.length && /["'”’)]/.test(text[to]!)) to++
      break
    }
  }
  return { start: from, end: Math.max(to, end) }
}

/**
 * Builds the text of `[from, to)` as text nodes with `<mark>` elements over the ranges. The
 * mark covering `currentId` gets the class `current` so it can be scrolled into view.
 */
export function renderMarkedText(
  text: string,
  ranges: readonly MarkRange[],
  currentId: string | null,
  from = 0,
  to = text.length,
): DocumentFragment {
  const fragment = document.createDocumentFragment()
  for (const segment of segmentText(text.length, ranges, from, to)) {
    const words = document.createTextNode(text.slice(segment.start, segment.end))
    if (segment.ids.length === 0) {
      fragment.appendChild(words)
      continue
    }
    const mark = document.createElement('mark')
    mark.dataset['ids'] = segment.ids.join(' ')
    if (currentId !== null && segment.ids.includes(currentId)) mark.classList.add('current')
    mark.appendChild(words)
    fragment.appendChild(mark)
  }
  return fragment
}
