import { describe, expect, it } from 'vitest'
import type { GazetteerEntry, PlaceKind } from '../../lexicon/gazetteer.js'
import { createGazetteer, indexEntry } from './create-gazetteer.js'
import { demonymCountry } from './demonym-country.js'
import { findPlaces, type PlaceMention } from './find-places.js'
import { resolvePlaceName, resolvePlaceSpans } from './resolve-place-name.js'

/** A small gazetteer of real places (GeoNames / Natural Earth coordinates, rounded). */
function place(
  id: string,
  name: string,
  kind: PlaceKind,
  lat: number,
  lon: number,
  country: string,
  population: number,
  extra: Partial<GazetteerEntry> & { names?: string[] } = {},
): ReturnType<typeof indexEntry> {
  const { names = [], ...rest } = extra
  const entry: GazetteerEntry = {
    id,
    name,
    kind,
    lat,
    lon,
    country,
    population,
    featureClass: kind === 'city' ? 'P' : kind === 'site' ? 'S' : 'A',
    ...rest,
  }
  return indexEntry(entry, names)
}

const gazetteer = createGazetteer([
  place('country:SY', 'Syria', 'country', 35, 38, 'SY', 0),
  place('country:JO', 'Jordan', 'country', 31, 36, 'JO', 0),
  place('country:FR', 'France', 'country', 46, 2, 'FR', 0),
  place('country:US', 'United States', 'country', 39.76, -98.5, 'US', 0, { names: ['U.S.'] }),
  place('ne:SY-HI', 'Homs', 'admin1', 34.15, 38.14, 'SY', 0, { capital: 'gn:169577' }),
  place('ne:SY-DR', 'Daraa', 'admin1', 32.87, 36.17, 'SY', 0, { capital: 'gn:170905' }),
  place('ne:SY-RD', 'Rif Dimashq', 'admin1', 33.53, 37.07, 'SY', 0, { names: ['Rif Damascus'] }),
  place('ne:SY-DI', 'Damascus', 'admin1', 33.51, 36.29, 'SY', 0, { capital: 'gn:170654' }),
  place('ne:US-IL', 'Illinois', 'admin1', 40, -89.25, 'US', 0, { names: ['Ill.'] }),
  place('ne:AU-VI', 'Victoria', 'admin1', -36.9, 144.3, 'AU', 5_000_000),
  place('gn:169577', 'Homs', 'city', 34.727, 36.723, 'SY', 775404, {
    admin1: 'ne:SY-HI',
    featureCode: 'PPLA',
  }),
  place('gn:170017', 'Ḩamāh', 'city', 35.132, 36.758, 'SY', 460602, { featureCode: 'PPLA' }),
  place('gn:170654', 'Damascus', 'city', 33.51, 36.291, 'SY', 1569394, {
    admin1: 'ne:SY-DI',
    featureCode: 'PPLC',
  }),
  place('gn:170905', 'Dar‘ā', 'city', 32.619, 36.102, 'SY', 97969, {
    admin1: 'ne:SY-DR',
    featureCode: 'PPLA',
  }),
  place('gn:172408', 'As-Suwayda', 'city', 32.709, 36.57, 'SY', 59052, { featureCode: 'PPLA' }),
  place('gn:166365', 'Nawá', 'city', 32.89, 36.04, 'SY', 0, {
    admin1: 'ne:SY-DR',
    featureCode: 'PPLA3',
  }),
  place('gn:900001', 'Asad', 'city', 36.1, 37.9, 'SY', 1200),
  place('gn:2988507', 'Paris', 'city', 48.853, 2.349, 'FR', 2138551, { featureCode: 'PPLC' }),
  place('gn:4246659', 'Paris', 'city', 39.611, -87.696, 'US', 8837, {
    admin1: 'ne:US-IL',
    featureCode: 'PPLA2',
  }),
  place('gn:4246000', 'Urbana', 'city', 40.111, -88.207, 'US', 41250, { admin1: 'ne:US-IL' }),
  place('curated:khalkhalah-airbase', 'Khalkhalah airbase', 'site', 33.064, 36.552, 'SY', 0, {
    names: ['Khalkhalah'],
  }),
])

function sentencesOf(text: string): { start: number; end: number }[] {
  return [{ start: 0, end: text.length }]
}

function find(text: string, excludeSpans?: { start: number; end: number }[]): PlaceMention[] {
  return findPlaces(text, sentencesOf(text), gazetteer, excludeSpans ? { excludeSpans } : {})
}

/** Positive cases: text, the quote expected, entry id (null = unknown place), rule, qualifier. */
const POSITIVES: readonly [string, string, string | null, string, PlaceMention['qualifier']][] = [
  // Rebels entered [the city of Homs] on Friday.
  ['Rebels entered the city of Homs on Friday.', 'Homs', 'gn:169577', 'places/the-city-of', 'city'],
  // Clashes spread across [Daraa province].
  [
    'Clashes spread across Daraa province overnight.',
    'Daraa province',
    'ne:SY-DR',
    'places/admin-suffix',
    'admin',
  ],
  // Fighting reached [Homs Governorate].
  [
    'Fighting reached Homs Governorate by noon.',
    'Homs Governorate',
    'ne:SY-HI',
    'places/admin-suffix',
    'admin',
  ],
  // Shelling hit [rural Damascus].
  [
    'Shelling hit rural Damascus late on Thursday.',
    'rural Damascus',
    'ne:SY-RD',
    'places/rural-prefix',
    'countryside',
  ],
  // Drones struck [Damascus’ countryside].
  [
    'Drones struck Damascus’ countryside again.',
    'Damascus’ countryside',
    'ne:SY-RD',
    'places/countryside',
    'countryside',
  ],
  // Local factions in Syria seized [Sweida].
  [
    'Local factions in Syria seized Sweida after talks.',
    'Sweida',
    'gn:172408',
    'places/gazetteer-word',
    null,
  ],
  // Troops left [Hama] for the south.
  ['Troops left Hama for the south.', 'Hama', 'gn:170017', 'places/gazetteer-word', null],
  // Fighters took [al-Suwayda] and [Daraa].
  ['Fighters took al-Suwayda and Daraa.', 'al-Suwayda', 'gn:172408', 'places/gazetteer-name', null],
  // Residents fled [the village of Umm Batna], which no list knows.
  [
    'Residents fled the village of Umm Batna at dawn.',
    'Umm Batna',
    null,
    'places/the-city-of',
    'city',
  ],
  // Troops took [the settlement of Qqarovka]: frontline reports name hamlets no list knows.
  [
    'Troops took the settlement of Qqarovka on Tuesday.',
    'Qqarovka',
    null,
    'places/the-city-of',
    'city',
  ],
  // Fighting in [Qqardaw township]: a township is a second-level unit, like a district.
  [
    'Fighting spread to Qqardaw township overnight.',
    'Qqardaw township',
    null,
    'places/district-suffix',
    null,
  ],
  // Jets hit [Khalkhalah airbase].
  [
    'Jets hit Khalkhalah airbase twice.',
    'Khalkhalah airbase',
    'curated:khalkhalah-airbase',
    'places/site-suffix',
    null,
  ],
  // Police in [Paris], [Ill.]… the Paris near Urbana.
  [
    'Police in Paris, Ill., said a man from Urbana was held.',
    'Paris',
    'gn:4246659',
    'places/gazetteer-word',
    null,
  ],
]

/** Near misses: text and a word that must not become a place mention. */
const NEAR_MISSES: readonly [string, string][] = [
  // [Syrian] forces: a demonym is not a place.
  ['Syrian forces withdrew from the area.', 'Syrian'],
  // [President Assad]: a person, although a village Asad exists.
  ['President Assad spoke on television.', 'Assad'],
  // [Gen. Jordan]: a title before the name.
  ['Gen. Jordan briefed reporters.', 'Jordan'],
  // [May] 2024: a month.
  ['May 2024 was quiet in the north.', 'May'],
  // The [Damascus] Post: an outlet named after the city.
  ['Reporters at the Damascus Post wrote about Homs.', 'Damascus'],
  // [Victoria] Nuland: a first name before a surname.
  ['Victoria Nuland visited Homs.', 'Victoria'],
  // [Sweida] alone, spelled unlike any name the gazetteer gives, with nothing to place it.
  ['Local factions seized Sweida after talks.', 'Sweida'],
  // [Bel], a Palmyra temple, is not Bell, California.
  ['The Temple of Bel stood in Homs province.', 'Bel'],
  // The ruling [Homs] party, the [Hama] brigade: a lower-case group noun after the name.
  ['Offices of the ruling Homs party were seized.', 'Homs'],
  ['Fighters of the Hama brigade withdrew.', 'Hama'],
  // [The settlement of] a dispute names no place.
  ['The settlement of the Dispute took weeks.', 'Dispute'],
  // Common word at the start of a sentence that the text also uses in lower case.
  ['Homs fell. Nawa residents said the town of nawa... ', 'nawa'],
]

describe('findPlaces()', () => {
  it.each(POSITIVES)('finds %s → [%s]', (text, quote, id, rule, qualifier) => {
    const mention = find(text).find((found) => found.text === quote)
    expect(mention, `no mention quoting "${quote}"`).toBeDefined()
    if (!mention) return
    expect(text.slice(mention.start, mention.end)).toBe(quote)
    expect(mention.start).toBe(text.indexOf(quote))
    expect(mention.entry?.id ?? null).toBe(id)
    expect(mention.rule).toBe(rule)
    expect(mention.qualifier).toBe(qualifier)
    expect(mention.confidence).toBeGreaterThan(0)
    expect(mention.confidence).toBeLessThanOrEqual(1)
  })

  it.each(NEAR_MISSES)('does not take the word in "%s" for a place (%s)', (text, word) => {
    const quotes = find(text).map((mention) => mention.text)
    expect(quotes).not.toContain(word)
  })

  it('skips names inside spans the caller marks as actors', () => {
    const text = 'Fighters from the Daraa Brigade entered Homs.'
    const brigade = {
      start: text.indexOf('Daraa Brigade'),
      end: text.indexOf('Daraa Brigade') + 13,
    }
    expect(find(text, [brigade]).map((mention) => mention.text)).toEqual(['Homs'])
  })

  it('resolves every mention of one name in a story to one place', () => {
    const text =
      'In Paris, Ill., the council met. Paris police later said Paris schools would reopen.'
    const ids = new Set(
      find(text)
        .filter((m) => m.text === 'Paris')
        .map((m) => m.entry?.id),
    )
    expect([...ids]).toEqual(['gn:4246659'])
  })

  it('keeps the capital of France when nothing points elsewhere', () => {
    expect(find('Talks resumed in Paris and France welcomed them.')[0]?.entry?.id).toBe(
      'gn:2988507',
    )
  })

  it('is linear enough for a long article', () => {
    const paragraph =
      'Rebels entered the city of Homs while shelling hit rural Damascus and Daraa province. '
    const text = paragraph.repeat(2000)
    const mentions = find(text)
    expect(mentions).toHaveLength(6000)
    for (const mention of mentions)
      expect(text.slice(mention.start, mention.end)).toBe(mention.text)
  })
})

describe('resolvePlaceName()', () => {
  it.each([
    ['Sweida', 'gn:172408'],
    ['Suwayda', 'gn:172408'],
    ['Hamah', 'gn:170017'],
    ['Daraa province', 'ne:SY-DR'],
    ['rural Damascus', 'ne:SY-RD'],
    ['Damascus', 'gn:170654'],
    ['Homs', 'gn:169577'],
    ['Syrian', 'country:SY'],
  ])('resolves %s', (name, id) => {
    expect(resolvePlaceName(name, gazetteer, { countries: ['SY'] })?.id).toBe(id)
  })

  it('returns null for a name no entry has', () => {
    expect(resolvePlaceName('Umm Batna', gazetteer)).toBeNull()
  })

  it('lets the caller’s countries choose between homonyms', () => {
    expect(resolvePlaceName('Paris', gazetteer)?.country).toBe('FR')
    expect(resolvePlaceName('Paris', gazetteer, { countries: ['US'] })?.country).toBe('US')
  })
})

describe('resolvePlaceSpans()', () => {
  it('gives unknown names the story’s focus place only when asked to back off', () => {
    const text = 'Homs and Umm Batna'
    const spans = [
      { start: 0, end: 4 },
      { start: 9, end: 18 },
    ]
    expect(resolvePlaceSpans(text, spans, gazetteer)[1]?.entry).toBeNull()
    const backedOff = resolvePlaceSpans(text, spans, gazetteer, { backoff: true })[1]
    expect(backedOff?.entry?.id).toBe('gn:169577')
    expect(backedOff?.backoff).toBe(true)
  })
})

describe('demonymCountry()', () => {
  it.each([
    ['Syrian', 'SY'],
    ['Syrians', 'SY'],
    ['Israelis', 'IL'],
    ['Iraqi', 'IQ'],
    ['American', 'US'],
    ['French', 'FR'],
    ['Ukrainian', 'UA'],
  ])('%s → %s', (word, code) => {
    expect(demonymCountry(word)).toBe(code)
  })

  it.each(['Syria', 'Damascus', 'Kurdish', 'Texas', 'Assad'])('%s is not a demonym', (word) => {
    expect(demonymCountry(word)).toBeNull()
  })
})

describe('findPlaces() leaves a coin toss unresolved (precision first)', () => {
  // Two towns of one name and about one size, 500 km apart, and a third far smaller.
  const twins = createGazetteer([
    place('country:US', 'United States', 'country', 39.76, -98.5, 'US', 0),
    place('ne:US-IL', 'Illinois', 'admin1', 40, -89.25, 'US', 0, { names: ['Ill.'] }),
    place('ne:US-MO', 'Missouri', 'admin1', 38.4, -92.5, 'US', 0),
    place('gn:1', 'Springfield', 'city', 39.8, -89.64, 'US', 116_000, { admin1: 'ne:US-IL' }),
    place('gn:2', 'Springfield', 'city', 37.22, -93.3, 'US', 166_000, { admin1: 'ne:US-MO' }),
    place('gn:3', 'Joplin', 'city', 37.08, -94.51, 'US', 50_000, { admin1: 'ne:US-MO' }),
  ])
  const findIn = (text: string): PlaceMention[] =>
    findPlaces(text, [{ start: 0, end: text.length }], twins)

  it('keeps [Springfield] alone as a place without a pin, naming both candidates', () => {
    const text = 'Springfield schools in the United States will close on Friday.'
    const springfield = findIn(text).find((mention) => mention.text === 'Springfield')
    expect(springfield).toBeDefined()
    expect(springfield?.entry).toBeNull()
    expect(springfield?.ambiguous?.map((entry) => entry.id).sort()).toEqual(['gn:1', 'gn:2'])
    expect(text.slice(springfield?.start, springfield?.end)).toBe('Springfield')
  })

  it.each([
    // The state named after it decides.
    ['Springfield, Ill., schools will close on Friday.', 'gn:1'],
    // A town of the same story 120 km away decides.
    ['Buses from Joplin reached Springfield on Friday.', 'gn:2'],
  ])('pins [Springfield] when the story says which: %s', (text, id) => {
    const springfield = findIn(text).find((mention) => mention.text === 'Springfield')
    expect(springfield?.entry?.id).toBe(id)
    expect(springfield?.ambiguous).toBeUndefined()
  })
})

describe('findPlaces(): an alias is no rival', () => {
  it('pins a city whose name another region lists only as an alias', async () => {
    const { findPlaces: find } = await import('./find-places.js')
    const { loadLexicon } = await import('../../../datasets/load-lexicon.js')
    const { splitSentences } = await import('../sentences/split-sentences.js')
    const text = 'Fighters entered Homs on Friday.'
    const [place] = find(text, splitSentences(text), loadLexicon().gazetteer)
    expect(place?.entry?.country).toBe('SY')
  })
})
