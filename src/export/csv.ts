import { stringify } from 'csv-stringify/sync'
import type { Analysis, AnalysisEvent } from '../core/model/analysis.js'
import { groupClaimOrigins, mapClaimOfEvent } from './claim-origins.js'

/** One CSV file: its name inside the output directory and its text. */
export interface CsvFile {
  readonly name: string
  readonly text: string
}

type Cell = string | number | boolean | null
type Row = Record<string, Cell>

/** Separator inside list-valued cells (sources, actors, event ids). */
const LIST_SEPARATOR = '; '

// A cell that begins [=]SUM(…), [+]1, [-]2+3, [@]cmd or with a tab or carriage return is read as
// a formula by Excel, LibreOffice and Google Sheets; article text must never run there.
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Makes a text cell inert in spreadsheets (OWASP "CSV injection"): a leading `'` keeps the
 * text visible and stops it being evaluated. Numbers are written as numbers and never changed,
 * so a negative coordinate stays numeric.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/**
 * The analysis as spreadsheets, one table per file: `documents.csv`, `events.csv`, `claims.csv`,
 * `disputes.csv` and `sources.csv` (who is cited, how often, by which outlets). RFC 4180: CRLF
 * line ends, fields quoted when they hold a comma, quote or line break; UTF-8 with a byte-order
 * mark so Excel opens non-Latin names correctly; a header row in every file. Deterministic: the
 * rows follow the analysis order, and sources are sorted by name.
 */
export function renderCsv(analysis: Analysis): CsvFile[] {
  return [
    { name: 'documents.csv', text: toCsv(DOCUMENT_COLUMNS, documentRows(analysis)) },
    { name: 'events.csv', text: toCsv(EVENT_COLUMNS, eventRows(analysis)) },
    { name: 'claims.csv', text: toCsv(CLAIM_COLUMNS, claimRows(analysis)) },
    { name: 'disputes.csv', text: toCsv(DISPUTE_COLUMNS, disputeRows(analysis)) },
    { name: 'sources.csv', text: toCsv(SOURCE_COLUMNS, sourceRows(analysis)) },
  ]
}

function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  return stringify(rows as Row[], {
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: 'windows',
    cast: {
      string: (value) => neutraliseFormula(value),
      boolean: (value) => (value ? 'true' : 'false'),
      number: (value) => String(value),
    },
  })
}

const DOCUMENT_COLUMNS = [
  'id',
  'outlet',
  'url',
  'published',
  'published_from',
  'title',
  'duplicate_of',
  'syndication_group',
  'characters',
  'source',
] as const

function documentRows(analysis: Analysis): Row[] {
  return analysis.documents.map((doc) => ({
    id: doc.id,
    outlet: doc.outlet,
    url: doc.url,
    published: doc.published,
    published_from: doc.publishedFrom,
    title: doc.title,
    duplicate_of: doc.duplicateOf ?? null,
    syndication_group: doc.syndicationGroup ?? null,
    characters: doc.text.length,
    source: doc.source,
  }))
}

const EVENT_COLUMNS = [
  'id',
  'doc',
  'outlet',
  'published',
  'type',
  'place',
  'place_entity',
  'lat',
  'lon',
  'actors',
  'source',
  'source_via',
  'stance',
  'date_start',
  'date_end',
  'date_precision',
  'claim',
  'status',
  'framing',
  'evidence',
  'evidence_start',
  'evidence_end',
] as const

function eventRows(analysis: Analysis): Row[] {
  const claimOf = mapClaimOfEvent(analysis)
  const docs = new Map(analysis.documents.map((doc) => [doc.id, doc]))
  return analysis.events.map((event) => {
    const claim = claimOf.get(event.id)
    const doc = docs.get(event.doc)
    return {
      id: event.id,
      doc: event.doc,
      outlet: doc?.outlet ?? null,
      published: doc?.published ?? null,
      type: event.type,
      place: event.place?.name ?? null,
      place_entity: event.place?.entity ?? null,
      lat: event.place?.lat ?? null,
      lon: event.place?.lon ?? null,
      actors: joinList(event.actors.map((actor) => actor.name)),
      source: event.source?.name ?? null,
      source_via: joinList(event.source?.via ?? []),
      stance: event.stance,
      date_start: event.date?.start ?? null,
      date_end: event.date?.end ?? null,
      date_precision: event.date?.precision ?? null,
      claim: claim?.id ?? null,
      status: claim?.status ?? null,
      framing: joinList(event.framing),
      evidence: event.evidence.text,
      evidence_start: event.evidence.start,
      evidence_end: event.evidence.end,
    }
  })
}

const CLAIM_COLUMNS = [
  'id',
  'type',
  'place',
  'lat',
  'lon',
  'date_start',
  'date_end',
  'date_precision',
  'status',
  'independent_groups',
  'asserting',
  'denying',
  'origins',
  'events',
  'story',
  'summary',
] as const

function claimRows(analysis: Analysis): Row[] {
  const events = new Map(analysis.events.map((event) => [event.id, event]))
  return analysis.claims.map((claim) => ({
    id: claim.id,
    type: claim.type,
    place: claim.place?.name ?? null,
    lat: claim.place?.lat ?? null,
    lon: claim.place?.lon ?? null,
    date_start: claim.date?.start ?? null,
    date_end: claim.date?.end ?? null,
    date_precision: claim.date?.precision ?? null,
    status: claim.status,
    independent_groups: claim.independentGroups,
    asserting: joinList(claim.asserting),
    denying: joinList(claim.denying),
    // "Observatory [North Wire, River Post]; residents [Coast Daily]"
    origins: joinList(
      groupClaimOrigins(claim, analysis, events).map(
        (origin) =>
          `${origin.stance === 'denied' ? 'denied by ' : ''}${origin.origin} [${origin.outlets.join(', ')}]`,
      ),
    ),
    events: joinList(claim.events),
    story: claim.story ?? null,
    summary: claim.summary ?? null,
  }))
}

const DISPUTE_COLUMNS = [
  'id',
  'kind',
  'summary',
  'claims',
  'events',
  'side_a',
  'side_a_sources',
  'side_b',
  'side_b_sources',
] as const

function disputeRows(analysis: Analysis): Row[] {
  return analysis.disputes.map((dispute) => {
    const [a, b] = dispute.sides ?? []
    return {
      id: dispute.id,
      kind: dispute.kind,
      summary: dispute.summary,
      claims: joinList(dispute.claims),
      events: joinList(dispute.events),
      side_a: a?.label ?? null,
      side_a_sources: joinList(a?.sources ?? []),
      side_b: b?.label ?? null,
      side_b_sources: joinList(b?.sources ?? []),
    }
  })
}

const SOURCE_COLUMNS = [
  'source',
  'kind',
  'entity',
  'events',
  'asserted',
  'denied',
  'hedged',
  'documents',
  'outlets',
  'claims',
] as const

/**
 * Who is cited: one row per named source, plus one per outlet speaking in its own voice
 * (kind `outlet`), with how many events each backs, denies or hedges and who repeats it.
 */
function sourceRows(analysis: Analysis): Row[] {
  const claimOf = mapClaimOfEvent(analysis)
  const docs = new Map(analysis.documents.map((doc) => [doc.id, doc]))
  const entities = new Map(analysis.entities.map((entity) => [entity.id, entity]))
  interface Tally {
    source: string
    kind: string
    entity: string | null
    counts: Record<AnalysisEvent['stance'], number>
    documents: Set<string>
    outlets: Set<string>
    claims: Set<string>
  }
  const tallies = new Map<string, Tally>()
  for (const event of analysis.events) {
    const doc = docs.get(event.doc)
    const outlet = doc?.outlet ?? event.doc
    const name = event.source?.name ?? outlet
    const kind = event.source ? (entities.get(event.source.entity)?.kind ?? 'source') : 'outlet'
    const key = `${kind}\u0000${name}`
    let tally = tallies.get(key)
    if (!tally) {
      tally = {
        source: name,
        kind,
        entity: event.source?.entity ?? null,
        counts: { asserted: 0, denied: 0, hedged: 0 },
        documents: new Set(),
        outlets: new Set(),
        claims: new Set(),
      }
      tallies.set(key, tally)
    }
    tally.counts[event.stance] += 1
    tally.documents.add(event.doc)
    tally.outlets.add(outlet)
    const claim = claimOf.get(event.id)
    if (claim) tally.claims.add(claim.id)
  }
  return [...tallies.values()]
    .sort((a, b) => compareText(a.source, b.source) || compareText(a.kind, b.kind))
    .map((tally) => ({
      source: tally.source,
      kind: tally.kind,
      entity: tally.entity,
      events: tally.counts.asserted + tally.counts.denied + tally.counts.hedged,
      asserted: tally.counts.asserted,
      denied: tally.counts.denied,
      hedged: tally.counts.hedged,
      documents: tally.documents.size,
      outlets: joinList([...tally.outlets].sort(compareText)),
      claims: joinList([...tally.claims].sort(compareText)),
    }))
}

/** Code-unit order: the same on every machine, unlike `localeCompare`. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function joinList(values: readonly string[]): string | null {
  return values.length > 0 ? values.join(LIST_SEPARATOR) : null
}
