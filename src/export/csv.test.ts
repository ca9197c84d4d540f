import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { neutraliseFormula, renderCsv } from './csv.js'

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, record_delimiter: '\r\n' }) as Record<
    string,
    string
  >[]
}

function file(name: string): string {
  const found = renderCsv(SAMPLE_ANALYSIS).find((candidate) => candidate.name === name)
  if (!found) throw new Error(`no ${name}`)
  return found.text
}

describe('renderCsv()', () => {
  it('renderCsv() writes documents, events, claims, disputes and sources as separate files', () => {
    expect(renderCsv(SAMPLE_ANALYSIS).map((csv) => csv.name)).toEqual([
      'documents.csv',
      'events.csv',
      'claims.csv',
      'disputes.csv',
      'sources.csv',
    ])
  })

  it('renderCsv() starts with a UTF-8 byte-order mark and a header row, lines end in CRLF', () => {
    const events = file('events.csv')
    expect(events.startsWith('\uFEFFid,doc,outlet,published,type,place,')).toBe(true)
    expect(events.split('\r\n').length).toBe(SAMPLE_ANALYSIS.events.length + 2)
  })

  it('renderCsv() events round-trip through a CSV parser with every quote intact', () => {
    const rows = readCsv(file('events.csv'))
    expect(rows).toHaveLength(SAMPLE_ANALYSIS.events.length)
    for (const [index, event] of SAMPLE_ANALYSIS.events.entries()) {
      const row = rows[index]!
      expect(row.id).toBe(event.id)
      expect(row.evidence).toBe(neutraliseFormula(event.evidence.text))
      expect(Number(row.evidence_start)).toBe(event.evidence.start)
    }
    expect(rows[4]).toMatchObject({
      source: 'Observatory',
      source_via: 'River Post',
      status: 'disputed',
      lat: '35.125',
      lon: '36.75',
    })
  })

  it('renderCsv() quotes commas, quotes and markup per RFC 4180', () => {
    const rows = readCsv(file('documents.csv'))
    expect(rows[1]!.title).toBe('<script>alert("title")</script> Ministry denies fall of Valmora')
    expect(file('documents.csv')).toContain(
      '"<script>alert(""title"")</script> Ministry denies fall of Valmora"',
    )
  })

  it('renderCsv() neutralises cells that a spreadsheet would run as formulas', () => {
    const documents = readCsv(file('documents.csv'))
    expect(documents[2]!.title).toBe(`'=HYPERLINK("http://evil.example","open")`)
    const events = readCsv(file('events.csv'))
    expect(events[5]!.evidence).toBe(`'=SUM(A1:A9) Envoys`)
  })

  it('renderCsv() claims list their origins and the outlets that repeat them', () => {
    const claims = readCsv(file('claims.csv'))
    expect(claims[0]).toMatchObject({
      id: 'claim:control-valmora',
      status: 'disputed',
      independent_groups: '2',
      asserting: 'Observatory; residents',
      denying: 'defence ministry',
      origins:
        'Observatory [North Wire, River Post]; denied by defence ministry [Coast <b>Daily</b>]; residents [Coast <b>Daily</b>]',
    })
  })

  it('renderCsv() sources count what each source asserts and denies', () => {
    const sources = readCsv(file('sources.csv'))
    expect(
      sources.map((row) => [
        row.source,
        row.kind,
        row.asserted,
        row.denied,
        row.hedged,
        row.outlets,
      ]),
    ).toEqual([
      ['Observatory', 'organization', '2', '0', '0', 'North Wire; River Post'],
      ['River Post', 'outlet', '1', '0', '1', 'River Post'],
      ['army', 'actor', '1', '0', '0', 'North Wire'],
      ['defence ministry', 'organization', '0', '1', '0', 'Coast <b>Daily</b>'],
      ['residents', 'source', '1', '0', '0', 'Coast <b>Daily</b>'],
    ])
  })

  it('renderCsv() disputes name both sides', () => {
    const [dispute] = readCsv(file('disputes.csv'))
    expect(dispute).toMatchObject({
      kind: 'stance',
      side_a: 'took control',
      side_a_sources: 'Observatory; residents',
      side_b: 'denies',
      side_b_sources: 'defence ministry',
    })
  })

  it('renderCsv() is byte-identical across runs', () => {
    expect(renderCsv(structuredClone(SAMPLE_ANALYSIS))).toEqual(renderCsv(SAMPLE_ANALYSIS))
  })
})

describe('neutraliseFormula()', () => {
  const positives = ['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']
  const nearMisses = ['1+1', 'a=b', 'x-1', 'mail@example.org', ' =1', '']
  it.each(positives)('neutraliseFormula() prefixes %j with a quote', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`)
  })
  it.each(nearMisses)('neutraliseFormula() leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell)
  })
})
