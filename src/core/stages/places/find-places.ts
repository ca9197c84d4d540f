import type { Gazetteer, GazetteerEntry } from '../../lexicon/gazetteer.js'
import { foldName, foldNameLight } from './fold-name.js'
import { isCommonWord, isPersonCue } from './common-words.js'
import { demonymCountry } from './demonym-country.js'
import { findNameRuns, type NameRun, type RunWord } from './find-name-runs.js'
import { readListType } from './read-list-type.js'
import {
  isWithin,
  lookupCandidates,
  readContainers,
  resolveCandidates,
  type PlaceCandidate,
  type PlaceQualifier,
  type ResolvedCandidate,
} from './resolve-places.js'

/** A place named in the text, with the gazetteer entry it resolved to (null when unknown). */
export interface PlaceMention {
  readonly start: number
  readonly end: number
  /** `text.slice(start, end)`. */
  readonly text: string
  readonly entry: GazetteerEntry | null
  /** 0–1: how sure the resolver is of `entry` (and, for names alone, that this is a place). */
  readonly confidence: number
  /** Stable rule id, e.g. `places/gazetteer-name`, `places/admin-suffix`. */
  readonly rule: string
  readonly qualifier: 'admin' | 'city' | 'countryside' | null
  /**
   * Set when the name is left unresolved because two far-apart places scored alike (a wrong pin
   * is worse than none): the two, best first. `entry` is then null.
   */
  readonly ambiguous?: readonly [GazetteerEntry, GazetteerEntry] | undefined
}

export interface FindPlacesOptions {
  /** Spans already known to be actors or organisations ("Syrian Observatory for Human Rights"). */
  readonly excludeSpans?: readonly { readonly start: number; readonly end: number }[]
}

interface SuffixInfo {
  readonly qualifier: PlaceQualifier
  readonly site: boolean
  readonly rule: string
  /** The type word itself, singular and lower case ('county', 'crossing'). */
  readonly type: string
}

function suffixes(
  words: readonly string[],
  info: Omit<SuffixInfo, 'type'>,
): [string, SuffixInfo][] {
  return words.map((word) => [word, { ...info, type: word }])
}

/** Type words whose units the gazetteer names with the word: [Henry County], [Rapides Parish]. */
const NAMED_WITH_TYPE = new Set(['county', 'parish'])

/** Words after a name that say what kind of place it is, with the qualifier they give. */
const SUFFIX_WORDS = new Map<string, SuffixInfo>([
  // [Daraa province], [Kharkiv Oblast], [Borno State].
  ...suffixes(['province', 'governorate', 'oblast', 'prefecture', 'wilayat', 'state', 'region'], {
    qualifier: 'admin',
    site: false,
    rule: 'places/admin-suffix',
  }),
  // [Tel Rifaat district]: second-level units are not in the gazetteer; the seat stands in.
  ...suffixes(
    ['district', 'county', 'parish', 'subdistrict', 'raion', 'rayon', 'municipality', 'township'],
    {
      qualifier: null,
      site: false,
      rule: 'places/district-suffix',
    },
  ),
  // [Idlib countryside].
  ...suffixes(['countryside'], {
    qualifier: 'countryside',
    site: false,
    rule: 'places/countryside',
  }),
  // [Nasib border crossing], [Khalkhalah airbase], [Shahba checkpoint].
  ...suffixes(
    ['crossing', 'airbase', 'airport', 'airfield', 'checkpoint', 'base', 'dam', 'camp', 'bridge'],
    {
      qualifier: null,
      site: true,
      rule: 'places/site-suffix',
    },
  ),
])

/** Two-word suffixes that start with a word that is not a suffix alone. */
const SUFFIX_PAIRS: ReadonlyMap<string, string> = new Map([
  ['air base', 'airbase'],
  ['border crossing', 'crossing'],
  ['military airport', 'airport'],
  ['military base', 'base'],
  ['naval base', 'base'],
  ['air field', 'airfield'],
  ['refugee camp', 'camp'],
])

/** Words before a name that say what kind of place it is. */
const PREFIX_PATTERN =
  /(?:\b(the|a)\s+(?:(?:besieged|embattled|strategic|key|northern|southern|eastern|western|central|coastal|border|nearby|small|frontline|front-line|rebel-held|government-held|ancient|historic|desert|old)\s+)*(city|town|village|settlement|hamlet|locality|suburb|neighbou?rhood|district|province|governorate|region|oblast|area|countryside|outskirts|port|capital)\s+of\s+|\b(rural|countryside\s+of|outskirts\s+of)\s+)$/i

/**
 * Words that, right after a place name in one capitalised run, make the run an organisation
 * named after the place: [Damascus] Post, [Aleppo] FC, [Kurdistan] Workers' Party. Buildings
 * and streets ([Damascus] University, [Aleppo] Road) keep their place.
 */
const ORGANISATION_HEADS = new Set(
  `times post news agency observatory front brigade brigades army forces party movement
  airlines airways fc united club tribune herald journal gazette telegraph daily radio tv
  television council committee workers`
    .split(/\s+/)
    .filter((word) => word !== ''),
)

/** Lower-case nouns after a name that make it an organisation's: [Baath] party, [Homs] brigade. */
const LOWER_ORGANISATION_HEAD = /^\s+(?:party|movement|militias?|factions?|brigades?|battalions?)\b/

/**
 * Finds place mentions in `text` and resolves them against `gazetteer`.
 *
 * Candidates come from capitalised name runs looked up by folded name (longest match first),
 * and from patterns that mark a place even when the gazetteer lacks it ("the town of X",
 * "X province", "rural X", "X border crossing"). Candidates are resolved jointly (country
 * focus, named admin regions, spatial coherence), then single words that are weak evidence
 * (common words, person contexts, small far-away homonyms) are dropped: a missing pin is
 * better than a wrong one. Linear in the text length.
 *
 * @example findPlaces('Rebels entered the city of Homs.', sentences, gazetteer)
 */
export function findPlaces(
  text: string,
  sentences: readonly { readonly start: number; readonly end: number }[],
  gazetteer: Gazetteer,
  options: FindPlacesOptions = {},
): PlaceMention[] {
  const sentenceStarts = new Set<number>()
  for (const sentence of sentences) {
    let start = sentence.start
    while (start < sentence.end && /[\s"“‘'(]/.test(text[start] ?? '')) start++
    sentenceStarts.add(start)
  }
  const excluded = [...(options.excludeSpans ?? [])].sort((a, b) => a.start - b.start)
  const runs = findNameRuns(text, sentenceStarts)
  const demonyms = new Map<string, number>()
  const proposals: Proposal[] = []
  for (const run of runs) {
    collectDemonyms(text, run, demonyms)
    proposeFromRun(text, run, gazetteer, proposals)
  }
  const kept = proposals.filter((proposal) => !isExcluded(proposal.candidate, excluded))
  // Pass 1 resolves every proposal to learn the story's focus; pass 2 resolves only the
  // accepted ones, so rejected homonyms do not pull the focus.
  const first = resolveCandidates(
    kept.map((proposal) => proposal.candidate),
    gazetteer,
    { countries: demonyms },
  )
  const focusCountries = new StoryCountries(first, kept, demonyms)
  // [Tom Jones] … [Jones] said: a word the text uses as a surname is no place alone either.
  const surnames = new Map<string, boolean>()
  for (const proposal of kept) {
    if (!proposal.surname) continue
    const { name } = proposal.candidate
    surnames.set(name, (surnames.get(name) ?? false) || proposal.surnameByTitle)
  }
  const accepted = kept.filter((proposal, index) =>
    isAccepted(text, proposal, first[index] as ResolvedCandidate, focusCountries, surnames),
  )
  // Resolution is deterministic: when every proposal passed, pass 2 would repeat pass 1.
  const final =
    accepted.length === kept.length
      ? first
      : resolveCandidates(
          accepted.map((proposal) => proposal.candidate),
          gazetteer,
          { countries: demonyms },
        )
  return accepted.map((proposal, index) => {
    const resolved = final[index] as ResolvedCandidate
    const { candidate } = proposal
    // [Paris] with nothing in the story to tell Paris, Texas, from Paris, Tennessee: a place
    // without a pin (the caller reports it) rather than a coin toss on the map.
    const tied = resolved.rival !== undefined && resolved.entry !== null
    // One literal, every field present: later stages read place mentions by the thousand.
    const mention: PlaceMention = {
      start: candidate.start,
      end: candidate.end,
      text: text.slice(candidate.start, candidate.end),
      entry: tied ? null : resolved.entry,
      confidence: tied
        ? 0.3
        : candidate.byPattern && !resolved.entry
          ? 0.3
          : round(resolved.confidence * proposal.weight),
      rule: candidate.rule,
      qualifier: candidate.qualifier,
      ambiguous: tied ? [resolved.entry!, resolved.rival!] : undefined,
    }
    return mention
  })
}

/** A candidate with what the acceptance rules need to know about its surroundings. */
interface Proposal {
  readonly candidate: PlaceCandidate
  /** Non-connector words in the name. */
  readonly nameWords: number
  readonly nameStart: number
  /** Capitalised words of the same run left outside the match ([Jordan] Peterson). */
  readonly embedded: boolean
  readonly sentenceInitial: boolean
  /** Multiplies the confidence (embedded matches are less sure). */
  readonly weight: number
  /** The run words touching the match are common words ([Homs] Governor, not [Vladimir] Putin). */
  readonly besideCommonWords: boolean
  /** The run word right after the match, lower case ('' at the end of the run). */
  readonly nextWord: string
  /**
   * The match ends a run after a first name or a title ([Tom] [Jones], [President] [Obama]):
   * the text uses the word as a surname.
   */
  readonly surname: boolean
  /** …after a title or a frequent first name ([President] Obama, [Michael] Jordan). */
  readonly surnameByTitle: boolean
}

function proposeFromRun(text: string, run: NameRun, gazetteer: Gazetteer, out: Proposal[]): void {
  const { words } = run
  const maxWords = Math.max(gazetteer.maxNameWords, 2) + 1
  // The type word after word `next` depends on `next` alone: read once per run position.
  const suffixes: (Suffix | null | undefined)[] = new Array(words.length + 1)
  let index = 0
  while (index < words.length) {
    const first = words[index] as RunWord
    if (first.connector && !isLeadingArticle(text, first)) {
      index++
      continue
    }
    let matched = false
    const prefix = readPrefix(text, first.start)
    // Longest gazetteer match first; a pattern ("the town of X") with no match takes the run.
    for (const unknown of [false, true]) {
      for (
        let length = Math.min(maxWords, words.length - index);
        length >= 1 && !matched;
        length--
      ) {
        const last = words[index + length - 1] as RunWord
        if (last.connector) continue
        // A pattern takes the rest of the run, less at most two type words ([X Border Crossing]).
        if (unknown && length < words.length - index - 2) break
        const name = text.slice(first.start, last.end)
        let suffix = suffixes[index + length]
        if (suffix === undefined)
          suffixes[index + length] = suffix = readSuffix(text, words, index + length)
        const qualifier = suffix?.qualifier ?? prefix?.qualifier ?? null
        // [Al-Qaim border crossing]: a curated site under its full name beats the town.
        const siteEntries =
          !unknown && suffix?.site
            ? gazetteer.lookup(foldName(text.slice(first.start, suffix.end)))
            : []
        // [Henry county], [Douglas] and Wyandotte counties: the unit under its full name.
        const typedEntries =
          !unknown && siteEntries.length === 0 && suffix && NAMED_WITH_TYPE.has(suffix.type)
            ? gazetteer.lookup(foldName(`${name} ${suffix.type}`))
            : []
        const entries = unknown
          ? []
          : siteEntries.length > 0
            ? siteEntries
            : typedEntries.length > 0
              ? typedEntries
              : lookupCandidates(name, qualifier, gazetteer)
        if (!unknown && entries.length === 0) continue
        // [Khalkhalah airbase], [the village of Umm Batna]: unknown, but a place by pattern.
        if (
          unknown &&
          !(
            (suffix !== null || prefix !== null) &&
            length === words.length - index - (suffix?.inRun ?? 0)
          )
        ) {
          continue
        }
        const start = prefix?.spanStart ?? first.start
        const end = suffix?.end ?? last.end
        const within = readContainers(text, end, gazetteer)
        const before = index > 0 && !(words[index - 1] as RunWord).connector
        const afterIndex = index + length + (suffix?.inRun ?? 0)
        const after = afterIndex < words.length
        out.push({
          candidate: {
            start,
            end,
            name,
            rule:
              suffix?.rule ??
              prefix?.rule ??
              (length > 1 ? 'places/gazetteer-name' : 'places/gazetteer-word'),
            qualifier,
            site: suffix?.site ?? false,
            seat:
              (suffix?.rule === 'places/district-suffix' ||
                (suffix?.rule === 'places/type-list' && NAMED_WITH_TYPE.has(suffix.type))) &&
              typedEntries.length === 0,
            byPattern: suffix !== null || prefix !== null,
            entries,
            within: within ?? undefined,
          },
          nameWords: words.slice(index, index + length).filter((word) => !word.connector).length,
          nameStart: first.start,
          embedded: before || after,
          sentenceInitial: index === 0 && run.sentenceInitial,
          weight: before || after ? 0.8 : 1,
          nextWord: after ? wordText(text, words[afterIndex] as RunWord).toLowerCase() : '',
          besideCommonWords:
            (!before || isCommonWordAt(text, words[index - 1] as RunWord)) &&
            (!after || isCommonWordAt(text, words[afterIndex] as RunWord)),
          ...surnameOf(
            text,
            before && !after && length === 1 && suffix === null,
            words[index - 1],
            gazetteer,
          ),
        })
        index = afterIndex
        matched = true
      }
      if (matched) break
    }
    if (!matched) index++
  }
}

/** Same letters, give or take case, marks and a final h ([Hama] / Ḩamāh); [Bel] ≠ Bell. */
function isSpelledAs(name: string, entry: GazetteerEntry): boolean {
  const spell = (value: string): string => foldNameLight(value).replace(/([aeiou])h$/, '$1')
  const written = spell(name)
  return [entry.name, ...(entry.aliases ?? [])].some((other) => spell(other) === written)
}

/** The chosen town is the seat of a first-level region that has its name ([Kidal], Kidal Region). */
function capitalOfNamesake(candidate: PlaceCandidate, chosen: GazetteerEntry): boolean {
  if (chosen.featureCode !== 'PPLA' || !chosen.admin1) return false
  for (const entry of candidate.entries)
    if (entry.kind === 'admin1' && entry.id === chosen.admin1) return true
  return false
}

/**
 * Whether `chosen` is the place the name means wherever it is written: no town of 1,000 or more
 * in another country is spelled so ([Reka] is not spelled [Raqqa], though both fold alike),
 * unless the chosen one is five times its size ([Palmyra], Syria, beside Palmyra, Missouri).
 */
function isDominantBearer(
  name: string,
  candidate: PlaceCandidate,
  chosen: GazetteerEntry,
): boolean {
  for (const entry of candidate.entries) {
    if (entry.country === chosen.country || entry.kind === 'admin2') continue
    if (entry.kind === 'city' && entry.population < 1000) continue
    if (!isSpelledAs(name, entry)) continue
    if (entry.kind !== 'city' || entry.population * 5 > chosen.population) return false
  }
  return true
}

/**
 * Whether a match that ends its run after `previous` reads as a surname: after a title or a
 * frequent first name ([President] Obama, [Michael] Jordan) surely, after another capitalised
 * word that is no common word and no notable place ([Barack] Obama, [Tom] Jones) likely
 * ([Illinois] Springfield is no person, nor [Greater] Idlib).
 */
function surnameOf(
  text: string,
  last: boolean,
  previous: RunWord | undefined,
  gazetteer: Gazetteer,
): { surname: boolean; surnameByTitle: boolean } {
  if (!last || !previous || previous.connector) return { surname: false, surnameByTitle: false }
  const value = wordText(text, previous)
  if (isPersonCue(value) || FIRST_NAMES.has(value.toLowerCase()))
    return { surname: true, surnameByTitle: true }
  return { surname: isGivenName(value, gazetteer), surnameByTitle: false }
}

function isGivenName(value: string, gazetteer: Gazetteer): boolean {
  if (isCommonWord(value) || demonymCountry(value) !== null || value.length < 2) return false
  if (NOT_GIVEN_NAMES.has(value.toLowerCase())) return false
  if (value === value.toUpperCase()) return false
  return !gazetteer
    .lookup(foldName(value))
    .some(
      (entry) =>
        entry.kind === 'country' ||
        entry.kind === 'admin1' ||
        entry.kind === 'region' ||
        entry.population >= 100_000,
    )
}

/** Words before a place name that are no names: [Greater] Idlib, [Downtown] Aleppo. */
const NOT_GIVEN_NAMES = new Set(
  `greater inner outer downtown uptown midtown metro metropolitan rural urban coastal southeast
  southwest northeast northwest southeastern southwestern northeastern northwestern west-central
  occupied liberated besieged historic ancient modern lower upper`.split(/\s+/),
)

/** Frequent given names that COMMON_WORDS lists (so isCommonWord says true for them). */
const FIRST_NAMES = new Set(
  `michael john james david robert william mary paul mark george thomas richard charles joseph
  daniel matthew anthony donald steven andrew kevin brian jason ryan eric jacob chelsea tyler`.split(
    /\s+/,
  ),
)

function isCommonWordAt(text: string, word: RunWord): boolean {
  return isCommonWord(wordText(text, word))
}

function wordText(text: string, word: RunWord): string {
  return text.slice(word.start, word.end)
}

/** [al-Qaryatayn] at the start of a run: the lower-case article belongs to the name. */
function isLeadingArticle(text: string, word: RunWord): boolean {
  return text[word.end] === '-'
}

interface Suffix extends SuffixInfo {
  readonly end: number
  /** How many words of the run the suffix used (0 when it followed the run in lower case). */
  readonly inRun: number
}

// Lower-case type words right after the run: [Daraa province], [Damascus’ countryside].
const FOLLOWING_WORDS = /^(?:['’]s?)?\s+([a-z]+)(?:\s+([a-z]+))?/

/** The place-type word after a name: inside the run ([Daraa Province]) or after it ([Daraa province]). */
function readSuffix(text: string, words: readonly RunWord[], next: number): Suffix | null {
  const word = words[next]
  if (word) {
    const first = text.slice(word.start, word.end).toLowerCase()
    const second = words[next + 1]
    if (second) {
      const pair = SUFFIX_PAIRS.get(
        `${first} ${text.slice(second.start, second.end).toLowerCase()}`,
      )
      const info = pair ? SUFFIX_WORDS.get(pair) : undefined
      if (info) return { ...info, end: second.end, inRun: 2 }
    }
    const info = SUFFIX_WORDS.get(first)
    return info ? { ...info, end: word.end, inRun: 1 } : null
  }
  const end = words[next - 1]?.end ?? 0
  const match = FOLLOWING_WORDS.exec(text.slice(end, end + 40))
  if (!match) return readListSuffix(text, end)
  const first = match[1] as string
  const second = match[2]
  if (second) {
    const pair = SUFFIX_PAIRS.get(`${first} ${second}`)
    const info = pair ? SUFFIX_WORDS.get(pair) : undefined
    if (info) return { ...info, end: end + match[0].length, inRun: 0 }
  }
  const info = SUFFIX_WORDS.get(first)
  if (!info) return readListSuffix(text, end)
  const firstStart = match[0].search(/\s[a-z]/) + 1
  return { ...info, end: end + firstStart + first.length, inRun: 0 }
}

/**
 * [Douglas] and Wyandotte counties: the type word closing a list types each name of it; the
 * mention stays the name alone.
 */
function readListSuffix(text: string, end: number): Suffix | null {
  const type = readListType(text, end)
  const info = type ? SUFFIX_WORDS.get(type) : undefined
  return info ? { ...info, rule: 'places/type-list', end, inRun: 0 } : null
}

interface Prefix {
  readonly qualifier: PlaceQualifier
  readonly rule: string
  /** Where the mention span starts: before "rural" (it is part of the name), else the name. */
  readonly spanStart: number
}

/** The place-type words before a name: [the town of] X, [rural] X, [countryside of] X. */
function readPrefix(text: string, start: number): Prefix | null {
  // Every prefix ends in "of" or "rural": most names have neither before them.
  const before = wordBefore(text, start)
  if (before !== 'of' && before !== 'rural') return null
  const match = PREFIX_PATTERN.exec(text.slice(Math.max(0, start - 60), start))
  if (!match) return null
  const kind = (match[2] ?? match[3] ?? '').toLowerCase()
  if (kind === 'rural')
    return {
      qualifier: 'countryside',
      rule: 'places/rural-prefix',
      spanStart: start - match[0].length,
    }
  if (kind.startsWith('countryside'))
    return { qualifier: 'countryside', rule: 'places/countryside-of', spanStart: start }
  if (kind.startsWith('outskirts'))
    return { qualifier: 'city', rule: 'places/outskirts-of', spanStart: start }
  switch (kind) {
    case 'province':
    case 'governorate':
    case 'region':
    case 'oblast':
      return { qualifier: 'admin', rule: 'places/the-province-of', spanStart: start }
    case 'countryside':
      return { qualifier: 'countryside', rule: 'places/countryside-of', spanStart: start }
    case 'district':
    case 'area':
      return { qualifier: null, rule: 'places/the-area-of', spanStart: start }
    default:
      return { qualifier: 'city', rule: 'places/the-city-of', spanStart: start }
  }
}

/** The lower-case word right before `start` and the spaces after it ('' when none). */
function wordBefore(text: string, start: number): string {
  let end = start
  while (end > 0 && /\s/.test(text[end - 1] as string)) end--
  if (end === start) return ''
  let wordStart = end
  while (wordStart > 0 && end - wordStart < 6 && /[A-Za-z]/.test(text[wordStart - 1] as string))
    wordStart--
  return text.slice(wordStart, end).toLowerCase()
}

/**
 * Organisations whose names fold like places: [Al-Qaeda] is not Kedah, [Al Jazeera] not the
 * Jazira. Folded keys (see foldPlaceName).
 */
const NON_PLACE_NAMES = new Set(
  [
    'Al-Qaeda',
    'Al-Qaida',
    'Al Jazeera',
    'Al Arabiya',
    'Al-Shabaab',
    'Al-Nusra',
    'Hezbollah',
    'Hamas',
  ].map(foldName),
)

/** Decides whether a candidate is a place mention (precision over recall). */
function isAccepted(
  text: string,
  proposal: Proposal,
  resolved: ResolvedCandidate,
  focusCountries: StoryCountries,
  surnames: ReadonlyMap<string, boolean>,
): boolean {
  const { candidate } = proposal
  const name = candidate.name
  const single = proposal.nameWords === 1
  // [The state], [Islamic State]: a type word after a common word names no place.
  if (single && (isCommonWord(name) || demonymCountry(name) !== null)) return false
  if (candidate.byPattern) return true
  const entry = resolved.entry
  if (!entry) return false
  if (ORGANISATION_HEADS.has(proposal.nextWord)) return false
  // The ruling [Baath] party, the [Hama] brigade: a lower-case head after the name makes it a group's.
  if (LOWER_ORGANISATION_HEAD.test(text.slice(candidate.end, candidate.end + 14))) return false
  const spelled = text.slice(proposal.nameStart, candidate.end)
  if (NON_PLACE_NAMES.has(foldName(name)) && !resolved.exact) return false
  // [The Ta…]: a name that opens with "The" must be spelled exactly ([The Hague]).
  if (/^the\s/i.test(spelled) && !resolved.exact) return false
  if (single) {
    // [President Assad], [Gen. Jordan]: a title before the name makes it a person.
    if (isPersonCue(previousWord(text, proposal.nameStart))) return false
    // [Jones] said, in a story that wrote [Tom Jones]; [Paris, Ill.] keeps its place. A
    // country or a large city needs a title or a first name: [Nazi] Germany, [Real] Madrid.
    const byTitle = surnames.get(name)
    if (byTitle !== undefined && !candidate.within) {
      const notable =
        entry.kind === 'country' ||
        entry.kind === 'admin1' ||
        entry.kind === 'region' ||
        entry.featureCode === 'PPLC' ||
        entry.population >= 1_000_000
      if (byTitle || !notable) return false
    }
    // [Police] said …: a sentence-initial word the text also writes in lower case.
    if (proposal.sentenceInitial && writesLowerCase(text, name.toLowerCase())) return false
    if (name.length < 3 || (name === name.toUpperCase() && entry.kind !== 'country')) return false
    // [Bel] is not Bell: a short name must be spelled as the place is, letter for letter.
    if (name.length <= 4 && !isSpelledAs(name, entry)) return false
  }
  // [Sudzha in Kursk region]: the text itself says which region holds it.
  if (candidate.within && isWithin(entry, candidate.within) && (resolved.exact || !single))
    return true
  const key = foldName(name)
  const local = focusCountries.isCore(entry.country, key)
  const named = focusCountries.isNamed(entry.country, key)
  const major =
    entry.kind === 'city' && (entry.featureCode === 'PPLC' || entry.population >= 500_000)
  const area = entry.kind === 'country' || entry.kind === 'region'
  const strong =
    area || entry.kind === 'admin1' || entry.kind === 'site' || entry.population >= 50_000
  // [Vladimir] Putin, [Jordan] Peterson: a place word beside capitalised words that are not
  // common words ([Aleppo] University and [Homs] Governor keep their place).
  if (proposal.embedded) {
    if (!resolved.exact) return false
    return area || major || (local && strong && proposal.besideCommonWords)
  }
  if (!single) return resolved.exact || strong || entry.population >= 1000
  // A lone word far from the story ([Surprise], Arizona, in a story about Syria) needs to be
  // a country, a region, a capital or a city of a million; near it, less.
  if (local) return strong || resolved.exact || entry.population >= 5000
  // [Turkey] found through the alias of Türkiye: countries are named in many spellings.
  if (entry.kind === 'country') return true
  // [Idlib] in a story about Russia, Iran and Turkey that also names Syria.
  if (named && resolved.exact && entry.population >= 15_000) return true
  // [Pokrovsk] in a story that also places Kyiv: a large town of a country another name of
  // the story already put on the map.
  // [Sweida] alone in a short text: a town of some size whose name no other country's town
  // of 1,000 or more shares.
  // [Kidal]: the capital of a region named after it is notable at any size.
  if (
    entry.kind === 'city' &&
    resolved.exact &&
    (entry.population >= 15_000 || capitalOfNamesake(candidate, entry)) &&
    isDominantBearer(name, candidate, entry)
  ) {
    return true
  }
  if (
    focusCountries.isPresent(entry.country, key) &&
    resolved.exact &&
    entry.kind === 'city' &&
    entry.population >= 50_000
  ) {
    return !proposal.sentenceInitial
  }
  return resolved.exact && (area || major || (entry.kind === 'admin1' && !proposal.sentenceInitial))
}

/** The word (letters and dots) before `start` and the spaces after it: [Gen.] Jordan. */
function previousWord(text: string, start: number): string {
  const limit = Math.max(0, start - 20)
  let end = start
  while (end > limit && SPACE.test(text[end - 1] as string)) end--
  if (end === start) return ''
  let wordStart = end
  while (wordStart > limit && LETTER_OR_DOT.test(text[wordStart - 1] as string)) wordStart--
  return text.slice(wordStart, end)
}

const SPACE = /\s/
const LETTER_OR_DOT = /[\p{L}.]/u

function collectDemonyms(text: string, run: NameRun, out: Map<string, number>): void {
  for (const word of run.words) {
    if (word.connector) continue
    const country = demonymCountry(text.slice(word.start, word.end))
    if (country) out.set(country, (out.get(country) ?? 0) + 1)
  }
}

/**
 * The countries a story is about, from its demonyms and resolved names, kept per name so that
 * a name is judged by the other names only: a lone [Bel] must not make the United States the
 * story's country and then pass as a local place.
 */
class StoryCountries {
  private readonly weights = new Map<string, Map<string, number>>()
  private readonly namedBy = new Map<string, Set<string>>()
  private readonly keyTotals = new Map<string, number>()
  private total = 0

  constructor(
    results: readonly ResolvedCandidate[],
    proposals: readonly Proposal[],
    demonyms: ReadonlyMap<string, number>,
  ) {
    // Demonyms belong to no name: they always count.
    for (const [country, count] of demonyms) this.add(country, '', count, true)
    results.forEach(({ entry }, index) => {
      if (!entry || !entry.country) return
      const key = foldName((proposals[index] as Proposal).candidate.name)
      const area = entry.kind === 'country' || entry.kind === 'admin1'
      this.add(entry.country, key, area ? 1.5 : 1, area)
    })
  }

  private add(country: string, key: string, weight: number, names: boolean): void {
    let byKey = this.weights.get(country)
    if (!byKey) this.weights.set(country, (byKey = new Map()))
    byKey.set(key, (byKey.get(key) ?? 0) + weight)
    this.keyTotals.set(key, (this.keyTotals.get(key) ?? 0) + weight)
    this.total += weight
    if (!names) return
    let keys = this.namedBy.get(country)
    if (!keys) this.namedBy.set(country, (keys = new Set()))
    keys.add(key)
  }

  /** The weight of `country` from names other than `key`. */
  private weightWithout(country: string, key: string): number {
    const byKey = this.weights.get(country)
    if (!byKey) return 0
    let weight = 0
    for (const [other, value] of byKey) if (other !== key) weight += value
    return weight
  }

  /** At least a fifth of what the other names weigh. */
  isCore(country: string, key: string): boolean {
    const weight = this.weightWithout(country, key)
    return weight > 0 && weight >= (this.total - (this.keyTotals.get(key) ?? 0)) / 5
  }

  /** Named by another name as a country or admin-1 region, or by a demonym. */
  isNamed(country: string, key: string): boolean {
    return [...(this.namedBy.get(country) ?? [])].some((other) => other !== key)
  }

  /** Put on the map by another name at all. */
  isPresent(country: string, key: string): boolean {
    return this.weightWithout(country, key) > 0
  }
}

const LOWER_WORD = /^\p{Ll}\p{L}+$/u
const LETTER = /\p{L}/u

/**
 * True when `word` (lower case) occurs in the text as a whole lower-case word: not after a
 * letter or a dot ([police] said, not e.[police]), not before a letter. Searched on demand: only
 * sentence-initial single words ask, so no per-text word set is built.
 */
function writesLowerCase(text: string, word: string): boolean {
  if (!LOWER_WORD.test(word)) return false
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1]
    const after = text[at + word.length]
    if (before !== undefined && (before === '.' || LETTER.test(before))) continue
    if (after !== undefined && LETTER.test(after)) continue
    return true
  }
  return false
}

function isExcluded(
  candidate: PlaceCandidate,
  excluded: readonly { start: number; end: number }[],
): boolean {
  // Binary search for the first span ending after the candidate starts.
  let low = 0
  let high = excluded.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((excluded[middle] as { end: number }).end <= candidate.start) low = middle + 1
    else high = middle
  }
  for (let index = low; index < excluded.length; index++) {
    const span = excluded[index] as { start: number; end: number }
    if (span.start >= candidate.end) break
    if (span.start < candidate.end && candidate.start < span.end) return true
  }
  return false
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/**
 * The entity id of a place the text names but the map cannot pin (unknown to the gazetteer, or
 * tied between namesakes): `place:` and its folded name, so every mention of "Krasnohorivka" in a
 * library is one entity without coordinates.
 */
export function unpinnedPlaceId(name: string): string {
  return `place:${foldName(name).replace(/\s+/g, '-')}`
}
