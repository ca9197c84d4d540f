import type { Analysis, AnalysisEvent } from '../core/model/analysis.js'
import type { Diagnostic } from '../core/model/diagnostic.js'
import type { PublishedFrom, SourceDocument } from '../core/model/document.js'
import type { StoredDocument } from './store.js'

/*
 * Row shapes and conversions shared by the SQLite and PostgreSQL stores: both keep the same
 * columns (document id, span, quote, stage, rule on every fact), so one mapping serves both.
 */

/** The columns of an event row. */
export interface EventRow {
  document_id: string
  position: number
  id: string
  start: number
  end: number
  quote: string
  stage: string
  rule: string | null
  type: string
  stance: string
  place: string | null
  date_start: string | null
  date_end: string | null
  body: string
}

/** The columns of a stored document that `toStoredDocument` reads. */
export interface DocumentRow {
  id: string
  content_hash: string
  byte_length: number
  revision_key: string | null
  revision_of: string | null
  superseded_by: string | null
  ingested_at: string
  source: string
  outlet: string | null
  url: string | null
  published: string | null
  published_from: string
  title: string | null
  author: string | null
  language: string | null
  text: string
  metadata: string
}

export function eventRow(documentId: string, position: number, event: AnalysisEvent): EventRow {
  return {
    document_id: documentId,
    position,
    id: event.id,
    start: event.evidence.start,
    end: event.evidence.end,
    quote: event.evidence.text,
    stage: 'claims',
    rule: event.rule ?? null,
    type: event.type,
    stance: event.stance,
    place: event.place?.name ?? null,
    date_start: event.date?.start ?? null,
    date_end: event.date?.end ?? null,
    body: JSON.stringify(event),
  }
}

export function diagnosticRow(documentId: string | null, position: number, diagnostic: Diagnostic) {
  return {
    document_id: documentId,
    position,
    severity: diagnostic.severity,
    message: diagnostic.message,
    start: diagnostic.span?.start ?? null,
    end: diagnostic.span?.end ?? null,
    quote: diagnostic.span?.text ?? null,
    stage: diagnostic.stage,
    rule: diagnostic.rule,
    body: JSON.stringify(diagnostic),
  }
}

/** A one-line description of a claim for search results when fusion wrote no summary. */
export function claimSummary(claim: Analysis['claims'][number]): string {
  if (claim.summary) return claim.summary
  const when = claim.date
    ? ` (${claim.date.start === claim.date.end ? claim.date.start : `${claim.date.start}..${claim.date.end}`})`
    : ''
  return `${claim.type} ${claim.place?.name ?? '(no place)'}${when}`
}

/** What search reads of a claim: its summary, type, place and the sources on each side. */
export function claimSearchText(claim: Analysis['claims'][number]): string {
  return [claimSummary(claim), claim.place?.name ?? '', ...claim.asserting, ...claim.denying]
    .filter((part) => part !== '')
    .join(' · ')
}

export function storyId(story: unknown): string | null {
  if (typeof story === 'object' && story !== null && 'id' in story) {
    const id = (story as { id: unknown }).id
    return typeof id === 'string' ? id : null
  }
  return null
}

export function toStoredDocument(row: DocumentRow): StoredDocument {
  const document: SourceDocument = {
    id: row.id,
    source: row.source,
    outlet: row.outlet,
    url: row.url,
    published: row.published,
    publishedFrom: row.published_from as PublishedFrom,
    title: row.title,
    author: row.author,
    language: row.language,
    text: row.text,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
  }
  return {
    document,
    contentHash: row.content_hash,
    byteLength: row.byte_length,
    revisionKey: row.revision_key,
    revisionOf: row.revision_of,
    supersededBy: row.superseded_by,
    ingestedAt: row.ingested_at,
  }
}
