import { createHash } from 'node:crypto'
import type { SourceDocument } from '../core/model/document.js'
import { parseHtmlDocument } from '../ingest/html-document.js'
import { InputError } from '../ingest/input-error.js'
import { parseTextDocument } from '../ingest/text-document.js'
import type { NewArticle } from './analysis-source.js'

export interface PostedDocument {
  readonly document: SourceDocument
  /** SHA-256 (hex) of the posted text or page: the same article posted twice is one document. */
  readonly contentHash: string
  readonly byteLength: number
}

/**
 * A posted article as a SourceDocument, through the same ingest adapters as files: text with
 * an optional header block (`parseTextDocument`), or an HTML page (`parseHtmlDocument`:
 * Readability, metadata from the page). The id is derived from the content hash. Fields given
 * in the request win over what the text or the page says.
 */
export function articleToDocument(
  input: NewArticle,
  options: { readonly outlet?: string; readonly published?: string } = {},
): PostedDocument {
  const published = input.published ?? options.published
  const outlet = input.outlet ?? options.outlet
  const defaults = {
    ...(published !== undefined && { published }),
    ...(outlet !== undefined && { outlet }),
  }
  const raw = input.text ?? input.html
  if (raw === undefined) throw new InputError('body', 'give the article as "text" or "html"')
  const contentHash = createHash('sha256').update(raw).digest('hex')
  const id = `api-${contentHash.slice(0, 12)}`
  const origin = { id, source: input.url ?? `api:${id}` }
  const parsed =
    input.text !== undefined
      ? parseTextDocument(input.text, origin, defaults)
      : parseHtmlDocument(raw, { ...origin, pageUrl: input.url ?? null }, defaults)
  const document: SourceDocument = {
    ...parsed,
    outlet: input.outlet ?? parsed.outlet,
    title: input.title ?? parsed.title,
    url: input.url ?? parsed.url,
    ...(input.published !== undefined && {
      published: input.published,
      publishedFrom: 'option' as const,
    }),
  }
  return { document, contentHash, byteLength: Buffer.byteLength(raw) }
}
