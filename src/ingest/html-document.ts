import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { PublishedFrom, SourceDocument } from '../core/model/document.js'
import { discoverPublished } from '../core/stages/times/discover-published.js'
import { FURNITURE, htmlToText } from './html-to-text.js'
import { InputError } from './input-error.js'
import { parsePublishedDate } from './parse-date.js'
import type { DocumentDefaults } from './text-document.js'

/** Elements Readability may visit; beyond this a page is refused rather than parsed for minutes. */
export const MAX_HTML_ELEMENTS = 200_000

/**
 * Deepest element nesting accepted. Real article pages stay under a hundred levels; the DOM
 * parser slows down quadratically with depth (50,000 nested divs take seconds), so a page
 * built to break parsers is refused before parsing.
 */
export const MAX_HTML_DEPTH = 2_000

/**
 * Turns an HTML page into a SourceDocument: the article's main text (Mozilla Readability over
 * linkedom, then `htmlToText`, so paragraphs are separated by blank lines), with metadata read
 * before Readability rewrites the tree:
 * - published: `article:published_time`, JSON-LD `datePublished`, `itemprop="datePublished"`,
 *   other common date metas (`publishedFrom: 'metadata'`); else a dateline in the text; else
 *   `defaults.published`;
 * - outlet: `og:site_name`, JSON-LD `publisher.name`, else `defaults.outlet`;
 * - url: `<link rel="canonical">`, then `og:url`, resolved against `pageUrl`;
 * - title: `og:title`, then `<title>`; author, language (`<html lang>`).
 * Malformed markup is read leniently, as a browser would. A page with no readable text is an
 * InputError.
 */
export function parseHtmlDocument(
  html: string,
  origin: { readonly id: string; readonly source: string; readonly pageUrl?: string | null },
  defaults: DocumentDefaults = {},
): SourceDocument {
  const input = origin.source
  const depth = estimateNesting(html)
  if (depth > MAX_HTML_DEPTH)
    throw new InputError(input, `page nested too deeply (more than ${MAX_HTML_DEPTH} levels)`)
  const { document } = parseHTML(html)
  if (!document.documentElement) throw new InputError(input, 'not an HTML page (no root element)')
  const meta = readMetadata(document, origin.pageUrl ?? null)

  removeBoilerplate(document)
  let text = ''
  try {
    const article = new Readability(document, {
      maxElemsToParse: MAX_HTML_ELEMENTS,
      keepClasses: false,
    }).parse()
    if (article?.content) text = htmlToText(article.content)
  } catch (error) {
    if (error instanceof Error && /Aborting parsing document/.test(error.message)) {
      throw new InputError(input, `page too complex (more than ${MAX_HTML_ELEMENTS} elements)`)
    }
    // Readability gives up on some odd trees; the whole body is still worth reading.
  }
  if (text.trim() === '') {
    const fallback = parseHTML(html).document.body
    if (fallback) text = htmlToText(fallback, { drop: FURNITURE })
  }
  if (text.trim() === '') throw new InputError(input, 'no article text found in the page')

  let published = meta.published
  let publishedFrom: PublishedFrom = published === null ? 'unknown' : 'metadata'
  if (published === null) {
    const found = discoverPublished(text)
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
    outlet: meta.outlet ?? defaults.outlet ?? null,
    url: meta.url ?? origin.pageUrl ?? null,
    published,
    publishedFrom,
    title: meta.title,
    author: meta.author,
    language: meta.language,
    text,
    metadata: meta.extra,
  }
}

/**
 * Class or id tokens of page furniture Readability keeps when it sits inside the story
 * (`<div class="ad"><span>Advertisement</span></div>` between two paragraphs).
 */
const FURNITURE_TOKEN =
  /^(ad|ads|adv|advert|adverts|advertisement|ad-?slot|ad-?unit|ad-?label|ad-?container|ad-?wrapper|sponsor|sponsored|promo|promoted|cookie|cookies|cookie-?banner|cookie-?consent|gdpr|consent|newsletter|paywall|subscribe|social-?share|share-?buttons|related|related-?links|most-?read|outbrain|taboola)$/i

/**
 * Removes what is never the story before Readability scores the page: advertising and consent
 * blocks (by class or id token), site headers, footers, navigation, sidebars and forms
 * outside the `<article>` element, and date lines (a `<time>` with a few words around it).
 */
function removeBoilerplate(document: Document): void {
  const doomed: Element[] = []
  for (const element of document.querySelectorAll('[class], [id]')) {
    const tokens =
      `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.split(/\s+/)
    if (
      tokens.some((token) => FURNITURE_TOKEN.test(token)) &&
      element.localName !== 'body' &&
      element.localName !== 'html'
    ) {
      doomed.push(element)
    }
  }
  for (const element of document.querySelectorAll('header, footer, nav, aside, form, dialog')) {
    if (!element.closest('article')) doomed.push(element)
  }
  // <p class="updated">Updated <time>7 December 2024</time></p>: a date line, not the story.
  for (const time of document.querySelectorAll('time')) {
    const line = time.parentElement
    if (!line || !['p', 'div', 'span', 'li'].includes(line.localName)) continue
    const rest = (line.textContent ?? '').replace(time.textContent ?? '', ' ').trim()
    if (rest.split(/\s+/).filter(Boolean).length <= DATE_LINE_WORDS) doomed.push(line)
  }
  for (const element of doomed) element.remove()
}

/** Words besides the date that a date line may hold ("The Amman Ledger with agencies"). */
const DATE_LINE_WORDS = 8

interface PageMetadata {
  published: string | null
  outlet: string | null
  url: string | null
  title: string | null
  author: string | null
  language: string | null
  extra: Record<string, string>
}

/** Date metas, most specific first; the first that parses wins. */
const DATE_METAS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'JSON-LD',
  'meta[itemprop="datePublished"]',
  'meta[property="og:published_time"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'time[itemprop="datePublished"]',
]

function readMetadata(document: Document, pageUrl: string | null): PageMetadata {
  const metaContent = (selector: string): string | null => {
    const element = document.querySelector(selector)
    const value = element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? null
    return value && value.trim() !== '' ? value.trim() : null
  }
  const jsonLd = readJsonLd(document)

  let published: string | null = null
  let unusable: string | null = null
  for (const selector of DATE_METAS) {
    const raw = selector === 'JSON-LD' ? jsonLd.datePublished : metaContent(selector)
    const parsed = raw ? parsePublishedDate(raw) : null
    if (parsed) {
      published = parsed
      break
    }
    unusable ??= raw
  }

  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null
  const url =
    absoluteUrl(canonical, pageUrl) ?? absoluteUrl(metaContent('meta[property="og:url"]'), pageUrl)
  const titleElement =
    document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
  const title =
    metaContent('meta[property="og:title"]') ??
    (titleElement !== '' ? titleElement : null) ??
    jsonLd.headline
  const author = metaContent('meta[name="author"]') ?? jsonLd.author
  const language = document.documentElement.getAttribute('lang')?.trim() || null

  const extra: Record<string, string> = {}
  const description =
    metaContent('meta[name="description"]') ?? metaContent('meta[property="og:description"]')
  if (description) extra.description = description
  const section = metaContent('meta[property="article:section"]')
  if (section) extra.section = section
  const modified = metaContent('meta[property="article:modified_time"]') ?? jsonLd.dateModified
  if (modified) extra.modified = modified
  // A date the page states but that is no real day (2024-02-30) is kept, so the analysis can say so.
  if (published === null && unusable) extra['unusable-published'] = unusable

  return {
    published,
    outlet: metaContent('meta[property="og:site_name"]') ?? jsonLd.publisher,
    url,
    title,
    author,
    language,
    extra,
  }
}

interface JsonLdFields {
  datePublished: string | null
  dateModified: string | null
  publisher: string | null
  author: string | null
  headline: string | null
}

/**
 * Reads the article fields of JSON-LD blocks (`NewsArticle`, `Article`, inside `@graph` or
 * arrays). Broken JSON is skipped: publishers ship it often, and it is only metadata.
 */
function readJsonLd(document: Document): JsonLdFields {
  const fields: JsonLdFields = {
    datePublished: null,
    dateModified: null,
    publisher: null,
    author: null,
    headline: null,
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown
    try {
      data = JSON.parse(script.textContent ?? '')
    } catch {
      continue
    }
    // Breadth-first over objects, bounded: a hostile page cannot make this walk forever.
    const queue: unknown[] = [data]
    for (let seen = 0; queue.length > 0 && seen < 1000; seen++) {
      const node = queue.shift()
      if (Array.isArray(node)) {
        queue.push(...node)
        continue
      }
      if (typeof node !== 'object' || node === null) continue
      const record = node as Record<string, unknown>
      fields.datePublished ??= stringField(record.datePublished)
      fields.dateModified ??= stringField(record.dateModified)
      fields.headline ??= stringField(record.headline)
      fields.publisher ??= nameOf(record.publisher)
      fields.author ??= nameOf(record.author)
      if (record['@graph']) queue.push(record['@graph'])
      if (record.mainEntity) queue.push(record.mainEntity)
    }
  }
  return fields
}

function stringField(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return stringField(value)
  if (Array.isArray(value)) return value.length > 0 ? nameOf(value[0]) : null
  if (typeof value === 'object' && value !== null)
    return stringField((value as { name?: unknown }).name)
  return null
}

/** An http(s) URL, resolved against the page's own address; null for anything else. */
function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null
  try {
    const url = base ? new URL(value, base) : new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/** Elements that never take children, or close themselves when a sibling opens. */
const NOT_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
])

/**
 * The deepest nesting of elements, estimated in one linear pass over the tags (no parsing):
 * opening tags of nesting elements go one level down, closing tags one up. Exact for
 * well-formed pages; for broken ones it errs high, which only matters past MAX_HTML_DEPTH.
 */
export function estimateNesting(html: string): number {
  let depth = 0
  let deepest = 0
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(\/?)>/g
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = match[2]!.toLowerCase()
    if (match[1] === '/') {
      if (!NOT_NESTING.has(name)) depth = Math.max(0, depth - 1)
    } else if (match[3] !== '/' && !NOT_NESTING.has(name)) {
      depth++
      if (depth > deepest) deepest = depth
      // Script and style bodies are text, not tags: skip to their end.
      if (name === 'script' || name === 'style') {
        const closer = name === 'script' ? /<\/script/gi : /<\/style/gi
        closer.lastIndex = tag.lastIndex
        const end = closer.exec(html)
        if (end === null) break
        tag.lastIndex = end.index
      }
    }
  }
  return deepest
}
