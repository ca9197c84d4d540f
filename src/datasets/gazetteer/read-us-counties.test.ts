import { describe, expect, it } from 'vitest'
import {
  distanceKm,
  findPlaces,
  resolvePlaceName,
  resolvePlaceSpans,
} from '../../core/stages/places/index.js'
import { foldPlaceName } from '../../core/text/fold-place-name.js'
import { loadGazetteer } from './load-gazetteer.js'

/**
 * US counties in the built gazetteer (from us-atlas) and the rules that use them, on sentences
 * written for this test. Points are county centroids, checked within 25 km.
 */
const gazetteer = loadGazetteer()

function spansOf(text: string, names: readonly string[]): { start: number; end: number }[] {
  let from = 0
  return names.map((name) => {
    const start = text.indexOf(name, from)
    if (start < 0) throw new Error(`"${name}" is not in the test sentence`)
    from = start + name.length
    return { start, end: from }
  })
}

describe('US counties in the gazetteer', () => {
  it('has every Henry County, each linked to its state and named with the word County', () => {
    const entries = gazetteer.lookup(foldPlaceName('Henry County'))
    const counties = entries.filter((entry) => entry.kind === 'admin2')
    expect(counties.length).toBeGreaterThanOrEqual(10)
    for (const county of counties) {
      expect(county.name).toBe('Henry County')
      expect(county.admin1).toMatch(/^ne:US-[A-Z]{2}$/)
    }
    // The bare name is a first name far more often: it is no key of a county.
    expect(gazetteer.lookup(foldPlaceName('Henry')).some((entry) => entry.kind === 'admin2')).toBe(
      false,
    )
  })

  it('names Louisiana parishes as parishes', () => {
    const rapides = resolvePlaceName('Rapides Parish', gazetteer)
    expect(rapides?.kind).toBe('admin2')
    expect(rapides ? distanceKm(rapides, { lat: 31.2, lon: -92.53 }) : Infinity).toBeLessThan(25)
  })

  it.each([
    // sentence, names given as spans, the name checked, its expected point
    [
      'Henry County, Ga., opened a new library.',
      ['Henry County', 'Ga.'],
      'Henry County',
      33.45,
      -84.15,
    ],
    // A town and a county of one story lie together: Paris, Tennessee, not Paris, France.
    [
      'Paris and Henry County officials met on Tuesday.',
      ['Paris', 'Henry County'],
      'Paris',
      36.3,
      -88.33,
    ],
    [
      'Paris and Henry County officials met on Tuesday.',
      ['Paris', 'Henry County'],
      'Henry County',
      36.33,
      -88.3,
    ],
    // A plural type word closing a list types each name of it.
    [
      'Water covered roads in Becker, Clay and Wilkin counties, Minnesota.',
      ['Becker', 'Clay', 'Wilkin', 'Minnesota'],
      'Clay',
      46.89,
      -96.49,
    ],
    // The bare name of a county the story names in full is the county.
    [
      'DeKalb County, Georgia, passed its budget. DeKalb police made no arrests.',
      ['DeKalb County', 'Georgia', 'DeKalb'],
      'DeKalb',
      33.77,
      -84.23,
    ],
  ] as const)(
    'in "%s" resolves the given spans; %j → %s near %f, %f',
    (text, names, checked, lat, lon) => {
      const spans = spansOf(text, names)
      const resolved = resolvePlaceSpans(text, spans, gazetteer)
      const entry = resolved[(names as readonly string[]).indexOf(checked)]?.entry
      expect(entry, `${checked} is unresolved`).toBeTruthy()
      expect(entry ? distanceKm(entry, { lat, lon }) : Infinity).toBeLessThan(25)
    },
  )
})

describe('findPlaces() with counties', () => {
  it('reads [Clay] and [Wilkin] before "counties" as the counties', () => {
    const text = 'Water rose in Clay and Wilkin counties in Minnesota.'
    const found = findPlaces(text, [{ start: 0, end: text.length }], gazetteer)
    const byText = new Map(found.map((mention) => [mention.text, mention]))
    expect(byText.get('Clay')?.entry?.id).toBe('us-county:27027')
    expect(byText.get('Clay')?.rule).toBe('places/type-list')
    expect(byText.get('Wilkin')?.entry?.id).toBe('us-county:27167')
    expect(text.slice(byText.get('Clay')?.start, byText.get('Clay')?.end)).toBe('Clay')
  })

  it('reads [Henry County] as one mention of the county', () => {
    const text = 'Henry County, Tenn., approved the school budget.'
    const found = findPlaces(text, [{ start: 0, end: text.length }], gazetteer)
    expect(found[0]?.text).toBe('Henry County')
    expect(found[0]?.entry?.id).toBe('us-county:47079')
  })

  it.each([
    // A first name is no county.
    'Henry said the roads would reopen.',
    // "counties" not closing a list of names.
    'Grant money went to several counties.',
  ])('pins no county in "%s"', (text) => {
    const found = findPlaces(text, [{ start: 0, end: text.length }], gazetteer)
    expect(found.filter((mention) => mention.entry?.kind === 'admin2')).toEqual([])
  })
})
