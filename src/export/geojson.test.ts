import { check, getIssues } from '@placemarkio/check-geojson'
import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { buildGeoJson, renderGeoJson } from './geojson.js'

describe('renderGeoJson()', () => {
  it('renderGeoJson() output passes a GeoJSON validator (RFC 7946)', () => {
    const text = renderGeoJson(SAMPLE_ANALYSIS)
    expect(getIssues(text)).toEqual([])
    expect(check(text).type).toBe('FeatureCollection')
  })

  it('buildGeoJson() writes longitude first and drops events without coordinates', () => {
    const collection = buildGeoJson(SAMPLE_ANALYSIS)
    const events = collection.features.filter((feature) => feature.properties.kind === 'event')
    // Six events have a place with coordinates; the diplomacy event has no place.
    expect(events.map((feature) => feature.properties.event)).toEqual([
      'north-wire#1',
      'north-wire#2',
      'coast-daily#1',
      'coast-daily#2',
      'river-post#1',
      'river-post#2',
    ])
    expect(events[0]!.geometry.coordinates).toEqual([36.75, 35.125])
    expect(events[5]!.geometry.coordinates).toEqual([37.25, 34.5])
  })

  it('buildGeoJson() carries type, date interval, status, sources and the evidence quote', () => {
    const feature = buildGeoJson(SAMPLE_ANALYSIS).features.find(
      (candidate) => candidate.properties.event === 'river-post#1',
    )!
    expect(feature.properties).toMatchObject({
      type: 'control',
      dateStart: '2025-03-09',
      dateEnd: '2025-03-09',
      datePrecision: 'day',
      stance: 'asserted',
      status: 'disputed',
      claim: 'claim:control-valmora',
      source: 'Observatory (via River Post)',
      sources: 'Observatory; residents',
      denying: 'defence ministry',
      evidence: 'Insurgents seized Valmora on Sunday, the Observatory said.',
    })
  })

  it('buildGeoJson() adds one Point per control state and day', () => {
    const control = buildGeoJson(SAMPLE_ANALYSIS).features.filter(
      (feature) => feature.properties.kind === 'control',
    )
    expect(
      control.map((feature) => [
        feature.id,
        feature.properties.controller,
        feature.properties.status,
      ]),
    ).toEqual([
      ['control:place:valmora:2025-03-09', 'opposition', 'disputed'],
      ['control:place:valmora:2025-03-10', 'opposition', 'disputed'],
    ])
    expect(control[0]!.properties.evidence).toBe(
      'Rebel fighters took control of Valmora on Sunday, according to the Observatory.',
    )
  })

  it('buildGeoJson() leaves out places with out-of-range coordinates instead of inventing positions', () => {
    const broken = {
      ...SAMPLE_ANALYSIS,
      events: SAMPLE_ANALYSIS.events.map((event) =>
        event.place ? { ...event, place: { ...event.place, lat: 91 } } : event,
      ),
      control: [],
    }
    const text = renderGeoJson(broken)
    expect(JSON.parse(text).features).toEqual([])
    expect(getIssues(text)).toEqual([])
  })

  it('renderGeoJson() is byte-identical across runs', () => {
    expect(renderGeoJson(structuredClone(SAMPLE_ANALYSIS))).toBe(renderGeoJson(SAMPLE_ANALYSIS))
  })
})
