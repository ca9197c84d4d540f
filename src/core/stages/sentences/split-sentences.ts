import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

/** A sentence as offsets into the document text; the text between sentences is whitespace. */
export interface Sentence {
  readonly index: number
  readonly start: number
  readonly end: number
}

let nlp: ReturnType<typeof winkNLP> | null = null
function getNlp(): ReturnType<typeof winkNLP> {
  // The model is loaded once per process: about 40 ms, then reused by every document.
  // Sentence boundaries only ('sbd'): the rest of wink's pipeline (POS, NER, sentiment) costs
  // twice as much and gives the same tokens and sentences.
  nlp ??= winkNLP(model, ['sbd'])
  return nlp
}

/** Longest stretch handed to wink-nlp at once; longer text is cut at line breaks or spaces. */
const CHUNK = 20_000

/**
 * Splits text into sentences with wink-nlp, then applies news-specific refinements:
 * a line break ends a sentence when the line is complete (headlines, datelines, bylines, list
 * items), but not when a hard-wrapped line continues in lower case or after a function word.
 * Offsets index the original text; the split is lossless (gaps are whitespace only).
 */
export function splitSentences(text: string): Sentence[] {
  const ranges: [number, number][] = []
  const wrapWidth = hardWrapWidth(text)
  for (const [chunkStart, chunkEnd] of chunks(text)) {
    for (const [start, end] of winkSentences(text, chunkStart, chunkEnd)) {
      for (const piece of splitAtLineBreaks(text, skipSpaces(text, start, end), end, wrapWidth))
        ranges.push(piece)
    }
  }
  return mergeEllipses(text, ranges).map(([start, end], index) => ({ index, start, end }))
}

/** "HTS and allied factions... took control": an ellipsis followed by lower case does not end a sentence. */
function mergeEllipses(text: string, ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = []
  for (const range of ranges) {
    const previous = merged[merged.length - 1]
    if (
      previous &&
      /(?:\.\.\.|…)$/.test(text.slice(previous[0], previous[1])) &&
      /^\s*\p{Ll}/u.test(text.slice(previous[1], range[1]))
    ) {
      previous[1] = range[1]
    } else {
      merged.push([range[0], range[1]])
    }
  }
  return merged
}

function* chunks(text: string): Generator<[number, number]> {
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK)
    if (end < text.length) {
      const lineBreak = text.lastIndexOf('\n', end)
      const space = text.lastIndexOf(' ', end)
      const cut =
        lineBreak > start + CHUNK / 2 ? lineBreak : space > start + CHUNK / 2 ? space : end
      end = cut
    }
    yield [start, end]
    start = end
  }
}

/** Sentence ranges from wink-nlp, mapped back to offsets by walking the original text. */
function winkSentences(text: string, from: number, to: number): [number, number][] {
  const slice = text.slice(from, to)
  const nlp = getNlp()
  const its = nlp.its
  const doc = nlp.readDoc(slice)
  const values = doc.tokens().out(its.value) as string[]
  const starts: number[] = []
  const ends: number[] = []
  let cursor = 0
  for (const value of values) {
    const found = slice.indexOf(value, cursor)
    // wink-nlp keeps token values verbatim; if one were ever normalised, stay where we are.
    const at = found === -1 || found - cursor > 200 ? cursor : found
    starts.push(at)
    ends.push(found === -1 ? at : at + value.length)
    cursor = ends[ends.length - 1]!
  }
  const ranges: [number, number][] = []
  doc.sentences().each((sentence: { out: (f: unknown) => unknown }) => {
    const [first, last] = sentence.out(its.span) as unknown as [number, number]
    const start = starts[first]
    const end = ends[last]
    if (start !== undefined && end !== undefined && end > start)
      ranges.push([from + start, from + end])
  })
  if (ranges.length === 0 && slice.trim() !== '') {
    const lead = slice.length - slice.trimStart().length
    ranges.push([from + lead, from + slice.trimEnd().length])
  }
  return ranges
}

// Words after which a wrapped line continues the same sentence ("forces of\nthe Iranian-backed").
const CONTINUES =
  /(?:^|\s)(?:of|the|a|an|and|or|but|to|in|on|at|by|for|from|with|as|that|which|who|its|their|his|her|into|after|before|since|than|between|across|over|under|near|towards?|against|–|-|—)$/i

/**
 * The line width of hard-wrapped text (e-mail style copy, wire feeds), or 0 when lines are
 * paragraphs. Text is hard-wrapped when many lines of similar length end mid-sentence.
 */
function hardWrapWidth(text: string): number {
  const lines = text.slice(0, 50_000).split('\n')
  const lengths = lines
    .map((line) => line.trimEnd().length)
    .filter((length) => length >= 40 && length <= 120)
  if (lengths.length < 4) return 0
  let wrapped = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!.trimEnd()
    if (
      line.length >= 40 &&
      line.length <= 120 &&
      !/[.!?:"”]$/.test(line) &&
      /^\s*\p{Ll}/u.test(lines[i + 1]!)
    )
      wrapped++
  }
  if (wrapped < lengths.length * 0.2) return 0
  lengths.sort((a, b) => a - b)
  return lengths[Math.floor(lengths.length / 2)]!
}

/** Splits a wink sentence at line breaks that end a complete line. */
function splitAtLineBreaks(
  text: string,
  start: number,
  end: number,
  wrapWidth: number,
): [number, number][] {
  const pieces: [number, number][] = []
  let pieceStart = start
  let search = start
  for (;;) {
    const lineBreak = text.indexOf('\n', search)
    if (lineBreak === -1 || lineBreak >= end) break
    const before = text.slice(pieceStart, lineBreak).trimEnd()
    const afterStart = skipSpaces(text, lineBreak, end)
    const nextChar = text.charAt(afterStart)
    const blankLine = /\n[ \t\r]*\n/.test(text.slice(lineBreak, afterStart + 1))
    const lineEnded = /[.!?:"”’)\]]$/.test(before)
    const startsNew = /[\p{Lu}\p{N}"“‘'(\-•*]/u.test(nextChar)
    const lineStart = text.lastIndexOf('\n', lineBreak - 1) + 1
    // In hard-wrapped text a full-width line is a wrap, whatever the next word looks like.
    const wrapped = wrapWidth > 0 && !lineEnded && lineBreak - lineStart >= wrapWidth * 0.6
    if (
      before.length > 0 &&
      afterStart < end &&
      (blankLine || (startsNew && !wrapped && (lineEnded || !CONTINUES.test(before))))
    ) {
      pieces.push([pieceStart, pieceStart + before.length])
      pieceStart = afterStart
    }
    search = lineBreak + 1
  }
  const last = text.slice(pieceStart, end).trimEnd()
  if (last.length > 0) pieces.push([pieceStart, pieceStart + last.length])
  return pieces
}

function skipSpaces(text: string, from: number, end: number): number {
  let at = from
  while (at < end && /\s/.test(text.charAt(at))) at++
  return at
}
