/**
 * The offline base map: Natural Earth country borders from the `world-atlas` package, as
 * TopoJSON turned into GeoJSON here. The 1:110m borders are bundled so the map always draws;
 * a page may carry the finer 1:50m borders inline (the static report) or serve them next to
 * the app (`basemap.json`), and then those are used. No tile server, no network beyond that.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import coarse from 'world-atlas/countries-110m.json' with { type: 'json' }

export const INLINE_BASEMAP_ID = 'triangulate-basemap'
export const INLINE_ADMIN1_ID = 'triangulate-admin1'

/**
 * Province and governorate borders (Natural Earth admin-1) of the given countries: inline in the
 * static report, else `admin1/<CC>.json` beside the served app. Missing files draw nothing.
 */
export async function loadAdmin1(
  doc: Document,
  countries: readonly string[],
): Promise<FeatureCollection> {
  const inline = doc.getElementById(INLINE_ADMIN1_ID)
  if (inline?.textContent) return JSON.parse(inline.textContent) as FeatureCollection
  const features: FeatureCollection['features'] = []
  if (doc.location.protocol === 'http:' || doc.location.protocol === 'https:') {
    for (const country of countries) {
      if (!/^[A-Z]{2}$/.test(country)) continue
      try {
        const response = await fetch(`admin1/${country}.json`)
        if (response.ok) features.push(...((await response.json()) as FeatureCollection).features)
      } catch {
        // Borders are decoration: without them the map still shows every place.
      }
    }
  }
  return { type: 'FeatureCollection', features }
}

export async function loadBasemap(doc: Document): Promise<FeatureCollection> {
  const inline = doc.getElementById(INLINE_BASEMAP_ID)
  if (inline?.textContent) {
    const parsed = toFeatures(JSON.parse(inline.textContent) as Topology)
    if (parsed) return parsed
  }
  if (doc.location.protocol === 'http:' || doc.location.protocol === 'https:') {
    try {
      const response = await fetch('basemap.json')
      if (response.ok) {
        const parsed = toFeatures((await response.json()) as Topology)
        if (parsed) return parsed
      }
    } catch {
      // The finer borders are optional; the bundled ones follow.
    }
  }
  return toFeatures(coarse as unknown as Topology)!
}

function toFeatures(topology: Topology): FeatureCollection | null {
  const countries = topology.objects?.['countries'] as GeometryCollection | undefined
  if (!countries) return null
  const collection = feature(topology, countries) as FeatureCollection
  return {
    type: 'FeatureCollection',
    features: collection.features
      // Antarctica circles the pole: on a flat map it is one band along the bottom edge.
      .filter((country) => country.id !== ANTARCTICA)
      .map((country) => ({ ...country, geometry: unwrapGeometry(country.geometry) })),
  }
}

const ANTARCTICA = '010'

/**
 * Makes rings that cross the antimeridian continuous (Russia's far east, Fiji): a jump of more
 * than 180° between two vertices is a wrap, so the rest of the ring is shifted by 360°. Without
 * this the polygon is drawn as a band across the whole map.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  let offset = 0
  let previous: number | null = null
  return ring.map(([lon, lat, ...rest]) => {
    if (previous !== null) {
      if (lon! - previous > 180) offset -= 360
      else if (previous - lon! > 180) offset += 360
    }
    previous = lon!
    return [lon! + offset, lat!, ...rest]
  })
}

function unwrapGeometry(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) }
  if (geometry.type === 'MultiPolygon') {
    return {
      ...geometry,
      coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)),
    }
  }
  return geometry
}
