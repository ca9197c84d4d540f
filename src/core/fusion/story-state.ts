import { compareIds, compareText } from './compare-text.js'
import type { AnalysisEvent, Claim, ControlState, Dispute, EventType } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import { AffiliationMatcher } from './affiliation-matcher.js'
import type { ClaimRecord, EventRecord } from './claim-record.js'
import { claimSide } from './claim-record.js'
import { CLAIM_WINDOW_DAYS, NEAR_KM, ONE_OFF, PARTY_BOUND, SIDE_BEARING } from './claim-rules.js'
import { type StatusContext, tallyClaimStatus, updateClaimStatus } from './claim-status.js'
import { buildPlaceControl, rollUpControl } from './control-map.js'
import { toDayNumber } from './day-number.js'
import { affectsStatus, claimGap, findClaimDisputes } from './dispute-finder.js'
import type { DisputeContext } from './dispute-finder.js'
import { claimLabel } from './dispute-summary.js'
import { EntityRegistry } from './entity-registry.js'
import { buildFramingTable } from './framing-table.js'
import { mergeDisputes } from './merge-disputes.js'
import type {
  FusionDocumentInput,
  FusionOptions,
  FusionResult,
  HistoryChange,
  HistoryEntry,
  Story,
} from './fusion-types.js'
import { attributionOf, resolveOrigin, speakerOf } from './origin-resolver.js'
import type { Origin, OriginContext } from './origin-resolver.js'
import { SideRelations } from './side-relations.js'
import { SyndicationIndex } from './syndication-index.js'
import { buildTimeline, claimDate } from './timeline.js'
import { UnionFind } from './union-find.js'

/**
 * The fused picture of ONE story, built one article at a time (FusionState routes each article
 * to its story's StoryState). `add` indexes one article and recomputes only what it can change:
 * the claims its events join, the disputes anchored at their places (and the regions containing
 * them), and the statuses of the claims those touch. `snapshot` materialises the contract shapes.
 * Claims never cross stories: a story is one theatre over one period, so its claims, disputes,
 * control and timeline are its own, and re-fusing one story leaves the others as they are.
 */
export class StoryState {
  private readonly sides: SideRelations
  private readonly affiliations: AffiliationMatcher
  private readonly containmentOf: (placeId: string) => readonly string[]
  private readonly hasContainment: boolean
  private readonly capitalOfFn: (placeId: string) => string | null

  private readonly documents: SourceDocument[] = []
  private readonly docIndex = new Map<string, number>()
  private readonly duplicateOf = new Map<string, string>()
  private readonly syndication = new SyndicationIndex()
  private readonly syndicationGroups = new UnionFind()
  private readonly entities = new EntityRegistry()

  private readonly records: EventRecord[] = []
  private readonly recordsByDoc = new Map<string, EventRecord[]>()
  private readonly claims = new Map<string, ClaimRecord>()
  private readonly blocks = new Map<string, ClaimRecord[]>()
  private readonly byPlaceType = new Map<string, ClaimRecord[]>()
  /** `type|row|col` → claims at points in that 0.1° cell, for the nearby-place rule. */
  private readonly grid = new Map<string, ClaimRecord[]>()

  private readonly containmentCache = new Map<string, readonly string[]>()
  private readonly containedIn = new Map<string, Set<string>>()
  private readonly capitalsOf = new Map<string, Set<string>>()
  private readonly placeNames = new Map<string, string>()
  private readonly placeInfo = new Map<string, ControlState['place']>()

  private readonly disputesByAnchor = new Map<string, Dispute[]>()
  private readonly statusDisputes = new Map<string, Set<string>>()
  private readonly history: HistoryEntry[] = []
  private readonly lastRecorded = new Map<string, string>()
  private readonly originCache = new WeakMap<EventRecord, { root: string; origin: Origin }>()
  private readonly attributionCache = new WeakMap<EventRecord, string>()
  private maxDay: number | null = null

  private readonly originContext: OriginContext
  private readonly attributionContext: OriginContext
  private readonly disputeContext: DisputeContext
  private readonly statusContext: StatusContext

  /** Its story id (`story:<first document id>`) and what its claim ids start with. */
  readonly storyId: string
  private readonly claimPrefix: string

  constructor(
    options: FusionOptions = {},
    story: { id: string; claimPrefix: string } = { id: '', claimPrefix: 'claim:' },
  ) {
    this.storyId = story.id
    this.claimPrefix = story.claimPrefix
    this.sides = new SideRelations(options.sideGroups)
    this.affiliations = new AffiliationMatcher(options.affiliations)
    this.containmentOf = options.containment ?? (() => [])
    this.hasContainment = options.containment !== undefined
    this.capitalOfFn = options.capitalOf ?? (() => null)
    this.originContext = {
      affiliations: this.affiliations,
      entityName: (id) =>
        this.entities.canonicalId(id) !== id ? this.entities.nameOf(id) : undefined,
      syndicationRoot: (doc) => this.syndicationGroups.find(doc),
      outletOf: (doc) => this.documentOf(doc)?.outlet ?? null,
    }
    this.attributionContext = { ...this.originContext, outletOf: (doc) => this.outletName(doc) }
    this.statusContext = {
      originOf: (record) => this.originOf(record),
      attributionOf: (record) => this.attributionOf(record),
      outletOf: (record) => this.outletName(record.event.doc),
      inStatusDispute: (id) => (this.statusDisputes.get(id)?.size ?? 0) > 0,
    }
    this.disputeContext = {
      sides: this.sides,
      claimsAt: (placeId, type) => this.byPlaceType.get(`${placeId}|${type}`) ?? [],
      placesWithin: (placeId) => this.placesWithin(placeId),
      originOf: (record) => this.originOf(record),
      attributionOf: (record) => this.attributionOf(record),
      speakerOf: (record) =>
        speakerOf(record.event.doc, record.event.source, this.attributionContext),
      placeName: (placeId) => this.placeName(placeId),
    }
  }

  /** Number of documents added so far. */
  get size(): number {
    return this.documents.length
  }

  /**
   * Adds one analysed article and updates the picture. Returns the ids of claims it touched.
   * `index` is its position in the whole ingest (history entries carry it); by default its
   * position in this story. `words`: its folded words, when the caller folded it already.
   */
  add(
    input: FusionDocumentInput,
    index: number = this.documents.length,
    words?: readonly string[],
  ): readonly string[] {
    const document = input.document
    if (this.docIndex.has(document.id)) {
      throw new Error(
        `fusion: document ${document.id} was already added; give each document a unique id`,
      )
    }
    this.docIndex.set(document.id, this.documents.length)
    this.documents.push(document)
    const day = toDayNumber(document.published)
    if (day !== null && (this.maxDay === null || day > this.maxDay)) this.maxDay = day

    const touchedClaims = new Set<string>()
    // 1. Syndication: copies join the group of the first document they repeat.
    this.syndicationGroups.add(document.id)
    const match = this.syndication.add(document.id, document.text, words)
    if (match.duplicateOf !== null) this.duplicateOf.set(document.id, match.duplicateOf)
    for (const earlier of match.matches) {
      const moved = this.syndicationGroups.union(earlier, document.id)
      // A bridging copy merged two groups: origins of the moved group's reports changed.
      for (const doc of moved) {
        if (doc === document.id) continue
        for (const record of this.recordsByDoc.get(doc) ?? []) {
          touchedClaims.add(record.claimId)
          const claim = this.claims.get(record.claimId)
          if (claim !== undefined) claim.tally = null
        }
      }
    }

    // 2. Entities across documents.
    for (const entity of input.entities) this.entities.add(entity, (doc) => this.outletName(doc))

    // 4. Claims: each event joins the closest compatible claim of its block, or starts one.
    const docRecords: EventRecord[] = []
    for (const event of input.events) {
      const record = this.recordOf(event, index, day)
      this.records.push(record)
      docRecords.push(record)
      touchedClaims.add(this.assignClaim(record).id)
    }
    this.recordsByDoc.set(document.id, docRecords)

    // 5. Disputes anchored at the claims the new reports can change: their own claims, and
    // claims close in time at their place, at the regions containing it and at those regions'
    // seats (a denial about a province covers its towns).
    const anchors = new Set<string>(touchedClaims)
    for (const record of docRecords) {
      if (record.placeId === null) continue
      const places = new Set([record.placeId])
      for (const region of this.containment(record.placeId)) {
        places.add(region)
        for (const capital of this.capitalsOf.get(region) ?? []) places.add(capital)
      }
      const type = record.event.type
      const types: EventType[] = type === 'withdrawal' ? ['withdrawal', 'redeployment'] : [type]
      for (const placeId of places) {
        for (const t of types) {
          for (const claim of this.byPlaceType.get(`${placeId}|${t}`) ?? []) {
            if (this.gapToClaim(record, claim) <= CLAIM_WINDOW_DAYS[t]) anchors.add(claim.id)
          }
        }
      }
    }
    const statusDirty = new Set(touchedClaims)
    for (const claimId of anchors) {
      const claim = this.claims.get(claimId)
      if (claim === undefined) continue
      this.replaceDisputes(
        `claim:${claimId}`,
        findClaimDisputes(claim, this.disputeContext),
        statusDirty,
      )
    }

    // 6. Statuses, and the history entry of what changed.
    const changes: HistoryChange[] = []
    for (const claimId of statusDirty) {
      const claim = this.claims.get(claimId)
      if (claim === undefined) continue
      tallyClaimStatus(claim, this.statusContext)
      const state = `${claim.status}|${claim.independentGroups}`
      if (this.lastRecorded.get(claimId) !== state) {
        this.lastRecorded.set(claimId, state)
        changes.push({
          claim: claimId,
          status: claim.status,
          independentGroups: claim.independentGroups,
        })
      }
    }
    changes.sort((a, b) => compareIds(a.claim, b.claim))
    this.history.push({ index, doc: document.id, changes })
    return [...touchedClaims]
  }

  /** The fused picture now, in contract shapes. */
  snapshot(): FusionResult {
    const documents = this.documents.map((document) => {
      const root = this.syndicationGroups.find(document.id)
      const grouped = this.syndicationGroups.membersOf(document.id).length > 1
      return {
        ...document,
        duplicateOf: this.duplicateOf.get(document.id) ?? null,
        syndicationGroup: grouped ? `syn:${root}` : null,
      }
    })
    const claimRecords = [...this.claims.values()]
    // The lists (origins, who asserts, who denies) are written here, not at every add.
    for (const claim of claimRecords) updateClaimStatus(claim, this.statusContext)
    const related = this.relatedClaims(claimRecords)
    const claims: Claim[] = claimRecords.map((claim) => ({
      id: claim.id,
      type: claim.type,
      place: claim.place,
      date: claimDate(claim),
      events: claim.events.map((record) => record.event.id),
      asserting: [...claim.asserting],
      denying: [...claim.denying],
      independentGroups: claim.independentGroups,
      status: claim.status,
      actors: [...claim.sideCounts.keys()],
      origins: claim.origins.map((origin) => ({ ...origin })),
      related: related.get(claim.id) ?? [],
      story: this.storyId,
      summary: this.summaryOf(claim),
    }))
    const disputes = mergeDisputes([...this.disputesByAnchor.values()].flat())
    const dateConflicts = new Set(
      disputes.filter((d) => d.kind === 'date').flatMap((d) => d.claims),
    )
    const control = this.buildControl(claimRecords)
    const regionControl = rollUpControl(
      control,
      (placeId) => this.containment(placeId)[0] ?? null,
      (regionId) => this.placeName(regionId),
    )
    return {
      documents,
      entities: this.entities.snapshot(),
      claims,
      disputes,
      control,
      regionControl,
      timeline: buildTimeline(claimRecords, dateConflicts, (claim) => this.summaryOf(claim)),
      stories: this.documents.length === 0 ? [] : [this.buildStory(claimRecords)],
      framing: buildFramingTable(this.records, (record) => this.outletName(record.event.doc)),
      history: [...this.history],
    }
  }

  private recordOf(event: AnalysisEvent, docIndex: number, published: number | null): EventRecord {
    const placeId = event.place === null ? null : this.entities.canonicalId(event.place.entity)
    if (placeId !== null && event.place !== null) {
      if (!this.placeNames.has(placeId)) this.placeNames.set(placeId, event.place.name)
      if (!this.placeInfo.has(placeId)) {
        this.placeInfo.set(placeId, {
          entity: placeId,
          name: event.place.name,
          lat: event.place.lat,
          lon: event.place.lon,
        })
      }
    }
    const sides = event.actors
      .map((actor) => actor.side ?? this.entities.sideOf(actor.entity))
      .filter((side): side is string => side !== null && side !== undefined && side !== '')
    const start = toDayNumber(event.date?.start)
    const end = toDayNumber(event.date?.end) ?? start
    const dated = start !== null
    const reported = toDayNumber(event.notAfter) ?? published
    return {
      event,
      docIndex,
      placeId,
      side: this.actingSide(event.type, sides),
      sides,
      dated,
      start: dated ? start : reported,
      end: dated ? end : reported,
      stance: event.stance === 'denied' ? 'denied' : 'asserted',
      claimId: '',
    }
  }

  /**
   * The side an event is about: its first actor's. A control event naming opposed sides
   * ("after clashes with [regime forces], the [Free Syria Army] seized the town") does not say
   * by its order which one holds the place, so its side is left unknown rather than guessed.
   */
  private actingSide(type: EventType, sides: readonly string[]): string | null {
    const first = sides[0] ?? null
    if (type !== 'control' || first === null) return first
    return sides.some((side) => this.sides.opposed(side, first)) ? null : first
  }

  private assignClaim(record: EventRecord): ClaimRecord {
    const type = record.event.type
    const blockKey = this.blockKeyOf(type, record.placeId)
    let best = this.closestClaim(record, this.blocks.get(blockKey) ?? [])
    // "A statue was toppled in [a Damascus suburb]" and "protesters in [Jaramana]": two names,
    // kilometres apart, for one event. Only when no claim of the exact place fits.
    if (best === null) best = this.closestClaim(record, this.nearbyClaims(record))
    if (best === null) {
      best = {
        id: `${this.claimPrefix}${this.claims.size + 1}`,
        type,
        blockKey,
        place:
          record.event.place === null
            ? null
            : { ...record.event.place, entity: record.placeId ?? record.event.place.entity },
        placeId: record.placeId,
        events: [],
        sideCounts: new Map(),
        parties: new Set(),
        minDay: null,
        maxDay: null,
        status: 'single-source',
        independentGroups: 0,
        tally: null,
        asserting: [],
        denying: [],
        origins: [],
      }
      this.claims.set(best.id, best)
      const block = this.blocks.get(blockKey)
      if (block === undefined) this.blocks.set(blockKey, [best])
      else block.push(best)
      this.indexClaimPlace(best)
      if (
        best.place !== null &&
        best.place.lat !== null &&
        best.place.lon !== null &&
        this.isPoint(best.placeId)
      ) {
        const [row, col] = gridCell(best.place.lat, best.place.lon)
        const key = `${type}|${row}|${col}`
        const cell = this.grid.get(key)
        if (cell === undefined) this.grid.set(key, [best])
        else cell.push(best)
      }
    } else if (
      ONE_OFF.has(type) &&
      record.placeId !== null &&
      best.placeId !== null &&
      this.containment(best.placeId).includes(record.placeId)
    ) {
      // "An offensive in Syria" names the claim better than "the offensive on Aleppo".
      this.unindexClaimPlace(best)
      best.placeId = record.placeId
      best.place =
        record.event.place === null ? null : { ...record.event.place, entity: record.placeId }
      this.indexClaimPlace(best)
    }
    record.claimId = best.id
    best.events.push(record)
    if (record.side !== null)
      best.sideCounts.set(record.side, (best.sideCounts.get(record.side) ?? 0) + 1)
    for (const side of record.sides) best.parties.add(side)
    if (record.start !== null) best.minDay = Math.min(best.minDay ?? record.start, record.start)
    if (record.end !== null) best.maxDay = Math.max(best.maxDay ?? record.end, record.end)
    return best
  }

  /** The compatible claim closest in time (type window, sides, shared actor without place). */
  private closestClaim(
    record: EventRecord,
    candidates: readonly ClaimRecord[],
  ): ClaimRecord | null {
    const type = record.event.type
    const window = CLAIM_WINDOW_DAYS[type]
    let best: ClaimRecord | null = null
    let bestGap = Infinity
    for (const claim of candidates) {
      const gap = this.gapToClaim(record, claim)
      if (gap > window) continue
      if (SIDE_BEARING.has(type) && !this.sidesFit(record.side, claim)) continue
      if (
        PARTY_BOUND.has(type) &&
        record.sides.length > 0 &&
        claim.parties.size > 0 &&
        !record.sides.some((side) => claim.parties.has(side))
      )
        continue
      // Without a place, only a shared actor ties two reports together.
      if (record.placeId === null && claim.sideCounts.size > 0 && record.sides.length > 0) {
        if (!record.sides.some((side) => claim.sideCounts.has(side))) continue
      }
      if (gap <= bestGap) {
        best = claim
        bestGap = gap
      }
    }
    return best
  }

  private sidesFit(side: string | null, claim: ClaimRecord): boolean {
    if (side === null) return true
    for (const other of claim.sideCounts.keys())
      if (!this.sides.compatible(side, other)) return false
    return true
  }

  /** Claims of the record's type at other points within NEAR_KM of its place (not regions). */
  private nearbyClaims(record: EventRecord): ClaimRecord[] {
    const place = record.event.place
    if (place === null || place.lat === null || place.lon === null || !this.isPoint(record.placeId))
      return []
    const type = record.event.type
    const radius = NEAR_KM[type]
    if (radius === 0 || ONE_OFF.has(type)) return []
    const window = CLAIM_WINDOW_DAYS[type]
    const [row, col] = gridCell(place.lat, place.lon)
    const found: ClaimRecord[] = []
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        for (const claim of this.grid.get(`${type}|${row + dr}|${col + dc}`) ?? []) {
          // Cheap tests first: most claims in a cell are other days.
          if (claim.placeId === record.placeId || this.gapToClaim(record, claim) > window) continue
          const other = claim.place
          if (other === null || other.lat === null || other.lon === null) continue
          if (distanceKm(place.lat, place.lon, other.lat, other.lon) <= radius) found.push(claim)
        }
      }
    }
    return found
  }

  /**
   * True for a town or site, false for regions and countries (their point is a centroid): a
   * place that contains others, or that the containment knows nothing above, is not a point.
   */
  private isPoint(placeId: string | null): boolean {
    if (placeId === null || this.containedIn.has(placeId)) return false
    return !this.hasContainment || this.containment(placeId).length > 0
  }

  private blockKeyOf(type: EventType, placeId: string | null): string {
    if (placeId === null) return `${type}|-`
    if (ONE_OFF.has(type)) {
      const regions = this.containment(placeId)
      return `${type}|~${regions[regions.length - 1] ?? placeId}`
    }
    return `${type}|${placeId}`
  }

  private gapToClaim(record: EventRecord, claim: ClaimRecord): number {
    if (
      record.start === null ||
      record.end === null ||
      claim.minDay === null ||
      claim.maxDay === null
    )
      return 0
    return Math.max(0, record.start - claim.maxDay, claim.minDay - record.end)
  }

  private indexClaimPlace(claim: ClaimRecord): void {
    if (claim.placeId === null) return
    const key = `${claim.placeId}|${claim.type}`
    const list = this.byPlaceType.get(key)
    if (list === undefined) this.byPlaceType.set(key, [claim])
    else list.push(claim)
  }

  private unindexClaimPlace(claim: ClaimRecord): void {
    if (claim.placeId === null) return
    const list = this.byPlaceType.get(`${claim.placeId}|${claim.type}`)
    if (list === undefined) return
    const at = list.indexOf(claim)
    if (at >= 0) list.splice(at, 1)
  }

  /** Regions containing a place (cached), registering the place under each for lookups down. */
  private containment(placeId: string): readonly string[] {
    const cached = this.containmentCache.get(placeId)
    if (cached !== undefined) return cached
    const regions = this.containmentOf(placeId).filter((region) => region !== placeId)
    this.containmentCache.set(placeId, regions)
    for (const region of regions) {
      let inside = this.containedIn.get(region)
      if (inside === undefined) this.containedIn.set(region, (inside = new Set()))
      inside.add(placeId)
    }
    const capitalOf = this.capitalOfFn(placeId)
    if (capitalOf !== null && capitalOf !== placeId) {
      let capitals = this.capitalsOf.get(capitalOf)
      if (capitals === undefined) this.capitalsOf.set(capitalOf, (capitals = new Set()))
      capitals.add(placeId)
    }
    return regions
  }

  private placesWithin(placeId: string): string[] {
    this.containment(placeId)
    const within = new Set(this.containedIn.get(placeId) ?? [])
    const seatOf = this.capitalOfFn(placeId)
    if (seatOf !== null) {
      within.add(seatOf)
      for (const place of this.containedIn.get(seatOf) ?? []) within.add(place)
    }
    within.delete(placeId)
    return [...within]
  }

  private replaceDisputes(anchor: string, found: Dispute[], statusDirty: Set<string>): void {
    for (const old of this.disputesByAnchor.get(anchor) ?? []) {
      if (!affectsStatus(old.kind)) continue
      for (const claimId of old.claims) {
        this.statusDisputes.get(claimId)?.delete(old.id)
        statusDirty.add(claimId)
      }
    }
    if (found.length === 0) this.disputesByAnchor.delete(anchor)
    else this.disputesByAnchor.set(anchor, found)
    for (const dispute of found) {
      if (!affectsStatus(dispute.kind)) continue
      for (const claimId of dispute.claims) {
        let set = this.statusDisputes.get(claimId)
        if (set === undefined) this.statusDisputes.set(claimId, (set = new Set()))
        set.add(dispute.id)
        statusDirty.add(claimId)
      }
    }
  }

  private originOf(record: EventRecord): Origin {
    const root = this.syndicationGroups.find(record.event.doc)
    const cached = this.originCache.get(record)
    if (cached !== undefined && cached.root === root) return cached.origin
    const origin = resolveOrigin(record.event.doc, record.event.source, this.originContext)
    this.originCache.set(record, { root, origin })
    return origin
  }

  private attributionOf(record: EventRecord): string {
    const cached = this.attributionCache.get(record)
    if (cached !== undefined) return cached
    const name = attributionOf(record.event.doc, record.event.source, this.attributionContext)
    this.attributionCache.set(record, name)
    return name
  }

  private documentOf(docId: string): SourceDocument | undefined {
    const index = this.docIndex.get(docId)
    return index === undefined ? undefined : this.documents[index]
  }

  /** The outlet's name, else the title, else the document id: always something to show. */
  private outletName(docId: string): string {
    const document = this.documentOf(docId)
    return document?.outlet ?? docId
  }

  private placeName(placeId: string): string {
    return this.placeNames.get(placeId) ?? this.entities.nameOf(placeId) ?? placeId
  }

  private summaryOf(claim: ClaimRecord): string {
    return claimLabel(
      claim.type,
      claimSide(claim),
      claim.placeId === null ? null : this.placeName(claim.placeId),
    )
  }

  // Withdrawal, redeployment and loss of control of one place by one side are one story told
  // three ways: link them so every view can show them together.
  private relatedClaims(claims: readonly ClaimRecord[]): Map<string, string[]> {
    const related = new Map<string, string[]>()
    const link = (a: ClaimRecord, b: ClaimRecord): void => {
      if (a === b) return
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const list = related.get(x.id) ?? []
        if (!list.includes(y.id)) list.push(y.id)
        related.set(x.id, list)
      }
    }
    for (const claim of claims) {
      const pullBack = claim.type === 'withdrawal' || claim.type === 'redeployment'
      if (!pullBack || claim.placeId === null) continue
      const side = claimSide(claim)
      const near = (other: ClaimRecord): boolean =>
        claimGap(claim, other) <= CLAIM_WINDOW_DAYS.withdrawal
      // [Withdrew from] Daraa ~ [redeployed from] Daraa province: the same pull-back.
      if (claim.type === 'withdrawal') {
        for (const placeId of [claim.placeId, ...this.containment(claim.placeId)]) {
          for (const other of this.byPlaceType.get(`${placeId}|redeployment`) ?? []) {
            if (this.sides.compatible(side, claimSide(other)) && near(other)) link(claim, other)
          }
        }
      }
      // A pull-back of one side and [rebels took] the place: the loss of control it led to.
      for (const other of this.byPlaceType.get(`${claim.placeId}|control`) ?? []) {
        if (this.sides.opposed(side, claimSide(other)) && near(other)) link(claim, other)
      }
    }
    return related
  }

  private buildControl(claims: readonly ClaimRecord[]): ControlState[] {
    if (this.maxDay === null) return []
    const byPlace = new Map<string, ClaimRecord[]>()
    for (const claim of claims) {
      if ((claim.type !== 'control' && claim.type !== 'withdrawal') || claim.placeId === null)
        continue
      const list = byPlace.get(claim.placeId)
      if (list === undefined) byPlace.set(claim.placeId, [claim])
      else list.push(claim)
    }
    const states: ControlState[] = []
    for (const [placeId, placeClaims] of byPlace) {
      const place = this.placeInfo.get(placeId) ?? {
        entity: placeId,
        name: this.placeName(placeId),
        lat: null,
        lon: null,
      }
      states.push(...buildPlaceControl(place, placeClaims, this.maxDay, this.sides))
    }
    return states
  }

  private buildStory(claims: readonly ClaimRecord[]): Story {
    const documents = this.documents
    const placeCounts = new Map<string, number>()
    const sideCounts = new Map<string, number>()
    const groups = new Set<string>()
    for (const document of documents) {
      if (this.syndicationGroups.membersOf(document.id).length > 1) {
        groups.add(`syn:${this.syndicationGroups.find(document.id)}`)
      }
      for (const record of this.recordsByDoc.get(document.id) ?? []) {
        if (record.placeId !== null)
          placeCounts.set(record.placeId, (placeCounts.get(record.placeId) ?? 0) + 1)
        for (const side of record.sides) sideCounts.set(side, (sideCounts.get(side) ?? 0) + 1)
      }
    }
    const ranked = (counts: Map<string, number>): string[] =>
      [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
        .map(([key]) => key)
    const days = documents
      .map((document) => document.published?.slice(0, 10) ?? null)
      .filter((value): value is string => value !== null)
      .sort()
    const places = ranked(placeCounts).slice(0, 5)
    const first = documents[0]
    return {
      id: this.storyId,
      documents: documents.map((document) => document.id),
      outlets: [...new Set(documents.map((document) => this.outletName(document.id)))],
      start: days[0] ?? null,
      end: days[days.length - 1] ?? null,
      places,
      sides: ranked(sideCounts),
      claims: claims.map((claim) => claim.id),
      syndicationGroups: [...groups],
      label: first?.title ?? (places[0] === undefined ? this.storyId : this.placeName(places[0])),
    }
  }
}

/** 0.1° grid cell (about 11 km north-south) of a point. */
function gridCell(lat: number, lon: number): [number, number] {
  return [Math.floor(lat * 10), Math.floor(lon * 10)]
}

/** Distance in kilometres (equirectangular: exact enough at a few kilometres). */
function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180))
  const y = lat2 - lat1
  return Math.sqrt(x * x + y * y) * 111.2
}
