import { readFileSync } from 'node:fs'
import type { Analysis, AnalysisEvent } from '../../src/core/model/analysis.js'
import { foldKey } from '../../src/core/text/fold-key.js'
import { foldPlaceName } from '../../src/core/text/fold-place-name.js'

/** One row of the gold event files (../shared/gold/README.md). */
export interface GoldEvent {
  readonly doc: string
  readonly type: string
  readonly place: string
  readonly actors: readonly string[]
  readonly source: string | null
  readonly stance: string
  readonly date: string | null
  readonly evidence: string
}

export interface GoldReference {
  readonly events: readonly GoldEvent[]
  /** Folded place name or alias → canonical gold name. */
  readonly placeAliases: ReadonlyMap<string, string>
  /** Canonical gold place name → coordinates. */
  readonly placeCoordinates: ReadonlyMap<string, { lat: number; lon: number }>
  /** Folded source alias → canonical. */
  readonly sourceAliases: ReadonlyMap<string, string>
}

export interface FieldScore {
  readonly correct: number
  readonly total: number
  readonly accuracy: number
}

export interface EventScores {
  readonly gold: number
  readonly predicted: number
  readonly loose: {
    readonly matched: number
    readonly precision: number
    readonly recall: number
    readonly f1: number
  }
  readonly strict: {
    readonly matched: number
    readonly precision: number
    readonly recall: number
    readonly f1: number
  }
  readonly deniedRecall: FieldScore
  readonly perType: Record<
    string,
    {
      gold: number
      predicted: number
      matched: number
      precision: number
      recall: number
      f1: number
    }
  >
  readonly fields: {
    readonly actors: FieldScore
    readonly actorsOverlap: FieldScore
    readonly source: FieldScore
    readonly date: FieldScore
  }
  readonly misses: readonly GoldEvent[]
  /** Matched pairs whose actors, source or date disagree, for reading the errors. */
  readonly fieldErrors: readonly {
    field: 'actors' | 'source' | 'date'
    gold: string
    predicted: string
    evidence: string
  }[]
  readonly extras: readonly {
    doc: string
    type: string
    place: string | null
    stance: string
    evidence: string
  }[]
}

export function readGoldEvents(paths: readonly string[]): GoldEvent[] {
  return paths.flatMap((path) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as GoldEvent),
  )
}

/** Reads aliases.psv and the places.tsv files into lookup maps. */
export function readGoldReference(
  events: readonly GoldEvent[],
  aliasesPath: string,
  placesPaths: readonly string[],
): GoldReference {
  const placeAliases = new Map<string, string>()
  const sourceAliases = new Map<string, string>()
  for (const line of readFileSync(aliasesPath, 'utf8').split('\n')) {
    if (line.startsWith('#') || !line.includes('|')) continue
    const [canonical, kind, forms] = line.split('|').map((cell) => cell.trim())
    if (!canonical || !forms) continue
    const target = kind === 'place' ? placeAliases : sourceAliases
    for (const form of [canonical, ...forms.split(';')]) {
      const trimmed = form.trim()
      if (trimmed === '') continue
      target.set(kind === 'place' ? foldPlaceName(trimmed) : foldKey(trimmed), canonical)
    }
  }
  const placeCoordinates = new Map<string, { lat: number; lon: number }>()
  for (const path of placesPaths) {
    for (const line of readFileSync(path, 'utf8').split('\n').slice(1)) {
      const [name, lat, lon] = line.split('\t')
      if (!name || !lat || !lon) continue
      placeCoordinates.set(name, { lat: Number(lat), lon: Number(lon) })
      if (!placeAliases.has(foldPlaceName(name))) placeAliases.set(foldPlaceName(name), name)
    }
  }
  return { events, placeAliases, placeCoordinates, sourceAliases }
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

/** A predicted place matches a gold place by canonical name, alias, or coordinates within 25 km. */
function placeMatches(event: AnalysisEvent, goldPlace: string, reference: GoldReference): boolean {
  if (!event.place) return false
  const stripped = event.place.name.replace(
    /\s+(?:Governorate|Province|District|Subdistrict|Region)$/i,
    '',
  )
  const candidates = [event.place.name, stripped, event.place.span?.text ?? '']
  const goldKey = foldPlaceName(goldPlace)
  for (const candidate of candidates) {
    if (candidate === '') continue
    const key = foldPlaceName(candidate)
    if (key === goldKey || reference.placeAliases.get(key) === goldPlace) return true
  }
  const coordinates = reference.placeCoordinates.get(goldPlace)
  if (coordinates && event.place.lat !== null && event.place.lon !== null) {
    return distanceKm(coordinates, { lat: event.place.lat, lon: event.place.lon }) <= 25
  }
  return false
}

function normaliseStance(stance: string): string {
  return stance === 'hedged' ? 'asserted' : stance
}

/** Where the gold evidence sits in the document text, tolerant of whitespace differences. */
function locateEvidence(text: string, evidence: string): { start: number; end: number } | null {
  const exact = text.indexOf(evidence)
  if (exact !== -1) return { start: exact, end: exact + evidence.length }
  const pattern = evidence
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
  const match = new RegExp(pattern).exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

function sourceMatches(
  predicted: AnalysisEvent['source'],
  gold: string | null,
  reference: GoldReference,
): boolean {
  // The gold's null means "no named source"; our unnamed sources ("reports indicate") are the same reading.
  if (gold === null) return predicted === null || predicted.unnamed === true
  if (predicted === null || predicted.unnamed) return false
  const canonical = (name: string): string =>
    reference.sourceAliases.get(foldKey(name)) ?? foldKey(name)
  const a = canonical(predicted.name)
  const b = canonical(gold)
  if (a === b) return true
  const tokens = (value: string): string[] =>
    value.split(/[\s-]+/).filter((token) => !['the', 'a', 'an', 'of'].includes(token))
  const ta = tokens(a)
  const tb = tokens(b)
  return (
    ta.length > 0 &&
    tb.length > 0 &&
    (tb.every((token) => ta.includes(token)) || ta.every((token) => tb.includes(token)))
  )
}

function dateMatches(predicted: AnalysisEvent['date'], gold: string): boolean {
  if (!predicted) return false
  const span = (Date.parse(predicted.end) - Date.parse(predicted.start)) / 86_400_000
  return predicted.start <= gold && gold <= predicted.end && span <= 2
}

/**
 * Scores an analysis against gold events: events match on (doc, type, place, stance), one to
 * one, preferring predictions whose evidence overlaps the gold evidence; strict matching also
 * requires that overlap.
 */
export function scoreEvents(analysis: Analysis, reference: GoldReference): EventScores {
  const texts = new Map(analysis.documents.map((document) => [document.id, document.text]))
  const byDoc = new Map<string, AnalysisEvent[]>()
  for (const event of analysis.events)
    byDoc.set(event.doc, [...(byDoc.get(event.doc) ?? []), event])
  const gold = reference.events.filter((row) => texts.has(row.doc))
  const predicted = analysis.events.filter((event) =>
    reference.events.some((row) => row.doc === event.doc),
  )

  const overlapsGold = (event: AnalysisEvent, row: GoldEvent): boolean => {
    const at = locateEvidence(texts.get(row.doc) ?? '', row.evidence)
    return at !== null && event.evidence.start < at.end && at.start < event.evidence.end
  }
  const run = (strict: boolean) => {
    const used = new Set<AnalysisEvent>()
    const pairs: [GoldEvent, AnalysisEvent][] = []
    // Rows whose evidence a prediction overlaps are matched first, so loose matching cannot steal them.
    for (const pass of [true, false]) {
      for (const row of gold) {
        if (pairs.some(([matched]) => matched === row)) continue
        const candidate = (byDoc.get(row.doc) ?? []).find(
          (event) =>
            !used.has(event) &&
            event.type === row.type &&
            normaliseStance(event.stance) === normaliseStance(row.stance) &&
            placeMatches(event, row.place, reference) &&
            (!pass || overlapsGold(event, row)),
        )
        if (candidate && (!strict || overlapsGold(candidate, row))) {
          used.add(candidate)
          pairs.push([row, candidate])
        }
      }
      if (strict) break
    }
    return { pairs, used }
  }
  const prf = (matched: number, predictedCount: number, goldCount: number) => {
    const precision = predictedCount === 0 ? 0 : matched / predictedCount
    const recall = goldCount === 0 ? 0 : matched / goldCount
    return {
      matched,
      precision,
      recall,
      f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    }
  }
  const loose = run(false)
  const strict = run(true)

  const perType: EventScores['perType'] = {}
  for (const type of new Set([
    ...gold.map((row) => row.type),
    ...predicted.map((event) => event.type),
  ])) {
    const goldCount = gold.filter((row) => row.type === type).length
    const predictedCount = predicted.filter((event) => event.type === type).length
    const matched = loose.pairs.filter(([row]) => row.type === type).length
    perType[type] = {
      gold: goldCount,
      predicted: predictedCount,
      ...prf(matched, predictedCount, goldCount),
    }
  }
  const field = (correct: number, total: number): FieldScore => ({
    correct,
    total,
    accuracy: total === 0 ? 0 : correct / total,
  })
  const sides = (event: AnalysisEvent): Set<string> =>
    new Set(event.actors.map((actor) => actor.side ?? '').filter((side) => side !== ''))
  const actorsExact = loose.pairs.filter(([row, event]) => {
    const predictedSides = sides(event)
    return (
      predictedSides.size === row.actors.length &&
      row.actors.every((actor) => predictedSides.has(actor))
    )
  }).length
  const actorsOverlap = loose.pairs.filter(([row, event]) => {
    const predictedSides = sides(event)
    return row.actors.length === 0
      ? predictedSides.size === 0
      : row.actors.some((actor) => predictedSides.has(actor))
  }).length
  const sourceCorrect = loose.pairs.filter(([row, event]) =>
    sourceMatches(event.source, row.source, reference),
  ).length
  const dated = loose.pairs.filter(([row]) => row.date !== null)
  const dateCorrect = dated.filter(([row, event]) => dateMatches(event.date, row.date!)).length
  const denied = gold.filter((row) => row.stance === 'denied')
  const deniedMatched = loose.pairs.filter(([row]) => row.stance === 'denied').length

  return {
    gold: gold.length,
    predicted: predicted.length,
    loose: prf(loose.pairs.length, predicted.length, gold.length),
    strict: prf(strict.pairs.length, predicted.length, gold.length),
    deniedRecall: field(deniedMatched, denied.length),
    perType,
    fields: {
      actors: field(actorsExact, loose.pairs.length),
      actorsOverlap: field(actorsOverlap, loose.pairs.length),
      source: field(sourceCorrect, loose.pairs.length),
      date: field(dateCorrect, dated.length),
    },
    fieldErrors: loose.pairs.flatMap(([row, event]) => {
      const errors: EventScores['fieldErrors'][number][] = []
      const predictedSides = [...sides(event)]
      if (!(
        predictedSides.length === row.actors.length &&
        row.actors.every((actor) => predictedSides.includes(actor))
      ))
        errors.push({
          field: 'actors',
          gold: row.actors.join(','),
          predicted: predictedSides.join(','),
          evidence: `${row.doc.slice(0, 3)} ${row.type} ${row.place} | ${row.evidence.slice(0, 80)}`,
        })
      if (!sourceMatches(event.source, row.source, reference))
        errors.push({
          field: 'source',
          gold: String(row.source),
          predicted: event.source
            ? `${event.source.name}${event.source.unnamed ? ' (unnamed)' : ''}`
            : 'null',
          evidence: `${row.doc.slice(0, 3)} ${row.type} ${row.place} | ${row.evidence.slice(0, 80)}`,
        })
      if (row.date !== null && !dateMatches(event.date, row.date))
        errors.push({
          field: 'date',
          gold: row.date,
          predicted: event.date
            ? `${event.date.start}..${event.date.end} (${event.date.text?.text ?? ''})`
            : 'null',
          evidence: `${row.doc.slice(0, 3)} ${row.type} ${row.place} | ${row.evidence.slice(0, 80)}`,
        })
      return errors
    }),
    misses: gold.filter((row) => !loose.pairs.some(([matched]) => matched === row)),
    extras: predicted
      .filter((event) => !loose.used.has(event))
      .map((event) => ({
        doc: event.doc,
        type: event.type,
        place: event.place?.name ?? null,
        stance: event.stance,
        evidence: event.evidence.text.slice(0, 160),
      })),
  }
}
