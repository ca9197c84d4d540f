import type { Gazetteer } from './gazetteer.js'
import type { ClaimCues } from './claim-cues.js'
import type { ActorVocabulary } from './generic-actors.js'

/**
 * Everything the per-document stages look up: gazetteer, actor aliases, cue lists. Built by
 * src/datasets from the files in data/; the core only reads it.
 */
export interface Lexicon {
  readonly gazetteer: Gazetteer
  readonly actors: ActorLexicon
  /** Generic side phrases ("rebels", "regime forces") and countries with demonyms. */
  readonly vocabulary: ActorVocabulary
  /** Event triggers, attribution and stance cues, framing terms. */
  readonly claims: ClaimCues
}

/** A known actor, organisation, person or country with its surface forms. */
export interface ActorEntry {
  /** Stable id, e.g. `org:sohr`, `group:hts`, `person:ahmed-al-sharaa`, `country:TR`. */
  readonly id: string
  /** `source` = a news outlet or monitor: an organisation whose role is to report. */
  readonly kind: 'actor' | 'person' | 'organization' | 'country' | 'source'
  readonly name: string
  /** Side code for control and dispute reasoning (`government`, `opposition`, `hts`, `sdf`, `russia` …). */
  readonly side: string | null
  readonly aliases: readonly string[]
  /** Renamings with the date they took effect (`Nusra Front` → `Hayat Tahrir al-Sham`, 2017-01-28). */
  readonly renamed?: readonly { readonly from: string; readonly date: string }[]
}

export interface ActorLexicon {
  readonly entries: readonly ActorEntry[]
  /** Entries whose folded alias equals the folded surface form. */
  lookup(foldedAlias: string): readonly ActorEntry[]
  readonly maxAliasWords: number
}
