import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.js'
import { foldName, foldNameLight } from './fold-name.js'

/** What a mention says about the kind of place beyond its name. */
export type PlaceQualifier = 'admin' | 'city' | 'countryside' | null

/** A place mention before resolution: where it is, what name it carries, what hints surround it. */
export interface PlaceCandidate {
  /** Span of the whole mention ([Daraa province], [rural Damascus], [Homs]). */
  readonly start: number
  readonly end: number
  /** The name inside the mention, looked up in the gazetteer. */
  readonly name: string
  readonly rule: string
  readonly qualifier: PlaceQualifier
  /** The text calls it a crossing, airbase, checkpoint …: prefer site entries. */
  readonly site: boolean
  /** Found by a pattern ("the town of X"): a place even when the gazetteer does not know it. */
  readonly byPattern: boolean
  /**
   * The name is a second-level unit ([Walker County], [Tel Rifaat district]) that the
   * gazetteer lacks: a same-named town stands in only when it lies near the story's places.
   */
  readonly seat?: boolean | undefined
  readonly entries: readonly GazetteerEntry[]
  /** Admin-1 regions or countries named right after the name ([Alexandria, La.]). */
  readonly within?: readonly GazetteerEntry[] | undefined
}

export interface ResolvedCandidate {
  readonly entry: GazetteerEntry | null
  readonly confidence: number
  /** Score margin of the chosen entry over the runner-up (Infinity when alone). */
  readonly margin: number
  readonly exact: boolean
  /**
   * The runner-up when it scored within AMBIGUOUS_MARGIN of the choice and lies far from it
   * (more than AMBIGUOUS_KM, and not its region or country): a coin toss between two places.
   */
  readonly rival?: GazetteerEntry | undefined
}

/** Scores closer than this are a tie (about a factor of 2 in population). */
export const AMBIGUOUS_MARGIN = 0.3
/** Rivals farther apart than this would put the pin in another place (the 161 km of acc@161). */
export const AMBIGUOUS_KM = 161

/** What the resolver knows about the document besides the mentions themselves. */
export interface ResolutionContext {
  /** Countries named by demonyms or known by the caller, with weights (mention counts). */
  readonly countries?: ReadonlyMap<string, number>
  /** Countries the caller states the story is about: their places are strongly preferred. */
  readonly preferCountries?: ReadonlySet<string>
}

/**
 * Candidate entries of a name: the folded lookup, and for countryside mentions the entries
 * named "Rif X" / "X countryside" / "rural X" first (Rif Dimashq for rural Damascus).
 */
export function lookupCandidates(
  name: string,
  qualifier: PlaceQualifier,
  gazetteer: Gazetteer,
): readonly GazetteerEntry[] {
  if (qualifier === 'countryside') {
    for (const form of [`Rif ${name}`, `${name} countryside`, `rural ${name}`]) {
      const entries = gazetteer.lookup(foldName(form))
      if (entries.length > 0) return entries
    }
  }
  return gazetteer.lookup(foldName(name))
}

const EARTH_RADIUS_KM = 6371
const RADIANS = Math.PI / 180

/** Great-circle distance in km. */
export function distanceKm(
  a: { lat: number; lon: number },
  b: { lat: number; lon: number },
): number {
  const dLat = (b.lat - a.lat) * RADIANS
  const dLon = (b.lon - a.lon) * RADIANS
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * RADIANS) * Math.cos(b.lat * RADIANS) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Approximate distance in km for nearby checks (equirectangular; within 1 % under 1,000 km).
 * `cosLat` is the cosine of `a`'s latitude, computed once per scored entry.
 */
function nearKm(
  a: { lat: number; lon: number },
  cosLat: number,
  b: { lat: number; lon: number },
): number {
  const dLat = b.lat - a.lat
  let dLon = Math.abs(b.lon - a.lon)
  if (dLon > 180) dLon = 360 - dLon
  dLon *= cosLat
  return 111.2 * Math.sqrt(dLat * dLat + dLon * dLon)
}

/**
 * Prior of an entry before context: countries and admin-1 regions are named far more often
 * than villages that share their name; among cities, population and capital status decide.
 */
export function priorScore(entry: GazetteerEntry): number {
  switch (entry.kind) {
    case 'country':
      return 9.5
    case 'admin1':
      // Population here is the sum of the region's towns (see the gazetteer build); regions
      // without one (hand-made gazetteers) count as a typical province.
      return entry.population > 0 ? Math.min(8.5, 1 + Math.log10(entry.population + 10)) : 7.6
    case 'region':
      return 8
    case 'admin2':
      // [Henry County]: ten states have one; the one with more people inside is named more.
      return entry.population > 0 ? 4 + Math.log10(entry.population + 10) / 2 : 6
    case 'site':
      return 5 + Math.log10(entry.population + 1) / 2
    case 'city':
      return Math.log10(entry.population + 10) + featureCodeBonus(entry.featureCode)
  }
}

function featureCodeBonus(code: string | undefined): number {
  switch (code) {
    case 'PPLC':
      return 2.5
    case 'PPLA':
      return 1
    case 'PPLA2':
      return 0.5
    case 'PPLX':
      return -0.4
    case 'PPLH':
    case 'PPLQ':
    case 'PPLW':
      return -2
    default:
      return 0
  }
}

const SPELLINGS = new WeakMap<GazetteerEntry, readonly string[]>()

/** Spellings of an entry's names (canonical first), cached (entries are shared across documents). */
function spellingsOf(entry: GazetteerEntry): readonly string[] {
  let value = SPELLINGS.get(entry)
  if (value === undefined) {
    value = [entry.name, ...(entry.aliases ?? [])].map(spelling)
    SPELLINGS.set(entry, value)
  }
  return value
}

/**
 * A name as spelled, give or take articles, doubled letters and a final h: 'Al-Qaryatayn' and
 * 'Qaryatayn', 'Daraa' and 'Dar‘ā', 'Hama' and 'Ḩamāh' spell one name; 'Columbia' and
 * 'Colombia' do not.
 */
function spelling(name: string): string {
  return foldNameLight(name)
    .replace(/\b(al|el|as|ar|ad|az|ash|at|an|ez|es|ed|the)\s/g, '')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/([aeiou])h\b/g, '$1')
}

interface Focus {
  /** Country votes of all names, and of each name alone (for leave-one-name-out shares). */
  readonly weights: ReadonlyMap<string, number>
  readonly total: number
  readonly byKey: ReadonlyMap<string, ReadonlyMap<string, number>>
  /** Admin-1 regions and counties chosen in the previous pass. */
  readonly admins: ReadonlySet<string>
  /** Distinct entries chosen in the previous pass, each with the folded names that chose it. */
  readonly anchors: readonly {
    readonly entry: GazetteerEntry
    readonly keys: ReadonlySet<string>
  }[]
  /** Nearest-anchor distance per `entryId|key`, so long documents stay linear-ish. */
  readonly nearest: Map<string, number>
  /** Country shares and top country per key, computed once. */
  readonly sharesByKey: Map<string, { shares: Map<string, number>; top: string | null }>
  /** Every other name's most likely places (before choosing), for mutual support. */
  readonly names: readonly { readonly key: string; readonly entries: readonly GazetteerEntry[] }[]
  readonly support: Map<string, number>
}

/**
 * Resolves candidates jointly. Pass 1 ranks each candidate's entries by prior, spelling and
 * qualifier; the winners give the document's country focus, the admin-1 regions it names and
 * anchor points; pass 2 and 3 rank again with those (country focus, admin containment, spatial
 * coherence with the other places of the story).
 */
export function resolveCandidates(
  candidates: readonly PlaceCandidate[],
  gazetteer: Gazetteer,
  context: ResolutionContext = {},
): ResolvedCandidate[] {
  const spellings = candidates.map((candidate) => spelling(candidate.name))
  const keys = candidates.map((candidate) => foldName(candidate.name))
  const groups = groupCandidates(candidates)
  const names = namesOf(candidates, keys, groups)
  // Support depends on the names only, not on the choices: one cache for every pass.
  const support = new Map<string, number>()
  let results = rankAll(candidates, spellings, keys, null, groups, gazetteer, context)
  for (let pass = 0; pass < 2; pass++) {
    const focus = buildFocus(results, keys, context, names, support)
    results = rankAll(candidates, spellings, keys, focus, groups, gazetteer, context)
  }
  return results
}

/**
 * One sense per story: mentions with the same name and the same qualifiers share one choice,
 * made on their summed scores, so the one written [Paris, Ill.] decides for every [Paris].
 */
function groupCandidates(candidates: readonly PlaceCandidate[]): number[][] {
  const groups = new Map<readonly GazetteerEntry[], Map<string, number[]>>()
  candidates.forEach((candidate, index) => {
    let byHints = groups.get(candidate.entries)
    if (!byHints) groups.set(candidate.entries, (byHints = new Map()))
    const hints = `${candidate.qualifier}|${candidate.site}|${candidate.seat === true}`
    const members = byHints.get(hints)
    if (members) members.push(index)
    else byHints.set(hints, [index])
  })
  return [...groups.values()].flatMap((byHints) => [...byHints.values()])
}

function rankAll(
  candidates: readonly PlaceCandidate[],
  spellings: readonly string[],
  keys: readonly string[],
  focus: Focus | null,
  groups: readonly number[][],
  gazetteer: Gazetteer,
  context: ResolutionContext,
): ResolvedCandidate[] {
  const results: ResolvedCandidate[] = new Array(candidates.length)
  for (const members of groups) {
    const first = members[0] as number
    const candidate = candidates[first] as PlaceCandidate
    const key = keys[first] as string
    const pooled = new Array<number>(candidate.entries.length).fill(0)
    let exactness: boolean[] = []
    // Members differ only in span, spelling and container; scoring reads the spelling alone
    // of those, so each spelling is scored once ([Hama] … [Hama] … [Hamah]).
    const bySpelling = new Map<string, { scores: number[]; exactness: boolean[] }>()
    for (const member of members) {
      const memberSpelling = spellings[member] as string
      let scored = bySpelling.get(memberSpelling)
      if (!scored) {
        scored = scoreEntries(
          candidates[member] as PlaceCandidate,
          memberSpelling,
          key,
          focus,
          context.preferCountries,
        )
        bySpelling.set(memberSpelling, scored)
      }
      exactness = scored.exactness
      scored.scores.forEach(
        (score, index) => (pooled[index] = (pooled[index] ?? 0) + score / members.length),
      )
    }
    // [Paris, Ill.] once decides every [Paris] of the story: a container counts in full.
    candidate.entries.forEach((entry, index) => {
      const contained = members.some((member) => {
        const within = (candidates[member] as PlaceCandidate).within
        return within !== undefined && isWithin(entry, within)
      })
      if (contained) pooled[index] = (pooled[index] ?? 0) + 6
    })
    const result = chooseEntry(candidate, pooled, exactness, key, focus, gazetteer)
    for (const member of members) {
      const own = candidates[member] as PlaceCandidate
      // The seat rule reads the member's own container ([Walker County, Ga.]).
      results[member] =
        own === candidate || !own.within
          ? result
          : chooseEntry(own, pooled, exactness, key, focus, gazetteer)
    }
  }
  return results
}

const SUPPORT_NAMES = 40
const SUPPORT_ENTRIES = 8

/**
 * The distinct names of the story with their likeliest places (by prior), at most
 * SUPPORT_NAMES names of SUPPORT_ENTRIES places each, so support stays linear in the text.
 */
function namesOf(
  candidates: readonly PlaceCandidate[],
  keys: readonly string[],
  groups: readonly number[][],
): { key: string; entries: GazetteerEntry[] }[] {
  const byKey = new Map<string, { key: string; entries: GazetteerEntry[]; count: number }>()
  for (const members of groups) {
    const first = members[0] as number
    const key = keys[first] as string
    const candidate = candidates[first] as PlaceCandidate
    const local = candidate.entries.filter(
      (entry) => entry.kind === 'city' || entry.kind === 'site' || entry.kind === 'admin2',
    )
    if (local.length === 0) continue
    const existing = byKey.get(key)
    if (existing) {
      existing.count += members.length
      continue
    }
    const entries = [...local]
      .sort((a, b) => priorScore(b) - priorScore(a))
      .slice(0, SUPPORT_ENTRIES)
    byKey.set(key, { key, entries, count: members.length })
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count).slice(0, SUPPORT_NAMES)
}

/**
 * How well the story's other names can sit near `entry`: for each other name, the distance
 * from `entry` to its nearest possible place ([Crestwood] has a Crestwood 250 km from Paris,
 * Illinois, none near Paris, France). Names with many homonyms count less.
 */
function supportOf(entry: GazetteerEntry, focus: Focus, key: string): number {
  const cacheKey = `${entry.id}|${key}`
  const cached = focus.support.get(cacheKey)
  if (cached !== undefined) return cached
  let support = 0
  const cosLat = Math.cos(entry.lat * RADIANS)
  for (const name of focus.names) {
    if (name.key === key) continue
    let nearest = Infinity
    for (const other of name.entries) {
      if (other.id === entry.id) continue
      const distance = nearKm(entry, cosLat, other)
      if (distance < nearest) nearest = distance
    }
    const weight = name.entries.length <= 2 ? 1 : 0.5
    if (nearest < 50) support += 1.5 * weight
    else if (nearest < 150) support += 1 * weight
    else if (nearest < 300) support += 0.5 * weight
  }
  support = Math.min(support, 3)
  focus.support.set(cacheKey, support)
  return support
}

function buildFocus(
  results: readonly ResolvedCandidate[],
  keys: readonly string[],
  context: ResolutionContext,
  names: readonly { readonly key: string; readonly entries: readonly GazetteerEntry[] }[],
  support: Map<string, number>,
): Focus {
  const weights = new Map<string, number>()
  const byKey = new Map<string, Map<string, number>>()
  const admins = new Set<string>()
  let total = 0
  const add = (country: string, weight: number, key: string | null): void => {
    weights.set(country, (weights.get(country) ?? 0) + weight)
    total += weight
    if (key === null) return
    let votes = byKey.get(key)
    if (!votes) byKey.set(key, (votes = new Map()))
    votes.set(country, (votes.get(country) ?? 0) + weight)
  }
  for (const [country, count] of context.countries ?? []) add(country, count, null)
  const anchors = new Map<string, { entry: GazetteerEntry; keys: Set<string> }>()
  results.forEach(({ entry, confidence }, index) => {
    if (!entry) return
    const key = keys[index] as string
    const weight =
      entry.kind === 'country' || entry.kind === 'admin1' ? 1.5 : entry.population >= 1e5 ? 1 : 0.6
    add(entry.country, weight * (0.5 + confidence / 2), key)
    if (entry.kind === 'admin1' || entry.kind === 'admin2') admins.add(entry.id)
    if (entry.kind === 'country') return
    const anchor = anchors.get(entry.id)
    if (anchor) anchor.keys.add(key)
    else anchors.set(entry.id, { entry, keys: new Set([key]) })
  })
  return {
    weights,
    total,
    byKey,
    admins,
    anchors: [...anchors.values()],
    nearest: new Map(),
    sharesByKey: new Map(),
    names,
    support,
  }
}

/**
 * Country shares of the story without the votes of the name being resolved: a lone "Paris"
 * must not vote for France and then be resolved to France because France leads.
 */
function sharesWithout(
  focus: Focus,
  key: string,
): { shares: Map<string, number>; top: string | null } {
  const cached = focus.sharesByKey.get(key)
  if (cached) return cached
  const own = focus.byKey.get(key)
  let total = focus.total
  if (own) for (const weight of own.values()) total -= weight
  const shares = new Map<string, number>()
  let top: string | null = null
  let topShare = 0
  if (total > 1e-9) {
    for (const [country, weight] of focus.weights) {
      const share = (weight - (own?.get(country) ?? 0)) / total
      if (share <= 1e-9) continue
      shares.set(country, share)
      if (share > topShare) {
        topShare = share
        top = country
      }
    }
  }
  const result = { shares, top }
  focus.sharesByKey.set(key, result)
  return result
}

/** Scores every entry of a candidate (prior, spelling, qualifiers, context). */
function scoreEntries(
  candidate: PlaceCandidate,
  nameSpelling: string,
  key: string,
  focus: Focus | null,
  preferCountries: ReadonlySet<string> | undefined,
): { scores: number[]; exactness: boolean[] } {
  const base = baseScoresOf(candidate, nameSpelling, preferCountries)
  if (!focus) return base
  const { entries } = candidate
  return {
    scores: base.scores.map((score, index) => score + contextScore(entries[index]!, focus, key)),
    exactness: base.exactness,
  }
}

/**
 * Base scores by entry list (the gazetteer returns one array per name), then by spelling and
 * hints: the same name scores the same in every pass and every article ([Damascus] in each).
 */
const BASE_SCORES = new WeakMap<
  readonly GazetteerEntry[],
  Map<string, { scores: number[]; exactness: boolean[] }>
>()

/** The scores of a candidate's entries before context (prior, spelling, qualifiers). */
function baseScoresOf(
  candidate: PlaceCandidate,
  nameSpelling: string,
  preferCountries: ReadonlySet<string> | undefined,
): { scores: number[]; exactness: boolean[] } {
  if (preferCountries && preferCountries.size > 0)
    return computeBaseScores(candidate, nameSpelling, preferCountries)
  let bySpelling = BASE_SCORES.get(candidate.entries)
  if (!bySpelling) BASE_SCORES.set(candidate.entries, (bySpelling = new Map()))
  const hints = `${nameSpelling}|${candidate.qualifier}|${candidate.site}|${candidate.seat === true}`
  let base = bySpelling.get(hints)
  if (!base) {
    base = computeBaseScores(candidate, nameSpelling, undefined)
    bySpelling.set(hints, base)
  }
  return base
}

function computeBaseScores(
  candidate: PlaceCandidate,
  nameSpelling: string,
  preferCountries: ReadonlySet<string> | undefined,
): { scores: number[]; exactness: boolean[] } {
  const { entries } = candidate
  const hasCity = entries.some((entry) => entry.kind === 'city')
  const hasAdmin = entries.some((entry) => entry.kind === 'admin1')
  // [Washington] spells "Washington, D.C." and [New York] "New York City": a name that the
  // canonical name starts with counts as exact.
  const exactness = entries.map((entry) => {
    const spellings = spellingsOf(entry)
    if (spellings.includes(nameSpelling)) return true
    const canonical = spellings[0] as string
    return (
      (entry.kind === 'city' || entry.kind === 'site') && canonical.startsWith(`${nameSpelling} `)
    )
  })
  const anyExact = exactness.includes(true)
  const exactCountry = entries.some((entry, index) => entry.kind === 'country' && exactness[index])
  const exactAdmins = entries.filter((entry, index) => entry.kind === 'admin1' && exactness[index])
  const scores = entries.map((entry, index) => {
    const exact = exactness[index] as boolean
    // [Columbia] is not [Colombia]: when some entry is spelled exactly as written, entries
    // that only share the folded key are much less likely.
    let score = priorScore(entry) + (exact ? 1 : anyExact ? -3 : 0)
    score += qualifierScore(candidate, entry, hasAdmin)
    // [China] is the country unless the story is about its neighbourhood (China, Texas).
    if (exactCountry && entry.kind !== 'country' && entry.kind !== 'admin1') score -= 3
    // [California] is the state, not California, Maryland (capitals excepted: [Washington]).
    if (
      entry.kind === 'city' &&
      entry.featureCode !== 'PPLC' &&
      exactAdmins.some(
        (admin) =>
          admin.id !== entry.admin1 &&
          (admin.population === 0 || admin.population > 10 * entry.population),
      )
    ) {
      score -= 2
    }
    if (entry.kind === 'admin1' && candidate.qualifier !== 'admin') {
      // [Aleppo] alone is the city, not the governorate that shares its name; [Mexico] alone
      // is the country, not the state.
      if (hasCity && entries.some((other) => other.kind === 'city' && other.admin1 === entry.id))
        score -= 3
      if (entries.some((other) => other.kind === 'country' && other.country === entry.country))
        score -= 3
    }
    // [Boone County] is not Bône (Annaba): a county is a town's namesake or nothing.
    if (candidate.seat && entry.kind !== 'city' && !exact) score -= 6
    if (preferCountries?.has(entry.country)) score += 4
    return score
  })
  return { scores, exactness }
}

/** Picks the best-scoring entry and applies the qualifier rules that replace or reject it. */
function chooseEntry(
  candidate: PlaceCandidate,
  scores: readonly number[],
  exactness: readonly boolean[],
  key: string,
  focus: Focus | null,
  gazetteer: Gazetteer,
): ResolvedCandidate {
  const { entries } = candidate
  if (entries.length === 0)
    return { entry: null, confidence: 0, margin: 0, exact: false, rival: undefined }
  let bestIndex = 0
  let secondIndex = -1
  let bestScore = -Infinity
  let secondScore = -Infinity
  scores.forEach((score, index) => {
    if (score > bestScore) {
      secondScore = bestScore
      secondIndex = bestIndex
      bestScore = score
      bestIndex = index
    } else if (score > secondScore) {
      secondScore = score
      secondIndex = index
    }
  })
  let best: GazetteerEntry | null = entries[bestIndex] ?? null
  const rival = rivalOf(best, entries[secondIndex], bestScore - secondScore)
  const bestExact = exactness[bestIndex] ?? false
  if (
    best &&
    candidate.seat &&
    best.kind === 'city' &&
    focus &&
    nearestAnchor(best, focus, key) > 100 &&
    !(best.admin1 && focus.admins.has(best.admin1)) &&
    !(candidate.within && isWithin(best, candidate.within))
  ) {
    // [Walker County] far from every other place of the story is not the town of Walker.
    return { entry: null, confidence: 0, margin: 0, exact: false, rival: undefined }
  }
  if (best && candidate.qualifier === 'admin' && best.kind === 'city')
    best = adminOfCapital(best, gazetteer)
  if (best && candidate.qualifier === 'countryside' && best.kind === 'city' && best.admin1) {
    best = gazetteer.get(best.admin1) ?? best
  }
  const margin = secondScore === -Infinity ? Infinity : bestScore - secondScore
  const certainty = margin === Infinity ? 1 : 1 / (1 + Math.exp(-margin))
  const strength = 1 / (1 + Math.exp(-(bestScore - 5)))
  const confidence = round(certainty * (0.5 + strength / 2) * (bestExact ? 1 : 0.9))
  return { entry: best, confidence, margin, exact: bestExact, rival }
}

/**
 * The runner-up when it ties with the choice and lies elsewhere: [Paris] with nothing else in
 * the story to tell Paris, Texas, from Paris, Tennessee. A region and a town in it, or a
 * country and its capital, are not rivals: either pin is near the truth or contains it.
 */
function rivalOf(
  best: GazetteerEntry | null,
  second: GazetteerEntry | undefined,
  margin: number,
): GazetteerEntry | undefined {
  if (!best || !second || !(margin < AMBIGUOUS_MARGIN)) return undefined
  if (best.admin1 === second.id || second.admin1 === best.id) return undefined
  // Homs (Syria) against Murqub (Libya), which lists "Homs" among its other names: only two
  // places that are both called by the name are a coin toss, not a place and an alias.
  if (foldName(best.name) !== foldName(second.name)) return undefined
  if (best.kind === 'country' || second.kind === 'country') {
    if (best.country === second.country) return undefined
  }
  return distanceKm(best, second) > AMBIGUOUS_KM ? second : undefined
}

/** True when `entry` lies in one of the containers (its admin-1 region or its country). */
export function isWithin(entry: GazetteerEntry, containers: readonly GazetteerEntry[]): boolean {
  for (const container of containers) {
    if (container.id === entry.id) continue
    if (container.kind === 'admin1' && entry.admin1 === container.id) return true
    if (container.kind === 'country' && entry.country === container.country) return true
  }
  return false
}

/**
 * The admin-1 regions and countries named right after a name, behind a comma:
 * [Paris, Tenn.], [Alexandria, Louisiana], [Homs, Syria].
 */
export function readContainers(
  text: string,
  end: number,
  gazetteer: Gazetteer,
): readonly GazetteerEntry[] | undefined {
  // [Paris, Ill.], [Sudzha in Kursk region], [Jasim in the Daraa countryside].
  const match =
    /^(?:,|\s+in(?:\s+the)?)\s+((?:\p{Lu}[\p{L}]*\.?)(?:\s\p{Lu}[\p{L}]*\.?){0,2})/u.exec(
      text.slice(end, end + 40),
    )
  if (!match) return undefined
  const words = (match[1] as string).split(' ')
  for (let count = words.length; count >= 1; count--) {
    const entries = gazetteer
      .lookup(foldName(words.slice(0, count).join(' ')))
      .filter((entry) => entry.kind === 'admin1' || entry.kind === 'country')
    if (entries.length > 0) return entries
  }
  return undefined
}

/** [Hasakah province] where only the city is known: the admin-1 region it is the capital of. */
function adminOfCapital(city: GazetteerEntry, gazetteer: Gazetteer): GazetteerEntry {
  if (!city.admin1) return city
  const admin = gazetteer.get(city.admin1)
  return admin && admin.capital === city.id ? admin : city
}

function qualifierScore(
  candidate: PlaceCandidate,
  entry: GazetteerEntry,
  hasAdmin: boolean,
): number {
  let score = 0
  if (candidate.site && entry.kind === 'site') score += 4
  switch (candidate.qualifier) {
    case 'admin':
      // [Daraa province] names the governorate, not the city.
      if (entry.kind === 'admin1') score += 6
      else if (entry.kind === 'city' && hasAdmin) score -= 1
      break
    case 'city':
      // [the town of Nawa]: a populated place.
      if (entry.kind === 'city') score += 2
      else if (entry.kind === 'admin1' || entry.kind === 'country') score -= 4
      break
    case 'countryside':
      if (entry.kind === 'admin1' || entry.kind === 'region') score += 3
      break
    case null:
      break
  }
  return score
}

function contextScore(entry: GazetteerEntry, focus: Focus, key: string): number {
  let score = 0
  const { shares, top } = sharesWithout(focus, key)
  score += 3 * (shares.get(entry.country) ?? 0) + (entry.country === top ? 1 : 0)
  // [Alexandria, Louisiana]: a city inside an admin-1 region the story names; [Springfield]
  // inside the [Greene County] it names.
  if (entry.admin1 && focus.admins.has(entry.admin1)) score += 2.5
  if (entry.admin2 && focus.admins.has(entry.admin2)) score += 2.5
  if (entry.kind === 'country') return score
  // [Greene County … Springfield]: a county holding the story's towns.
  if (
    entry.kind === 'admin2' &&
    focus.anchors.some((anchor) => anchor.entry.admin2 === entry.id && !anchor.keys.has(key))
  )
    score += 2.5
  if (entry.kind === 'admin1') {
    // [Kentucky … Berea, Richmond]: a region holding the story's towns.
    if (focus.anchors.some((anchor) => anchor.entry.admin1 === entry.id && !anchor.keys.has(key)))
      score += 2.5
    return score
  }
  // [Paris and Henry County]: a town and a county of the same story lie together.
  if (entry.kind === 'city' || entry.kind === 'site' || entry.kind === 'admin2')
    score += supportOf(entry, focus, key)
  const nearest = nearestAnchor(entry, focus, key)
  // [Crestwood … Paris]: the Paris 250 km from Crestwood, not the one 7,000 km away.
  if (nearest < 50) score += 3
  else if (nearest < 150) score += 2.5
  else if (nearest < 300) score += 1.5
  else if (nearest < 600) score += 0.5
  return score
}

/** Distance to the nearest place another name of the story resolved to (not this name itself). */
function nearestAnchor(entry: GazetteerEntry, focus: Focus, key: string): number {
  const cacheKey = `${entry.id}|${key}`
  const cached = focus.nearest.get(cacheKey)
  if (cached !== undefined) return cached
  let nearest = Infinity
  const cosLat = Math.cos(entry.lat * RADIANS)
  for (const anchor of focus.anchors) {
    if (anchor.keys.size === 1 && anchor.keys.has(key)) continue
    const distance = nearKm(entry, cosLat, anchor.entry)
    if (distance < nearest) nearest = distance
  }
  focus.nearest.set(cacheKey, nearest)
  return nearest
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}
