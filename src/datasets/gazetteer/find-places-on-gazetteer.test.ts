import { describe, expect, it } from 'vitest'
import { distanceKm, findPlaces, resolvePlaceName } from '../../core/stages/places/index.js'
import { loadGazetteer } from './load-gazetteer.js'

/**
 * The places stage on the real gazetteer, with sentences written for this test: conflict
 * transliterations, qualifiers and the names that must not become pins.
 */
const gazetteer = loadGazetteer()

const TEXT =
  'Bashar al-Assad fled to Moscow, the Kremlin said. Abu Mohammed al-Jolani addressed crowds in Damascus. ' +
  'Fighters of Hayat Tahrir al-Sham and the Syrian National Army advanced on Manbij while the SDF held Raqqa. ' +
  'The Free Syrian Army in al-Tanf reported drone strikes near Deir Ezzor. ' +
  'Al Jazeera cited the Syrian Observatory for Human Rights. Israeli jets struck the Tartus naval base. ' +
  'Nawa and Inkhil in Daraa countryside joined the uprising, and gunmen entered Sweida. ' +
  'Victoria Nuland visited Kyiv. Fighting near Pokrovsk intensified, while Russian troops entered Sudzha in Kursk region. ' +
  'In Sudan, the RSF attacked El Fasher and Zamzam camp.'

const mentions = findPlaces(TEXT, [{ start: 0, end: TEXT.length }], gazetteer)
const byQuote = new Map(mentions.map((mention) => [mention.text, mention]))

describe('findPlaces() on the built gazetteer', () => {
  it.each([
    // quote, [lat, lon] expected within 25 km
    ['Moscow', 55.75, 37.62],
    ['Damascus', 33.51, 36.29],
    ['Manbij', 36.53, 37.95],
    ['Raqqa', 35.95, 39.01],
    ['al-Tanf', 33.5, 38.63],
    ['Deir Ezzor', 35.34, 40.14],
    ['Tartus naval base', 34.9, 35.87],
    ['Nawa', 32.89, 36.04],
    ['Sweida', 32.71, 36.57],
    ['Kyiv', 50.45, 30.52],
    ['Pokrovsk', 48.28, 37.18],
    ['Sudzha', 51.2, 35.27],
    ['El Fasher', 13.63, 25.35],
  ] as const)('pins [%s] near %f, %f', (quote, lat, lon) => {
    const mention = byQuote.get(quote)
    expect(mention, `no mention "${quote}"`).toBeDefined()
    expect(TEXT.slice(mention?.start, mention?.end)).toBe(quote)
    expect(mention?.entry ? distanceKm(mention.entry, { lat, lon }) : Infinity).toBeLessThan(25)
  })

  it('reads qualifiers: [Daraa countryside] is the governorate, [Kursk region] the oblast', () => {
    expect(byQuote.get('Daraa countryside')?.entry?.id).toBe('ne:SY-DR')
    expect(byQuote.get('Daraa countryside')?.qualifier).toBe('countryside')
    expect(byQuote.get('Kursk region')?.entry?.id).toBe('ne:RU-KS')
    expect(byQuote.get('Zamzam camp')?.entry?.kind).toBe('site')
  })

  it.each([
    'Bashar',
    'Assad',
    'al-Assad',
    'Jolani',
    'Sham',
    'Syrian',
    'Israeli',
    'Russian',
    'Victoria',
    'Al Jazeera',
    'Kremlin said',
  ])('does not pin [%s]', (word) => {
    expect(
      mentions.filter((mention) => mention.text === word && mention.entry?.kind !== 'site'),
    ).toEqual([])
  })

  it('skips the caller’s actor spans', () => {
    const text = 'The Daraa Central Committee met in Sweida, Syria.'
    const found = findPlaces(text, [{ start: 0, end: text.length }], gazetteer, {
      excludeSpans: [{ start: 4, end: 27 }],
    })
    expect(found.map((mention) => mention.text)).toEqual(['Sweida', 'Syria'])
  })
})

describe('resolvePlaceName() on the built gazetteer', () => {
  it.each([
    ['Kiev', 'UA'],
    ['Kharkov', 'UA'],
    ['Hodeidah', 'YE'],
    ['Khan Younis', 'PS'],
    ['Golan Heights', 'SY'],
    ['Tiyas airbase', 'SY'],
    ['Albu Kamal', 'SY'],
    ['Abu Kamal', 'SY'],
    ['Al-Bukamal', 'SY'],
  ])('%s lies in %s', (name, country) => {
    expect(resolvePlaceName(name, gazetteer)?.country).toBe(country)
  })

  it('puts the Al-Bukamal spellings on one point', () => {
    const points = ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal', 'Boukamal'].map((name) =>
      resolvePlaceName(name, gazetteer, { countries: ['SY'] }),
    )
    for (const point of points)
      expect(point && points[0] ? distanceKm(point, points[0]) : Infinity).toBeLessThan(10)
  })
})

describe('findPlaces(): a word the story uses as a surname is no place alone', () => {
  const pinned = (text: string, word: string): boolean =>
    findPlaces(text, [{ start: 0, end: text.length }], gazetteer).some(
      (mention) => mention.text === word && mention.entry !== null,
    )

  it.each([
    ['Senator Clark Baker met voters on Monday. Baker said the bill would pass.', 'Baker'],
    ['President Obama spoke in Ohio. Obama said jobs would return.', 'Obama'],
    ['Michael Jordan scored 30 points. Jordan then left the arena.', 'Jordan'],
    ['Coach Tom Moore praised the team in Oklahoma. Moore called it a good season.', 'Moore'],
  ])('does not pin [%s] → %s', (text, word) => {
    expect(pinned(text, word)).toBe(false)
  })

  it.each([
    // A country or a capital needs a title or a first name before it to be a surname.
    ['Nazi Germany invaded Poland in 1939. Germany surrendered in 1945.', 'Germany'],
    ['Real Madrid lost at home. Fans in Madrid were angry.', 'Madrid'],
    // [Greater] and [Downtown] are no first names.
    ['Shelling hit Greater Idlib overnight. Residents fled Idlib by car.', 'Idlib'],
  ])('still pins [%s] → %s', (text, word) => {
    expect(pinned(text, word)).toBe(true)
  })
})

describe('findPlaces() on the built gazetteer: one name alone in a short text', () => {
  const pinned = (text: string) =>
    findPlaces(text, [{ start: 0, end: text.length }], gazetteer)
      .filter((mention) => mention.entry !== null)
      .map((mention) => [mention.text, mention.entry?.country])

  it.each([
    // The region lends its capital the spelling the text uses ([Raqqa] for Ar Raqqah).
    ['Rebels took Raqqa on Friday.', 'Raqqa', 'SY'],
    // Five times the size of any town abroad spelled alike (Palmyra, Western Australia).
    ['Rebels took Palmyra on Friday.', 'Palmyra', 'SY'],
    // A small town that is the seat of a region named after it (Kidal Region).
    ['A mine exploded near Kidal on Friday.', 'Kidal', 'ML'],
  ])('in %j pins [%s] in %s', (text, quote, country) => {
    expect(pinned(text)).toEqual([[quote, country]])
  })

  it('leaves [Uman] alone unpinned: a Mexican town half its size is spelled alike', () => {
    expect(pinned('Missiles hit Uman on Friday.')).toEqual([])
    // The country named beside it decides.
    expect(pinned('Missiles hit Uman in Ukraine on Friday.')).toEqual([
      ['Uman', 'UA'],
      ['Ukraine', 'UA'],
    ])
  })
})
