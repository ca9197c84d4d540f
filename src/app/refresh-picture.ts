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
   * or a picture a worker wrote whole) every story is re-fused. A document that already has a
   * story (its facts were replaced since: see `Store.listUnfusedDocuments`) is assigned again,
   * and its old story re-fused.
   */
  readonly added?: readonly { readonly id: string; readonly revisionOf: string | null }[]
  /**
   * Re-run the per-document pipeline on every document (after an engine upgrade) instead of
   * reusing the stored per-document facts; re-fuses every story.
   */
  readonly rerunPipeline?: boolean
  /**
   * Facts come from the store for every document, `added` included: the pipeline never runs
   * here (a worker library, where extraction jobs store each document's facts). Documents
   * without stored facts are left out of this refresh and of the whole-library check: their
   * extraction job queues the fusion that takes them.
   */
  readonly storedFactsOnly?: boolean
  /** Called while the pipeline runs on documents: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
  /** Documents read and fused at once (GROUP_DOCUMENTS); the memory bound of a refresh. */
  readonly groupDocuments?: number
}

export interface RefreshResult {
  readonly changes: PictureChanges
  /** Documents the per-document pipeline ran on. */
  readonly analysed: number
  /** Stories re-fused (their rows replaced), and documents fused to draw them. */
  readonly storiesRefused: number
  readonly documentsFused: number
  /** Documents assigned to a story by this refresh (new ones, or all when whole). */
  readonly documentsAssigned: number
  /** Of `added`, documents left out because the store holds no facts for them (storedFactsOnly). */
  readonly withoutFacts: number
  readonly claims: number
  readonly disputes: number
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
 * Documents read, analysed or fused at once. Stories are fused and written a group at a time,
 * and a group is closed once it holds this many documents: the memory of a refresh is the
 * largest group's (about 0.15 MB per document fused), not the library's. At 100,000 articles
 * one whole fusion held about 15 GB before.
 */
const GROUP_DOCUMENTS = 1000

/** Where a document stands in the story index, without its features (those stay in the index). */
interface Placement {
  readonly documentId: string
  readonly story: string
  readonly ordinal: number
  readonly position: number
  readonly isNew: boolean
}

/**
 * Redraws the stored picture after documents were added (or the engine changed), inside the
 * caller's transaction, and says what changed. Incremental (issue 8): the per-document pipeline
 * runs on the new documents only; each new document is matched to a story from the stored
 * story features of the others (no old text is read for that); only the stories it joins (and
 * those losing a superseded version, or a document assigned again) are re-fused, from their own
 * documents, and only their rows are replaced. So an ingest costs the size of the stories it
 * touches, not of the library. Stories are fused and written GROUP_DOCUMENTS documents at a
 * time, so memory is bounded by the largest story, not by how many stories a refresh touches.
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
  const storedOnly = options.storedFactsOnly === true && options.rerunPipeline !== true
  const groupDocuments = Math.max(1, options.groupDocuments ?? GROUP_DOCUMENTS)
  const added = options.added ?? []
  const addedIds = new Set(added.map((entry) => entry.id))

  // The story index as stored: every current document's features restored in ingest order
  // (as `add` left the index), except documents assigned again here. Only the index keeps
  // the features.
  let index = new StoryIndex()
  const storyOfRecord = new Map<string, string>()
  const kept: { documentId: string; story: string; ordinal: number }[] = []
  const moved = new Set<string>()
  for (const record of await store.listDocumentStories()) {
    storyOfRecord.set(record.documentId, record.story)
    if (!record.current) continue
    if (addedIds.has(record.documentId)) {
      moved.add(record.story)
      continue
    }
    index.restore(record.features as StoryFeatures, record.story, record.ordinal)
    kept.push({ documentId: record.documentId, story: record.story, ordinal: record.ordinal })
  }
  // From stored facts, documents without facts wait for their extraction, so only a library
  // with no story records at all (new, or a picture written whole) is drawn anew; then the
  // documents given are all it holds.
  const whole =
    options.rerunPipeline === true ||
    options.added === undefined ||
    (storedOnly
      ? storyOfRecord.size === 0
      : kept.length + added.length !== (await store.counts()).documents)
  if (whole) {
    kept.length = 0
    index = new StoryIndex()
  }

  // The documents to assign, in ingest order: the added ones, or every current one.
  const freshIds =
    whole && !(storedOnly && options.added !== undefined)
      ? await store.listDocumentIds()
      : added.map((entry) => entry.id)
  const positions = new Map<string, number>()
  kept.forEach((record, k) => positions.set(record.documentId, k))

  // Facts the pipeline drew here are kept until fused (they are in no store yet); stored ones
  // are read again per group.
  const drawn = new Map<string, DocumentFacts>()
  let analysed = 0
  let withoutFacts = 0
  // Placements only: the features are drawn again when the document is fused (cheap, and at
  // 100,000 documents they would hold a few hundred megabytes in between).
  const placements = new Map<string, Placement>()
  for (let at = 0; at < freshIds.length; at += groupDocuments) {
    const ids = freshIds.slice(at, at + groupDocuments)
    const documents = (await store.listDocuments({ ids })).map((stored) => stored.document)
    const byId = new Map(documents.map((document) => [document.id, document]))
    const facts = await factsOf(store, documents, options.rerunPipeline === true, {
      lexicon,
      storedOnly,
      analysedBefore: analysed,
      toAnalyse: freshIds.length,
      ...(options.onProgress && { onProgress: options.onProgress }),
    })
    analysed += facts.analysed
    for (const id of ids) {
      const document = byId.get(id)
      const found = facts.facts.get(id)
      if (!document || !found) {
        withoutFacts++
        continue
      }
      if (facts.drawn.has(id)) drawn.set(id, found)
      const features = storyFeaturesOf({ document, ...found }, containment)
      const assignment = index.add(features)
      const position = kept.length + placements.size
      placements.set(id, {
        documentId: id,
        story: assignment.story,
        ordinal: assignment.ordinal,
        position,
        isNew: true,
      })
    }
  }

  // The stories to re-fuse: those new documents joined, those losing a superseded version or
  // a document assigned again, and, when whole, every one.
  const affected = new Set<string>([...placements.values()].map((placement) => placement.story))
  for (const story of moved) affected.add(story)
  for (const entry of added) {
    const story = entry.revisionOf === null ? undefined : storyOfRecord.get(entry.revisionOf)
    if (story !== undefined) affected.add(story)
  }
  const members = new Map<string, Placement[]>()
  for (const record of kept) {
    if (!affected.has(record.story)) continue
    const position = positions.get(record.documentId) ?? 0
    push(members, { ...record, position, isNew: false })
  }
  for (const placement of placements.values()) push(members, placement)

  // Fused and written a group of stories at a time, in story order.
  const stories = [...members.keys()].sort(
    (a, b) => (members.get(a)![0]?.ordinal ?? 0) - (members.get(b)![0]?.ordinal ?? 0),
  )
  const gone = [...affected].filter((story) => !members.has(story))
  const before: ClaimSketches = { claims: [], disputes: [] }
  const after: ClaimSketches = { claims: [], disputes: [] }
  if (whole) {
    // What the picture said before, for the history: the stored stories' claims.
    const old = [...new Set(storyOfRecord.values())]
    for (let at = 0; at < old.length; at += GROUP_DOCUMENTS / 10)
      sketch(before, await store.listStoryFacts(old.slice(at, at + GROUP_DOCUMENTS / 10)))
    if (storyOfRecord.size === 0 && !storedOnly) sketch(before, await store.getAnalysis())
  }
  let documentsFused = 0
  let first = true
  const write = async (group: readonly string[]) => {
    if (!first && group.length === 0) return
    const memberIds = group.flatMap((story) => members.get(story)!.map((m) => m.documentId))
    const documents = new Map(
      (await store.listDocuments({ ids: memberIds })).map((stored) => [
        stored.document.id,
        stored.document,
      ]),
    )
    const stored = new Map<string, DocumentFacts>()
    const toRead = memberIds.filter((id) => !drawn.has(id))
    for (const extraction of await store.listExtractions({ documentIds: toRead }))
      if (extraction.entities !== undefined)
        stored.set(extraction.documentId, {
          events: extraction.events,
          entities: extraction.entities,
          diagnostics: extraction.diagnostics,
        })
    const pictures: StoryPicture[] = []
    const extractions: DocumentExtraction[] = []
    const records: DocumentStory[] = []
    for (const story of group) {
      const list: Fusable[] = []
      for (const member of members.get(story)!) {
        const document = documents.get(member.documentId)
        const facts = drawn.get(member.documentId) ?? stored.get(member.documentId)
        // Gone meanwhile (a newer revision committed since the records were read).
        if (!document || !facts) continue
        list.push({ document, facts, position: member.position, isNew: member.isNew })
      }
      list.sort((a, b) => a.position - b.position)
      documentsFused += list.length
      const ordinal = members.get(story)![0]?.ordinal ?? 0
      const { picture, named } = fuseStory(story, ordinal, list, fusionOptions, lexicon.gazetteer)
      const { entitiesWithMentions, ...rows } = picture
      pictures.push(rows)
      sketch(after, rows)
      const mentionsOf = mentionsByDocument(entitiesWithMentions)
      for (const member of list) {
        if (!member.isNew) continue
        extractions.push({
          documentId: member.document.id,
          events: named.get(member.document.id) ?? [],
          mentions: mentionsOf.get(member.document.id) ?? [],
          diagnostics: member.facts.diagnostics,
          entities: member.facts.entities,
        })
        records.push({
          documentId: member.document.id,
          story,
          ordinal,
          features: storyFeaturesOf({ document: member.document, ...member.facts }, containment),
        })
        drawn.delete(member.document.id)
      }
    }
    if (!whole) sketch(before, await store.listStoryFacts([...group, ...(first ? gone : [])]))
    // Facts first (they mark the records of documents already in a story stale), then the
    // records (which clear the mark), then the stories: a document that changed story is
    // recorded under its new one before its old one's rows and links are dropped.
    await store.replaceExtractions(extractions)
    await store.putDocumentStories(records)
    await store.replaceStories({
      generatedAt: options.generatedAt,
      ...(whole && first && { all: true }),
      remove: whole ? [] : [...group, ...(first ? gone : [])],
      stories: pictures,
    })
    first = false
  }
  let group: string[] = []
  let groupSize = 0
  for (const story of stories) {
    group.push(story)
    groupSize += members.get(story)!.length
    if (groupSize >= groupDocuments) {
      await write(group)
      group = []
      groupSize = 0
    }
  }
  await write(group)

  return {
    changes: diffPictures(sketchedPicture(before), sketchedPicture(after)),
    analysed,
    storiesRefused: stories.length,
    documentsFused,
    documentsAssigned: placements.size,
    withoutFacts,
    claims: after.claims.length,
    disputes: after.disputes.length,
    whole,
  }
}

function push(members: Map<string, Placement[]>, placement: Placement): void {
  const list = members.get(placement.story)
  if (list) list.push(placement)
  else members.set(placement.story, [placement])
}

/**
 * What the history compares of a picture: each claim's identity and status, each dispute's
 * kind and summary (see diffPictures), without the events and sources, so that a refresh of
 * the whole library keeps two pictures' worth of them in a few megabytes.
 */
interface ClaimSketches {
  readonly claims: Claim[]
  readonly disputes: Dispute[]
}

function sketch(
  into: ClaimSketches,
  picture: { readonly claims: readonly Claim[]; readonly disputes: readonly Dispute[] },
): void {
  for (const claim of picture.claims)
    into.claims.push({
      id: claim.id,
      type: claim.type,
      place: claim.place,
      date: claim.date,
      events: [],
      asserting: [],
      denying: [],
      independentGroups: claim.independentGroups,
      status: claim.status,
    })
  for (const dispute of picture.disputes)
    into.disputes.push({
      id: dispute.id,
      kind: dispute.kind,
      claims: [],
      events: [],
      summary: dispute.summary,
    })
}

function sketchedPicture(sketches: ClaimSketches): {
  claims: readonly Claim[]
  disputes: readonly Dispute[]
} {
  return sketches
}

interface StoredFacts {
  readonly facts: Map<string, DocumentFacts>
  /** Of them, those the pipeline drew here (in no store yet). */
  readonly drawn: Set<string>
  /** Documents the pipeline ran on (no stored facts, or asked to). */
  readonly analysed: number
}

/**
 * Facts of documents: stored ones unless `rerun`, else (or when missing) from the pipeline;
 * with `storedOnly`, a document without stored facts is left out.
 */
async function factsOf(
  store: Store,
  documents: readonly SourceDocument[],
  rerun: boolean,
  options: {
    readonly lexicon: ReturnType<typeof loadLexicon>
    readonly storedOnly: boolean
    readonly analysedBefore: number
    readonly toAnalyse: number
    readonly onProgress?: (done: number, total: number) => void
  },
): Promise<StoredFacts> {
  const facts = new Map<string, DocumentFacts>()
  const drawn = new Set<string>()
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
  if (options.storedOnly) return { facts, drawn, analysed: 0 }
  const toRun = documents.filter((document) => !facts.has(document.id))
  let analysed = 0
  for (const document of toRun) {
    const { events, entities, diagnostics } = analyzeDocument(document, options.lexicon)
    facts.set(document.id, { events, entities, diagnostics })
    drawn.add(document.id)
    analysed++
    options.onProgress?.(options.analysedBefore + analysed, options.toAnalyse)
  }
  return { facts, drawn, analysed }
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
