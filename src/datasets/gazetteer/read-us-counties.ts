import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { GazetteerEntry } from '../../core/lexicon/gazetteer.js'
import type { GazetteerRecord } from './read-gazetteer-sources.js'
import { centroidOf, containsPoint, type Ring } from './area-centroid.js'
import { InputFileError } from './input-file-error.js'

const require = createRequire(import.meta.url)

/**
 * US state FIPS codes (the first two digits of a county's five-digit code) → postal codes,
 * which name the Natural Earth admin-1 ids (`ne:US-GA`). Federal standard (FIPS 5-2).
 */
const STATE_POSTAL: Readonly<Record<string, string>> = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE',
  '11': 'DC', '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA',
  '20': 'KS', '21': 'KY', '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN',
  '28': 'MS', '29': 'MO', '30': 'MT', '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM',
  '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH', '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI',
  '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT', '50': 'VT', '51': 'VA', '53': 'WA',
  '54': 'WV', '55': 'WI', '56': 'WY', '72': 'PR',
} // prettier-ignore

/**
 * States whose codes from 500 up are independent cities (Richmond city, Baltimore city, St. Louis
 * city, Carson City): GeoNames has them as towns already, and "Richmond County" is another place.
 */
const INDEPENDENT_CITY_STATES = new Set(['24', '29', '32', '51'])

interface CountyShape {
  readonly fips: string
  readonly name: string
  /** Outer rings of the county's polygons (holes are ignored: counties rarely have any). */
  readonly rings: readonly Ring[]
  readonly bbox: readonly [number, number, number, number]
}

/**
 * US counties (and Louisiana parishes, Alaska boroughs) from the Census Bureau's cartographic
 * boundaries in npm `us-atlas` (counties-10m.json): one `admin2` entry each, named as news
 * writes them ("Henry County", "Rapides Parish"), placed at the centroid of its polygons, linked to its state, with the summed population of the GeoNames towns inside it as a
 * prominence prior (Henry County, Georgia, before Henry County, Iowa). The bare name ("Henry")
 * is not a key: it is a first name far more often than a county.
 */
export function readUsCounties(
  cities: readonly GazetteerRecord[],
  knownIds: ReadonlySet<string>,
): GazetteerRecord[] {
  const shapes = readCountyShapes()
  const { populations, countyOfTown } = placeTowns(shapes, cities)
  const kept = new Set<string>()
  const records: GazetteerRecord[] = []
  for (const shape of shapes) {
    const state = shape.fips.slice(0, 2)
    if (INDEPENDENT_CITY_STATES.has(state) && Number(shape.fips.slice(2)) >= 500) continue
    const postal = STATE_POSTAL[state]
    const admin1 = postal ? `ne:US-${postal}` : undefined
    const names = countyNames(shape.name, postal)
    const first = shape.rings[0]?.[0] ?? [0, 0]
    const [lon, lat] = centroidOf(shape.rings) ?? [first[0] as number, first[1] as number]
    const entry: GazetteerEntry = {
      id: `us-county:${shape.fips}`,
      name: names[0] as string,
      lat: round5(lat),
      lon: round5(lon),
      country: postal === 'PR' ? 'PR' : 'US',
      kind: 'admin2',
      featureClass: 'A',
      featureCode: 'ADM2',
      population: populations.get(shape.fips) ?? 0,
      ...(admin1 && knownIds.has(admin1) ? { admin1 } : {}),
    }
    records.push({ entry, names })
    kept.add(shape.fips)
  }
  // [Springfield] in [Greene County]: each town knows its county, as it knows its state.
  for (const record of cities) {
    const fips = countyOfTown.get(record)
    if (fips && kept.has(fips)) record.entry = { ...record.entry, admin2: `us-county:${fips}` }
  }
  return records
}

/** How news names a county of a state: [Henry County], [Rapides Parish], [Kenai Peninsula Borough]. */
function countyNames(name: string, postal: string | undefined): string[] {
  if (postal === 'LA') return [`${name} Parish`]
  if (postal === 'AK') {
    // The Census names already say what they are ("Kenai Peninsula", "Bethel" census area).
    return [`${name} Borough`, `${name} Census Area`]
  }
  if (postal === 'PR') return [`${name} Municipio`, `${name} Municipality`]
  return [`${name} County`]
}

function readCountyShapes(): CountyShape[] {
  let file: string
  try {
    file = path.join(path.dirname(require.resolve('us-atlas/package.json')), 'counties-10m.json')
  } catch {
    throw new InputFileError('us-atlas', 'npm package "us-atlas" is not installed; run npm install')
  }
  let topology: Topology<{ counties: GeometryCollection<{ name: string }> }>
  try {
    topology = JSON.parse(readFileSync(file, 'utf8')) as typeof topology
  } catch (cause) {
    throw new InputFileError(file, 'is not a readable TopoJSON file', { cause })
  }
  const collection = feature(topology, topology.objects.counties)
  const shapes: CountyShape[] = []
  for (const county of collection.features) {
    const fips = String(county.id ?? '')
    const name = county.properties?.name
    const geometry = county.geometry
    if (!/^\d{5}$/.test(fips) || !name || !geometry) continue
    const rings: Ring[] = []
    if (geometry.type === 'Polygon') rings.push(geometry.coordinates[0] as unknown as Ring)
    else if (geometry.type === 'MultiPolygon')
      for (const polygon of geometry.coordinates) rings.push(polygon[0] as unknown as Ring)
    if (rings.length === 0) continue
    shapes.push({ fips, name, rings, bbox: bboxOf(rings) })
  }
  return shapes
}

function bboxOf(rings: readonly Ring[]): [number, number, number, number] {
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  for (const ring of rings)
    for (const [lon = 0, lat = 0] of ring) {
      if (lon < west) west = lon
      if (lon > east) east = lon
      if (lat < south) south = lat
      if (lat > north) north = lat
    }
  return [west, south, east, north]
}

/**
 * The county of each GeoNames town of the US and Puerto Rico, and the summed population of
 * the towns inside each county.
 */
function placeTowns(
  shapes: readonly CountyShape[],
  cities: readonly GazetteerRecord[],
): { populations: Map<string, number>; countyOfTown: Map<GazetteerRecord, string> } {
  const countyOfTown = new Map<GazetteerRecord, string>()
  // Counties by 1° cell of their bounding box, so each town tests a handful of polygons.
  const cells = new Map<string, CountyShape[]>()
  for (const shape of shapes) {
    const [west, south, east, north] = shape.bbox
    for (let lat = Math.floor(south); lat <= Math.floor(north); lat++)
      for (let lon = Math.floor(west); lon <= Math.floor(east); lon++) {
        const key = `${lat},${lon}`
        const list = cells.get(key)
        if (list) list.push(shape)
        else cells.set(key, [shape])
      }
  }
  const sums = new Map<string, number>()
  for (const record of cities) {
    const { entry } = record
    if (entry.kind !== 'city' || (entry.country !== 'US' && entry.country !== 'PR')) continue
    const candidates = cells.get(`${Math.floor(entry.lat)},${Math.floor(entry.lon)}`) ?? []
    for (const shape of candidates) {
      const [west, south, east, north] = shape.bbox
      if (entry.lon < west || entry.lon > east || entry.lat < south || entry.lat > north) continue
      if (!shape.rings.some((ring) => containsPoint(ring, entry.lon, entry.lat))) continue
      sums.set(shape.fips, (sums.get(shape.fips) ?? 0) + entry.population)
      countyOfTown.set(record, shape.fips)
      break
    }
  }
  return { populations: sums, countyOfTown }
}

function round5(value: number): number {
  return Math.round(value * 1e5) / 1e5
}
