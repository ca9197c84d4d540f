/**
 * Inputs and outputs of cross-document fusion (issue 7). The contract shapes (Claim, Dispute,
 * ControlState, TimelineEntry, Entity) come from the model; the rest are fusion's own views.
 */
import type {
  AnalysisEvent,
  Claim,
  ClaimStatus,
  ControlState,
  Dispute,
  Entity,
  EventType,
  TimelineEntry,
} from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'

/** One row of the outlet affiliations file: an outlet (or source) name pattern and its ecosystem. */
export interface OutletAffiliation {
  /** Case-insensitive glob over the folded name: `*` is any run of characters (`tass`, `rt *`). */
  readonly pattern: string
  /** Origins sharing an ecosystem count once (`russia-state`). */
  readonly ecosystem: string
  /** Who owns or runs it (`Government of Russia`). */
  readonly owner: string
  /** ISO 3166-1 alpha-2 of the owner, or `-`. */
  readonly country: string
  /** `state-agency`, `state-broadcaster`, `state-affiliated`, `official-voice`, `public-broadcaster`, `wire` … */
  readonly kind: string
}

/** What one article brings to fusion: the document and what extraction read from it. */
export interface FusionDocumentInput {
  readonly document: SourceDocument
  readonly events: readonly AnalysisEvent[]
  readonly entities: readonly Entity[]
}

/** Knowledge fusion needs from outside the articles; all optional, all pure functions or data. */
export interface FusionOptions {
  readonly affiliations?: readonly OutletAffiliation[]
  /** Ids of the regions containing a place, innermost first (its admin-1, then its country). */
  readonly containment?: (placeEntityId: string) => readonly string[]
  /**
   * The admin-1 region a city is the seat of (`Homs` city → Homs governorate), or null. A report
   * naming a governorate capital often means the governorate ("withdrew from Homs"), so denials
   * and framings about the capital also cover the region's places.
   */
  readonly capitalOf?: (placeEntityId: string) => string | null
  /** Umbrella sides and their members (`opposition` ⊇ `hts`, `sfa` …); defaults in side-relations.ts. */
  readonly sideGroups?: Readonly<Record<string, readonly string[]>>
}

export interface FusionInput extends FusionOptions {
  readonly documents: readonly SourceDocument[]
  readonly events: readonly AnalysisEvent[]
  readonly entities: readonly Entity[]
}

/** Documents that tell one story (shared places and actors, close in time, similar words). */
export interface Story {
  readonly id: string
  readonly documents: readonly string[]
  readonly outlets: readonly string[]
  /** First and last publication day of its documents (`YYYY-MM-DD`), null when none is dated. */
  readonly start: string | null
  readonly end: string | null
  /** Most named place entity ids, most frequent first (at most 5). */
  readonly places: readonly string[]
  /** Actor sides its events name, most frequent first. */
  readonly sides: readonly string[]
  readonly claims: readonly string[]
  readonly syndicationGroups: readonly string[]
  /** The title of its first document, or its most frequent place and type. */
  readonly label: string
}

/** One outlet's words for an actor side or an action type, with how often it used each. */
export interface FramingTerm {
  readonly term: string
  readonly count: number
}

/** One row of the side-by-side framing table: an actor side or an action type, per outlet. */
export interface FramingRow {
  readonly kind: 'actor' | 'action'
  /** The side code (`opposition`) or event type (`withdrawal`). */
  readonly key: string
  /** Outlet name → its terms, most used first. */
  readonly outlets: Readonly<Record<string, readonly FramingTerm[]>>
}

export interface FramingTable {
  readonly outlets: readonly string[]
  readonly rows: readonly FramingRow[]
}

/** A claim's state after one document: only claims whose state changed with that document. */
export interface HistoryChange {
  readonly claim: string
  readonly status: ClaimStatus
  readonly independentGroups: number
}

/** The picture as of the k-th ingested document, as the changes it made. */
export interface HistoryEntry {
  /** 0-based ingest position. */
  readonly index: number
  readonly doc: string
  readonly changes: readonly HistoryChange[]
}

/** The controllers of an admin-1 region's places on one day (extension of ControlState). */
export interface RegionControl {
  readonly region: string
  readonly name: string
  readonly date: string
  /** Each controller with the number of the region's mapped places it holds that day. */
  readonly controllers: readonly { readonly controller: string; readonly places: number }[]
  /** The controller of most places, null on a tie. */
  readonly dominant: string | null
}

export interface FusionResult {
  readonly documents: readonly SourceDocument[]
  readonly entities: readonly Entity[]
  readonly claims: readonly Claim[]
  readonly disputes: readonly Dispute[]
  readonly control: readonly ControlState[]
  readonly regionControl: readonly RegionControl[]
  readonly timeline: readonly TimelineEntry[]
  readonly stories: readonly Story[]
  readonly framing: FramingTable
  readonly history: readonly HistoryEntry[]
}

export type { EventType }
