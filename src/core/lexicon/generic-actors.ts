/** A generic way news names a side ("rebels", "regime forces"), with the loaded term it carries. */
export interface GenericActorPhrase {
  /** Folded words; the last may end with `*` (any suffix: plural, "rebel-held"). */
  readonly words: readonly string[]
  readonly side: string
  readonly framing: string | null
}

/** A country as an actor: its side code and the words that name it. */
export interface CountryRecord {
  readonly code: string
  readonly name: string
  readonly side: string
  readonly demonyms: readonly string[]
  readonly aliases: readonly string[]
}

export interface ActorVocabulary {
  readonly generic: readonly GenericActorPhrase[]
  readonly countries: readonly CountryRecord[]
}
