import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { parsePublishedDate } from '../ingest/parse-date.js'

export interface ExtractedHtml {
  readonly text: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly url: string | null
}

/**
 * The main text and metadata of one HTML page posted to the API, with Mozilla Readability over
 * linkedom (scripts, styles, navigation dropped). Paragraphs are joined by blank lines so the
 * sentence stage sees their ends. Returns null when the page has no readable text.
 * The store's HTML ingest adapter does the full job for files (charset detection, JSON-LD); this
 * one only serves the in-memory server, which receives already-decoded strings.
 */
export function extractHtmlText(html: string): ExtractedHtml | null {
  const { document } = parseHTML(html)
  const meta = (selector: string): string | null => {
    const value = document.querySelector(selector)?.getAttribute('content')?.trim()
    return value ? value : null
  }
  const published = meta('meta[property="article:published_time"]') ?? meta('meta[name="date"]')
  const outlet = meta('meta[property="og:site_name"]')
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]')
  const article = new Readability(document as unknown as Document, { charThreshold: 0 }).parse()
  const blocks: string[] = []
  if (article?.content) {
    const { document: body } = parseHTML(
      `<!doctype html><html><body>${article.content}</body></html>`,
    )
    for (const node of body.querySelectorAll('p, h1, h2, h3, h4, li, blockquote')) {
      // Nested blocks (a <p> inside a <blockquote>) are read once, from the innermost.
      if (node.querySelector('p, li')) continue
      const line = (node.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (line) blocks.push(line)
    }
    if (blocks.length === 0) {
      const line = (article.textContent ?? '').replace(/\s+/g, ' ').trim()
      if (line) blocks.push(line)
    }
  }
  if (blocks.length === 0) return null
  return {
    text: blocks.join('\n\n') + '\n',
    title: article?.title?.trim() || null,
    outlet,
    published: published ? parsePublishedDate(published) : null,
    url: url ?? null,
  }
}
