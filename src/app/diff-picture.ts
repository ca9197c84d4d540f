import type { Analysis, Claim } from '../core/model/analysis.js'

/** Items listed per kind in a history entry; the totals are always complete. */
const LISTED = 50

/** What changed between two pictures, as recorded in the store's history. */
export interface PictureChanges {
  readonly claimsAdded: number
  readonly claimsRemoved: number
  readonly statusChanged: number
  readonly disputesAdded: number
  readonly disputesRemoved: number
  /** Up to 50 of each, as readable one-liners. */
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: readonly {
    readonly claim: string
    readonly from: string
    readonly to: string
  }[]
  readonly newDisputes: readonly string[]
  readonly [key: string]: unknown
}

/**
 * Compares two pictures claim by claim. Claim ids are positional and may be renumbered by a
 * new fusion run, so a claim is known by what it says: type, place name and date interval
 * (`withdrawal|Kiswah|2024-12-07..2024-12-07`); disputes by kind and summary.
 */
export function diffPictures(
  before: Pick<Analysis, 'claims' | 'disputes'>,
  after: Pick<Analysis, 'claims' | 'disputes'>,
): PictureChanges {
  const beforeClaims = new Map(before.claims.map((claim) => [claimKey(claim), claim]))
  const afterClaims = new Map(after.claims.map((claim) => [claimKey(claim), claim]))
  const added = [...afterClaims.keys()].filter((key) => !beforeClaims.has(key))
  const removed = [...beforeClaims.keys()].filter((key) => !afterClaims.has(key))
  const changed = [...afterClaims].flatMap(([key, claim]) => {
    const previous = beforeClaims.get(key)
    return previous && previous.status !== claim.status
      ? [{ claim: key, from: previous.status, to: claim.status }]
      : []
  })
  const disputeKey = (dispute: Analysis['disputes'][number]) =>
    `${dispute.kind}: ${dispute.summary}`
  const beforeDisputes = new Set(before.disputes.map(disputeKey))
  const afterDisputes = new Set(after.disputes.map(disputeKey))
  const newDisputes = [...afterDisputes].filter((key) => !beforeDisputes.has(key))
  return {
    claimsAdded: added.length,
    claimsRemoved: removed.length,
    statusChanged: changed.length,
    disputesAdded: newDisputes.length,
    disputesRemoved: [...beforeDisputes].filter((key) => !afterDisputes.has(key)).length,
    added: added.slice(0, LISTED),
    removed: removed.slice(0, LISTED),
    changed: changed.slice(0, LISTED),
    newDisputes: newDisputes.slice(0, LISTED),
  }
}

/** A claim's identity across fusion runs: type, place and date interval. */
export function claimKey(claim: Pick<Claim, 'type' | 'place' | 'date'>): string {
  const date = claim.date ? `${claim.date.start}..${claim.date.end}` : 'undated'
  return `${claim.type}|${claim.place?.name ?? '(no place)'}|${date}`
}
