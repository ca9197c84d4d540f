import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { distanceKm, resolvePlaceName } from '../../core/stages/places/index.js'
import { findRepoRoot, loadGazetteer } from './load-gazetteer.js'

/**
 * Every place of the seed and development gold must resolve within 25 km of its gold point
 * when looked up by name (and by each alias the gold lists) in a Syria-focused context. The gold
 * files are read at run time from ../shared; nothing of them is copied here.
 */
const shared = path.resolve(findRepoRoot(), '..', 'shared')
const placeFiles = [
  path.join(shared, 'gold', 'places.tsv'),
  path.join(shared, 'dev', 'gold', 'places.tsv'),
]
const aliasFile = path.join(shared, 'gold', 'aliases.psv')
const available = placeFiles.every((file) => existsSync(file)) && existsSync(aliasFile)

interface GoldPlace {
  readonly name: string
  readonly lat: number
  readonly lon: number
  readonly file: string
}

function readPlaces(): GoldPlace[] {
  const places: GoldPlace[] = []
  for (const file of placeFiles) {
    const [header, ...lines] = readFileSync(file, 'utf8').split('\n')
    const columns = (header ?? '').split('\t')
    const at = (cells: string[], name: string): string => cells[columns.indexOf(name)] ?? ''
    for (const line of lines) {
      if (line.trim() === '') continue
      const cells = line.split('\t')
      places.push({
        name: at(cells, 'name'),
        lat: Number(at(cells, 'lat')),
        lon: Number(at(cells, 'lon')),
        file,
      })
    }
  }
  return places
}

/** `canonical | kind | form ; form` rows of kind place. */
function readAliases(): Map<string, string[]> {
  const aliases = new Map<string, string[]>()
  for (const line of readFileSync(aliasFile, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    const [canonical, kind, forms] = line.split('|').map((cell) => cell.trim())
    if (kind !== 'place' || !canonical || !forms) continue
    aliases.set(
      canonical,
      forms
        .split(';')
        .map((form) => form.trim())
        .filter((form) => form !== ''),
    )
  }
  return aliases
}

describe.runIf(available)('gold places resolve within 25 km (Syria focus)', () => {
  const gazetteer = loadGazetteer()
  const places = available ? readPlaces() : []
  const aliases = available ? readAliases() : new Map<string, string[]>()
  const cases = places.flatMap((place) =>
    [...new Set([place.name, ...(aliases.get(place.name) ?? [])])].map((form) => ({ form, place })),
  )

  it('reads the gold files', () => {
    expect(places.length).toBeGreaterThan(20)
  })

  it.each(cases.map(({ form, place }) => [form, place.name, place] as const))(
    'resolvePlaceName(%s) lands on %s',
    (form, _name, place) => {
      const entry = resolvePlaceName(form, gazetteer, { countries: ['SY'] })
      expect(entry, `${form} is unresolved`).not.toBeNull()
      const distance = entry ? distanceKm(entry, place) : Infinity
      expect(
        distance,
        `${form} → ${entry?.id} ${entry?.name} is ${Math.round(distance)} km off`,
      ).toBeLessThan(25)
    },
  )
})
