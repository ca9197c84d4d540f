/**
 * Half-open [start, end) range of UTF-16 code units in one document's `text`, with the quoted
 * text. Invariant: `documents[doc].text.slice(start, end) === text`. Offsets are the truth;
 * line/column, sentence numbers and highlights are derived from them.
 */
export interface Span {
  readonly doc: string
  readonly start: number
  readonly end: number
  readonly text: string
}

/** Builds a Span over `text`, quoting it, so the invariant holds by construction. */
export function makeSpan(doc: string, text: string, start: number, end: number): Span {
  if (start < 0 || end > text.length || start > end) {
    throw new RangeError(
      `makeSpan: [${start}, ${end}) is outside document ${doc} (length ${text.length})`,
    )
  }
  return { doc, start, end, text: text.slice(start, end) }
}

/** True when the two half-open ranges share at least one code unit. */
export function overlaps(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end
}

/** True when `inner` lies within `outer`. */
export function contains(
  outer: { start: number; end: number },
  inner: { start: number; end: number },
): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}
