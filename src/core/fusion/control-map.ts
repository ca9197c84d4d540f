import { compareText } from './compare-text.js'
import type { ControlState } from '../model/analysis.js'
import type { ClaimRecord } from './claim-record.js'
import { claimSide } from './claim-record.js'
import { fromDayNumber } from './day-number.js'
import type { RegionControl } from './fusion-types.js'
import type { SideRelations } from './side-relations.js'

/** The controller of a place after a withdrawal with no taker named. */
export const UNKNOWN_CONTROLLER = 'unknown'
/** The controller of a place two opposed sides claim with equal support. */
export const CONTESTED_CONTROLLER = 'contested'

interface Observation {
  readonly day: number
  readonly kind: 'control' | 'leave'
  readonly side: string
  readonly claim: ClaimRecord
}

/**
 * The controller of one place on each day from its first report to `endDay`, rule order:
 * 1. a control claim asserted on a day sets the controller (two opposed controllers the same
 *    day: the one with more independent origins, `contested` on a tie; status disputed);
 * 2. else a withdrawal of the current controller (or of anyone, when none is known) leaves
 *    it `unknown`: "forces withdrew from X" says who left, not who came;
 * 3. else yesterday's state carries forward.
 * Status: corroborated / disputed from the claims behind the state, else claimed. Claims that
 * are only denied set nothing.
 */
export function buildPlaceControl(
  place: ControlState['place'],
  claims: readonly ClaimRecord[],
  endDay: number,
  sides: SideRelations,
): ControlState[] {
  const observations: Observation[] = []
  for (const claim of claims) {
    if (claim.independentGroups === 0) continue
    const side = claimSide(claim)
    if (side === null) continue
    const days = claim.events
      .filter((e) => e.stance === 'asserted' && e.start !== null)
      .map((e) => e.start ?? 0)
    if (days.length === 0) continue
    const day = Math.min(...days)
    if (claim.type === 'control') observations.push({ day, kind: 'control', side, claim })
    else if (claim.type === 'withdrawal') observations.push({ day, kind: 'leave', side, claim })
  }
  if (observations.length === 0) return []
  observations.sort((a, b) => a.day - b.day)
  const states: ControlState[] = []
  let controller: string | null = null
  let previous: string | null = null
  let status: ControlState['status'] = 'claimed'
  let behind: string[] = []
  let next = 0
  const firstDay = observations[0]?.day ?? endDay
  for (let day = firstDay; day <= Math.max(endDay, firstDay); day++) {
    const today: Observation[] = []
    while (next < observations.length && (observations[next]?.day ?? Infinity) <= day) {
      const observation = observations[next]
      if (observation !== undefined) today.push(observation)
      next++
    }
    const controls = today.filter((o) => o.kind === 'control')
    const leaves = today.filter(
      (o) =>
        o.kind === 'leave' &&
        (controller === null ||
          controller === UNKNOWN_CONTROLLER ||
          sides.compatible(o.side, controller)),
    )
    let changedTo: string | null = null
    if (controls.length > 0) {
      const ranked = [...controls].sort(
        (a, b) => b.claim.independentGroups - a.claim.independentGroups,
      )
      const top = ranked[0]
      const opposed = controls.filter((o) => top !== undefined && sides.opposed(o.side, top.side))
      // Opposed controllers with as many origins each: neither is shown as holding the place.
      const tied = opposed.some((o) => o.claim.independentGroups === top?.claim.independentGroups)
      changedTo = tied ? CONTESTED_CONTROLLER : (top?.side ?? null)
      status = opposed.length > 0 ? 'disputed' : statusOf(controls.map((o) => o.claim))
      behind = controls.map((o) => o.claim.id)
    } else if (leaves.length > 0) {
      changedTo = UNKNOWN_CONTROLLER
      status = statusOf(leaves.map((o) => o.claim))
      behind = leaves.map((o) => o.claim.id)
    }
    if (changedTo !== null && changedTo !== controller) {
      previous = controller
      controller = changedTo
    }
    if (controller === null) continue
    states.push({
      place,
      date: fromDayNumber(day),
      controller,
      previous,
      status,
      claims: [...behind],
    })
  }
  return states
}

function statusOf(claims: readonly ClaimRecord[]): ControlState['status'] {
  if (claims.some((c) => c.status === 'disputed')) return 'disputed'
  if (claims.some((c) => c.status === 'corroborated')) return 'corroborated'
  return 'claimed'
}

/**
 * Admin-1 roll-up: for each region and day, how many of its mapped places each controller
 * holds, and the controller of most (null on a tie).
 */
export function rollUpControl(
  states: readonly ControlState[],
  regionOf: (placeId: string) => string | null,
  regionName: (regionId: string) => string,
): RegionControl[] {
  const byRegionDay = new Map<string, Map<string, number>>()
  for (const state of states) {
    const region = regionOf(state.place.entity)
    if (region === null) continue
    const key = `${region}\u0000${state.date}`
    let counts = byRegionDay.get(key)
    if (counts === undefined) byRegionDay.set(key, (counts = new Map()))
    counts.set(state.controller, (counts.get(state.controller) ?? 0) + 1)
  }
  const rolled: RegionControl[] = []
  for (const [key, counts] of byRegionDay) {
    const [region = '', date = ''] = key.split('\u0000')
    const controllers = [...counts.entries()]
      .map(([controller, places]) => ({ controller, places }))
      .sort((a, b) => b.places - a.places || compareText(a.controller, b.controller))
    const top = controllers[0]
    const tie = controllers[1] !== undefined && controllers[1].places === top?.places
    rolled.push({
      region,
      name: regionName(region),
      date,
      controllers,
      dominant: top === undefined || tie ? null : top.controller,
    })
  }
  return rolled.sort((a, b) => compareText(a.region, b.region) || compareText(a.date, b.date))
}
