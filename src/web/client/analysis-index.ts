/**
 * Lookups every view needs over one Analysis: documents, events, claims and entities by id,
 * and the small derivations (origins of a claim, the list of days) that several views share.
 * Built once per analysis; views never search the arrays themselves.
 */
import type {
  Analysis,
  AnalysisDocument,
  AnalysisEvent,
  Claim,
  ControlState,
  DateValue,
  Entity,
  Stance,
} from '../../core/model/analysis.js'
import type { Span } from '../../core/model/span.js'

/** One independent origin of a claim and the outlets that repeat it. */
export interface Origin {
  readonly origin: string
  readonly outlets: readonly string[]
  readonly events: readonly string[]
  readonly stance: Stance
}

export interface AnalysisIndex {
  readonly analysis: Analysis
  readonly documents: ReadonlyMap<string, AnalysisDocument>
  readonly events: ReadonlyMap<string, AnalysisEvent>
  readonly claims: ReadonlyMap<string, Claim>
  readonly entities: ReadonlyMap<string, Entity>
  /** Claim id of each event. */
  readonly claimOfEvent: ReadonlyMap<string, string>
  /** Every day from the first to the last date the analysis mentions, `YYYY-MM-DD`. */
  readonly days: readonly string[]
  /** Controllers in a stable order (the map legend and colours follow it). */
  readonly controllers: readonly string[]
}

export function indexAnalysis(analysis: Analysis): AnalysisIndex {
  const claimOfEvent = new Map<string, string>()
  for (const claim of analysis.claims)
    for (const event of claim.events) claimOfEvent.set(event, claim.id)
  // The day axis follows the precise dates: a claim dated only "since 2011" or "this year"
  // must not stretch a two-week story over years. Vague dates are used only when nothing else is.
  const dates: string[] = []
  for (const state of analysis.control) dates.push(state.date)
  const ranges: DateValue[] =
    analysis.timeline.length > 0
      ? analysis.timeline.map((entry) => entry.date)
      : analysis.claims.flatMap((claim) => (claim.date ? [claim.date] : []))
  const precise = ranges.filter((date) => daysBetween(date.start, date.end) <= MAX_PRECISE_DAYS)
  for (const date of precise.length > 0 ? precise : ranges) dates.push(date.start, date.end)
  const controllers = [...new Set(analysis.control.map((state) => state.controller))].sort()
  return {
    analysis,
    documents: byId(analysis.documents),
    events: byId(analysis.events),
    claims: byId(analysis.claims),
    entities: byId(analysis.entities),
    claimOfEvent,
    days: listDays(dates),
    controllers,
  }
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

/** Dates spanning at most this many days count as precise for the day axis. */
const MAX_PRECISE_DAYS = 31

/** Every day between the earliest and latest of `dates`, at most the last 366 of them. */
export function listDays(dates: readonly string[]): string[] {
  const valid = dates.filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date)).sort()
  if (valid.length === 0) return []
  const last = Date.parse(`${valid[valid.length - 1]}T00:00:00Z`)
  const first = Math.max(Date.parse(`${valid[0]}T00:00:00Z`), last - 365 * DAY)
  const days: string[] = []
  for (let time = first; time <= last; time += DAY)
    days.push(new Date(time).toISOString().slice(0, 10))
  return days
}

export const DAY = 86_400_000

/** Days between two `YYYY-MM-DD` dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY)
}

/** The outlet of a document, or its id when the outlet is unknown. */
export function outletOf(index: AnalysisIndex, docId: string): string {
  const doc = index.documents.get(docId)
  return doc?.outlet ?? doc?.id ?? docId
}

/** Who an event is attributed to: the named source, else the outlet speaking for itself. */
export function speakerOf(index: AnalysisIndex, event: AnalysisEvent): string {
  if (event.source && !event.source.unnamed) return event.source.name
  return outletOf(index, event.doc)
}

/**
 * The independent origins of a claim, from the fusion's `origins` when present, else grouped
 * here: one origin per named source (the innermost voice of a "via" chain), outlets repeating it.
 */
export function originsOf(index: AnalysisIndex, claim: Claim): Origin[] {
  if (claim.origins && claim.origins.length > 0)
    return claim.origins.map((origin) => ({ ...origin }))
  const groups = new Map<string, { outlets: Set<string>; events: string[]; stance: Stance }>()
  for (const id of claim.events) {
    const event = index.events.get(id)
    if (!event) continue
    const stance: Stance = event.stance === 'denied' ? 'denied' : 'asserted'
    const key = `${stance}\u0000${speakerOf(index, event)}`
    const group = groups.get(key) ?? { outlets: new Set<string>(), events: [], stance }
    group.outlets.add(outletOf(index, event.doc))
    group.events.push(id)
    groups.set(key, group)
  }
  return [...groups.entries()].map(([key, group]) => ({
    origin: key.split('\u0000')[1]!,
    outlets: [...group.outlets].sort(),
    events: group.events,
    stance: group.stance,
  }))
}

/** A short plain-language title of a claim: "Control · Homs · 7 Dec 2024". */
export function describeClaim(claim: Claim): string {
  const parts = [labelEventType(claim.type)]
  if (claim.place) parts.push(claim.place.name)
  if (claim.date) parts.push(formatDateValue(claim.date))
  return parts.join(' · ')
}

export function labelEventType(type: string): string {
  const words = type.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2024-12-07` → `7 Dec 2024`. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`
}

/** A date interval in words: one day, or "5 Dec 2024 – 7 Dec 2024", with its precision. */
export function formatDateValue(date: Pick<DateValue, 'start' | 'end' | 'precision'>): string {
  if (date.start === date.end) return formatDay(date.start)
  return `${formatDay(date.start)} – ${formatDay(date.end)}`
}

/** The control state of each place on `day`: the latest state dated on or before it. */
export function controlOn(index: AnalysisIndex, day: string): ControlState[] {
  const latest = new Map<string, ControlState>()
  for (const state of index.analysis.control) {
    if (state.date > day) continue
    const known = latest.get(state.place.entity)
    if (!known || known.date <= state.date) latest.set(state.place.entity, state)
  }
  return [...latest.values()]
}

/** The evidence spans of a claim's events, for the evidence panel. */
export function claimSpans(index: AnalysisIndex, claim: Claim): Span[] {
  return claim.events.flatMap((id) => {
    const event = index.events.get(id)
    return event ? [event.evidence] : []
  })
}
