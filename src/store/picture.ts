import { joinStoryPictures, type StoryPart } from '../core/fusion/fusion-state.js'
import type { FramingTable, HistoryEntry, RegionControl } from '../core/fusion/fusion-types.js'
import {
  ANALYSIS_SCHEMA,
  type Analysis,
  type AnalysisDocument,
  type Claim,
  type ControlState,
  type Dispute,
  type Entity,
  type TimelineEntry,
} from '../core/model/analysis.js'
import type { Diagnostic } from '../core/model/diagnostic.js'
import type {
  DocumentExtraction,
  EntityMention,
  FusedPicture,
  StoredDocument,
  StoryPicture,
} from './store.js'

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

/** Rows of one fused table with the story each belongs to (null: written by replaceFusion). */
export interface StoryRows<T> {
  readonly story: string | null
  readonly body: T
}

/** Positions of a story's rows: stories in ordinal order, each row in its story's order. */
export const STORY_POSITION_STRIDE = 1_000_000

/**
 * The rows `replaceStories` writes for one story, table by table, each with its position
 * (ordinal × STORY_POSITION_STRIDE + its place in the story) and its story id.
 */
export function storyRows(picture: StoryPicture): {
  entities: { position: number; story: string; entity: Entity }[]
  claims: { position: number; story: string; claim: Claim }[]
  disputes: { position: number; story: string; dispute: Dispute }[]
  control: { position: number; story: string; state: ControlState }[]
  timeline: { position: number; story: string; entry: TimelineEntry }[]
  summary: { position: number; story: string; body: unknown }
} {
  const base = picture.ordinal * STORY_POSITION_STRIDE
  const story = picture.story
  return {
    entities: picture.entities.map((entity, k) => ({
      position: base + k,
      story,
      entity: { ...entity, mentions: [] },
    })),
    claims: picture.claims.map((claim, k) => ({ position: base + k, story, claim })),
    disputes: picture.disputes.map((dispute, k) => ({ position: base + k, story, dispute })),
    control: picture.control.map((state, k) => ({ position: base + k, story, state })),
    timeline: picture.timeline.map((entry, k) => ({ position: base + k, story, entry })),
    summary: { position: picture.ordinal, story, body: picture.summary },
  }
}

/**
 * The fused layer of a picture kept as stories (`replaceStories`), joined as FusionState joins
 * its stories in memory (`joinStoryPictures`): rows grouped by story, in ordinal order.
 */
export function joinStoredStories(rows: {
  readonly parts: readonly { readonly story: string; readonly extras: Record<string, unknown> }[]
  readonly entities: readonly StoryRows<Entity>[]
  readonly claims: readonly StoryRows<Claim>[]
  readonly disputes: readonly StoryRows<Dispute>[]
  readonly control: readonly StoryRows<ControlState>[]
  readonly timeline: readonly StoryRows<TimelineEntry>[]
  readonly stories: readonly StoryRows<unknown>[]
}): Pick<FusedPicture, 'entities' | 'claims' | 'disputes' | 'control' | 'timeline' | 'stories'> & {
  extras: Record<string, unknown>
} {
  const parts = new Map<string, StoryPart>()
  for (const { story, extras } of rows.parts) {
    parts.set(story, {
      entities: [],
      claims: [],
      disputes: [],
      control: [],
      regionControl: (extras['regionControl'] ?? []) as RegionControl[],
      timeline: [],
      stories: [],
      framing: (extras['framing'] ?? { outlets: [], rows: [] }) as FramingTable,
      history: (extras['history'] ?? []) as HistoryEntry[],
    })
  }
  const into = <T>(list: readonly StoryRows<T>[], field: (part: StoryPart) => T[]): void => {
    for (const row of list) {
      const part = row.story === null ? undefined : parts.get(row.story)
      if (part !== undefined) field(part).push(row.body)
    }
  }
  into(rows.entities, (part) => part.entities as Entity[])
  into(rows.claims, (part) => part.claims as Claim[])
  into(rows.disputes, (part) => part.disputes as Dispute[])
  into(rows.control, (part) => part.control as ControlState[])
  into(rows.timeline, (part) => part.timeline as TimelineEntry[])
  into(rows.stories, (part) => part.stories as unknown[])
  const joined = joinStoryPictures([], [...parts.values()])
  return {
    entities: joined.entities,
    claims: joined.claims,
    disputes: joined.disputes,
    control: joined.control,
    timeline: joined.timeline,
    stories: joined.stories,
    extras: {
      framing: joined.framing,
      history: joined.history,
      regionControl: joined.regionControl,
    },
  }
}
