import type { EventType } from '../model/analysis.js'

/**
 * How far apart (in days) two reports of one type may be and still be one claim. States and
 * moves that play out over days get longer windows than single strikes or protests.
 */
export const CLAIM_WINDOW_DAYS: Readonly<Record<EventType, number>> = {
  // "Aleppo is under rebel control" a week after "rebels took Aleppo" is the same claim.
  control: 7,
  withdrawal: 3,
  redeployment: 3,
  advance: 3,
  // An offensive's start is one fact even when reports put it days apart (that is a date dispute).
  offensive: 7,
  command_change: 7,
  defection: 3,
  diplomacy: 2,
  displacement: 2,
  evacuation: 2,
  border: 2,
  strike: 1,
  clash: 1,
  casualties: 1,
  protest: 1,
}

/** Types whose claims split by the acting side: "the government holds X" ≠ "rebels hold X". */
export const SIDE_BEARING: ReadonlySet<EventType> = new Set<EventType>([
  'control',
  'withdrawal',
  'redeployment',
  'advance',
  'offensive',
  'defection',
  'strike',
  'casualties',
  'command_change',
])

/**
 * Types that are about who meets whom: two reports are one claim only when they share a party
 * (when both name any). [Iran and Turkey] met in Doha ≠ [Egypt and Jordan] made an offer, the
 * same day and about the same country.
 */
export const PARTY_BOUND: ReadonlySet<EventType> = new Set<EventType>(['diplomacy'])

/**
 * One-off events: one true date, reported for a whole country or for the town where it began.
 * Their claims join across containment ("an offensive in Syria" = "the offensive on Aleppo") and
 * dates that cannot both hold are a date dispute.
 */
export const ONE_OFF: ReadonlySet<EventType> = new Set<EventType>(['offensive', 'command_change'])

/**
 * Kilometres within which reports naming two different points may be one claim, when no claim
 * of the exact place fits: a city and its suburb name one protest or strike. Holding or leaving
 * a town is a fact about that town, so control and moves get only a few kilometres (a border
 * crossing and the village it is named after).
 */
export const NEAR_KM: Readonly<Record<EventType, number>> = {
  control: 3,
  withdrawal: 3,
  redeployment: 3,
  advance: 3,
  offensive: 0,
  command_change: 0,
  defection: 10,
  diplomacy: 10,
  displacement: 10,
  evacuation: 10,
  border: 10,
  strike: 10,
  clash: 10,
  casualties: 10,
  protest: 10,
}

/** Days two dates may differ before they cannot both hold (overnight events, time zones). */
export const DATE_TOLERANCE_DAYS = 1

/** Reports of one place's controller this close in time describe the same moment. */
export const CONTROLLER_OVERLAP_DAYS = 1

/** Tolls differ when the larger exceeds the smaller by this ratio and by at least 3. */
export const NUMBER_RATIO = 1.2
export const NUMBER_MIN_GAP = 3
