import type { ActorEntry, Lexicon } from '../../lexicon/lexicon.js'
import type { CountryRecord, GenericActorPhrase } from '../../lexicon/generic-actors.js'
import { foldKey } from '../../text/fold-key.js'
import { isCapitalised, splitWords, type Word } from '../../text/words.js'

/** What a mention names. `force` = a side's forces named generically ("rebels", "Russian troops"). */
export type MentionKind =
  'actor' | 'person' | 'organization' | 'country' | 'source' | 'force' | 'institution'

/** An actor, organisation, person, outlet or generic side named in the text. */
export interface Mention {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: MentionKind
  /** Stable entity id: lexicon id, `country:SY`, `force:opposition`, `person:<folded name>` … */
  readonly entityId: string
  /** Canonical name ("Syrian Observatory for Human Rights", "Syrian army"). */
  readonly name: string
  /** Side code, or null when it depends on the document's country focus (see `country`). */
  readonly side: string | null
  /** Country the mention belongs to (demonym, possessive), for national forces and institutions. */
  readonly country: string | null
  /** The loaded term the words carry ("terrorists", "regime"), if any. */
  readonly framing: string | null
  readonly rule: string
}

// Nouns that make a demonym a state's voice: [Iranian] [Foreign Minister], [Qatari] [officials].
const OFFICIAL_NOUNS = new Set([
  'minister',
  'ministers',
  'official',
  'officials',
  'diplomat',
  'diplomats',
  'envoy',
  'counterpart',
  'colleague',
  'delegation',
  'president',
  'leader',
  'leaders',
  'embassy',
  'authorities',
  'foreign',
  'prime',
  'ambassador',
  'spokesman',
  'spokesperson',
])

// Nouns that make a demonym a force: [Russian] [troops], [Syrian] [army], [Israeli] [warplanes].
const FORCE_NOUNS = new Set([
  'army',
  'armies',
  'troops',
  'forces',
  'force',
  'military',
  'soldiers',
  'soldier',
  'aircraft',
  'warplanes',
  'jets',
  'air',
  'navy',
  'units',
  'units',
  'personnel',
  'militias',
  'militia',
  'fighters',
  'officers',
  'drones',
  'artillery',
  'tanks',
])

// Attacks named by their means: a demonym before them is the attacker ([Russian] airstrikes).
const STRIKE_NOUNS = new Set([
  'airstrikes',
  'airstrike',
  'strikes',
  'bombardment',
  'bombardments',
  'bombing',
  'bombings',
  'shelling',
  'missiles',
  'missile',
  'rockets',
  'raids',
  'offensive',
  'assault',
])

// Institutions named by function; the canonical name is "<Demonym> <suffix>" (Syrian Ministry of Defense).
const INSTITUTIONS: readonly {
  words: string[]
  suffix: string
  side: 'state' | null
  kind: 'institution' | 'source'
  canonical?: string
}[] = [
  {
    words: ['ministry', 'of', 'defense'],
    suffix: 'Ministry of Defense',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['ministry', 'of', 'defence'],
    suffix: 'Ministry of Defense',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['defense', 'ministry'],
    suffix: 'Ministry of Defense',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['defence', 'ministry'],
    suffix: 'Ministry of Defense',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['foreign', 'ministry'],
    suffix: 'Foreign Ministry',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['ministry', 'of', 'foreign', 'affairs'],
    suffix: 'Foreign Ministry',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['interior', 'ministry'],
    suffix: 'Interior Ministry',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['ministry', 'of', 'interior'],
    suffix: 'Interior Ministry',
    side: 'state',
    kind: 'institution',
  },
  { words: ['health', 'ministry'], suffix: 'Health Ministry', side: 'state', kind: 'institution' },
  {
    words: ['ministry', 'of', 'health'],
    suffix: 'Health Ministry',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['general', 'command', 'of', 'the', 'army', 'and', 'armed', 'forces'],
    suffix: 'army',
    side: 'state',
    kind: 'institution',
  },
  {
    words: ['armed', 'forces', 'general', 'command'],
    suffix: 'army',
    side: 'state',
    kind: 'institution',
  },
  { words: ['army', 'general', 'command'], suffix: 'army', side: 'state', kind: 'institution' },
  // [Ukraine's General Staff] said: the army's headquarters speaks for the army.
  { words: ['general', 'staff'], suffix: 'General Staff', side: 'state', kind: 'institution' },
  { words: ['general', 'command'], suffix: 'army', side: 'state', kind: 'institution' },
  { words: ['military', 'command'], suffix: 'army', side: 'state', kind: 'institution' },
  { words: ['army', 'command'], suffix: 'army', side: 'state', kind: 'institution' },
  {
    words: ['command', 'of', 'the', 'armed', 'forces'],
    suffix: 'army',
    side: 'state',
    kind: 'institution',
  },
  // An anonymous military source speaks for its army; the entity id keeps it anonymous.
  {
    words: ['military', 'source'],
    suffix: 'military source',
    side: 'state',
    kind: 'institution',
    canonical: 'army',
  },
  {
    words: ['military', 'sources'],
    suffix: 'military source',
    side: 'state',
    kind: 'institution',
    canonical: 'army',
  },
  { words: ['security', 'source'], suffix: 'security source', side: 'state', kind: 'institution' },
  { words: ['army', 'source'], suffix: 'military source', side: 'state', kind: 'institution' },
  { words: ['state', 'television'], suffix: 'state television', side: 'state', kind: 'source' },
  { words: ['state', 'tv'], suffix: 'state television', side: 'state', kind: 'source' },
  { words: ['state-run', 'television'], suffix: 'state television', side: 'state', kind: 'source' },
  { words: ['state', 'media'], suffix: 'state media', side: 'state', kind: 'source' },
  { words: ['state-run', 'media'], suffix: 'state media', side: 'state', kind: 'source' },
  {
    words: ['state', 'news', 'agency'],
    suffix: 'state news agency',
    side: 'state',
    kind: 'source',
  },
  { words: ['television'], suffix: 'television', side: 'state', kind: 'source' },
  { words: ['tv'], suffix: 'TV', side: 'state', kind: 'source' },
  { words: ['government'], suffix: 'government', side: 'state', kind: 'institution' },
  { words: ['authorities'], suffix: 'authorities', side: 'state', kind: 'institution' },
  { words: ['officials'], suffix: 'officials', side: 'state', kind: 'institution' },
  { words: ['intelligence'], suffix: 'intelligence', side: null, kind: 'institution' },
  { words: ['media'], suffix: 'media', side: null, kind: 'source' },
  { words: ['media', 'reports'], suffix: 'media', side: null, kind: 'source' },
]

const INSTITUTIONS_BY_FIRST = new Map<string, (typeof INSTITUTIONS)[number][]>()
for (const institution of INSTITUTIONS) {
  INSTITUTIONS_BY_FIRST.set(institution.words[0]!, [
    ...(INSTITUTIONS_BY_FIRST.get(institution.words[0]!) ?? []),
    institution,
  ])
}

// Words before a name that make it a person: [Rebel commander] Hassan ..., [mayor] ...
const PERSON_TITLES = new Set([
  'commander',
  'leader',
  'mayor',
  'minister',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'president',
  'general',
  'gen.',
  'colonel',
  'col.',
  'official',
  'governor',
  'chief',
  'director',
  'envoy',
  'ambassador',
  'premier',
  'king',
  'prince',
  'sheikh',
  'analyst',
  'researcher',
  'correspondent',
  'reporter',
  'secretary',
  'head',
  'activist',
  'adviser',
  'advisor',
  'emir',
  'lieutenant',
  'captain',
  'major',
  'sergeant',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prime',
  'chairman',
])
// Lower-case particles inside Arabic and other names (Abu Mohammed [al]-Jolani, Osama [bin] Laden).
const NAME_PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'abu',
  'abd',
  'de',
  'van',
  'von',
  'der',
  'al-',
  'ul',
  'ad',
  'as',
  'ash',
  'az',
])
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'his',
  'her',
  'our',
])
// Heads that make an unknown capitalised run an organisation.
const ORG_HEADS = new Set([
  'agency',
  'ministry',
  'council',
  'command',
  'forces',
  'army',
  'brigade',
  'division',
  'regiment',
  'front',
  'committee',
  'observatory',
  'network',
  'news',
  'tv',
  'television',
  'times',
  'post',
  'press',
  'party',
  'movement',
  'organization',
  'organisation',
  'union',
  'group',
  'brigades',
  'battalion',
  'corps',
  'guard',
  'directorate',
  'office',
  'institute',
  'center',
  'centre',
  'foundation',
  'commission',
  'service',
  'services',
  'radio',
  'channel',
])

interface Vocabulary {
  readonly demonyms: Map<string, CountryRecord>
  readonly countryNames: Map<string, CountryRecord>
  readonly maxCountryWords: number
  readonly generic: readonly GenericActorPhrase[]
  /** Generic phrases by the first word they can start with (prefix patterns under their stem). */
  readonly genericByFirst: Map<string, GenericActorPhrase[]>
  readonly genericPrefixes: readonly { prefix: string; phrase: GenericActorPhrase }[]
  /** First words of lexicon aliases and country names: most words start no name at all. */
  readonly firstWords: ReadonlySet<string>
  /** Every folded lexicon alias and each of its leading runs of words ("free", "free syrian"). */
  readonly aliasPrefixes: ReadonlySet<string>
  /** The same for country names. */
  readonly countryPrefixes: ReadonlySet<string>
}

/** Adds `key` and each run of its words from the first ("a b c" → "a", "a b", "a b c"). */
function addPrefixes(prefixes: Set<string>, key: string): void {
  for (let space = key.indexOf(' '); space !== -1; space = key.indexOf(' ', space + 1))
    prefixes.add(key.slice(0, space))
  prefixes.add(key)
}

const vocabularyCache = new WeakMap<Lexicon, Vocabulary>()
function vocabularyOf(lexicon: Lexicon): Vocabulary {
  let vocabulary = vocabularyCache.get(lexicon)
  if (!vocabulary) {
    const demonyms = new Map<string, CountryRecord>()
    const countryNames = new Map<string, CountryRecord>()
    let maxCountryWords = 1
    for (const country of lexicon.vocabulary.countries) {
      for (const demonym of country.demonyms) demonyms.set(foldKey(demonym), country)
      for (const alias of [country.name, ...country.aliases]) {
        const key = foldKey(alias)
        countryNames.set(key, country)
        maxCountryWords = Math.max(maxCountryWords, key.split(' ').length)
      }
    }
    const genericByFirst = new Map<string, GenericActorPhrase[]>()
    const genericPrefixes: { prefix: string; phrase: GenericActorPhrase }[] = []
    for (const phrase of lexicon.vocabulary.generic) {
      const first = phrase.words[0]!
      if (first.endsWith('*')) genericPrefixes.push({ prefix: first.slice(0, -1), phrase })
      else genericByFirst.set(first, [...(genericByFirst.get(first) ?? []), phrase])
    }
    const firstWords = new Set<string>()
    const aliasPrefixes = new Set<string>()
    for (const entry of lexicon.actors.entries)
      for (const alias of [entry.name, ...entry.aliases]) {
        firstWords.add(foldKey(alias).split(' ')[0]!)
        addPrefixes(aliasPrefixes, foldKey(alias))
      }
    const countryPrefixes = new Set<string>()
    for (const key of countryNames.keys()) {
      firstWords.add(key.split(' ')[0]!)
      addPrefixes(countryPrefixes, key)
    }
    vocabulary = {
      demonyms,
      countryNames,
      maxCountryWords,
      generic: lexicon.vocabulary.generic,
      genericByFirst,
      genericPrefixes,
      firstWords,
      aliasPrefixes,
      countryPrefixes,
    }
    vocabularyCache.set(lexicon, vocabulary)
  }
  return vocabulary
}

/**
 * Finds actors, organisations, people, outlets and generic sides. Candidates come from the
 * lexicon (longest alias first), institutions named by function ("the defense ministry"),
 * national forces ("Russian warplanes"), generic sides ("rebels", "regime forces") and unknown
 * capitalised names typed by a title before them ("mayor Ali Hassan") or an organisation head
 * ("... Brigade"). Overlaps are resolved left to right, longest first.
 */
export function findMentions(text: string, lexicon: Lexicon): Mention[] {
  const words = splitWords(text)
  const vocabulary = vocabularyOf(lexicon)
  const mentions: Mention[] = []
  let i = 0
  while (i < words.length) {
    const found =
      matchLexicon(text, words, i, lexicon, vocabulary) ??
      matchNationalForce(text, words, i, vocabulary) ??
      matchInstitution(text, words, i, vocabulary) ??
      matchNationalOfficial(text, words, i, vocabulary) ??
      matchCountry(text, words, i, vocabulary) ??
      matchGeneric(text, words, i, vocabulary) ??
      matchPossessive(text, words, i, lexicon, vocabulary) ??
      matchUnknownName(text, words, i)
    if (found) {
      mentions.push(uniform(found.mention))
      if (found.also) mentions.push(uniform(found.also))
      i += found.length
      continue
    }
    const anaphor = matchDefiniteHead(text, words, i, mentions)
    if (anaphor) {
      mentions.push(uniform(anaphor.mention))
      i += anaphor.length
    } else {
      i++
    }
  }
  return mentions
}

/**
 * The mention rebuilt by one object literal. The matchers build mentions by spreading spans and
 * other mentions, which gives objects of one layout several hidden classes; the claims stage reads
 * every mention many times, and one class keeps those reads fast (and its compiled code stable).
 */
function uniform(mention: Mention): Mention {
  return {
    start: mention.start,
    end: mention.end,
    text: mention.text,
    kind: mention.kind,
    entityId: mention.entityId,
    name: mention.name,
    side: mention.side,
    country: mention.country,
    framing: mention.framing,
    rule: mention.rule,
  }
}

// [the Observatory], [the Ministry], [the Britain-based Observatory]: a capitalised head noun after
// "the" refers back to the latest organisation whose name has that head.
function matchDefiniteHead(
  text: string,
  words: readonly Word[],
  i: number,
  earlier: readonly Mention[],
): Found {
  if (words[i]!.folded !== 'the') return null
  for (let n = 1; n <= 2 && i + n < words.length; n++) {
    const head = words[i + n]!
    if (!isCapitalised(head.text) || !ORG_HEADS.has(head.folded)) continue
    // "the Britain-based Observatory" refers back; "the Levant Observatory for Human Rights" is a new name.
    if (n === 2 && !words[i + 1]!.text.includes('-')) return null
    if (/[.;:!?]/.test(text.slice(words[i]!.end, head.start))) return null
    const next = words[i + n + 1]
    if (
      next &&
      (isCapitalised(next.text) ||
        ((next.folded === 'for' || next.folded === 'of') &&
          isCapitalised(words[i + n + 2]?.text ?? '')))
    )
      return null
    for (let k = earlier.length - 1; k >= 0; k--) {
      const antecedent = earlier[k]!
      if (
        antecedent.kind === 'force' ||
        antecedent.kind === 'country' ||
        antecedent.kind === 'person'
      )
        continue
      if (!foldKey(antecedent.name).split(' ').includes(head.folded)) continue
      return {
        mention: { ...antecedent, ...span(text, words, i, n + 1), rule: 'mentions/definite-head' },
        length: n + 1,
      }
    }
  }
  return null
}

/** A match; `also` is a second mention inside the same words ([Syrian]-[Russian] airstrikes). */
type Found = { mention: Mention; length: number; also?: Mention } | null

function span(text: string, words: readonly Word[], i: number, n: number) {
  const start = words[i]!.start
  const end = words[i + n - 1]!.end
  return { start, end, text: text.slice(start, end) }
}

/**
 * The keys of the runs of 1, 2, … up to `max` words from word `i` (folded words joined by
 * spaces), as long as each is in `prefixes`: a longer run extends a shorter one, so once a run
 * starts no name, no longer run names one either. Built by extension, not one join per length.
 */
function keysFrom(
  words: readonly Word[],
  i: number,
  max: number,
  prefixes: ReadonlySet<string>,
): string[] {
  const keys: string[] = []
  let key = ''
  for (let n = 1; n <= max && i + n <= words.length; n++) {
    key = n === 1 ? words[i]!.folded : `${key} ${words[i + n - 1]!.folded}`
    if (!prefixes.has(key)) break
    keys.push(key)
  }
  return keys
}

/** True when words i … i+n-1 are, folded, the given words. */
function wordsAre(words: readonly Word[], i: number, expected: readonly string[]): boolean {
  if (i + expected.length > words.length) return false
  for (let k = 0; k < expected.length; k++) if (words[i + k]!.folded !== expected[k]) return false
  return true
}

/** True when the surface case is compatible with the alias ("HTS" needs capitals; "Mehr" needs a capital). */
function caseFits(surface: readonly Word[], alias: string): boolean {
  const aliasWords = alias.split(/\s+/)
  if (aliasWords.length !== surface.length) return true
  return aliasWords.every((aliasWord, k) => {
    const word = surface[k]!.text
    if (/^[A-Z0-9.]{2,5}$/.test(aliasWord))
      return word.replace(/[’']s$/, '') === aliasWord || word === aliasWord
    if (isCapitalised(aliasWord)) return isCapitalised(word)
    return true
  })
}

function matchLexicon(
  text: string,
  words: readonly Word[],
  i: number,
  lexicon: Lexicon,
  vocabulary: Vocabulary,
): Found {
  if (!vocabulary.firstWords.has(words[i]!.folded)) return null
  // Longest first; only runs that begin some alias can be one (the index holds nothing else).
  const keys = keysFrom(words, i, lexicon.actors.maxAliasWords, vocabulary.aliasPrefixes)
  for (let n = keys.length; n >= 1; n--) {
    const entry = entryWritten(lexicon, keys[n - 1]!, words.slice(i, i + n))
    if (!entry) continue
    return { mention: fromEntry(span(text, words, i, n), entry), length: n }
  }
  return null
}

/**
 * "[Hezbollah]'s fighters", "[the SDF]’s withdrawal": an alias whose last word carries the
 * possessive. The mention ends before "'s". Tried after the generic sides, which know their own
 * possessives ("Assad's forces" is the regime's army, not the man).
 */
function matchPossessive(
  text: string,
  words: readonly Word[],
  i: number,
  lexicon: Lexicon,
  vocabulary: Vocabulary,
): Found {
  let key = ''
  for (let n = 1; n <= lexicon.actors.maxAliasWords && i + n <= words.length; n++) {
    const word = words[i + n - 1]!
    const possessive = /['’]s$/.test(word.text)
    const folded = possessive ? foldKey(word.text.slice(0, -2)) : word.folded
    key = n === 1 ? folded : `${key} ${folded}`
    if (!possessive) {
      if (!vocabulary.aliasPrefixes.has(key)) return null
      continue
    }
    const bare: Word = { ...word, end: word.end - 2, text: word.text.slice(0, -2), folded }
    const entry = entryWritten(lexicon, key, [...words.slice(i, i + n - 1), bare])
    if (!entry) return null
    const start = words[i]!.start
    return {
      mention: fromEntry({ start, end: bare.end, text: text.slice(start, bare.end) }, entry),
      length: n,
    }
  }
  return null
}

/** The lexicon entry one of whose names folds to `key` and is written as `surface` writes it. */
function entryWritten(
  lexicon: Lexicon,
  key: string,
  surface: readonly Word[],
): ActorEntry | undefined {
  return lexicon.actors
    .lookup(key)
    .find((candidate) =>
      [candidate.name, ...candidate.aliases].some(
        (alias) => foldKey(alias) === key && caseFits(surface, alias),
      ),
    )
}

function fromEntry(at: { start: number; end: number; text: string }, entry: ActorEntry): Mention {
  return {
    ...at,
    kind: entry.kind,
    entityId: entry.id,
    name: entry.name,
    side: entry.side,
    country: null,
    framing: null,
    rule: 'mentions/lexicon-alias',
  }
}

/** A demonym, a possessive country or a country name before the current word, if any. */
function countryBefore(
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): { country: CountryRecord; from: number } | null {
  const previous = words[i - 1]
  if (!previous) return null
  const demonym = vocabulary.demonyms.get(previous.folded)
  if (demonym && isCapitalised(previous.text)) return { country: demonym, from: i - 1 }
  // [Syria's] army, the [rebels'] positions: the word without its possessive ending.
  const folded = previous.folded
  const possessive = folded.endsWith("'s")
    ? folded.slice(0, -2)
    : folded.endsWith("'")
      ? folded.slice(0, -1)
      : folded
  if (possessive !== folded) {
    const country = vocabulary.countryNames.get(possessive) ?? vocabulary.demonyms.get(possessive)
    if (country && isCapitalised(previous.text)) return { country, from: i - 1 }
  }
  return null
}

// [Syria's defense ministry], [the Syrian Ministry of Defense], [a military source], [state television]
function matchInstitution(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  // At a demonym or possessive country, look ahead: [Syrian] [Ministry of Defense], [Syria's] [army command].
  const ownerHere = countryBefore(words, i + 1, vocabulary)
  if (ownerHere && i + 1 < words.length) {
    const ahead = matchInstitution(text, words, i + 1, vocabulary)
    if (ahead && ahead.mention.start === words[i]!.start) return ahead
  }
  for (const institution of INSTITUTIONS_BY_FIRST.get(words[i]!.folded) ?? []) {
    const n = institution.words.length
    if (!wordsAre(words, i, institution.words)) continue
    const owner = countryBefore(words, i, vocabulary)
    // Bare one-word institutions ("television", "officials", "media") need a country before them.
    if (n === 1 && !owner) continue
    if (owner && words[i]!.start - words[owner.from]!.end > 2) continue
    const from = owner ? owner.from : i
    const name = owner ? `${owner.country.demonyms[0]} ${institution.suffix}` : institution.suffix
    const canonical = institution.canonical
      ? owner
        ? `${owner.country.demonyms[0]} ${institution.canonical}`
        : institution.canonical
      : name
    return {
      mention: {
        ...span(text, words, from, i + n - from),
        kind: institution.kind === 'source' ? 'source' : 'institution',
        entityId: `institution:${foldKey(name)}`,
        name: canonical,
        side: null,
        country: owner ? owner.country.code : null,
        framing: null,
        rule: 'mentions/institution',
      },
      length: i + n - from,
    }
  }
  return null
}

// Words between a demonym and a force noun: [Syrian] [government] [forces].
const FORCE_MODIFIERS: ReadonlySet<string> = new Set([
  'government',
  'armed',
  'military',
  'air',
  'regime',
  'special',
  'security',
  'ground',
  'army',
  'naval',
  'border',
])
// Words after which the force noun heads an institution: [a Syrian military source].
const NOT_BEFORE_FORCE_NOUN: ReadonlySet<string> = new Set([
  'source',
  'sources',
  'command',
  'spokesman',
  'spokesperson',
  'general',
])

// [Russian warplanes], [Syrian government forces], [Turkish troops]
function matchNationalForce(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  const word = words[i]!
  const country = vocabulary.demonyms.get(word.folded)
  if (!country)
    return word.folded.includes('-') ? matchJointForce(text, words, i, vocabulary) : null
  if (!isCapitalised(word.text)) return null
  // "the [Syrian] and Russian air forces": a demonym coordinated with another that names the force.
  const next = words[i + 1]
  if (
    next &&
    (next.folded === 'and' || /^\s*,\s*$/.test(text.slice(word.end, next.start))) &&
    vocabulary.demonyms.has(words[i + (next.folded === 'and' ? 2 : 1)]?.folded ?? '')
  ) {
    const rest = matchNationalForce(text, words, i + (next.folded === 'and' ? 2 : 1), vocabulary)
    if (rest) {
      const noun = rest.mention.name.split(' ').slice(1).join(' ')
      return { mention: nationalForce(text, word.start, word.end, country, noun), length: 1 }
    }
  }
  // "[Russian] airstrikes hit Idlib", "[Israeli] shelling": the demonym alone names who struck, and
  // the noun stays free to be the event's trigger.
  // "[Russian] air strikes": the same, with the means in two words.
  const twoWordStrike =
    words[i + 1]?.folded === 'air' && STRIKE_NOUNS.has(words[i + 2]?.folded ?? '')
  if (
    (twoWordStrike || STRIKE_NOUNS.has(words[i + 1]?.folded ?? '')) &&
    /^\s+$/.test(text.slice(word.end, words[i + 1]!.start))
  ) {
    const air = /^air|^bomb/.test(words[i + 1]!.folded)
    return {
      mention: nationalForce(text, word.start, word.end, country, air ? 'air force' : 'army'),
      length: 1,
    }
  }
  // Longest first: "Russian [air forces]" is one force, not "Russian [air]" before a noun.
  for (let n = Math.min(3, words.length - i); n >= 2; n--) {
    const last = words[i + n - 1]!
    if (!FORCE_NOUNS.has(last.folded)) continue
    // "Syrian opposition forces" belongs to the generic matcher; the words between demonym and
    // noun must qualify a state force ([Syrian] [government] [forces]).
    let air = false
    for (let k = i + 1; k < i + n - 1; k++) {
      const middle = words[k]!.folded
      if (
        middle.startsWith('opposition') ||
        middle.startsWith('rebel') ||
        middle === 'kurdish' ||
        middle === 'militant' ||
        !FORCE_MODIFIERS.has(middle)
      )
        return null
      if (middle === 'air') air = true
    }
    // "a Syrian military source", "the Syrian army command": an institution, read by matchInstitution.
    if (NOT_BEFORE_FORCE_NOUN.has(words[i + n]?.folded ?? '')) return null
    const noun =
      last.folded === 'military'
        ? 'army'
        : air ||
            last.folded === 'air' ||
            last.folded === 'warplanes' ||
            last.folded === 'aircraft' ||
            last.folded === 'jets'
          ? 'air force'
          : 'army'
    return { mention: nationalForce(text, word.start, last.end, country, noun), length: n }
  }
  return null
}

/** A state's force named by its demonym: "Russian warplanes" → the Russian air force. */
function nationalForce(
  text: string,
  start: number,
  end: number,
  country: CountryRecord,
  noun: string,
): Mention {
  return {
    start,
    end,
    text: text.slice(start, end),
    kind: 'force',
    entityId: `force:${country.code.toLowerCase()}`,
    name: `${country.demonyms[0]} ${noun}`,
    side: null,
    country: country.code,
    framing: null,
    rule: 'mentions/national-force',
  }
}

// "joint [Syrian]-[Russian] airstrikes", "[Turkish]-[Azerbaijani] troops": two states' forces in
// one hyphenated word before a force or attack noun, one mention each.
function matchJointForce(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  const word = words[i]!
  const hyphen = word.text.search(/[-‐‑]/)
  const first = vocabulary.demonyms.get(word.folded.slice(0, hyphen))
  const second = vocabulary.demonyms.get(word.folded.slice(hyphen + 1))
  const noun = words[i + 1]?.folded ?? ''
  if (!first || !second || first === second || !isCapitalised(word.text.slice(hyphen + 1))) {
    return null
  }
  if (!isCapitalised(word.text) || !(STRIKE_NOUNS.has(noun) || FORCE_NOUNS.has(noun))) return null
  const force =
    /^air|^bomb/.test(noun) || noun === 'warplanes' || noun === 'jets' || noun === 'aircraft'
      ? 'air force'
      : 'army'
  return {
    mention: nationalForce(text, word.start, word.start + hyphen, first, force),
    also: nationalForce(text, word.start + hyphen + 1, word.end, second, force),
    // The noun stays free to be the event's trigger ("airstrikes"); a force noun is read here.
    length: STRIKE_NOUNS.has(noun) ? 1 : 2,
  }
}

// [Iranian Foreign Minister] Abbas Araghchi, [Qatari officials], [the Jordanian Embassy]
function matchNationalOfficial(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  const word = words[i]!
  const country = vocabulary.demonyms.get(word.folded)
  const next = words[i + 1]
  if (!country || !isCapitalised(word.text) || !next || !OFFICIAL_NOUNS.has(next.folded))
    return null
  let n = 2
  while (i + n < words.length && n < 4 && OFFICIAL_NOUNS.has(words[i + n]!.folded)) n++
  if (i + n < words.length && ['minister', 'affairs'].includes(words[i + n]!.folded)) n++
  const name = `${country.demonyms[0]} ${words
    .slice(i + 1, i + n)
    .map((w) => w.folded)
    .join(' ')}`
  return {
    mention: {
      ...span(text, words, i, n),
      kind: 'institution',
      entityId: `country:${country.code}`,
      name,
      side: null,
      country: country.code,
      framing: null,
      rule: 'mentions/national-official',
    },
    length: n,
  }
}

// [Jordan], [Russia], and [the United States] have urged their citizens to leave
function matchCountry(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  if (!vocabulary.firstWords.has(words[i]!.folded)) return null
  const keys = keysFrom(words, i, vocabulary.maxCountryWords, vocabulary.countryPrefixes)
  for (let n = keys.length; n >= 1; n--) {
    const key = keys[n - 1]!
    const country = vocabulary.countryNames.get(key)
    if (!country || !isCapitalised(words[i]!.text)) continue
    // "US" and "UK" only in capitals; "Georgia" and "Jordan" stay places/names unless the lexicon says otherwise.
    if (key.length <= 3 && words[i]!.text !== words[i]!.text.toUpperCase()) continue
    return {
      mention: {
        ...span(text, words, i, n),
        kind: 'country',
        entityId: `country:${country.code}`,
        name: country.name,
        side: country.side,
        country: country.code,
        framing: null,
        rule: 'mentions/country',
      },
      length: n,
    }
  }
  return null
}

const NO_PHRASES: readonly GenericActorPhrase[] = []

/** True when the phrase fits at word i and is longer than the best so far. */
function fitsLonger(
  phrase: GenericActorPhrase,
  words: readonly Word[],
  i: number,
  best: { n: number } | null,
): boolean {
  const n = phrase.words.length
  if (i + n > words.length || (best && best.n >= n)) return false
  for (let k = 0; k < n; k++) {
    const pattern = phrase.words[k]!
    const word = words[i + k]!.folded
    const fits = pattern.endsWith('*')
      ? word.startsWith(pattern.slice(0, -1)) && !word.endsWith('-held')
      : word === pattern
    if (!fits) return false
  }
  return true
}

// [rebels], [regime forces], [terrorist organizations], [the opposition]
function matchGeneric(
  text: string,
  words: readonly Word[],
  i: number,
  vocabulary: Vocabulary,
): Found {
  // Candidates in order: phrases under their first word, then those under a matching stem; the
  // first longest one that fits wins. Most words start none, so nothing is built for them.
  let best: { phrase: GenericActorPhrase; n: number } | null = null
  const first = words[i]!.folded
  for (const phrase of vocabulary.genericByFirst.get(first) ?? NO_PHRASES)
    if (fitsLonger(phrase, words, i, best)) best = { phrase, n: phrase.words.length }
  for (const { prefix, phrase } of vocabulary.genericPrefixes)
    if (first.startsWith(prefix) && fitsLonger(phrase, words, i, best))
      best = { phrase, n: phrase.words.length }
  if (!best) return null
  const owner = countryBefore(words, i, vocabulary)
  const from = owner && best.phrase.side === 'government' ? owner.from : i
  const n = i + best.n - from
  const name =
    best.phrase.side === 'government' && owner
      ? `${owner.country.demonyms[0]} army`
      : best.phrase.side
  return {
    mention: {
      ...span(text, words, from, n),
      kind: 'force',
      entityId: `force:${best.phrase.side === 'government' && owner ? owner.country.code.toLowerCase() : best.phrase.side}`,
      name,
      side: best.phrase.side === 'government' ? null : best.phrase.side,
      country: owner?.country.code ?? null,
      framing: best.phrase.framing,
      rule: 'mentions/generic-side',
    },
    length: n,
  }
}

// [Rebel commander] Hassan Abdel Ghani; the mayor, Turki Al-Mahlawi; the Khalkhalah Brigade
function matchUnknownName(text: string, words: readonly Word[], i: number): Found {
  // "The Syrian Observatory …": a run never starts with a determiner, so the known name after it is found.
  if (!isCapitalised(words[i]!.text) || DETERMINERS.has(words[i]!.folded)) return null
  let n = 0
  while (i + n < words.length && n < 7) {
    const word = words[i + n]!
    const particle =
      NAME_PARTICLES.has(word.folded) || /^(?:al|el|as|ad|ar|ash|az)-/i.test(word.text)
    // Organisation names run over "for"/"of" between capitalised words: "Observatory for Human Rights".
    const joiner =
      (word.folded === 'for' || word.folded === 'of') &&
      n > 0 &&
      ORG_HEADS.has(words[i + n - 1]!.folded) &&
      isCapitalised(words[i + n + 1]?.text ?? '')
    if (!isCapitalised(word.text) && !(particle && n > 0) && !joiner) break
    // A name does not run across punctuation ("Ghani, the commander").
    if (n > 0 && /[,;:()"“”.!?]/.test(text.slice(words[i + n - 1]!.end, word.start))) break
    n++
  }
  // "quoted commander Ali Mahmoud [as] saying": a lower-case particle opens a name's next part,
  // it never ends the name.
  while (n > 1 && !isCapitalised(words[i + n - 1]!.text) && !words[i + n - 1]!.text.includes('-'))
    n--
  if (n < 1) return null
  const previous = words[i - 1]
  const titled =
    previous !== undefined &&
    PERSON_TITLES.has(previous.folded) &&
    !/[.!?]/.test(text.slice(previous.end, words[i]!.start))
  const head = words[i + n - 1]!.folded
  if (titled && n >= 2 && n <= 4 && !ORG_HEADS.has(head)) {
    const at = span(text, words, i, n)
    return {
      mention: {
        ...at,
        kind: 'person',
        entityId: `person:${foldKey(at.text)}`,
        name: at.text,
        side: null,
        country: null,
        framing: null,
        rule: 'mentions/titled-person',
      },
      length: n,
    }
  }
  if (n >= 2 && words.slice(i, i + n).some((word, k) => k > 0 && ORG_HEADS.has(word.folded))) {
    const at = span(text, words, i, n)
    return {
      mention: {
        ...at,
        kind: 'organization',
        entityId: `org:${foldKey(at.text)}`,
        name: at.text,
        side: null,
        country: null,
        framing: null,
        rule: 'mentions/organization-head',
      },
      length: n,
    }
  }
  return null
}
