import type { AnalysisEvent, ClaimStatus, EventPlace, EventType } from '../model/analysis.js'

/** One event as fusion holds it: the event plus the keys every step compares. */
export interface EventRecord {
  readonly event: AnalysisEvent
  /** Ingest position of its document: later reports supersede earlier ones of the same origin. */
  readonly docIndex: number
  readonly placeId: string | null
  /** The first actor's side (canonical), the acting side of side-bearing types. */
  readonly side: string | null
  /** All actor sides. */
  readonly sides: readonly string[]
  /** The event's own date (day numbers), when the text fixed one. */
  readonly dated: boolean
  /** [start, end] of its date, or of its publication day when undated (reported as of then). */
  readonly start: number | null
  readonly end: number | null
  /** hedged counts as asserted. */
  readonly stance: 'asserted' | 'denied'
  claimId: string
}

/** A claim while fusion builds it; turned into the contract's Claim by a snapshot. */
export interface ClaimRecord {
  readonly id: string
  readonly type: EventType
  readonly blockKey: string
  place: EventPlace | null
  placeId: string | null
  readonly events: EventRecord[]
  /** Actor side → events naming it first. */
  readonly sideCounts: Map<string, number>
  /** Every actor side its events name (the parties of a meeting). */
  readonly parties: Set<string>
  minDay: number | null
  maxDay: number | null
  // Derived by claim-status.ts whenever the claim is touched.
  status: ClaimStatus
  independentGroups: number
  asserting: string[]
  denying: string[]
  origins: {
    origin: string
    outlets: string[]
    events: string[]
    stance: 'asserted' | 'denied'
  }[]
  /**
   * Running totals of claim-status.ts: each origin's latest report, over the first `tallied`
   * events; null when origins changed (a syndication merge) and the totals must be redone.
   */
  tally: StatusTally | null
}

/** Each origin's latest report and how many origins assert or deny, as of `tallied` events. */
export interface StatusTally {
  readonly latest: Map<string, EventRecord>
  tallied: number
  asserting: number
  denying: number
}

/** The claim's acting side: the most named, ties to the first named. */
export function claimSide(claim: ClaimRecord): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [side, count] of claim.sideCounts) {
    if (count > bestCount) {
      best = side
      bestCount = count
    }
  }
  return best
}
