import { describe, expect, it } from 'vitest'
import type { GazetteerEntry } from '../lexicon/gazetteer.js'
import type { Entity } from '../model/analysis.js'
import { createGazetteer, indexEntry } from '../stages/places/create-gazetteer.js'
import { placeDisplayNames } from './place-display-names.js'

const entries: GazetteerEntry[] = [
  { id: 'gn:1', name: 'Dar‘a', kind: 'city', lat: 32.62, lon: 36.1, country: 'SY', featureClass: 'P', population: 97969 },
  { id: 'ne:SY-DR', name: 'Daraa', kind: 'admin1', lat: 32.85, lon: 36.21, country: 'SY', featureClass: 'A', population: 0, adminType: 'Governorate' },
  { id: 'gn:2', name: 'Homs', kind: 'city', lat: 34.73, lon: 36.72, country: 'SY', featureClass: 'P', population: 775404 },
  { id: 'ne:SY-HI', name: 'Homs', kind: 'admin1', lat: 34.34, lon: 38.3, country: 'SY', featureClass: 'A', population: 0, adminType: 'Governorate' },
  { id: 'ne:SY-HA', name: 'Hama', kind: 'admin1', lat: 35.2, lon: 37.0, country: 'SY', featureClass: 'A', population: 0 },
  { id: 'gn:3', name: 'Tadmur', kind: 'city', lat: 34.56, lon: 38.28, country: 'SY', featureClass: 'P', population: 51323 },
] // prettier-ignore
const gazetteer = createGazetteer(entries.map((entry) => indexEntry(entry, [])))

/** A place entity of `id` mentioned as each of `written` (offsets do not matter here). */
function entity(id: string, ...written: string[]): Entity {
  const entry = entries.find((candidate) => candidate.id === id)
  return {
    id,
    kind: 'place',
    name: entry?.name ?? id,
    aliases: [],
    mentions: written.map((text, index) => ({
      doc: 'doc',
      start: index,
      end: index + text.length,
      text,
    })),
    gazetteerId: id,
  }
}

describe('placeDisplayNames()', () => {
  it('shows a town under the form the articles write ([Daraa] for Dar‘a, [Palmyra] for Tadmur)', () => {
    const names = placeDisplayNames(
      [entity('gn:1', 'Daraa', 'Daraa'), entity('gn:3', 'Palmyra')],
      gazetteer,
    )
    expect(names.get('gn:1')).toBe('Daraa')
    expect(names.get('gn:3')).toBe('Palmyra')
  })

  it('names the governorate by its level when the city of the same name is on the map', () => {
    const names = placeDisplayNames(
      [entity('gn:1', 'Daraa'), entity('ne:SY-DR', 'Daraa province')],
      gazetteer,
    )
    expect(names.get('gn:1')).toBe('Daraa')
    expect(names.get('ne:SY-DR')).toBe('Daraa Governorate')
  })

  it('does so also when the city keeps its gazetteer name ([Homs] and [Homs] Governorate)', () => {
    const names = placeDisplayNames(
      [entity('gn:2', 'Homs'), entity('ne:SY-HI', 'Homs countryside')],
      gazetteer,
    )
    expect(names.has('gn:2')).toBe(false)
    expect(names.get('ne:SY-HI')).toBe('Homs Governorate')
  })

  it.each([
    // The governorate alone: no town to be confused with, its name stays.
    [['ne:SY-DR'], 'ne:SY-DR'],
    // A region beside a town of another name stays as it is.
    [['ne:SY-HA', 'gn:2'], 'ne:SY-HA'],
  ] as const)('leaves %j → %s under its gazetteer name', (ids, id) => {
    const names = placeDisplayNames(
      ids.map((one) => entity(one, 'X')),
      gazetteer,
    )
    expect(names.has(id)).toBe(false)
  })
})
