import { createHash } from 'node:crypto'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { PublishedFrom, SourceDocument } from '../core/model/document.js'
import { discoverPublished } from '../core/stages/times/discover-published.js'
import { htmlToText } from './html-to-text.js'
import { InputError } from './input-error.js'
import { parsePublishedDate } from './parse-date.js'
import type { DocumentDefaults } from './text-document.js'

/** Items read from one feed at most; a bigger feed is refused, not read for minutes. */
export const MAX_FEED_ITEMS = 10_000

/** One feed item as a document, with what the store needs to know about it. */
export interface FeedItemDocument {
  readonly document: SourceDocument
  /** SHA-256 of the item as published (title, link, dates, content): its version identity. */
  readonly contentHash: string
  readonly byteLength: number
  /** The item's link, else its guid: two versions of one item share it. */
  readonly revisionKey: string | null
}

export interface FeedResult {
  readonly items: FeedItemDocument[]
  /** Items that could not become documents (no text); the others are still read. */
  readonly problems: InputError[]
}

/**
 * Content elements are kept raw (stop nodes): Atom's `type="xhtml"` content is markup that must
 * not be parsed as feed structure, and `type="text"` must not be read as HTML.
 */
const PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  stopNodes: ['feed.entry.content', 'feed.entry.summary'],
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
})
const ARRAYS = new Set([
  'rss.channel.item',
  'rdf:RDF.item',
  'feed.entry',
  'feed.entry.link',
  'feed.entry.author',
])

/**
 * Reads an RSS 2.0, RSS 1.0 or Atom feed into one document per item (fast-xml-parser: already
 * a dependency, no transitive ones, validates before parsing, and keeps raw content nodes).
 * Each item's date is its `published` (`publishedFrom: 'metadata'`); its text is
 * `content:encoded`, Atom `content`, `description` or `summary`, through `htmlToText`; its id
 * is `item-` + a hash of its guid or link, stable across fetches. The outlet is the item's
 * `<source>` or `dc:publisher`, else the feed's title.
 *
 * Not XML, truncated XML, entity declarations (billion-laughs) or another root element are
 * InputErrors naming the input.
 */
export function parseFeedDocuments(
  xml: string,
  origin: { readonly source: string },
  defaults: DocumentDefaults = {},
): FeedResult {
  const input = origin.source
  if (/<!ENTITY/i.test(xml))
    throw new InputError(
      input,
      'feed declares XML entities (refused: entity expansion is an attack vector)',
    )
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    // fast-xml-parser names unclosed elements as a JSON list: say it in words.
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(valid.err.msg)?.[1]
    const reason = unclosed
      ? `unclosed ${unclosed
          .replace(/\s+/g, '')
          .split(',')
          .map((name) => `<${name.replace(/"/g, '')}>`)
          .join(' ')}`
      : valid.err.msg.replace(/\s+/g, ' ')
    throw new InputError(
      input,
      `not well-formed XML, truncated or broken (line ${valid.err.line}: ${reason})`,
    )
  }
  const parsed = PARSER.parse(xml) as Record<string, unknown>
  const rss = record(parsed.rss)
  const rdf = record(parsed['rdf:RDF'])
  const atom = record(parsed.feed)
  let raws: RawItem[]
  let feedTitle: string | null
  if (rss) {
    const channel = record(rss.channel)
    feedTitle = text(channel?.title)
    raws = list(channel?.item).map(rssItem)
  } else if (rdf) {
    feedTitle = text(record(rdf.channel)?.title)
    raws = list(rdf.item).map(rssItem)
  } else if (atom) {
    feedTitle = text(atom.title)
    raws = list(atom.entry).map(atomEntry)
  } else {
    const root = Object.keys(parsed).find((key) => !key.startsWith('?')) ?? '(none)'
    throw new InputError(input, `not an RSS or Atom feed (root element is <${root}>)`)
  }
  if (raws.length > MAX_FEED_ITEMS)
    throw new InputError(input, `feed has ${raws.length} items (limit ${MAX_FEED_ITEMS})`)
  // An empty feed is not an error of the user's, but it must not pass in silence.
  if (raws.length === 0) throw new InputError(input, 'feed has no items (nothing to read)')

  const items: FeedItemDocument[] = []
  const problems: InputError[] = []
  raws.forEach((raw, index) => {
    const name = `${input}#${index + 1}`
    const body =
      raw.html !== null ? htmlToText(raw.html) : (raw.plain ?? '').replace(/[ \t]+/g, ' ').trim()
    if (body.trim() === '') {
      problems.push(
        new InputError(name, `feed item${raw.title ? ` "${raw.title}"` : ''} has no text`),
      )
      return
    }
    let published: string | null = raw.date ? parsePublishedDate(raw.date) : null
    let publishedFrom: PublishedFrom = published === null ? 'unknown' : 'metadata'
    if (published === null) {
      const found = discoverPublished(body)
      if (found) {
        published = found.date
        publishedFrom = 'dateline'
      } else if (defaults.published !== undefined) {
        published = defaults.published
        publishedFrom = 'option'
      }
    }
    const identity =
      raw.guid ??
      raw.link ??
      `${input}\n${raw.title ?? ''}\n${raw.date ?? ''}\n${body.slice(0, 200)}`
    const serialized = JSON.stringify(raw)
    const metadata: Record<string, string> = { feed: input }
    if (raw.guid) metadata.guid = raw.guid
    items.push({
      document: {
        id: `item-${sha256(identity).slice(0, 12)}`,
        source: raw.link ?? name,
        outlet: raw.outlet ?? feedTitle ?? defaults.outlet ?? null,
        url: raw.link,
        published,
        publishedFrom,
        title: raw.title,
        author: raw.author,
        language: null,
        text: body,
        metadata,
      },
      contentHash: sha256(serialized),
      byteLength: Buffer.byteLength(serialized),
      revisionKey: raw.link ?? raw.guid,
    })
  })
  return { items, problems }
}

interface RawItem {
  title: string | null
  link: string | null
  guid: string | null
  date: string | null
  author: string | null
  outlet: string | null
  /** Content to read as HTML, or null when `plain` holds plain text. */
  html: string | null
  plain: string | null
}

function rssItem(value: unknown): RawItem {
  const item = record(value) ?? {}
  const link = text(item.link)
  const guid = text(item.guid)
  const permalink =
    record(item.guid)?.['@_isPermaLink'] !== 'false' && guid !== null && /^https?:\/\//.test(guid)
  return {
    title: htmlish(text(item.title)),
    link: link ?? (permalink ? guid : null),
    guid,
    date: text(item.pubDate) ?? text(item['dc:date']),
    author: text(item['dc:creator']) ?? text(item.author),
    outlet: text(item.source) ?? text(item['dc:publisher']),
    html: text(item['content:encoded']) ?? text(item.description),
    plain: null,
  }
}

function atomEntry(value: unknown): RawItem {
  const entry = record(value) ?? {}
  const links = list(entry.link).map((link) => record(link) ?? {})
  const alternate = links.find(
    (link) => link['@_rel'] === undefined || link['@_rel'] === 'alternate',
  )
  const href = typeof alternate?.['@_href'] === 'string' ? alternate['@_href'] : null
  const content =
    record(entry.content) ?? (typeof entry.content === 'string' ? { '#text': entry.content } : null)
  const summary =
    record(entry.summary) ?? (typeof entry.summary === 'string' ? { '#text': entry.summary } : null)
  const chosen = content ?? summary
  const type = typeof chosen?.['@_type'] === 'string' ? chosen['@_type'] : 'text'
  const raw = typeof chosen?.['#text'] === 'string' ? chosen['#text'] : ''
  const titleRecord = record(entry.title)
  const title = text(entry.title)
  const source = record(entry.source)
  return {
    title:
      titleRecord?.['@_type'] === 'html' || titleRecord?.['@_type'] === 'xhtml'
        ? htmlish(title)
        : title,
    link: href,
    guid: text(entry.id),
    date: text(entry.published) ?? text(entry.updated),
    author: text(record(list(entry.author)[0])?.name),
    outlet: source ? text(source.title) : null,
    ...(type === 'xhtml'
      ? { html: raw, plain: null }
      : type === 'text'
        ? { html: null, plain: unescapeXml(raw) }
        : { html: unescapeXml(raw), plain: null }),
  }
}

/** Raw (stop-node) XML text to its value: CDATA sections verbatim, entities elsewhere decoded. */
function unescapeXml(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice(9, -3)
        : part.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, name: string) => {
            const lower = name.toLowerCase()
            if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16), whole)
            if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10), whole)
            return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[lower] ?? whole
          }),
    )
    .join('')
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) &&
    code > 0 &&
    code <= 0x10ffff &&
    !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : fallback
}

/** A title that may carry markup (`A &lt;b&gt;bold&lt;/b&gt; claim`), as plain text. */
function htmlish(value: string | null): string | null {
  if (value === null || !/[<&]/.test(value)) return value
  const plain = htmlToText(value).replace(/\s+/g, ' ').trim()
  return plain === '' ? null : plain
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

/** An element's text whether the parser gave a string or `{ '#text': … }`; null when empty. */
function text(value: unknown): string | null {
  const raw =
    typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? String(value)
        : record(value)?.['#text']
  if (typeof raw !== 'string') return null
  const trimmed = raw.trim()
  return trimmed === '' ? null : trimmed
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
