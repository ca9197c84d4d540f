import type { Analysis, AnalysisEvent, Claim, Stance } from '../core/model/analysis.js'

/** One independent origin of a claim (who first said it) and the outlets that repeat it. */
export interface ClaimOrigin {
  readonly origin: string
  readonly stance: Stance
  readonly outlets: readonly string[]
  readonly events: readonly string[]
}

/**
 * The claim's sources grouped by independent origin. Fusion's own grouping (`claim.origins`) wins
 * when present; otherwise events are grouped by their innermost named source, the outlet's own
 * voice counting as the outlet (`Reuters citing the Observatory` and `AFP citing the Observatory`
 * are one origin, the Observatory, repeated by two outlets).
 */
export function groupClaimOrigins(
  claim: Claim,
  analysis: Analysis,
  eventsById?: ReadonlyMap<string, AnalysisEvent>,
  /** Outlet (or document id) of each document id; built here when not given. */
  outletOfDoc?: ReadonlyMap<string, string>,
): ClaimOrigin[] {
  if (claim.origins && claim.origins.length > 0) {
    return claim.origins.map((origin) => ({
      origin: origin.origin,
      stance: origin.stance,
      outlets: [...origin.outlets],
      events: [...origin.events],
    }))
  }
  const byId = eventsById ?? new Map(analysis.events.map((event) => [event.id, event]))
  const outletOf =
    outletOfDoc ?? new Map(analysis.documents.map((doc) => [doc.id, doc.outlet ?? doc.id]))
  const groups = new Map<
    string,
    { origin: string; stance: Stance; outlets: Set<string>; events: string[] }
  >()
  for (const eventId of claim.events) {
    const event = byId.get(eventId)
    if (!event) continue
    const outlet = outletOf.get(event.doc) ?? event.doc
    const origin = event.source?.name ?? outlet
    // Hedged reports lean the same way as assertions; only denials form the other side.
    const stance: Stance = event.stance === 'denied' ? 'denied' : 'asserted'
    const key = `${stance}\u0000${origin.toLowerCase()}`
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { origin, stance, outlets: new Set(), events: [] }))
    group.outlets.add(outlet)
    group.events.push(eventId)
  }
  return [...groups.values()].map((group) => ({
    origin: group.origin,
    stance: group.stance,
    outlets: [...group.outlets].sort(),
    events: group.events,
  }))
}

/** The claim id of every event, for renderers that show an event's fused status. */
export function mapClaimOfEvent(analysis: Analysis): Map<string, Claim> {
  const claimOf = new Map<string, Claim>()
  for (const claim of analysis.claims)
    for (const event of claim.events) if (!claimOf.has(event)) claimOf.set(event, claim)
  return claimOf
}
