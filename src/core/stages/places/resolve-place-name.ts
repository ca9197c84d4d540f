import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.js'
import { demonymCountry } from './demonym-country.js'
import { foldName } from './fold-name.js'
import { readListType } from './read-list-type.js'
import {
  lookupCandidates,
  readContainers,
  resolveCandidates,
  type PlaceCandidate,
  type PlaceQualifier,
} from './resolve-places.js'

/**
 * Adjectives of regions that are not countries; as a given place span ("European leaders")
 * they stand for the region.
 */
const REGION_DEMONYMS = new Map<string, string>([
  ['european', 'Europe'],
  ['african', 'Africa'],
  ['asian', 'Asia'],
  ['middle eastern', 'Middle East'],
  ['latin american', 'Latin America'],
  ['north american', 'North America'],
  ['south american', 'South America'],
  ['central american', 'Central America'],
  ['north african', 'North Africa'],
  ['west african', 'West Africa'],
  ['east african', 'East Africa'],
  ['southeast asian', 'Southeast Asia'],
  ['caribbean', 'Caribbean'],
  ['arctic', 'Arctic'],
  ['balkan', 'Balkans'],
  ['kurdish', 'Kurdistan'],
  ['scandinavian', 'Scandinavia'],
  ['gulf', 'Persian Gulf'],
  ['arab', 'Middle East'],
  ['english', 'England'],
  ['scottish', 'Scotland'],
  ['welsh', 'Wales'],
  ['gazan', 'Gaza Strip'],
  ['crimean', 'Crimea'],
  ['chechen', 'Chechnya'],
])

/** Type words a name may carry ("Daraa Governorate", "Rapides Parish"), and what they imply. */
const TRAILING_TYPE =
  /\s+(province|governorate|oblast|region|state|prefecture|district|county|parish|countryside|airbase|air base|border crossing|crossing)$/i
const LEADING_TYPE =
  /^(?:(?:north|south|east|west|central)(?:ern)?\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?(?:(rural|the)\s+)?/i

/**
 * Resolves one place name alone, e.g. an event's place from evaluation gold or another stage.
 * `context.countries` (ISO alpha-2) are the countries the caller knows the story is about.
 * Accepts qualified forms ("Daraa province", "rural Damascus", "Nasib border crossing") and
 * country demonyms ("Syrian" → Syria).
 *
 * @example resolvePlaceName('Sweida', gazetteer, { countries: ['SY'] })?.name // 'As-Suwayda'
 */
export function resolvePlaceName(
  name: string,
  gazetteer: Gazetteer,
  context: { countries?: readonly string[] } = {},
): GazetteerEntry | null {
  const [resolved] = resolvePlaceSpans(name, [{ start: 0, end: name.length }], gazetteer, context)
  return resolved?.entry ?? null
}

/** A span the caller already knows is a place (gold toponyms, another stage's mentions). */
export interface PlaceSpanResolution {
  readonly start: number
  readonly end: number
  readonly entry: GazetteerEntry | null
  readonly confidence: number
  /** True when the name is unknown and `entry` is the story's focus place (option `backoff`). */
  readonly backoff: boolean
  /** A far-away place that scored as well as `entry` (see ResolvedCandidate.rival). */
  readonly rival?: GazetteerEntry
}

export interface ResolveSpansOptions {
  /** Countries (ISO alpha-2) the caller knows the story is about. */
  readonly countries?: readonly string[]
  /**
   * Give names the gazetteer does not know the story's focus place (the place its other names
   * resolve to most often, preferring towns over regions over countries), flagged `backoff`.
   * For scoring against benchmarks that demand a coordinate for every toponym ("Rapides
   * Parish", "Barclays Center" lie in the story's town); the pipeline keeps them unresolved.
   */
  readonly backoff?: boolean
}

/**
 * Resolves given place spans of one text jointly (same focus and coherence rules as
 * findPlaces, without recognition). Used for gold-span evaluation and by stages that find
 * place names themselves. Demonym spans resolve to their country.
 */
export function resolvePlaceSpans(
  text: string,
  spans: readonly { readonly start: number; readonly end: number }[],
  gazetteer: Gazetteer,
  context: ResolveSpansOptions = {},
): PlaceSpanResolution[] {
  const countries = new Map<string, number>()
  for (const country of context.countries ?? [])
    countries.set(country, (countries.get(country) ?? 0) + 3)
  const counties = new CountyNames(text, gazetteer)
  const candidates = spans.map((span) => candidateOf(text, span, gazetteer, countries, counties))
  const preferCountries = new Set(context.countries ?? [])
  const resolved = resolveCandidates(candidates, gazetteer, { countries, preferCountries })
  const focus = context.backoff ? focusPlace(resolved.map((result) => result.entry)) : null
  return spans.map((span, index) => {
    const entry = resolved[index]?.entry ?? null
    if (!entry && focus)
      return { start: span.start, end: span.end, entry: focus, confidence: 0.1, backoff: true }
    const rival = resolved[index]?.rival
    return {
      start: span.start,
      end: span.end,
      entry,
      confidence: resolved[index]?.confidence ?? 0,
      backoff: false,
      ...(rival ? { rival } : {}),
    }
  })
}

const FOCUS_RANK: Readonly<Record<string, number>> = {
  city: 3,
  site: 3,
  admin2: 2,
  admin1: 2,
  region: 1,
  country: 0,
}

/** The most specific place the story names most often (a town before its region or country). */
function focusPlace(entries: readonly (GazetteerEntry | null)[]): GazetteerEntry | null {
  const counts = new Map<GazetteerEntry, number>()
  for (const entry of entries) if (entry) counts.set(entry, (counts.get(entry) ?? 0) + 1)
  let best: GazetteerEntry | null = null
  let bestKey = -1
  for (const [entry, count] of counts) {
    const key = (FOCUS_RANK[entry.kind] ?? 0) * 1000 + count
    if (key > bestKey) {
      bestKey = key
      best = entry
    }
  }
  return best
}

function candidateOf(
  text: string,
  span: { readonly start: number; readonly end: number },
  gazetteer: Gazetteer,
  countries: Map<string, number>,
  counties: CountyNames,
): PlaceCandidate {
  let name = text
    .slice(span.start, span.end)
    .trim()
    .replace(/['’]s?$/, '')
  let qualifier: PlaceQualifier = null
  let site = false
  const after = text.slice(span.end, span.end + 30)
  const before = text.slice(Math.max(0, span.start - 30), span.start)
  // The full form first: a curated "Nasib border crossing" or "Golan Heights" beats parsing.
  let entries = gazetteer.lookup('') // empty list
  const trailing = TRAILING_TYPE.exec(name)
  // [northeastern Homs countryside], [western rural Aleppo], [the Golan].
  const leadingMatch = LEADING_TYPE.exec(name)
  const leading = leadingMatch && leadingMatch[0] !== '' ? leadingMatch : null
  const typeWord = (
    trailing?.[1] ??
    /^\s+(province|governorate|oblast|countryside|county|parish)\b/i.exec(after)?.[1] ??
    // [Barrow], Jackson and Madison counties.
    readListType(text, span.end) ??
    ''
  ).toLowerCase()
  if (/^(province|governorate|oblast|region|state|prefecture)$/.test(typeWord)) qualifier = 'admin'
  else if (
    typeWord === 'countryside' ||
    leading?.[1]?.toLowerCase() === 'rural' ||
    /\b(rural|countryside of)\s+$/i.test(before)
  )
    qualifier = 'countryside'
  else if (/\b(city|town|village) of\s+$/i.test(before)) qualifier = 'city'
  if (/airbase|air base|crossing/.test(typeWord)) site = true
  let seat = /^(district|county|parish)$/.test(typeWord)
  // [Douglas] and Wyandotte counties: the county under its full name, when the gazetteer has it.
  if (!trailing && (typeWord === 'county' || typeWord === 'parish')) {
    entries = gazetteer.lookup(foldName(`${name} ${typeWord}`))
    if (entries.length > 0) seat = false
  }
  if (entries.length === 0) entries = lookupCandidates(name, qualifier, gazetteer)
  // [DeKalb] police, in a story that also writes [DeKalb County]: the county is a candidate too.
  if (!typeWord) entries = counties.withCounty(name, entries)
  if (entries.length === 0 && (trailing || leading)) {
    name = name.slice(leading ? leading[0].length : 0, trailing ? trailing.index : name.length)
    entries = lookupCandidates(name, qualifier, gazetteer)
  }
  // [Canadian] officials: a demonym given as a place is its country (or region), not the town
  // of Canadian; [English] is England rather than the United Kingdom.
  const region = REGION_DEMONYMS.get(name.toLowerCase().replace(/s$/, ''))
  const regionEntries = region ? lookupCandidates(region, null, gazetteer) : []
  const country = demonymCountry(name)
  const countryEntry = country ? gazetteer.get(`country:${country}`) : undefined
  if (regionEntries.length > 0) entries = regionEntries
  else if (countryEntry) {
    entries = [countryEntry]
    countries.set(countryEntry.country, (countries.get(countryEntry.country) ?? 0) + 1)
  }
  const within = readContainers(text, span.end, gazetteer)
  return {
    start: span.start,
    end: span.end,
    name,
    rule: 'places/given-span',
    qualifier,
    site,
    seat,
    byPattern: true,
    entries,
    within: within ?? undefined,
  }
}

/**
 * The counties and parishes a text names in full ([DeKalb County]), so that the bare name
 * elsewhere in it ([DeKalb] police) can mean the county. One merged list per name, so that
 * mentions of one name still share one choice.
 */
class CountyNames {
  private readonly named = new Map<string, readonly GazetteerEntry[]>()
  private readonly merged = new Map<string, readonly GazetteerEntry[]>()

  constructor(text: string, gazetteer: Gazetteer) {
    if (!text.includes(' County') && !text.includes(' Parish')) return
    for (const match of text.matchAll(COUNTY_NAME)) {
      const key = foldName(match[1] as string)
      if (this.named.has(key)) continue
      const entries = gazetteer
        .lookup(foldName(match[0]))
        .filter((entry) => entry.kind === 'admin2')
      if (entries.length > 0) this.named.set(key, entries)
    }
  }

  /** `entries` plus the counties the text names "<name> County", when it does. */
  withCounty(name: string, entries: readonly GazetteerEntry[]): readonly GazetteerEntry[] {
    const key = foldName(name)
    const counties = this.named.get(key)
    if (!counties) return entries
    let merged = this.merged.get(key)
    if (!merged) {
      merged = [...entries.filter((entry) => !counties.includes(entry)), ...counties]
      this.merged.set(key, merged)
    }
    return merged
  }
}

const COUNTY_NAME = /(\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,2})\s+(?:County|Parish)\b/gu
