import { claimPrefixOf, storyFeaturesOf } from '../core/fusion/fusion-state.js'
import type { FusionOptions, FusionResult } from '../core/fusion/fusion-types.js'
import { type StoryFeatures, StoryIndex } from '../core/fusion/story-index.js'
import { StoryState } from '../core/fusion/story-state.js'
import type { Gazetteer } from '../core/lexicon/gazetteer.js'
import type { AnalysisEvent, Claim, Dispute, Entity } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { gazetteerFusionOptions } from '../core/pipeline/analyze-corpus.js'
import { placeDisplayNames } from '../core/pipeline/place-display-names.js'
import { loadAffiliations } from '../datasets/affiliations/load-affiliations.js'
import { loadLexicon } from '../datasets/load-lexicon.js'
import type {
  DocumentExtraction,
  DocumentStory,
  EntityMention,
  Store,
  StoryPicture,
} from '../store/store.js'
import type { DocumentFacts } from './analyze-incremental.js'
import { type PictureChanges, diffPictures } from './diff-picture.js'

export interface RefreshOptions {
  /** ISO date-time written as the picture's `generatedAt`. */
  readonly generatedAt: string
  /**
   * The documents this ingest stored, in order, with the version each replaces. Without it (or
   * when the store holds documents of no known story: a store from before stories were kept,
   * or a picture a worker wrote whole) every story is re-fused.
   */
  readonly added?: readonly { readonly id: string; readonly revisionOf: string | null }[]
  /**
   * Re-run the per-document pipeline on every document (after an engine upgrade) instead of
   * reusing the stored per-document facts; re-fuses every story.
   */
  readonly rerunPipeline?: boolean
  /** Called while the pipeline runs on documents: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
}

export interface RefreshResult {
  readonly changes: PictureChanges
  /** Documents the per-document pipeline ran on. */
  readonly analysed: number
  /** Stories re-fused (their rows replaced), and documents fused to draw them. */
  readonly storiesRefused: number
  readonly documentsFused: number
  /** True when every story was re-fused. */
  readonly whole: boolean
}

/** One document on its way into a story: what fusion reads of it and where it stands. */
interface Fusable {
  readonly document: SourceDocument
  readonly facts: DocumentFacts
  /** Its position among the current documents (ingest order). */
  readonly position: number
  readonly isNew: boolean
}

/**
 * Redraws the stored picture after documents were added (or the engine changed), inside the
 * caller's transaction, and says what changed. Incremental (issue 8): the per-document pipeline
 * runs on the new documents only; each new document is matched to a story from the stored
 * story features of the others (no old text is read for that); only the stories it joins (and
 * those losing a superseded version) are re-fused, from their own documents, and only their
 * rows are replaced. So an ingest costs the size of the stories it touches, not of the library.
 * The picture is the one `FusionState` draws over the same documents in the same order, stories
 * fused apart (see core/fusion), except that places are named as their own story's articles
 * name them.
 */
export async function refreshPicture(
  store: Store,
  options: RefreshOptions,
): Promise<RefreshResult> {
  const lexicon = loadLexicon()
  const fusionOptions = gazetteerFusionOptions(lexicon.gazetteer, loadAffiliations())
  const containment = fusionOptions.containment ?? (() => [])
  const records = await store.listDocumentStories()
  const current = records.filter((record) => record.current)
  const counts = await store.counts()
  const added = options.added ?? []
  const whole =
    options.rerunPipeline === true ||
    options.added === undefined ||
    current.length + added.length !== counts.documents

  // The documents to fuse and whether they are new; old ones keep their stored facts.
  let fresh: StoredFacts
  let oldRecords: readonly (DocumentStory & { current: boolean })[]
  if (whole) {
    const documents = (await store.listDocuments()).map((stored) => stored.document)
    fresh = await factsOf(store, documents, options.rerunPipeline === true, lexicon, options)
    oldRecords = []
  } else {
    const documents = (await store.listDocuments({ ids: added.map((entry) => entry.id) })).map(
      (stored) => stored.document,
    )
    fresh = await factsOf(store, documents, true, lexicon, options)
    oldRecords = current
  }

  // Stories: the old documents as they were assigned, then the new ones, in ingest order.
  const index = new StoryIndex()
  for (const record of oldRecords)
    index.restore(record.features as StoryFeatures, record.story, record.ordinal)
  const storyOf = new Map<string, { story: string; ordinal: number }>()
  for (const record of oldRecords)
    storyOf.set(record.documentId, { story: record.story, ordinal: record.ordinal })
  const newRecords: DocumentStory[] = []
  for (const document of fresh.documents) {
    const facts = fresh.facts.get(document.id) as DocumentFacts
    const features = storyFeaturesOf({ document, ...facts }, containment)
    const assignment = index.add(features)
    storyOf.set(document.id, { story: assignment.story, ordinal: assignment.ordinal })
    newRecords.push({
      documentId: document.id,
      story: assignment.story,
      ordinal: assignment.ordinal,
      features,
    })
  }
  const affected = new Set(newRecords.map((record) => record.story))
  const revised = new Set(added.map((entry) => entry.revisionOf).filter((id) => id !== null))
  for (const record of records) if (revised.has(record.documentId)) affected.add(record.story)

  // Every document of the affected stories, in ingest order.
  const ordinals = new Map<string, number>()
  const members = new Map<string, Fusable[]>()
  const oldIds: string[] = []
  const positions = new Map<string, number>()
  oldRecords.forEach((record, k) => {
    positions.set(record.documentId, k)
    if (affected.has(record.story)) oldIds.push(record.documentId)
  })
  const oldDocuments = await store.listDocuments({ ids: oldIds })
  const oldFacts = await factsOf(
    store,
    oldDocuments.map((stored) => stored.document),
    false,
    lexicon,
    options,
  )
  const push = (
    document: SourceDocument,
    facts: DocumentFacts,
    position: number,
    isNew: boolean,
  ) => {
    const { story, ordinal } = storyOf.get(document.id) as { story: string; ordinal: number }
    ordinals.set(story, ordinal)
    const list = members.get(story) ?? []
    list.push({ document, facts, position, isNew })
    members.set(story, list)
  }
  for (const document of oldFacts.documents)
    push(
      document,
      oldFacts.facts.get(document.id) as DocumentFacts,
      positions.get(document.id) ?? 0,
      false,
    )
  fresh.documents.forEach((document, k) =>
    push(document, fresh.facts.get(document.id) as DocumentFacts, oldRecords.length + k, true),
  )

  const pictures: (StoryPicture & { entitiesWithMentions: readonly Entity[] })[] = []
  const extractions: DocumentExtraction[] = []
  let documentsFused = 0
  for (const [story, list] of members) {
    list.sort((a, b) => a.position - b.position)
    documentsFused += list.length
    const ordinal = ordinals.get(story) ?? 0
    const { picture, named } = fuseStory(story, ordinal, list, fusionOptions, lexicon.gazetteer)
    pictures.push(picture)
    const mentionsOf = mentionsByDocument(picture.entitiesWithMentions)
    for (const member of list) {
      if (!member.isNew && !whole) continue
      extractions.push({
        documentId: member.document.id,
        events: named.get(member.document.id) ?? [],
        mentions: mentionsOf.get(member.document.id) ?? [],
        diagnostics: member.facts.diagnostics,
        entities: member.facts.entities,
      })
    }
  }
  pictures.sort((a, b) => a.ordinal - b.ordinal)

  const before = whole
    ? { claims: [] as readonly Claim[], disputes: [] as readonly Dispute[] }
    : await store.listStoryFacts([...affected])
  const previous = whole ? await store.getAnalysis() : null
  await store.replaceExtractions(extractions)
  await store.putDocumentStories(newRecords)
  await store.replaceStories({
    generatedAt: options.generatedAt,
    ...(whole && { all: true }),
    remove: [...affected],
    stories: pictures.map(({ entitiesWithMentions: _, ...picture }) => picture),
  })
  const after = {
    claims: pictures.flatMap((picture) => picture.claims),
    disputes: pictures.flatMap((picture) => picture.disputes),
  }
  const changes = diffPictures(previous ?? before, after)
  return {
    changes,
    analysed: fresh.analysed + oldFacts.analysed,
    storiesRefused: pictures.length,
    documentsFused,
    whole,
  }
}

interface StoredFacts {
  readonly documents: readonly SourceDocument[]
  readonly facts: Map<string, DocumentFacts>
  /** Documents the pipeline ran on (no stored facts, or asked to). */
  readonly analysed: number
}

/** Facts of documents: stored ones unless `rerun`, else (or when missing) from the pipeline. */
async function factsOf(
  store: Store,
  documents: readonly SourceDocument[],
  rerun: boolean,
  lexicon: ReturnType<typeof loadLexicon>,
  options: RefreshOptions,
): Promise<StoredFacts> {
  const facts = new Map<string, DocumentFacts>()
  if (!rerun && documents.length > 0) {
    for (const extraction of await store.listExtractions({
      documentIds: documents.map((document) => document.id),
    })) {
      if (extraction.entities === undefined) continue
      facts.set(extraction.documentId, {
        events: extraction.events,
        entities: extraction.entities,
        diagnostics: extraction.diagnostics,
      })
    }
  }
  const toRun = documents.filter((document) => !facts.has(document.id))
  let analysed = 0
  for (const document of toRun) {
    const { events, entities, diagnostics } = analyzeDocument(document, lexicon)
    facts.set(document.id, { events, entities, diagnostics })
    analysed++
    options.onProgress?.(analysed, toRun.length)
  }
  return { documents, facts, analysed }
}

/**
 * Fuses one story from its documents (in ingest order): places named as its articles name them,
 * claims named after its ordinal, history at the documents' ingest positions.
 */
function fuseStory(
  story: string,
  ordinal: number,
  members: readonly Fusable[],
  options: FusionOptions,
  gazetteer: Gazetteer,
): {
  picture: StoryPicture & { entitiesWithMentions: readonly Entity[] }
  named: Map<string, AnalysisEvent[]>
} {
  const displayNames = placeDisplayNames(
    members.flatMap((member) => member.facts.entities),
    gazetteer,
  )
  const named = new Map<string, AnalysisEvent[]>()
  const state = new StoryState(options, { id: story, claimPrefix: claimPrefixOf(ordinal) })
  for (const member of members) {
    const events = member.facts.events.map((event) => {
      const name = event.place ? displayNames.get(event.place.entity) : undefined
      return name && event.place ? { ...event, place: { ...event.place, name } } : event
    })
    const entities = member.facts.entities.map((entity) => {
      const name = displayNames.get(entity.id)
      return name ? { ...entity, name } : entity
    })
    named.set(member.document.id, events)
    state.add({ document: member.document, events, entities }, member.position)
  }
  const part: FusionResult = state.snapshot()
  return {
    picture: {
      story,
      ordinal,
      entities: part.entities.map((entity) => ({ ...entity, mentions: [] })),
      entitiesWithMentions: part.entities,
      claims: part.claims,
      disputes: part.disputes,
      control: part.control,
      timeline: part.timeline,
      summary: part.stories[0] ?? null,
      documentLinks: part.documents.map((document) => ({
        id: document.id,
        duplicateOf: document.duplicateOf ?? null,
        syndicationGroup: document.syndicationGroup ?? null,
      })),
      extras: { framing: part.framing, history: part.history, regionControl: part.regionControl },
    },
    named,
  }
}

/** Each document's mentions of the story's fused entities. */
function mentionsByDocument(entities: readonly Entity[]): Map<string, EntityMention[]> {
  const byDocument = new Map<string, EntityMention[]>()
  for (const entity of entities) {
    for (const span of entity.mentions) {
      const list = byDocument.get(span.doc) ?? []
      list.push({ entity: entity.id, span })
      byDocument.set(span.doc, list)
    }
  }
  return byDocument
}
