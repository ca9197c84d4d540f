import type {
  Analysis,
  AnalysisDocument,
  AnalysisEvent,
  Claim,
  ControlState,
  Dispute,
  Entity,
  EventActor,
  TimelineEntry,
} from '../core/model/analysis.js'
import { type ClaimOrigin, groupClaimOrigins } from '../export/claim-origins.js'

/**
 * Lookups over one Analysis, built once per version of the source so list routes never scan
 * for ids. Everything here is pure: the routes validate the query, these functions answer it.
 */
export interface AnalysisView {
  readonly analysis: Analysis
  readonly documents: ReadonlyMap<string, AnalysisDocument>
  readonly events: ReadonlyMap<string, AnalysisEvent>
  readonly claims: ReadonlyMap<string, Claim>
  readonly entities: ReadonlyMap<string, Entity>
  readonly claimOfEvent: ReadonlyMap<string, Claim>
  readonly eventsOfDoc: ReadonlyMap<string, readonly AnalysisEvent[]>
  /** Lower-cased names and aliases of each entity id, for `place=` and `actor=` filters. */
  readonly namesOf: ReadonlyMap<string, ReadonlySet<string>>
  /** The outlet of each document id (null when the document names none). */
  readonly outletOfDoc: ReadonlyMap<string, string | null>
  /** The outlet of each document id, the id itself when it names none (origin grouping). */
  readonly outletOrIdOfDoc: ReadonlyMap<string, string>
}

export function viewAnalysis(analysis: Analysis): AnalysisView {
  const claimOfEvent = new Map<string, Claim>()
  for (const claim of analysis.claims)
    for (const id of claim.events) if (!claimOfEvent.has(id)) claimOfEvent.set(id, claim)
  const eventsOfDoc = new Map<string, AnalysisEvent[]>()
  for (const event of analysis.events) {
    const list = eventsOfDoc.get(event.doc)
    if (list) list.push(event)
    else eventsOfDoc.set(event.doc, [event])
  }
  const namesOf = new Map<string, Set<string>>()
  for (const entity of analysis.entities) {
    namesOf.set(entity.id, new Set([entity.id, entity.name, ...entity.aliases].map(fold)))
  }
  return {
    analysis,
    documents: byId(analysis.documents),
    events: byId(analysis.events),
    claims: byId(analysis.claims),
    entities: byId(analysis.entities),
    claimOfEvent,
    eventsOfDoc,
    namesOf,
    outletOfDoc: new Map(analysis.documents.map((doc) => [doc.id, doc.outlet])),
    outletOrIdOfDoc: new Map(analysis.documents.map((doc) => [doc.id, doc.outlet ?? doc.id])),
  }
}

/** One page of a list, with the total before paging so a client can page on. */
export interface Page<Item> {
  readonly total: number
  readonly limit: number
  readonly offset: number
  readonly items: readonly Item[]
}

export interface Paging {
  readonly limit: number
  readonly offset: number
}

/**
 * One page of `items`; `decorate` runs on the page only, so a list of 20,000 events costs the
 * filter pass plus 50 decorations, not 20,000.
 */
export function paginate<Raw, Item = Raw>(
  items: readonly Raw[],
  paging: Paging,
  decorate?: (item: Raw) => Item,
): Page<Item> {
  const slice = items.slice(paging.offset, paging.offset + paging.limit)
  return {
    total: items.length,
    limit: paging.limit,
    offset: paging.offset,
    items: decorate ? slice.map(decorate) : (slice as unknown as Item[]),
  }
}

/** The filters list routes share; each route accepts the subset its schema declares. */
export interface Filters {
  readonly story?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
  readonly place?: string | undefined
  readonly actor?: string | undefined
  readonly outlet?: string | undefined
  readonly status?: string | undefined
  readonly type?: string | undefined
  readonly stance?: string | undefined
  readonly kind?: string | undefined
  readonly doc?: string | undefined
  readonly q?: string | undefined
}

// ---- documents ---------------------------------------------------------------------------------

export type DocumentSummary = Omit<AnalysisDocument, 'text'> & {
  readonly length: number
  readonly events: number
}

export function listDocuments(
  view: AnalysisView,
  filters: Filters & Paging,
): Page<DocumentSummary> {
  const docs = view.analysis.documents
    .filter((doc) => matchesOutlet(doc.outlet, filters.outlet))
    .filter((doc) => overlapsRange(doc.published, doc.published, filters))
    .filter((doc) => {
      if (filters.story === undefined && filters.place === undefined && filters.actor === undefined)
        return true
      // A document is about a story, place or actor when one of its events is.
      return (view.eventsOfDoc.get(doc.id) ?? []).some((event) => {
        const claim = view.claimOfEvent.get(event.id)
        return (
          (filters.story === undefined || claim?.story === filters.story) &&
          matchesEntity(view, event.place, filters.place) &&
          matchesActors(view, event.actors, filters.actor)
        )
      })
    })
    .filter(
      (doc) =>
        filters.q === undefined ||
        fold(`${doc.title ?? ''} ${doc.outlet ?? ''}`).includes(fold(filters.q)),
    )
  return paginate(docs, filters, (doc) => summariseDocument(view, doc))
}

export function summariseDocument(view: AnalysisView, doc: AnalysisDocument): DocumentSummary {
  const { text, ...rest } = doc
  return { ...rest, length: text.length, events: view.eventsOfDoc.get(doc.id)?.length ?? 0 }
}

/** The whole document with its events, so a client can highlight every evidence span. */
export function getDocument(
  view: AnalysisView,
  id: string,
): (AnalysisDocument & { readonly events: readonly AnalysisEvent[] }) | null {
  const doc = view.documents.get(id)
  return doc ? { ...doc, events: view.eventsOfDoc.get(id) ?? [] } : null
}

// ---- events ------------------------------------------------------------------------------------

export type EventItem = AnalysisEvent & {
  readonly outlet: string | null
  readonly claim: string | null
  readonly status: Claim['status'] | null
}

export function listEvents(view: AnalysisView, filters: Filters & Paging): Page<EventItem> {
  const selected: AnalysisEvent[] = []
  for (const event of view.analysis.events) {
    const claim = view.claimOfEvent.get(event.id)
    const outlet = view.outletOfDoc.get(event.doc) ?? null
    if (filters.doc !== undefined && event.doc !== filters.doc) continue
    if (filters.type !== undefined && event.type !== filters.type) continue
    if (filters.stance !== undefined && event.stance !== filters.stance) continue
    if (filters.status !== undefined && claim?.status !== filters.status) continue
    if (filters.story !== undefined && claim?.story !== filters.story) continue
    if (!matchesOutlet(outlet, filters.outlet)) continue
    if (!overlapsRange(event.date?.start ?? null, event.date?.end ?? null, filters)) continue
    if (!matchesEntity(view, event.place, filters.place)) continue
    if (!matchesActors(view, event.actors, filters.actor)) continue
    selected.push(event)
  }
  return paginate(selected, filters, (event) => {
    const claim = view.claimOfEvent.get(event.id)
    const outlet = view.outletOfDoc.get(event.doc) ?? null
    return { ...event, outlet, claim: claim?.id ?? null, status: claim?.status ?? null }
  })
}

// ---- claims ------------------------------------------------------------------------------------

export type ClaimItem = Claim & {
  readonly origins: readonly ClaimOrigin[]
  readonly outlets: readonly string[]
}

export function listClaims(view: AnalysisView, filters: Filters & Paging): Page<ClaimItem> {
  const selected = view.analysis.claims.filter((claim) => claimMatches(view, claim, filters))
  return paginate(selected, filters, (claim) => describeClaim(view, claim))
}

/** The claim with its sources grouped by independent origin and the outlets that carry it. */
export function describeClaim(view: AnalysisView, claim: Claim): ClaimItem {
  const outlets = new Set<string>()
  for (const id of claim.events) {
    const event = view.events.get(id)
    const outlet = event ? view.outletOfDoc.get(event.doc) : undefined
    if (outlet) outlets.add(outlet)
  }
  return {
    ...claim,
    origins: groupClaimOrigins(claim, view.analysis, view.events, view.outletOrIdOfDoc),
    outlets: [...outlets].sort(),
  }
}

function claimMatches(view: AnalysisView, claim: Claim, filters: Filters): boolean {
  if (filters.type !== undefined && claim.type !== filters.type) return false
  if (filters.status !== undefined && claim.status !== filters.status) return false
  if (filters.story !== undefined && claim.story !== filters.story) return false
  if (!overlapsRange(claim.date?.start ?? null, claim.date?.end ?? null, filters)) return false
  if (!matchesEntity(view, claim.place, filters.place)) return false
  const events = claim.events
    .map((id) => view.events.get(id))
    .filter((event) => event !== undefined)
  if (filters.actor !== undefined) {
    const actor = fold(filters.actor)
    const bySide = (claim.actors ?? []).some((side) => fold(side) === actor)
    if (!bySide && !events.some((event) => matchesActors(view, event.actors, filters.actor)))
      return false
  }
  if (
    filters.outlet !== undefined &&
    !events.some((event) => matchesOutlet(view.outletOfDoc.get(event.doc) ?? null, filters.outlet))
  )
    return false
  return true
}

// ---- disputes ----------------------------------------------------------------------------------

export type DisputeItem = Dispute & { readonly places: readonly string[] }

export function listDisputes(view: AnalysisView, filters: Filters & Paging): Page<DisputeItem> {
  const { kind, ...claimFilters } = filters
  const filtersClaims = hasClaimFilters(claimFilters)
  const selected = view.analysis.disputes
    .filter((dispute) => kind === undefined || dispute.kind === kind)
    .filter((dispute) => {
      if (!filtersClaims) return true
      // A dispute matches when one of the claims it is about does.
      return dispute.claims.some((id) => {
        const claim = view.claims.get(id)
        return claim !== undefined && claimMatches(view, claim, claimFilters)
      })
    })
  return paginate(selected, filters, (dispute) => ({
    ...dispute,
    places: [
      ...new Set(
        dispute.claims
          .map((id) => view.claims.get(id)?.place?.name)
          .filter((name) => name !== undefined),
      ),
    ],
  }))
}

// ---- control -----------------------------------------------------------------------------------

export interface ControlDay {
  readonly date: string
  readonly states: readonly ControlState[]
}

/** Control states grouped by day, days in date order; paging counts days. */
export function listControlDays(view: AnalysisView, filters: Filters & Paging): Page<ControlDay> {
  const days = new Map<string, ControlState[]>()
  for (const state of view.analysis.control) {
    if (filters.status !== undefined && state.status !== filters.status) continue
    if (!overlapsRange(state.date, state.date, filters)) continue
    if (!matchesEntity(view, state.place, filters.place)) continue
    if (filters.actor !== undefined) {
      const actor = fold(filters.actor)
      if (fold(state.controller) !== actor && fold(state.previous ?? '') !== actor) continue
    }
    if (
      filters.story !== undefined &&
      !state.claims.some((id) => view.claims.get(id)?.story === filters.story)
    )
      continue
    const list = days.get(state.date)
    if (list) list.push(state)
    else days.set(state.date, [state])
  }
  const sorted = [...days.entries()].sort(([a], [b]) => compareText(a, b))
  return paginate(sorted, filters, ([date, states]) => ({ date, states }))
}

// ---- timeline ----------------------------------------------------------------------------------

export type TimelineItem = TimelineEntry & {
  readonly type: string | null
  readonly place: string | null
}

export function listTimeline(view: AnalysisView, filters: Filters & Paging): Page<TimelineItem> {
  const { from, to, status, ...claimFilters } = filters
  const filtersClaims = hasClaimFilters(claimFilters)
  const selected = view.analysis.timeline
    .filter((entry) => status === undefined || entry.status === status)
    .filter((entry) => overlapsRange(entry.date.start, entry.date.end, { from, to }))
    .filter((entry) => {
      if (!filtersClaims) return true
      const claim = view.claims.get(entry.claim)
      return claim !== undefined && claimMatches(view, claim, claimFilters)
    })
  return paginate(selected, filters, (entry) => {
    const claim = view.claims.get(entry.claim)
    return { ...entry, type: claim?.type ?? null, place: claim?.place?.name ?? null }
  })
}

// ---- entities ----------------------------------------------------------------------------------

export type EntityItem = Omit<Entity, 'mentions'> & {
  readonly mentionCount: number
  readonly documents: readonly string[]
}

export function listEntities(view: AnalysisView, filters: Filters & Paging): Page<EntityItem> {
  return paginate(selectEntities(view, filters), filters, summariseEntity)
}

function summariseEntity(entity: Entity): EntityItem {
  const { mentions, ...rest } = entity
  return {
    ...rest,
    mentionCount: mentions.length,
    documents: [...new Set(mentions.map((span) => span.doc))],
  }
}

function selectEntities(view: AnalysisView, filters: Filters): Entity[] {
  const query = filters.q === undefined ? null : fold(filters.q)
  const items: Entity[] = []
  for (const entity of view.analysis.entities) {
    if (filters.kind !== undefined && entity.kind !== filters.kind) continue
    if (
      query !== null &&
      ![...(view.namesOf.get(entity.id) ?? [])].some((name) => name.includes(query))
    )
      continue
    if (
      filters.outlet !== undefined &&
      !entity.mentions.some((span) =>
        matchesOutlet(view.outletOfDoc.get(span.doc) ?? null, filters.outlet),
      )
    )
      continue
    items.push(entity)
  }
  return items
}

// ---- outlets -----------------------------------------------------------------------------------

export interface OutletItem {
  readonly outlet: string
  readonly documents: readonly string[]
  readonly firstPublished: string | null
  readonly lastPublished: string | null
  readonly events: number
  /** Loaded terms the outlet's articles use, with how often (`terrorists: 3`). */
  readonly framing: Readonly<Record<string, number>>
  /** For each actor or place, the names this outlet calls it by (`opposition: ["insurgents"]`). */
  readonly names: Readonly<Record<string, readonly string[]>>
  /** Who the outlet cites, with how many events each. */
  readonly sources: Readonly<Record<string, number>>
  /** The fusion's framing table, this outlet's column: its words for each actor and action. */
  readonly table: readonly FramingCell[]
}

export interface FramingCell {
  /** `actor` or `action`. */
  readonly kind: string
  /** The actor side or event type the terms describe (`opposition`, `withdrawal`). */
  readonly key: string
  readonly terms: readonly { readonly term: string; readonly count: number }[]
}

export function listOutlets(view: AnalysisView, filters: Filters & Paging): Page<OutletItem> {
  const byOutlet = new Map<string, AnalysisDocument[]>()
  for (const doc of view.analysis.documents) {
    // A document without an outlet speaks for itself, as in the fusion's framing table.
    const outlet = doc.outlet ?? doc.id
    if (!matchesOutlet(outlet, filters.outlet)) continue
    if (!overlapsRange(doc.published, doc.published, filters)) continue
    const list = byOutlet.get(outlet)
    if (list) list.push(doc)
    else byOutlet.set(outlet, [doc])
  }
  const outlets = [...byOutlet.keys()].sort(compareText)
  const page = outlets.slice(filters.offset, filters.offset + filters.limit)
  const names = namesByOutlet(view, new Set(page), byOutlet)
  const table = readFramingTable(view.analysis.framing)
  return paginate(outlets, filters, (outlet) => {
    const docs = byOutlet.get(outlet) ?? []
    const framing: Record<string, number> = {}
    const sources: Record<string, number> = {}
    let events = 0
    for (const doc of docs) {
      for (const event of view.eventsOfDoc.get(doc.id) ?? []) {
        events += 1
        for (const term of event.framing) framing[term] = (framing[term] ?? 0) + 1
        const source = event.source?.name ?? outlet
        sources[source] = (sources[source] ?? 0) + 1
      }
    }
    const published = docs
      .map((doc) => doc.published)
      .filter((day) => day !== null)
      .sort(compareText)
    return {
      outlet,
      documents: docs.map((doc) => doc.id),
      firstPublished: published[0] ?? null,
      lastPublished: published[published.length - 1] ?? null,
      events,
      framing: sortRecord(framing),
      names: sortRecord(
        Object.fromEntries(
          [...(names.get(outlet) ?? new Map<string, Set<string>>())].map(([name, forms]) => [
            name,
            [...forms].sort(compareText),
          ]),
        ),
      ),
      sources: sortRecord(sources),
      table: table.flatMap((row) => {
        const terms = row.outlets[outlet]
        return terms && terms.length > 0 ? [{ kind: row.kind, key: row.key, terms }] : []
      }),
    }
  })
}

/**
 * For each wanted outlet, the surface forms its articles used for each actor, organisation,
 * place or country: one pass over all mentions, not one per outlet.
 */
function namesByOutlet(
  view: AnalysisView,
  wanted: ReadonlySet<string>,
  docsByOutlet: ReadonlyMap<string, readonly AnalysisDocument[]>,
): Map<string, Map<string, Set<string>>> {
  const outletOfIncluded = new Map<string, string>()
  for (const outlet of wanted)
    for (const doc of docsByOutlet.get(outlet) ?? []) outletOfIncluded.set(doc.id, outlet)
  const result = new Map<string, Map<string, Set<string>>>()
  const add = (outlet: string, entity: string, form: string) => {
    let byEntity = result.get(outlet)
    if (!byEntity) result.set(outlet, (byEntity = new Map()))
    let forms = byEntity.get(entity)
    if (!forms) byEntity.set(entity, (forms = new Set()))
    forms.add(form)
  }
  for (const entity of view.analysis.entities) {
    if (entity.kind === 'person') continue
    for (const span of entity.mentions) {
      const outlet = outletOfIncluded.get(span.doc)
      if (outlet !== undefined) add(outlet, entity.name, span.text)
    }
    // Fusion's record of which outlet used which alias, where mentions were not kept.
    for (const [alias, outlets] of Object.entries(entity.aliasOutlets ?? {})) {
      for (const outlet of outlets) if (wanted.has(outlet)) add(outlet, entity.name, alias)
    }
  }
  return result
}

interface FramingRow {
  readonly kind: string
  readonly key: string
  readonly outlets: Readonly<Record<string, readonly { term: string; count: number }[]>>
}

/**
 * The fusion's `framing` extension (`{ outlets, rows: [{ kind, key, outlets: { name: [{ term,
 * count }] } }] }`). The contract types it `unknown`, so it is read defensively: rows of another
 * shape are skipped rather than trusted.
 */
function readFramingTable(framing: unknown): FramingRow[] {
  const rows = (framing as { rows?: unknown } | null | undefined)?.rows
  if (!Array.isArray(rows)) return []
  const table: FramingRow[] = []
  for (const row of rows as unknown[]) {
    if (typeof row !== 'object' || row === null) continue
    const { kind, key, outlets } = row as Record<string, unknown>
    if (
      typeof kind !== 'string' ||
      typeof key !== 'string' ||
      typeof outlets !== 'object' ||
      outlets === null
    )
      continue
    const cells: Record<string, { term: string; count: number }[]> = {}
    for (const [outlet, terms] of Object.entries(outlets)) {
      if (!Array.isArray(terms)) continue
      cells[outlet] = terms
        .filter(
          (cell): cell is { term: string; count: number } =>
            typeof cell === 'object' &&
            cell !== null &&
            typeof (cell as { term?: unknown }).term === 'string' &&
            typeof (cell as { count?: unknown }).count === 'number',
        )
        .map((cell) => ({ term: cell.term, count: cell.count }))
    }
    table.push({ kind, key, outlets: cells })
  }
  return table
}

// ---- search ------------------------------------------------------------------------------------

export interface DocumentHit {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  /** Where the first match is in the document's text, so a client can highlight it. */
  readonly match: { readonly start: number; readonly end: number }
  readonly snippet: string
}

export interface SearchResults {
  readonly q: string
  readonly documents: Page<DocumentHit>
  readonly claims: Page<ClaimItem>
  readonly entities: Page<EntityItem>
}

/** Snippet context on each side of a match, in characters. */
const SNIPPET_CONTEXT = 80

/**
 * Case-insensitive search for the words of `q`: documents whose title or text contain every
 * word (the snippet is around the first word's first match), claims whose summary, type, place
 * or sources do, entities by name or alias. Each group pages on its own with the same paging.
 */
export function searchAnalysis(view: AnalysisView, q: string, paging: Paging): SearchResults {
  const words = fold(q)
    .split(/\s+/)
    .filter((word) => word.length > 0)
  const hasAll = (haystack: string) => words.every((word) => haystack.includes(word))
  const documents: DocumentHit[] = []
  const folded = foldedTexts(view)
  for (const doc of view.analysis.documents) {
    const text = folded.get(doc.id) ?? ''
    if (!hasAll(text) && !hasAll(`${fold(doc.title ?? '')}\n${text}`)) continue
    // fold() keeps lengths (lower-casing only), so indices in the folded text are text indices.
    const first = words[0] ?? ''
    const at = text.indexOf(first)
    const start = Math.max(0, at - SNIPPET_CONTEXT)
    const end = Math.min(doc.text.length, at + first.length + SNIPPET_CONTEXT)
    documents.push({
      id: doc.id,
      title: doc.title,
      outlet: doc.outlet,
      published: doc.published,
      match: at >= 0 ? { start: at, end: at + first.length } : { start: 0, end: 0 },
      snippet: at >= 0 ? doc.text.slice(start, end).replace(/\s+/g, ' ') : (doc.title ?? ''),
    })
  }
  const claims = view.analysis.claims.filter((claim) =>
    hasAll(
      fold(
        [
          claim.summary ?? '',
          claim.type,
          claim.place?.name ?? '',
          ...claim.asserting,
          ...claim.denying,
        ].join(' '),
      ),
    ),
  )
  const entities = view.analysis.entities.filter((entity) =>
    hasAll([...(view.namesOf.get(entity.id) ?? [])].join('\n')),
  )
  return {
    q,
    documents: paginate(documents, paging),
    claims: paginate(claims, paging, (claim) => describeClaim(view, claim)),
    entities: paginate(entities, paging, summariseEntity),
  }
}

const FOLDED = new WeakMap<AnalysisView, Map<string, string>>()

/** Every document's text lower-cased, once per view: searching must not fold 1,000 texts a query. */
function foldedTexts(view: AnalysisView): Map<string, string> {
  let texts = FOLDED.get(view)
  if (!texts) {
    texts = new Map(view.analysis.documents.map((doc) => [doc.id, fold(doc.text)]))
    FOLDED.set(view, texts)
  }
  return texts
}

// ---- matching helpers --------------------------------------------------------------------------

/**
 * Case-insensitive form for matching. Only `toLowerCase` (no Unicode normalisation) so the
 * folded text keeps the length of the original and match offsets stay valid.
 */
function fold(text: string): string {
  const lower = text.toLowerCase()
  return lower.length === text.length
    ? lower
    : text.replace(/./gsu, (char) =>
        char.toLowerCase().length === char.length ? char.toLowerCase() : char,
      )
}

/** True when a filter that `claimMatches` reads is set (paging fields are not filters). */
function hasClaimFilters(filters: Filters): boolean {
  const keys = ['story', 'from', 'to', 'place', 'actor', 'outlet', 'status', 'type'] as const
  return keys.some((key) => filters[key] !== undefined)
}

function matchesOutlet(outlet: string | null, wanted: string | undefined): boolean {
  return wanted === undefined || (outlet !== null && fold(outlet) === fold(wanted))
}

/** `place=` matches an entity id, its canonical name or any alias it was seen under. */
function matchesEntity(
  view: AnalysisView,
  place: { entity: string; name: string } | null,
  wanted: string | undefined,
): boolean {
  if (wanted === undefined) return true
  if (!place) return false
  const key = fold(wanted)
  return (
    place.entity === wanted ||
    fold(place.name) === key ||
    (view.namesOf.get(place.entity)?.has(key) ?? false)
  )
}

/** `actor=` matches an actor's entity id, name, alias or side code (`opposition`). */
function matchesActors(
  view: AnalysisView,
  actors: readonly EventActor[],
  wanted: string | undefined,
): boolean {
  if (wanted === undefined) return true
  const key = fold(wanted)
  return actors.some(
    (actor) =>
      actor.entity === wanted ||
      fold(actor.name) === key ||
      fold(actor.side ?? '') === key ||
      (view.namesOf.get(actor.entity)?.has(key) ?? false),
  )
}

/** True when [start, end] overlaps [from, to]; undated items never match a date filter. */
function overlapsRange(
  start: string | null,
  end: string | null,
  range: { readonly from?: string | undefined; readonly to?: string | undefined },
): boolean {
  if (range.from === undefined && range.to === undefined) return true
  if (start === null || end === null) return false
  return (
    (range.from === undefined || end >= range.from) && (range.to === undefined || start <= range.to)
  )
}

function byId<T extends { readonly id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]))
}

function sortRecord<Value>(record: Record<string, Value>): Record<string, Value> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)))
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
