import type { PublishedFrom, SourceDocument } from '../core/model/document.js'
import { discoverPublished } from '../core/stages/times/discover-published.js'
import { InputError } from './input-error.js'
import { parsePublishedDate } from './parse-date.js'

/** Options a caller (the CLI's `--published`, `--outlet`) supplies for documents that lack them. */
export interface DocumentDefaults {
  readonly published?: string
  readonly outlet?: string
}

/**
 * Longest text analysed as one article (about 10 MB): analysis time and memory grow with it, so a
 * larger "article" is refused in one line rather than tying up the machine for minutes.
 */
export const MAX_TEXT_CHARACTERS = 10_000_000

const KNOWN_KEYS = new Set(['outlet', 'url', 'published', 'title', 'author', 'language'])
// A header line: `key: value`, the key one word (letters, digits, - or _).
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9_-]{0,40}):[ \t]*(.*)$/

/**
 * Turns the text of a contract-format file (optional `key: value` header block ended by the first
 * blank line, then the body) into a SourceDocument. The body is kept byte for byte: every offset
 * indexes it. Without a header, the publication date comes from a dateline or a `date …` line,
 * then from `defaults.published`.
 */
export function parseTextDocument(
  raw: string,
  origin: { id: string; source: string },
  defaults: DocumentDefaults = {},
): SourceDocument {
  const input = origin.source
  const { header, body } = splitHeader(raw)
  if (body.trim() === '') throw new InputError(input, 'empty file (no text to analyse)')
  if (body.length > MAX_TEXT_CHARACTERS) {
    throw new InputError(
      input,
      `text too long (${body.length} characters; one article is analysed up to ${MAX_TEXT_CHARACTERS}): split it into articles`,
    )
  }

  const metadata: Record<string, string> = {}
  for (const [key, value] of header) if (!KNOWN_KEYS.has(key)) metadata[key] = value
  const known = new Map(header.filter(([key]) => KNOWN_KEYS.has(key)))

  let published: string | null = null
  let publishedFrom: PublishedFrom = 'unknown'
  const headerDate = known.get('published')
  if (headerDate !== undefined && headerDate !== '') {
    published = parsePublishedDate(headerDate)
    if (published === null) {
      throw new InputError(
        input,
        `unparsable published value "${headerDate}" (expected YYYY-MM-DD)`,
      )
    }
    publishedFrom = 'header'
  } else {
    const found = discoverPublished(body)
    if (found) {
      published = found.date
      publishedFrom = 'dateline'
    } else if (defaults.published !== undefined) {
      published = defaults.published
      publishedFrom = 'option'
    }
  }

  return {
    id: origin.id,
    source: origin.source,
    outlet: known.get('outlet') || defaults.outlet || guessOutletLine(body) || null,
    url: known.get('url') || null,
    published,
    publishedFrom,
    title: known.get('title') || null,
    author: known.get('author') || null,
    language: known.get('language') || null,
    text: body,
    metadata,
  }
}

/**
 * Splits the header block from the body. A header exists only when the very first line is a
 * `key: value` line and every line up to the first blank line is one too; otherwise the whole
 * text is body (so a first sentence like "Update: rebels entered ..." is not eaten).
 */
function splitHeader(raw: string): { header: [string, string][]; body: string } {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw
  const lines = text.split('\n')
  const header: [string, string][] = []
  let offset = 0
  for (const line of lines) {
    const clean = line.replace(/\r$/, '')
    if (clean.trim() === '') {
      if (header.length === 0) break
      return { header, body: text.slice(offset + line.length + 1) }
    }
    const match = HEADER_LINE.exec(clean)
    if (!match) break
    header.push([match[1]!.toLowerCase(), match[2]!.trim()])
    offset += line.length + 1
  }
  return { header: [], body: text }
}

/**
 * An outlet name alone on the first line ("Barran Press"): two to five capitalised words, no
 * sentence punctuation, followed by more text. Headlines are longer or contain verbs in lower
 * case, so they rarely pass.
 */
function guessOutletLine(body: string): string | null {
  const firstLine = body.split('\n', 1)[0]?.trim() ?? ''
  if (firstLine.length === 0 || firstLine.length > 40 || body.trim().length <= firstLine.length)
    return null
  const words = firstLine.split(/\s+/)
  if (words.length < 1 || words.length > 7) return null
  // Capitalised words, with the small words names contain ("Observatory for Human Rights").
  const looksLikeName =
    /^[A-Z]/.test(firstLine) &&
    words.every(
      (word) => /^[A-Z0-9][\w'’&.-]*$/.test(word) || /^(?:of|for|the|and|de|al|el|on)$/.test(word),
    )
  const outletWord =
    /\b(News|Press|Times|Post|Agency|Network|TV|Radio|Daily|Journal|Herald|Tribune|Gazette|Telegraph|Media|Monitor|Observer|Observatory|Online|Today|Report|Review|Chronicle|Express|Mail|Star|Sun|Net|Wire|Service|Broadcasting|24)\b/
  return looksLikeName && outletWord.test(firstLine) ? firstLine : null
}
