import type { ClaimRecord, EventRecord } from './claim-record.js'
import type { Origin } from './origin-resolver.js'

/** What status needs besides the claim: origins, attributions, outlets, dispute membership. */
export interface StatusContext {
  readonly originOf: (record: EventRecord) => Origin
  readonly attributionOf: (record: EventRecord) => string
  readonly outletOf: (record: EventRecord) => string
  /** True when the claim is in a stance, controller, date or number dispute. */
  readonly inStatusDispute: (claimId: string) => boolean
}

/**
 * Recomputes a claim's origins, asserting/denying lists, independent groups and status.
 * Each origin speaks with its latest report: a ministry that denied a withdrawal and later
 * confirmed it counts as asserting. Rules:
 * - corroborated: two or more independent asserting origins and no denial;
 * - disputed: a denying origin, or the claim is in a stance/controller/date/number dispute;
 * - single-source: otherwise.
 */
export function updateClaimStatus(claim: ClaimRecord, context: StatusContext): void {
  const byOrigin = new Map<
    string,
    { origin: Origin; latest: EventRecord; events: EventRecord[]; outlets: Set<string> }
  >()
  for (const record of claim.events) {
    const origin = context.originOf(record)
    let entry = byOrigin.get(origin.key)
    if (entry === undefined) {
      entry = { origin, latest: record, events: [], outlets: new Set() }
      byOrigin.set(origin.key, entry)
    }
    entry.events.push(record)
    entry.outlets.add(context.outletOf(record))
    // Later documents supersede; within one document a denial outweighs an assertion.
    if (
      record.docIndex > entry.latest.docIndex ||
      (record.docIndex === entry.latest.docIndex && record.stance === 'denied')
    ) {
      entry.latest = record
    }
  }
  const asserting = new Set<string>()
  const denying = new Set<string>()
  let groups = 0
  let denied = false
  claim.origins = []
  for (const entry of byOrigin.values()) {
    const stance = entry.latest.stance
    if (stance === 'asserted') groups++
    else denied = true
    for (const record of entry.events) {
      if (record.stance !== stance) continue
      ;(stance === 'asserted' ? asserting : denying).add(context.attributionOf(record))
    }
    claim.origins.push({
      origin: entry.origin.label,
      outlets: [...entry.outlets],
      events: entry.events.filter((record) => record.stance === stance).map((r) => r.event.id),
      stance,
    })
  }
  claim.asserting = [...asserting]
  claim.denying = [...denying]
  claim.independentGroups = groups
  claim.status =
    denied || context.inStatusDispute(claim.id)
      ? 'disputed'
      : groups >= 2
        ? 'corroborated'
        : 'single-source'
}
