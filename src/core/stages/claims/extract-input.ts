import type { GazetteerEntry } from '../../lexicon/gazetteer.js'
import type { Mention } from '../mentions/find-mentions.js'
import type { Sentence } from '../sentences/split-sentences.js'
import type { TimeMention } from '../times/time-mention.js'

/** A place mention as the places stage hands it over. */
export interface PlaceInput {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly entry: GazetteerEntry | null
  readonly qualifier?: 'admin' | 'city' | 'countryside' | null
}

export interface ExtractInput {
  readonly doc: string
  readonly text: string
  readonly published: string | null
  readonly sentences: readonly Sentence[]
  readonly mentions: readonly Mention[]
  readonly places: readonly PlaceInput[]
  readonly times: readonly TimeMention[]
  /** ISO alpha-2 of the country the document is about, or null. */
  readonly focusCountry: string | null
  /** The focus country's demonym ("Syrian") and its gazetteer entry (fallback place). */
  readonly focusDemonym: string | null
  readonly focusPlace: GazetteerEntry | null
  /** Side codes of countries ("RU" → "russia"). */
  readonly countrySide: (code: string) => string | null
  /**
   * Whose forces an unqualified "the army" / "the military" is, when not the focus country's
   * (see documentFocus); absent or null: the focus country's.
   */
  readonly armyCountry?: string | null
  readonly armyDemonym?: string | null
}
