// Scores fusion output against ../shared/gold/disputes.json, implementing the rule in its
// `about` field: a system dispute matches a gold dispute when its events include one event of
// side a and one of side b (docs = first three characters of the document id), of a listed type,
// at a listed place or a place inside one; a corroboration matches when one claim holds events of
// the type and place from two listed docs that come from different independent origins.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { foldText } from '../../src/core/fusion/fold-text.js'
import { SideRelations } from '../../src/core/fusion/side-relations.js'
import type {
  Analysis,
  AnalysisEvent,
  Claim,
  Dispute,
  Entity,
} from '../../src/core/model/analysis.js'

interface GoldSide {
  readonly docs: readonly string[]
  readonly stance?: string
  readonly type?: string
  readonly actors?: readonly string[]
  readonly date?: string
}

interface GoldDispute {
  readonly id: string
  readonly kind: string
  readonly types: readonly string[]
  readonly places: readonly string[]
  readonly a: GoldSide
  readonly b: GoldSide
}

interface GoldCorroboration {
  readonly id: string
  readonly type: string
  readonly place: string
  readonly docs: readonly string[]
}

export interface FusionScore {
  readonly disputes: { found: number; total: number; matched: string[] }
  readonly corroborations: { found: number; total: number; matched: string[] }
  /** System disputes that match no gold dispute. */
  readonly otherDisputes: number
  /** Stories the picture tells (the seeds are one story: 1). */
  readonly stories: number
}

export interface ScoreFusionOptions {
  /** The containment used by fusion (place id → containing region ids), for "contained in". */
  readonly containment?: (placeEntityId: string) => readonly string[]
}

interface PlaceReference {
  /** Folded name or alias → canonical gold name. */
  readonly aliases: ReadonlyMap<string, string>
  readonly places: ReadonlyMap<string, { lat: number; lon: number; kind: string }>
}

/**
 * Scores an analysis against the gold disputes and corroborations. `goldPath` is the path of
 * disputes.json; aliases.psv and places.tsv are read from the same folder.
 *
 * @example
 * const { disputes, corroborations, otherDisputes } = scoreFusion(analysis, '../shared/gold/disputes.json')
 */
export function scoreFusion(
  analysis: Analysis,
  goldPath: string,
  options: ScoreFusionOptions = {},
): FusionScore {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as {
    disputes: GoldDispute[]
    corroborations: GoldCorroboration[]
  }
  const folder = dirname(goldPath)
  const reference = readPlaceReference(join(folder, 'aliases.psv'), join(folder, 'places.tsv'))
  const matcher = new PlaceMatcher(analysis, reference, options.containment)
  const events = new Map(analysis.events.map((event) => [event.id, event]))
  const sides = new SideRelations()

  const disputeMatches = (dispute: Dispute, target: GoldDispute): boolean => {
    const inside = dispute.events
      .map((id) => events.get(id))
      .filter((event): event is AnalysisEvent => event !== undefined)
      .filter((event) => target.types.includes(event.type))
      .filter((event) => target.places.some((place) => matcher.within(event, place)))
    const a = inside.filter((event) => sideMatches(event, target.a, sides))
    const b = inside.filter((event) => sideMatches(event, target.b, sides))
    return a.some((x) => b.some((y) => x.id !== y.id))
  }
  const matchedDisputes = gold.disputes
    .filter((target) => analysis.disputes.some((dispute) => disputeMatches(dispute, target)))
    .map((target) => target.id)
  const otherDisputes = analysis.disputes.filter(
    (dispute) => !gold.disputes.some((target) => disputeMatches(dispute, target)),
  ).length

  const claimMatches = (claim: Claim, target: GoldCorroboration): boolean => {
    if (claim.type !== target.type) return false
    const originOf = new Map<string, string>()
    for (const origin of claim.origins ?? []) {
      if (origin.stance !== 'asserted') continue
      for (const id of origin.events) originOf.set(id, origin.origin)
    }
    const hits = claim.events
      .map((id) => events.get(id))
      .filter((event): event is AnalysisEvent => event !== undefined)
      .filter((event) => event.type === target.type && event.stance !== 'denied')
      .filter((event) => target.docs.includes(event.doc.slice(0, 3)))
      .filter((event) => matcher.matches(event, target.place))
    if (claim.origins === undefined) {
      return claim.independentGroups >= 2 && new Set(hits.map((e) => e.doc)).size >= 2
    }
    return hits.some((x) =>
      hits.some(
        (y) =>
          x.doc !== y.doc &&
          originOf.get(x.id) !== undefined &&
          originOf.get(y.id) !== undefined &&
          originOf.get(x.id) !== originOf.get(y.id),
      ),
    )
  }
  const matchedCorroborations = gold.corroborations
    .filter((target) => analysis.claims.some((claim) => claimMatches(claim, target)))
    .map((target) => target.id)

  return {
    disputes: {
      found: matchedDisputes.length,
      total: gold.disputes.length,
      matched: matchedDisputes,
    },
    corroborations: {
      found: matchedCorroborations.length,
      total: gold.corroborations.length,
      matched: matchedCorroborations,
    },
    otherDisputes,
    stories: (analysis.stories ?? []).length,
  }
}

function sideMatches(event: AnalysisEvent, side: GoldSide, sides: SideRelations): boolean {
  if (!side.docs.includes(event.doc.slice(0, 3))) return false
  if (side.stance !== undefined) {
    const stance = event.stance === 'hedged' ? 'asserted' : event.stance
    if (stance !== side.stance) return false
  }
  if (side.type !== undefined && event.type !== side.type) return false
  if (side.actors !== undefined) {
    const eventSides = event.actors.map((actor) => actor.side ?? actor.name.toLowerCase())
    // Gold "opposition" covers its factions (HTS, SFA …), as fusion's side relations do.
    const hit = side.actors.some((wanted) =>
      eventSides.some((got) => got === wanted || sides.rootOf(got) === wanted),
    )
    if (!hit) return false
  }
  if (side.date !== undefined) {
    if (event.date === null || !(event.date.start <= side.date && side.date <= event.date.end))
      return false
  }
  return true
}

/** Place names folded for comparison, with administrative suffixes dropped ("Homs Governorate"). */
function placeKey(name: string): string {
  return foldText(name)
    .replace(/ (governorate|province|district|subdistrict|region|city|countryside)$/, '')
    .replace(/^(al|as|ar|ad|an|at|az|ash|el) /, '')
}

function readPlaceReference(aliasesPath: string, placesPath: string): PlaceReference {
  const aliases = new Map<string, string>()
  for (const line of readFileSync(aliasesPath, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes('|')) continue
    const [canonical = '', kind = '', forms = ''] = line.split('|').map((cell) => cell.trim())
    if (kind !== 'place' || canonical === '') continue
    for (const form of [canonical, ...forms.split(';')]) {
      if (form.trim() !== '') aliases.set(placeKey(form), canonical)
    }
  }
  const places = new Map<string, { lat: number; lon: number; kind: string }>()
  for (const line of readFileSync(placesPath, 'utf8').split('\n').slice(1)) {
    const [name = '', lat = '', lon = '', kind = ''] = line.split('\t')
    if (name === '' || lat === '' || lon === '') continue
    places.set(name, { lat: Number(lat), lon: Number(lon), kind })
    if (!aliases.has(placeKey(name))) aliases.set(placeKey(name), name)
  }
  return { aliases, places }
}

/** Matches system places to gold place names: name, alias, 25 km, or containment. */
class PlaceMatcher {
  private readonly entities: ReadonlyMap<string, Entity>

  constructor(
    analysis: Analysis,
    private readonly reference: PlaceReference,
    private readonly containment: ((id: string) => readonly string[]) | undefined,
  ) {
    this.entities = new Map(analysis.entities.map((entity) => [entity.id, entity]))
  }

  /** The event's place is the gold place (name, alias or within 25 km of its point). */
  matches(event: AnalysisEvent, goldPlace: string): boolean {
    const place = event.place
    if (place === null) return false
    const entity = this.entities.get(place.entity)
    const names = [
      place.name,
      place.span?.text ?? '',
      entity?.name ?? '',
      ...(entity?.aliases ?? []),
    ]
    if (names.some((name) => name !== '' && this.canonicalOf(name) === goldPlace)) return true
    const point = this.reference.places.get(goldPlace)
    // A point 25 km from a country's or governorate's centre says nothing: regions match by name.
    if (point === undefined || point.kind === 'country' || point.kind === 'governorate')
      return false
    if (place.lat === null || place.lon === null) return false
    return distanceKm(point, { lat: place.lat, lon: place.lon }) <= 25
  }

  /** The event's place is the gold place or lies inside it. */
  within(event: AnalysisEvent, goldPlace: string): boolean {
    if (this.matches(event, goldPlace)) return true
    const place = event.place
    if (place === null) return false
    const point = this.reference.places.get(goldPlace)
    const regions = this.containment?.(place.entity) ?? []
    const regionMatches = regions.some((region) => {
      const entity = this.entities.get(region)
      const names = [region, entity?.name ?? '', ...(entity?.aliases ?? [])]
      return names.some((name) => name !== '' && this.canonicalOf(name) === goldPlace)
    })
    if (regionMatches) return true
    if (point?.kind === 'country') {
      // Inside a country: the place entity's ISO code is the country entity's.
      const country = [...this.entities.values()].find(
        (entity) =>
          (entity.kind === 'country' || entity.featureClass === 'A') &&
          this.canonicalOf(entity.name) === goldPlace &&
          entity.country != null,
      )?.country
      const own = this.entities.get(place.entity)?.country
      return country != null && own === country
    }
    return false
  }

  private canonicalOf(name: string): string | undefined {
    return this.reference.aliases.get(placeKey(name))
  }
}

function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}
