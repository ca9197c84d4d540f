/**
 * The analysis contract, `triangulate.analysis/1` (see docs/contract.md and
 * schema/analysis.schema.json). The report, the app, the exports and the quality evaluation read
 * this shape: extend it, never rename or drop a field without bumping the version.
 */
import type { Diagnostic } from './diagnostic.js'
import type { PublishedFrom } from './document.js'
import type { Span } from './span.js'

export const ANALYSIS_SCHEMA = 'triangulate.analysis/1' as const

export const EVENT_TYPES = [
  'control',
  'withdrawal',
  'redeployment',
  'advance',
  'clash',
  'strike',
  'casualties',
  'defection',
  'displacement',
  'evacuation',
  'protest',
  'border',
  'diplomacy',
  'offensive',
  'command_change',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export type Stance = 'asserted' | 'denied' | 'hedged'
export type EntityKind = 'place' | 'actor' | 'person' | 'organization' | 'country'

/** A date interval: `start`/`end` are `YYYY-MM-DD` (inclusive). */
export interface DateValue {
  readonly start: string
  readonly end: string
  /** `day`, `part-of-day`, `days` (a range of days), `week`, `month`, `year`, `open` (since X). */
  readonly precision: string
  /** The time expression the value was read from. */
  readonly text?: Span
}

export interface AnalysisDocument {
  readonly id: string
  readonly source: string
  readonly outlet: string | null
  readonly url: string | null
  readonly published: string | null
  readonly publishedFrom: PublishedFrom
  readonly title: string | null
  readonly author?: string | null
  readonly language?: string | null
  readonly text: string
  readonly duplicateOf?: string | null
  readonly syndicationGroup?: string | null
  readonly metadata?: Readonly<Record<string, string>>
}

export interface Entity {
  readonly id: string
  readonly kind: EntityKind
  readonly name: string
  readonly aliases: readonly string[]
  readonly mentions: readonly Span[]
  /** Actor side code (`government`, `opposition`, `hts`, `sdf`, a country in lower case …). */
  readonly side?: string | null
  // places only
  readonly lat?: number | null
  readonly lon?: number | null
  readonly country?: string | null
  readonly featureClass?: string | null
  readonly gazetteerId?: string | null
  /** Outlets that used each alias (extension). */
  readonly aliasOutlets?: Readonly<Record<string, readonly string[]>>
}

export interface EventPlace {
  readonly entity: string
  readonly name: string
  readonly lat: number | null
  readonly lon: number | null
  /** Extension: the mention of the place in the evidence. */
  readonly span?: Span
}

export interface EventActor {
  readonly entity: string
  readonly name: string
  /** Extension: side code used for control and dispute reasoning. */
  readonly side?: string | null
  readonly span?: Span
}

export interface EventSource {
  readonly entity: string
  readonly name: string
  /** The attribution chain, outermost first ("Reuters citing SOHR" → via: ["Reuters"]). */
  readonly via?: readonly string[]
  readonly span?: Span
  /** Extension: true when reported speech names no source ("reports indicate"). */
  readonly unnamed?: boolean
}

export interface AnalysisEvent {
  readonly id: string
  readonly doc: string
  readonly type: EventType
  readonly place: EventPlace | null
  readonly actors: readonly EventActor[]
  readonly source: EventSource | null
  readonly stance: Stance
  readonly date: DateValue | null
  readonly framing: readonly string[]
  readonly evidence: Span
  /** Extension: the trigger words ("took control of"). */
  readonly trigger?: Span
  /** Extension: the rule that produced the event, e.g. `claims/trigger-control`. */
  readonly rule?: string
  /** Extension: numbers stated with the event (casualty tolls, troop counts). */
  readonly quantity?: { readonly value: number; readonly unit: string; readonly span: Span } | null
  /** Extension: the publication date, an upper bound for the event date. */
  readonly notAfter?: string | null
  /** Extension: later sentences of the same article that tell this event again. */
  readonly restatements?: readonly Span[]
}

export type ClaimStatus = 'corroborated' | 'single-source' | 'disputed'

export interface Claim {
  readonly id: string
  readonly type: EventType
  readonly place: EventPlace | null
  readonly date: DateValue | null
  readonly events: readonly string[]
  readonly asserting: readonly string[]
  readonly denying: readonly string[]
  readonly independentGroups: number
  readonly status: ClaimStatus
  /** Extension: the actor sides the events name. */
  readonly actors?: readonly string[]
  /** Extension: asserting origins, each with the outlets that repeat it. */
  readonly origins?: readonly {
    readonly origin: string
    readonly outlets: readonly string[]
    readonly events: readonly string[]
    readonly stance: Stance
  }[]
  /** Extension: related claims (withdrawal ↔ redeployment ↔ loss of control of one place). */
  readonly related?: readonly string[]
  /** Extension: story id. */
  readonly story?: string | null
  readonly summary?: string
}

export type DisputeKind = 'stance' | 'framing' | 'controller' | 'date' | 'number'

export interface Dispute {
  readonly id: string
  readonly kind: DisputeKind
  readonly claims: readonly string[]
  readonly events: readonly string[]
  readonly summary: string
  /** Extension: the two sides, each with sources and event ids. */
  readonly sides?: readonly {
    readonly label: string
    readonly sources: readonly string[]
    readonly events: readonly string[]
  }[]
}

export interface ControlState {
  readonly place: {
    readonly entity: string
    readonly name: string
    readonly lat: number | null
    readonly lon: number | null
  }
  readonly date: string
  readonly controller: string
  readonly previous: string | null
  readonly status: 'claimed' | 'corroborated' | 'disputed'
  readonly claims: readonly string[]
}

export interface TimelineEntry {
  readonly date: { readonly start: string; readonly end: string; readonly precision: string }
  readonly claim: string
  readonly summary: string
  readonly status: ClaimStatus
  /** Extension: true when reports of this claim give dates that cannot both hold. */
  readonly dateConflict?: boolean
}

export interface Analysis {
  readonly schema: typeof ANALYSIS_SCHEMA
  readonly generatedAt: string
  readonly documents: readonly AnalysisDocument[]
  readonly entities: readonly Entity[]
  readonly events: readonly AnalysisEvent[]
  readonly claims: readonly Claim[]
  readonly disputes: readonly Dispute[]
  readonly control: readonly ControlState[]
  readonly timeline: readonly TimelineEntry[]
  readonly diagnostics: readonly Diagnostic[]
  /** Extensions (issue 7): stories, syndication groups, framing per outlet, revision history. */
  readonly stories?: readonly unknown[]
  readonly framing?: unknown
  readonly history?: readonly unknown[]
  /** Extension: admin-1 roll-up of the control map. */
  readonly regionControl?: readonly unknown[]
}
