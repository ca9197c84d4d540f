import type { Dispute, DisputeKind, EventType } from '../model/analysis.js'
import type { ClaimRecord, EventRecord } from './claim-record.js'
import {
  CLAIM_WINDOW_DAYS,
  CONTROLLER_OVERLAP_DAYS,
  DATE_TOLERANCE_DAYS,
  NUMBER_MIN_GAP,
  NUMBER_RATIO,
  ONE_OFF,
  SIDE_BEARING,
} from './claim-rules.js'
import { formatDayLong } from './day-number.js'
import { joinNames, pastPhrase, sideLabel, verbFor } from './dispute-summary.js'
import { leanOf } from './framing-terms.js'
import type { Origin } from './origin-resolver.js'
import type { SideRelations } from './side-relations.js'

/** What the dispute rules read from the fusion state. */
export interface DisputeContext {
  readonly sides: SideRelations
  /** Claims of one type whose place is exactly this place. */
  readonly claimsAt: (placeId: string, type: EventType) => readonly ClaimRecord[]
  /** Places inside this one, and inside the region it is the seat of (not itself). */
  readonly placesWithin: (placeId: string) => readonly string[]
  readonly originOf: (record: EventRecord) => Origin
  readonly attributionOf: (record: EventRecord) => string
  /** Who speaks, for summaries: a named source, else the outlet ("local sources" → the outlet). */
  readonly speakerOf: (record: EventRecord) => string
  readonly placeName: (placeId: string) => string
}

/** Kinds that make their claims `disputed`; a framing dispute is a difference of words. */
export function affectsStatus(kind: DisputeKind): boolean {
  return kind !== 'framing'
}

/**
 * Disputes anchored at one claim, in rule order: stance (its denials against what others assert
 * at its place or inside it), framing (a redeployment against a withdrawal of the same side),
 * controller (its controller against an opposed one at the same place and moment), then date,
 * number and loaded-word disputes inside it. Only claims close in time are compared, so a
 * place's history never makes one endless dispute; disputes found from several anchors that
 * share reports are folded into one by mergeDisputes.
 */
export function findClaimDisputes(claim: ClaimRecord, context: DisputeContext): Dispute[] {
  const found: Dispute[] = [
    ...findStanceDisputes(claim, context),
    ...findWithdrawalFramingDisputes(claim, context),
    ...findControllerDisputes(claim, context),
  ]
  const date = findDateDispute(claim, context)
  if (date !== null) found.push(date)
  found.push(...findNumberDisputes(claim, context))
  const terms = findTermDispute(claim, context)
  if (terms !== null) found.push(terms)
  return found
}

/** Days between two claims' spans (0 when they overlap or either is undated). */
export function claimGap(a: ClaimRecord, b: ClaimRecord): number {
  if (a.minDay === null || a.maxDay === null || b.minDay === null || b.maxDay === null) return 0
  return Math.max(0, b.minDay - a.maxDay, a.minDay - b.maxDay)
}

/** Claims of a type at the anchor's place and inside it, within `window` days of the anchor. */
function claimsAround(
  anchor: ClaimRecord,
  type: EventType,
  window: number,
  context: DisputeContext,
): ClaimRecord[] {
  if (anchor.placeId === null) return anchor.type === type ? [anchor] : []
  const places = [anchor.placeId, ...context.placesWithin(anchor.placeId)]
  return places
    .flatMap((place) => context.claimsAt(place, type))
    .filter((claim) => claim === anchor || claimGap(anchor, claim) <= window)
}

// "The ministry [denied] that troops withdrew from rural Damascus" against "forces withdrew
// from [Kanaker]" (a town in it): the denial covers the place and every place inside it.
function findStanceDisputes(claim: ClaimRecord, context: DisputeContext): Dispute[] {
  const allDenials = claim.events.filter((e) => e.stance === 'denied')
  if (allDenials.length === 0) return []
  const type = claim.type
  const window = CLAIM_WINDOW_DAYS[type]
  const pool = claimsAround(claim, type, window, context).flatMap((c) => c.events)
  const found: Dispute[] = []
  for (const [root, denials] of groupBySide(allDenials, SIDE_BEARING.has(type), context)) {
    const relevant = pool.filter(
      (e) => root === '*' || e.side === null || context.sides.rootOf(e.side) === root,
    )
    const latest = latestStanceByOrigin(relevant, context)
    const effective = (e: EventRecord): boolean => latest.get(context.originOf(e).key) === e.stance
    const denied = denials.filter(effective)
    const asserted = relevant.filter(
      (e) => e.stance === 'asserted' && effective(e) && denied.some((d) => dayGap(d, e) <= window),
    )
    if (denied.length === 0 || asserted.length === 0) continue
    const placeId = claim.placeId
    const denySources = denied.map(context.speakerOf)
    const assertSources = asserted.map(context.speakerOf)
    const side = root === '*' ? null : root
    const places = unique(asserted.map((e) => e.placeId).filter(isString))
    const elsewhere = places.filter((p) => p !== placeId)
    const where = elsewhere.length > 0 ? ` at ${joinNames(places.map(context.placeName), 5)}` : ''
    const what = placeId === null ? type : `${pastPhrase(type)} ${context.placeName(placeId)}`
    found.push(
      makeDispute(
        'stance',
        `${claim.id}:${root}`,
        [...denied, ...asserted],
        [
          { label: 'denied', records: denied, context },
          { label: 'asserted', records: asserted, context },
        ],
        `${joinNames(denySources)} ${verbFor(denySources, 'denies', 'deny')} that ${sideLabel(side)} ${what}, which ${joinNames(assertSources)} ${verbFor(assertSources, 'reports', 'report')}${where}.`,
      ),
    )
  }
  return found
}

// "Government forces [withdrew] from Daraa" against the army's "[redeployment and
// repositioning]" in Daraa: one pull-back, two framings.
function findWithdrawalFramingDisputes(claim: ClaimRecord, context: DisputeContext): Dispute[] {
  if (claim.type !== 'redeployment' || claim.placeId === null) return []
  const redeployments = claim.events.filter((e) => e.stance === 'asserted')
  const window = CLAIM_WINDOW_DAYS.withdrawal
  const withdrawals = claimsAround(claim, 'withdrawal', window, context)
    .flatMap((c) => c.events)
    .filter((e) => e.stance === 'asserted')
  const found: Dispute[] = []
  for (const [root, framed] of groupBySide(redeployments, true, context)) {
    const matching = withdrawals.filter(
      (w) =>
        (root === '*' || w.side === null || context.sides.rootOf(w.side) === root) &&
        framed.some((r) => dayGap(r, w) <= window),
    )
    const framedOrigins = new Set(framed.map((r) => context.originOf(r).key))
    // One voice using both words ("withdrew, or as it says, redeployed") is no dispute.
    if (!matching.some((w) => !framedOrigins.has(context.originOf(w).key))) continue
    const side = root === '*' ? null : root
    const withdrawSources = matching.map(context.speakerOf)
    const framedSources = framed.map(context.speakerOf)
    const places = unique(matching.map((e) => e.placeId).filter(isString)).map(context.placeName)
    found.push(
      makeDispute(
        'framing',
        `${claim.id}:${root}`,
        [...matching, ...framed],
        [
          { label: 'withdrawal', records: matching, context },
          { label: 'redeployment', records: framed, context },
        ],
        `${joinNames(withdrawSources)} ${verbFor(withdrawSources, 'reports', 'report')} a withdrawal of ${sideLabel(side)} from ${joinNames(places, 5)}, which ${joinNames(framedSources)} ${verbFor(framedSources, 'calls', 'call')} a redeployment.`,
      ),
    )
  }
  return found
}

// "The army said it had [regained control] of Homs" against "the opposition [entered] Homs"
// the same day: two opposed controllers at one moment.
function findControllerDisputes(claim: ClaimRecord, context: DisputeContext): Dispute[] {
  if (claim.type !== 'control' || claim.placeId === null) return []
  const own = claim.events.filter((e) => e.stance === 'asserted' && e.side !== null)
  if (own.length === 0) return []
  const others = context
    .claimsAt(claim.placeId, 'control')
    .filter((other) => other !== claim && claimGap(claim, other) <= CONTROLLER_OVERLAP_DAYS)
    .flatMap((other) => other.events)
    .filter((e) => e.stance === 'asserted' && e.side !== null)
  // One article naming both controllers tells a handover ("rebels took X from the army"), not
  // a conflict: the two sides must come from different documents.
  const clash = (x: EventRecord, y: EventRecord): boolean =>
    x.event.doc !== y.event.doc &&
    context.sides.opposed(x.side, y.side) &&
    dayGap(x, y) <= CONTROLLER_OVERLAP_DAYS
  const a = own.filter((x) => others.some((y) => clash(x, y)))
  if (a.length === 0) return []
  const opposing = others.filter((y) => a.some((x) => clash(x, y)))
  // Against the best-supported opposed side, when several are named.
  const bySide = [...groupBy(opposing, (e) => context.sides.rootOf(e.side ?? '')).values()].sort(
    (x, y) => originCount(y, context) - originCount(x, context),
  )
  const b = bySide[0] ?? []
  const sideA = a[0]?.side ?? null
  const sideB = b[0]?.side ?? null
  const sourcesA = a.map(context.speakerOf)
  const sourcesB = b.map(context.speakerOf)
  const place = context.placeName(claim.placeId)
  return [
    makeDispute(
      'controller',
      claim.id,
      [...a, ...b],
      [
        { label: sideLabel(sideA), records: a, context },
        { label: sideLabel(sideB), records: b, context },
      ],
      `${joinNames(sourcesA)} ${verbFor(sourcesA, 'says', 'say')} ${sideLabel(sideA)} controls ${place}, while ${joinNames(sourcesB)} ${verbFor(sourcesB, 'says', 'say')} ${sideLabel(sideB)} does.`,
    ),
  ]
}

// "Since [November 29] ... launched a campaign" against "the offensive began on [November 27]".
function findDateDispute(claim: ClaimRecord, context: DisputeContext): Dispute | null {
  if (!ONE_OFF.has(claim.type)) return null
  // "[Since November 29]" (an open interval) dates the start as surely as "on November 29".
  const dated = claim.events.filter(
    (e) =>
      e.dated &&
      e.stance === 'asserted' &&
      e.start !== null &&
      e.end !== null &&
      (e.end - e.start <= 1 || e.event.date?.precision === 'open'),
  )
  const byDay = groupBy(dated, (e) => String(e.start))
  if (byDay.size < 2) return null
  const ranked = [...byDay.entries()]
    .map(([day, records]) => ({ day: Number(day), records, weight: originCount(records, context) }))
    .sort((a, b) => b.weight - a.weight || a.day - b.day)
  const first = ranked[0]
  if (first === undefined) return null
  // One voice giving two dates speaks of two events; a dispute needs another origin.
  const firstOrigins = new Set(first.records.map((r) => context.originOf(r).key))
  const second = ranked.find(
    (r) =>
      Math.abs(r.day - first.day) > DATE_TOLERANCE_DAYS &&
      r.records.some((record) => !firstOrigins.has(context.originOf(record).key)),
  )
  if (second === undefined) return null
  const sourcesA = first.records.map(context.speakerOf)
  const sourcesB = second.records.map(context.speakerOf)
  const place = claim.placeId === null ? '' : ` in ${context.placeName(claim.placeId)}`
  const what =
    claim.type === 'offensive'
      ? 'the start of the offensive'
      : `the ${claim.type.replace('_', ' ')}`
  return makeDispute(
    'date',
    claim.id,
    [...first.records, ...second.records],
    [
      { label: formatDayLong(first.day), records: first.records, context },
      { label: formatDayLong(second.day), records: second.records, context },
    ],
    `${joinNames(sourcesA)} ${verbFor(sourcesA, 'puts', 'put')} ${what}${place} on ${formatDayLong(first.day)}, while ${joinNames(sourcesB)} ${verbFor(sourcesB, 'puts', 'put')} it on ${formatDayLong(second.day)}.`,
  )
}

// "At least [20] soldiers were killed" against "[45] soldiers died" the same day.
function findNumberDisputes(claim: ClaimRecord, context: DisputeContext): Dispute[] {
  const withNumbers = claim.events.filter(
    (e) => e.stance === 'asserted' && e.event.quantity != null,
  )
  const found: Dispute[] = []
  for (const [unit, records] of groupBy(withNumbers, (e) => e.event.quantity?.unit ?? '')) {
    const sorted = [...records].sort(
      (a, b) => (a.event.quantity?.value ?? 0) - (b.event.quantity?.value ?? 0),
    )
    const low = sorted[0]
    const high = sorted[sorted.length - 1]
    if (low === undefined || high === undefined) continue
    const lowValue = low.event.quantity?.value ?? 0
    const highValue = high.event.quantity?.value ?? 0
    if (highValue < lowValue * NUMBER_RATIO || highValue - lowValue < NUMBER_MIN_GAP) continue
    // Tolls rise as days pass; only reports of the same days can contradict each other.
    if (dayGap(low, high) > DATE_TOLERANCE_DAYS) continue
    const lows = sorted.filter((e) => (e.event.quantity?.value ?? 0) * NUMBER_RATIO <= highValue)
    const highs = sorted.filter((e) => !lows.includes(e))
    const lowOrigins = new Set(lows.map((e) => context.originOf(e).key))
    if (highs.every((e) => lowOrigins.has(context.originOf(e).key))) continue
    const sourcesA = lows.map(context.speakerOf)
    const sourcesB = highs.map(context.speakerOf)
    const place = claim.placeId === null ? '' : ` in ${context.placeName(claim.placeId)}`
    found.push(
      makeDispute(
        'number',
        `${claim.id}:${unit}`,
        [...lows, ...highs],
        [
          { label: `${lowValue} ${unit}`, records: lows, context },
          { label: `${highValue} ${unit}`, records: highs, context },
        ],
        `${joinNames(sourcesA)} ${verbFor(sourcesA, 'reports', 'report')} ${lowValue} ${unit}${place} (${claim.type.replace('_', ' ')}), while ${joinNames(sourcesB)} ${verbFor(sourcesB, 'reports', 'report')} ${highValue}.`,
      ),
    )
  }
  return found
}

// One claim, one actor: "[terrorists] attacked checkpoints" against "[rebels] took the town".
function findTermDispute(claim: ClaimRecord, context: DisputeContext): Dispute | null {
  const bySideLean = new Map<string, { records: EventRecord[]; terms: string[] }>()
  for (const record of claim.events) {
    for (const { side, term } of loadedTermsOf(record)) {
      const lean = leanOf(term)
      if (lean === null) continue
      const key = `${context.sides.rootOf(side)}\u0000${lean}`
      const entry = bySideLean.get(key) ?? { records: [], terms: [] }
      if (!entry.records.includes(record)) entry.records.push(record)
      entry.terms.push(term.toLowerCase())
      bySideLean.set(key, entry)
    }
  }
  for (const key of bySideLean.keys()) {
    const [side = '', lean] = key.split('\u0000')
    if (lean !== 'pejorative') continue
    const pejorative = bySideLean.get(key)
    const sympathetic = bySideLean.get(`${side}\u0000sympathetic`)
    if (pejorative === undefined || sympathetic === undefined) continue
    // Two words from one voice are its own variation, not a dispute between sources.
    const originsA = new Set(pejorative.records.map((r) => context.originOf(r).key))
    if (sympathetic.records.every((r) => originsA.has(context.originOf(r).key))) continue
    const sourcesA = pejorative.records.map(context.speakerOf)
    const sourcesB = sympathetic.records.map(context.speakerOf)
    const termA = mostCommon(pejorative.terms)
    const termB = mostCommon(sympathetic.terms)
    const place =
      claim.placeId === null
        ? ''
        : ` (${claim.type.replace('_', ' ')} in ${context.placeName(claim.placeId)})`
    return makeDispute(
      'framing',
      `${claim.id}:terms:${side}`,
      [...pejorative.records, ...sympathetic.records],
      [
        { label: termA, records: pejorative.records, context },
        { label: termB, records: sympathetic.records, context },
      ],
      `${joinNames(sourcesA)} ${verbFor(sourcesA, 'calls', 'call')} ${sideLabel(side)} "${termA}"${place}, while ${joinNames(sourcesB)} ${verbFor(sourcesB, 'calls', 'call')} them "${termB}".`,
    )
  }
  return null
}

/**
 * The words a report uses for each side: the surface form of every actor mention with a side.
 * Event-level framing terms are left out: in "the SNA launched an operation against the
 * [terrorist] PKK" the loaded word names the target, not the actor the event is about.
 */
function loadedTermsOf(record: EventRecord): { side: string; term: string }[] {
  const terms: { side: string; term: string }[] = []
  for (const actor of record.event.actors) {
    if (actor.side != null && actor.span !== undefined) {
      terms.push({ side: actor.side, term: actor.span.text })
    }
  }
  return terms
}

interface SideInput {
  readonly label: string
  readonly records: readonly EventRecord[]
  readonly context: DisputeContext
}

function makeDispute(
  kind: DisputeKind,
  anchor: string,
  records: readonly EventRecord[],
  sides: readonly SideInput[],
  summary: string,
): Dispute {
  return {
    id: `dispute:${kind}:${anchor}`,
    kind,
    claims: unique(records.map((r) => r.claimId)),
    events: unique(records.map((r) => r.event.id)),
    summary,
    sides: sides.map((side) => ({
      label: side.label,
      sources: unique(side.records.map(side.context.attributionOf)),
      events: unique(side.records.map((r) => r.event.id)),
    })),
  }
}

/** Days between two reports' intervals (0 when they overlap or either is undated). */
export function dayGap(a: EventRecord, b: EventRecord): number {
  if (a.start === null || a.end === null || b.start === null || b.end === null) return 0
  return Math.max(0, b.start - a.end, a.start - b.end)
}

function latestStanceByOrigin(
  records: readonly EventRecord[],
  context: DisputeContext,
): Map<string, 'asserted' | 'denied'> {
  const latest = new Map<string, EventRecord>()
  for (const record of records) {
    const key = context.originOf(record).key
    const current = latest.get(key)
    if (
      current === undefined ||
      record.docIndex > current.docIndex ||
      (record.docIndex === current.docIndex && record.stance === 'denied')
    ) {
      latest.set(key, record)
    }
  }
  return new Map([...latest].map(([key, record]) => [key, record.stance]))
}

function originCount(records: readonly EventRecord[], context: DisputeContext): number {
  return new Set(records.map((r) => context.originOf(r).key)).size
}

/**
 * Groups reports by the umbrella of their acting side; reports naming no side join every group
 * ("troops withdrew" is about whoever the others name), or form `*` when none names a side.
 */
function groupBySide(
  records: readonly EventRecord[],
  bySide: boolean,
  context: DisputeContext,
): Map<string, EventRecord[]> {
  if (!bySide) return records.length === 0 ? new Map() : new Map([['*', [...records]]])
  const sided = groupBy(
    records.filter((e) => e.side !== null),
    (e) => context.sides.rootOf(e.side ?? ''),
  )
  const unsided = records.filter((e) => e.side === null)
  if (sided.size === 0) return unsided.length === 0 ? new Map() : new Map([['*', unsided]])
  for (const group of sided.values()) group.push(...unsided)
  return sided
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = groups.get(k)
    if (group === undefined) groups.set(k, [item])
    else group.push(item)
  }
  return groups
}

function mostCommon(terms: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ''
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

function isString(value: string | null): value is string {
  return value !== null
}
