/**
 * Builders for the small hand-written corpora of the fusion tests: a fictional country (Norland)
 * with towns in two provinces, so no test leans on a real place or article.
 */
import type { AnalysisEvent, EventType, Stance } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import { makeSpan } from '../model/span.js'

/** Town and province ids of the test country, with what contains what. */
export const PLACES = {
  valmora: { entity: 'gn:9001', name: 'Valmora', lat: 40.1, lon: 30.1 },
  kessel: { entity: 'gn:9002', name: 'Kessel', lat: 40.2, lon: 30.3 },
  dunmore: { entity: 'gn:9003', name: 'Dunmore', lat: 41.5, lon: 28.9 },
  // A suburb 4 km from Valmora's centre, and a village 22 km north of it.
  eastgate: { entity: 'gn:9004', name: 'Eastgate', lat: 40.13, lon: 30.13 },
  northfield: { entity: 'gn:9005', name: 'Northfield', lat: 40.3, lon: 30.1 },
  eastern: { entity: 'adm:NL-E', name: 'Eastern Province', lat: 40.3, lon: 30.4 },
  norland: { entity: 'country:NL', name: 'Norland', lat: 41, lon: 29 },
} as const

const REGIONS: Record<string, readonly string[]> = {
  'gn:9001': ['adm:NL-E', 'country:NL'],
  'gn:9002': ['adm:NL-E', 'country:NL'],
  'gn:9003': ['adm:NL-W', 'country:NL'],
  'gn:9004': ['adm:NL-E', 'country:NL'],
  'gn:9005': ['adm:NL-E', 'country:NL'],
  'adm:NL-E': ['country:NL'],
  'adm:NL-W': ['country:NL'],
}

/** Containment of the test country: towns lie in their province, provinces in Norland. */
export function testContainment(placeId: string): readonly string[] {
  return REGIONS[placeId] ?? []
}

/** Valmora is the seat of the Eastern Province. */
export function testCapitalOf(placeId: string): string | null {
  return placeId === 'gn:9001' ? 'adm:NL-E' : null
}

export function makeDocument(
  id: string,
  outlet: string | null,
  published: string,
  text: string,
): SourceDocument {
  return {
    id,
    source: `test/${id}.txt`,
    outlet,
    url: null,
    published,
    publishedFrom: 'header',
    title: null,
    text,
    metadata: {},
  }
}

export interface EventSpec {
  readonly type: EventType
  readonly place: keyof typeof PLACES | null
  /** The words of the document that carry the claim (must occur in its text). */
  readonly quote: string
  readonly sides?: readonly string[]
  /** Actor side → the words the document uses for it (must occur in the text). */
  readonly actorWords?: Readonly<Record<string, string>>
  readonly source?: string | null
  readonly via?: readonly string[]
  readonly stance?: Stance
  /** `YYYY-MM-DD`, or [start, end, precision]. */
  readonly date?: string | readonly [string, string, string]
  readonly framing?: readonly string[]
  readonly quantity?: readonly [number, string]
}

/** One event of a document, its spans found in the document's text. */
export function makeEvent(document: SourceDocument, n: number, spec: EventSpec): AnalysisEvent {
  const span = (words: string) => {
    const at = document.text.indexOf(words)
    if (at < 0) throw new Error(`test corpus: "${words}" is not in ${document.id}`)
    return makeSpan(document.id, document.text, at, at + words.length)
  }
  const evidence = span(spec.quote)
  const date =
    spec.date === undefined
      ? null
      : typeof spec.date === 'string'
        ? { start: spec.date, end: spec.date, precision: 'day' }
        : { start: spec.date[0], end: spec.date[1], precision: spec.date[2] }
  return {
    id: `${document.id}#${n}`,
    doc: document.id,
    type: spec.type,
    place: spec.place === null ? null : { ...PLACES[spec.place] },
    actors: (spec.sides ?? []).map((side) => {
      const words = spec.actorWords?.[side]
      return {
        entity: `side:${side}`,
        name: side,
        side,
        ...(words !== undefined && { span: span(words) }),
      }
    }),
    source:
      spec.source === undefined || spec.source === null
        ? null
        : {
            entity: `source:${spec.source.toLowerCase().replace(/\W+/g, '-')}`,
            name: spec.source,
            ...(spec.via !== undefined && { via: spec.via }),
          },
    stance: spec.stance ?? 'asserted',
    date,
    framing: spec.framing ?? [],
    evidence,
    notAfter: document.published,
    ...(spec.quantity !== undefined && {
      quantity: { value: spec.quantity[0], unit: spec.quantity[1], span: evidence },
    }),
  }
}
