import type { Analysis, AnalysisEvent } from '../core/model/analysis.js'
import { mapClaimOfEvent } from './claim-origins.js'
import { sortKeys } from './json.js'

/** Flat properties only: QGIS and most GIS tools read nested objects or arrays badly. */
export type GeoJsonProperties = Record<string, string | number | boolean | null>

export interface PointFeature {
  readonly type: 'Feature'
  readonly id: string
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] }
  readonly properties: GeoJsonProperties
}

export interface FeatureCollection {
  readonly type: 'FeatureCollection'
  readonly features: readonly PointFeature[]
}

/** Separator for list-valued properties (sources, actors), kept as one text column in GIS. */
const LIST_SEPARATOR = '; '

/**
 * The analysis as an RFC 7946 FeatureCollection: one Point per event with coordinates and one per
 * control state (place and day), longitude first, WGS 84, no `crs` member. Events whose place
 * has no coordinates are left out (they cannot be drawn); the CSV export keeps every event.
 */
export function buildGeoJson(analysis: Analysis): FeatureCollection {
  const claimOf = mapClaimOfEvent(analysis)
  const docs = new Map(analysis.documents.map((doc) => [doc.id, doc]))
  const features: PointFeature[] = []
  for (const event of analysis.events) {
    const position = toPosition(event.place?.lat, event.place?.lon)
    if (!position) continue
    const claim = claimOf.get(event.id)
    const doc = docs.get(event.doc)
    features.push({
      type: 'Feature',
      id: `event:${event.id}`,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        kind: 'event',
        event: event.id,
        type: event.type,
        place: event.place?.name ?? null,
        dateStart: event.date?.start ?? null,
        dateEnd: event.date?.end ?? null,
        datePrecision: event.date?.precision ?? null,
        stance: event.stance,
        status: claim?.status ?? null,
        claim: claim?.id ?? null,
        source: describeSource(event, doc?.outlet ?? null),
        sources: claim ? joinList(claim.asserting) : null,
        denying: claim ? joinList(claim.denying) : null,
        actors: joinList(event.actors.map((actor) => actor.name)),
        doc: event.doc,
        outlet: doc?.outlet ?? null,
        published: doc?.published ?? null,
        evidence: event.evidence.text,
        evidenceStart: event.evidence.start,
        evidenceEnd: event.evidence.end,
      },
    })
  }
  const claims = new Map(analysis.claims.map((claim) => [claim.id, claim]))
  const events = new Map(analysis.events.map((event) => [event.id, event]))
  for (const state of analysis.control) {
    const position = toPosition(state.place.lat, state.place.lon)
    if (!position) continue
    const stateClaims = state.claims
      .map((id) => claims.get(id))
      .filter((claim) => claim !== undefined)
    const firstEvent = stateClaims
      .flatMap((claim) => claim.events)
      .map((id) => events.get(id))
      .find((event) => event !== undefined)
    features.push({
      type: 'Feature',
      id: `control:${state.place.entity}:${state.date}`,
      geometry: { type: 'Point', coordinates: position },
      properties: {
        kind: 'control',
        place: state.place.name,
        dateStart: state.date,
        dateEnd: state.date,
        datePrecision: 'day',
        controller: state.controller,
        previous: state.previous,
        status: state.status,
        claims: joinList(state.claims),
        sources: joinList(unique(stateClaims.flatMap((claim) => claim.asserting))),
        denying: joinList(unique(stateClaims.flatMap((claim) => claim.denying))),
        evidence: firstEvent?.evidence.text ?? null,
        doc: firstEvent?.doc ?? null,
      },
    })
  }
  return { type: 'FeatureCollection', features }
}

/** The FeatureCollection as deterministic JSON text (keys sorted, two-space indent). */
export function renderGeoJson(analysis: Analysis): string {
  return JSON.stringify(sortKeys(buildGeoJson(analysis)), null, 2) + '\n'
}

/**
 * `[lon, lat]` rounded to 6 decimals (about 10 cm, RFC 7946 §11.2), or null when a coordinate is
 * missing or out of range: a feature at a made-up position is worse than no feature.
 */
function toPosition(
  lat: number | null | undefined,
  lon: number | null | undefined,
): [number, number] | null {
  if (
    typeof lat !== 'number' ||
    typeof lon !== 'number' ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon)
  )
    return null
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null
  return [round6(lon), round6(lat)]
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

/** "Observatory (via River Post)", or the outlet when the outlet speaks in its own voice. */
function describeSource(event: AnalysisEvent, outlet: string | null): string | null {
  if (!event.source) return outlet
  const via =
    event.source.via && event.source.via.length > 0 ? ` (via ${event.source.via.join(', ')})` : ''
  return `${event.source.name}${via}`
}

function joinList(values: readonly string[]): string | null {
  return values.length > 0 ? values.join(LIST_SEPARATOR) : null
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
