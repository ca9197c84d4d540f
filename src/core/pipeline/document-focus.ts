import type { GazetteerEntry } from '../lexicon/gazetteer.js'
import type { Lexicon } from '../lexicon/lexicon.js'
import type { Mention } from '../stages/mentions/find-mentions.js'
import type { PlaceMention } from '../stages/places/find-places.js'

export interface DocumentFocus {
  /** ISO alpha-2 of the country most of the document's places lie in, or null. */
  readonly country: string | null
  readonly demonym: string | null
  /** The country's gazetteer entry, the fallback place for country-level events. */
  readonly place: GazetteerEntry | null
  readonly countrySide: (code: string) => string | null
  /**
   * Whose forces "the army" and "the military" are: the focus country's, unless the text never
   * names a force of it and names the forces of exactly one other state ("Israeli strikes … the
   * military said" in a story placed in Gaza).
   */
  readonly army: { readonly country: string | null; readonly demonym: string | null }
}

/**
 * The country a document is about: the country holding most of its resolved place mentions
 * (cities count more than country names, which are often foreign actors). Decides who "the
 * army" and "the government" are.
 */
export function documentFocus(
  places: readonly PlaceMention[],
  mentions: readonly Mention[],
  lexicon: Lexicon,
): DocumentFocus {
  const votes = new Map<string, number>()
  for (const place of places) {
    if (!place.entry || !/^[A-Z]{2}$/.test(place.entry.country)) continue
    // Towns weigh more than country names (often foreign actors); a tiny tie-breaker favours towns.
    const weight = place.entry.kind === 'country' ? 0.5 : 1.001
    votes.set(place.entry.country, (votes.get(place.entry.country) ?? 0) + weight)
  }
  // A state's forces acting in the text point at the war's country as much as its towns do.
  for (const mention of mentions)
    if (mention.kind === 'force' && mention.country)
      votes.set(mention.country, (votes.get(mention.country) ?? 0) + 1)
  let country: string | null = null
  let best = 0
  let second = 0
  for (const [code, score] of votes) {
    if (score > best) [country, best, second] = [code, score, best]
    else if (score > second) second = score
  }
  // Country names alone are often actors ("Russia and Iran agreed"): a tie decides nothing.
  if (Math.abs(best - second) < 1e-9) country = null
  const record = lexicon.vocabulary.countries.find((candidate) => candidate.code === country)
  const sides = new Map(
    lexicon.vocabulary.countries.map((candidate) => [candidate.code, candidate.side]),
  )
  const place = country ? (lexicon.gazetteer.get(`country:${country}`) ?? null) : null
  const demonym = record?.demonyms[0] ?? null
  const forces = new Set<string>()
  for (const mention of mentions)
    if (mention.kind === 'force' && mention.country) forces.add(mention.country)
  const [foreign] = forces
  const army =
    country !== null && forces.size === 1 && foreign !== undefined && foreign !== country
      ? {
          country: foreign,
          demonym:
            lexicon.vocabulary.countries.find((candidate) => candidate.code === foreign)
              ?.demonyms[0] ?? null,
        }
      : { country, demonym }
  return {
    country,
    demonym,
    place,
    countrySide: (code) => sides.get(code) ?? code.toLowerCase(),
    army,
  }
}
