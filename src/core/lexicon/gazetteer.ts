/**
 * The gazetteer as the core sees it: plain records and a lookup by folded name. Loading and
 * building live in src/datasets (the core does no I/O).
 */

/** What kind of place an entry is; drives priors and "X province" vs "X city" choices. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'site' | 'region'

/**
 * Every entry has every field (absent ones `undefined`): one object shape keeps the code that
 * reads entries monomorphic, which matters in the places stage and in fusion.
 */
export interface GazetteerEntry {
  /** Stable id with its origin: `gn:170654` (GeoNames), `ne:SY-RD` (Natural Earth admin-1), `country:SY`, `curated:<slug>`. */
  readonly id: string
  /** Canonical display name, e.g. `As-Suwayda`. */
  readonly name: string
  readonly lat: number
  readonly lon: number
  /** ISO 3166-1 alpha-2. */
  readonly country: string
  readonly kind: PlaceKind
  /** GeoNames-style feature class: A admin, P populated place, S spot/site, T terrain, L area. */
  readonly featureClass: string
  /** GeoNames feature code when known (`PPLC` capital, `PPLA` admin-1 seat, `AIRB` airbase …). */
  readonly featureCode?: string | undefined
  readonly population: number
  /** Id of the containing admin-1 entry, when known. */
  readonly admin1?: string | undefined
  /** Id of the containing admin-2 entry (a US county), when known. */
  readonly admin2?: string | undefined
  /** For an admin-1 entry: the id of its capital city, when known. */
  readonly capital?: string | undefined
  /**
   * For a region: what its country calls this level of division, in English (`Governorate`,
   * `Oblast`, `State`, `Province`); tells "Daraa Governorate" from the city "Daraa" on a map.
   */
  readonly adminType?: string | undefined
  /** Other names the entry is known by (alternate and curated names), for exact-spelling checks. */
  readonly aliases?: readonly string[] | undefined
}

export interface Gazetteer {
  /** Entries whose folded name or alias equals `foldedName` (see foldPlaceName). */
  lookup(foldedName: string): readonly GazetteerEntry[]
  get(id: string): GazetteerEntry | undefined
  /** Longest name, in words, of any entry: bounds the recogniser's window. */
  readonly maxNameWords: number
}
