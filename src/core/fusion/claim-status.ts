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
 * Updates a claim's independent groups and status with the reports it gained since the last
 * call, in O(new reports): each origin's latest report is kept as a running total (the same
 * order and rule as `updateClaimStatus`, which also writes the lists and runs at snapshots).
 * A claim whose `tally` is null (origins moved with a syndication merge) is tallied afresh.
 */
export function tallyClaimStatus(claim: ClaimRecord, context: StatusContext): void {
  let tally = claim.tally
  if (tally === null) {
    tally = { latest: new Map(), tallied: 0, asserting: 0, denying: 0 }
    claim.tally = tally
  }
  for (; tally.tallied < claim.events.length; tally.tallied++) {
    const record = claim.events[tally.tallied] as EventRecord
    const key = context.originOf(record).key
    const latest = tally.latest.get(key)
    if (latest === undefined) {
      tally.latest.set(key, record)
      if (record.stance === 'asserted') tally.asserting++
      else tally.denying++
    } else if (supersedes(record, latest)) {
      tally.latest.set(key, record)
      if (latest.stance !== record.stance) {
        const delta = record.stance === 'asserted' ? 1 : -1
        tally.asserting += delta
        tally.denying -= delta
      }
    }
  }
  claim.independentGroups = tally.asserting
  claim.status = statusOf(tally.denying > 0, tally.asserting, context.inStatusDispute(claim.id))
}

/** Later documents supersede; within one document a denial outweighs an assertion. */
function supersedes(record: EventRecord, latest: EventRecord): boolean {
  return (
    record.docIndex > latest.docIndex ||
    (record.docIndex === latest.docIndex && record.stance === 'denied')
  )
}

function statusOf(denied: boolean, groups: number, inDispute: boolean): ClaimRecord['status'] {
  return denied || inDispute ? 'disputed' : groups >= 2 ? 'corroborated' : 'single-source'
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
    if (supersedes(record, entry.latest)) entry.latest = record
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
  claim.status = statusOf(denied, groups, context.inStatusDispute(claim.id))
}
