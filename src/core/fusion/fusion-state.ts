import type { ControlState } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import { compareIds, compareText } from './compare-text.js'
import { toDayNumber } from './day-number.js'
import { wordsOf } from './fold-text.js'
import type {
  FusionDocumentInput,
  FusionOptions,
  FusionResult,
  HistoryEntry,
  RegionControl,
} from './fusion-types.js'
import { mergeEntities } from './merge-entities.js'
import { mergeFramingTables } from './merge-framing-tables.js'
import { type StoryFeatures, StoryIndex, type StoryPlace, topWords } from './story-index.js'
import { StoryState } from './story-state.js'

/** One story's fused state, and its last snapshot while nothing new reached it. */
interface StoryEntry {
  readonly state: StoryState
  readonly ordinal: number
  snapshot: FusionResult | null
}

/**
 * The fused picture, built one article at a time. Each article first goes to its story
 * (`story-index.ts`: one theatre over one period, by similarity to the story's centroid), then
 * into that story's `StoryState`, which updates only what the article can change. Stories are
 * fused apart: a claim, a dispute or a control state belongs to one story, so an article costs
 * the size of its story, not of the whole library, and a store can re-fuse one story alone.
 * `snapshot` joins the stories' pictures, re-materialising only stories that changed.
 *
 * @example
 * const state = new FusionState({ affiliations, containment })
 * for (const article of analysed) state.add(article)
 * const picture = state.snapshot()
 */
export class FusionState {
  private readonly options: FusionOptions
  private readonly containmentOf: (placeId: string) => readonly string[]
  private readonly index = new StoryIndex()
  private readonly stories = new Map<string, StoryEntry>()
  /** Story ids in creation order. */
  private readonly order: string[] = []
  private readonly documents: { id: string; story: string }[] = []
  private readonly storyOfDocument = new Map<string, string>()

  constructor(options: FusionOptions = {}) {
    this.options = options
    this.containmentOf = options.containment ?? (() => [])
  }

  /** Number of documents added so far. */
  get size(): number {
    return this.documents.length
  }

  /** Adds one analysed article and updates the picture. Returns the ids of claims it touched. */
  add(input: FusionDocumentInput): readonly string[] {
    const id = input.document.id
    if (this.storyOfDocument.has(id)) {
      throw new Error(`fusion: document ${id} was already added; give each document a unique id`)
    }
    const words = wordsOf(input.document.text)
    const features = storyFeaturesOf(input, this.containmentOf, words)
    const assignment = this.index.add(features)
    const entry = this.storyEntry(assignment.story, assignment.ordinal)
    entry.snapshot = null
    const position = this.documents.length
    this.documents.push({ id, story: assignment.story })
    this.storyOfDocument.set(id, assignment.story)
    return entry.state.add(input, position, words)
  }

  /** The story a document was put in, or undefined for an unknown document. */
  storyOf(documentId: string): string | undefined {
    return this.storyOfDocument.get(documentId)
  }

  /** The fused picture now, in contract shapes. */
  snapshot(): FusionResult {
    const parts = this.order.map((storyId) => {
      const entry = this.stories.get(storyId) as StoryEntry
      entry.snapshot ??= entry.state.snapshot()
      return entry.snapshot
    })
    const byId = new Map<string, SourceDocument>()
    for (const part of parts) for (const document of part.documents) byId.set(document.id, document)
    const documents = this.documents.map(({ id }) => byId.get(id) as SourceDocument)
    return joinStoryPictures(documents, parts)
  }

  private storyEntry(storyId: string, ordinal: number): StoryEntry {
    let entry = this.stories.get(storyId)
    if (entry === undefined) {
      entry = {
        state: new StoryState(this.options, { id: storyId, claimPrefix: claimPrefixOf(ordinal) }),
        ordinal,
        snapshot: null,
      }
      this.stories.set(storyId, entry)
      this.order.push(storyId)
    }
    return entry
  }
}

/**
 * What its claims' ids start with in the story of this ordinal: `claim:` in the first story
 * (a one-story corpus keeps `claim:1` …), `claim:<ordinal>.` after it, so ids never clash and
 * never change when another story is re-fused.
 */
export function claimPrefixOf(ordinal: number): string {
  return ordinal === 0 ? 'claim:' : `claim:${ordinal}.`
}

/**
 * The features the story step reads of one analysed article: places its events and mentions
 * name (with region and country from `containment`), people and organisations, actor sides,
 * and its top words. Small and serialisable: a store keeps them per document.
 */
export function storyFeaturesOf(
  input: FusionDocumentInput,
  containment: (placeId: string) => readonly string[],
  words: readonly string[] = wordsOf(input.document.text),
): StoryFeatures {
  const placeOf = (id: string): StoryPlace => {
    // [Syria] is its own country; [Idlib province] its own region.
    if (id.startsWith('country:')) return { id, region: null, country: id }
    const regions = containment(id).filter((region) => region !== id)
    const country = regions.find((region) => region.startsWith('country:')) ?? null
    // A place with only a country above it is a region itself (or a town without one).
    const region = regions.find((r) => r !== country) ?? (country !== null ? id : null)
    return { id, region, country }
  }
  // Each place once, with how often it is named: what a store keeps stays small.
  const counts = new Map<string, number>()
  const name = (id: string): void => {
    counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  const sides: string[] = []
  for (const event of input.events) {
    if (event.place !== null) name(event.place.entity)
    for (const actor of event.actors) if (actor.side) sides.push(actor.side)
  }
  const actors: string[] = []
  for (const entity of input.entities) {
    if (entity.kind === 'place') name(entity.id)
    else if (entity.kind === 'person' || entity.kind === 'organization') actors.push(entity.id)
    // Generic actors ("government forces", "rebels") say no more than their side.
    else if (entity.kind === 'actor') sides.push(entity.side ?? entity.id)
  }
  const places: StoryPlace[] = [...counts].map(([id, count]) =>
    count === 1 ? placeOf(id) : { ...placeOf(id), count },
  )
  return {
    id: input.document.id,
    day: toDayNumber(input.document.published),
    places,
    actors,
    sides,
    words: topWords(words),
  }
}

/** A story's own picture, as joinStoryPictures reads it (documents come separately). */
export type StoryPart = Omit<FusionResult, 'documents'>

/**
 * Joins the pictures of separately fused stories into one: documents in ingest order (given),
 * claims, disputes and stories in story order, entities merged by id, the timeline re-sorted,
 * framing summed, history in ingest order, and control states (and their admin-1 roll-up) one
 * per place, or region, and day: a later story's telling wins where two stories of one theatre
 * overlap. A store that keeps stories apart joins them with this function too, so its picture is
 * the one `FusionState.snapshot` gives.
 */
export function joinStoryPictures(
  documents: readonly SourceDocument[],
  parts: readonly StoryPart[],
): FusionResult {
  // One story is its own picture: nothing to join (a one-story corpus fuses as it always did).
  if (parts.length === 1) return { ...(parts[0] as StoryPart), documents }
  const control = new Map<string, ControlState>()
  const regionControl = new Map<string, RegionControl>()
  for (const part of parts) {
    for (const state of part.control) control.set(`${state.place.entity}\u0000${state.date}`, state)
    for (const state of part.regionControl)
      regionControl.set(`${state.region}\u0000${state.date}`, state)
  }
  const history: HistoryEntry[] = parts.flatMap((part) => part.history)
  history.sort((a, b) => a.index - b.index)
  return {
    documents,
    entities: mergeEntities(parts.map((part) => part.entities)),
    claims: parts.flatMap((part) => part.claims),
    disputes: parts.flatMap((part) => part.disputes),
    control: [...control.values()],
    regionControl: [...regionControl.values()].sort(
      (a, b) => compareText(a.region, b.region) || compareText(a.date, b.date),
    ),
    timeline: parts
      .flatMap((part) => part.timeline)
      .sort(
        (a, b) =>
          compareText(a.date.start, b.date.start) ||
          compareText(a.date.end, b.date.end) ||
          compareIds(a.claim, b.claim),
      ),
    stories: parts.flatMap((part) => part.stories),
    framing: mergeFramingTables(parts.map((part) => part.framing)),
    history,
  }
}
