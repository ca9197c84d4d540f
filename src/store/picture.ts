import {
  ANALYSIS_SCHEMA,
  type Analysis,
  type AnalysisDocument,
  type Entity,
} from '../core/model/analysis.js'
import type { Diagnostic } from '../core/model/diagnostic.js'
import type { DocumentExtraction, EntityMention, FusedPicture, StoredDocument } from './store.js'

/** Top-level Analysis fields a store keeps in their own tables; the rest go to `extras`. */
const TABLED_FIELDS = new Set([
  'schema',
  'generatedAt',
  'documents',
  'entities',
  'events',
  'claims',
  'disputes',
  'control',
  'timeline',
  'diagnostics',
  'stories',
])

/**
 * Splits an in-memory Analysis into what a store keeps per document (events, entity mentions,
 * diagnostics with a `doc`) and the fused, cross-document layer. Every document of the analysis
 * gets an extraction, empty ones too, so replacing them clears stale facts.
 */
export function splitAnalysis(analysis: Analysis): {
  extractions: DocumentExtraction[]
  fusion: FusedPicture
} {
  const byDoc = new Map<
    string,
    { events: Analysis['events'][number][]; mentions: EntityMention[]; diagnostics: Diagnostic[] }
  >()
  const slot = (doc: string) => {
    let found = byDoc.get(doc)
    if (!found) {
      found = { events: [], mentions: [], diagnostics: [] }
      byDoc.set(doc, found)
    }
    return found
  }
  for (const document of analysis.documents) slot(document.id)
  for (const event of analysis.events) slot(event.doc).events.push(event)
  for (const entity of analysis.entities) {
    for (const span of entity.mentions) slot(span.doc).mentions.push({ entity: entity.id, span })
  }
  const globalDiagnostics: Diagnostic[] = []
  for (const diagnostic of analysis.diagnostics) {
    if (diagnostic.doc !== undefined && byDoc.has(diagnostic.doc))
      slot(diagnostic.doc).diagnostics.push(diagnostic)
    else globalDiagnostics.push(diagnostic)
  }

  const extras: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(analysis)) {
    if (!TABLED_FIELDS.has(key) && value !== undefined) extras[key] = value
  }
  return {
    extractions: [...byDoc].map(([documentId, found]) => ({ documentId, ...found })),
    fusion: {
      generatedAt: analysis.generatedAt,
      entities: analysis.entities.map((entity) => ({ ...entity, mentions: [] })),
      claims: analysis.claims,
      disputes: analysis.disputes,
      control: analysis.control,
      timeline: analysis.timeline,
      stories: analysis.stories ?? [],
      diagnostics: globalDiagnostics,
      documentLinks: analysis.documents.map((document) => ({
        id: document.id,
        duplicateOf: document.duplicateOf ?? null,
        syndicationGroup: document.syndicationGroup ?? null,
      })),
      extras,
    },
  }
}

/** The contract view of a stored document (fusion links as stored beside it). */
export function toAnalysisDocument(
  stored: StoredDocument,
  link: { duplicateOf: string | null; syndicationGroup: string | null },
): AnalysisDocument {
  const { document } = stored
  return {
    id: document.id,
    source: document.source,
    outlet: document.outlet,
    url: document.url,
    published: document.published,
    publishedFrom: document.publishedFrom,
    title: document.title,
    text: document.text,
    duplicateOf: link.duplicateOf,
    syndicationGroup: link.syndicationGroup,
    // As analyzeCorpus writes it: the field only when there is something in it.
    ...(Object.keys(document.metadata).length > 0 && { metadata: document.metadata }),
  }
}

/**
 * Puts a stored picture back into the contract shape: documents in ingest order, their events,
 * mentions and diagnostics in that order, entities with their mentions re-attached.
 */
export function assembleAnalysis(parts: {
  documents: readonly AnalysisDocument[]
  extractions: readonly DocumentExtraction[]
  fusion: FusedPicture | null
}): Analysis {
  const { documents, extractions, fusion } = parts
  const mentionsByEntity = new Map<string, EntityMention['span'][]>()
  for (const extraction of extractions) {
    for (const mention of extraction.mentions) {
      const list = mentionsByEntity.get(mention.entity)
      if (list) list.push(mention.span)
      else mentionsByEntity.set(mention.entity, [mention.span])
    }
  }
  const entities: Entity[] = (fusion?.entities ?? []).map((entity) => ({
    ...entity,
    mentions: mentionsByEntity.get(entity.id) ?? [],
  }))
  return {
    ...(fusion?.extras ?? {}),
    schema: ANALYSIS_SCHEMA,
    generatedAt: fusion?.generatedAt ?? new Date(0).toISOString(),
    documents,
    entities,
    events: extractions.flatMap((extraction) => extraction.events),
    claims: fusion?.claims ?? [],
    disputes: fusion?.disputes ?? [],
    control: fusion?.control ?? [],
    timeline: fusion?.timeline ?? [],
    diagnostics: [
      ...extractions.flatMap((extraction) => extraction.diagnostics),
      ...(fusion?.diagnostics ?? []),
    ],
    stories: fusion?.stories ?? [],
  }
}
