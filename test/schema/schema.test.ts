import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, it, expect } from 'vitest'
import { ANALYSIS_SCHEMA, EVENT_TYPES } from '../../src/core/model/analysis.js'
import type { Analysis } from '../../src/core/model/analysis.js'
import {
  REPO_ROOT,
  compileAnalysisSchema,
  findSpans,
  readAnalysisSchema,
  referenceErrors,
  schemaErrors,
  spanErrors,
} from './validate-analysis.js'

// A tiny analysis built by hand: one document, one place, one event, one claim, one control
// state, one timeline entry, one diagnostic. Typed as Analysis, so the TypeScript type and the
// schema are held to the same object.
const TEXT =
  'Rebels took control of Daraa on Friday, a monitor said. The army denied it had left the city.'
const span = (start: number, end: number) => ({
  doc: 'd1',
  start,
  end,
  text: TEXT.slice(start, end),
})
const daraa = { entity: 'place:daraa', name: 'Daraa', lat: 32.6189, lon: 36.1021 }

function validAnalysis(): Analysis {
  return {
    schema: ANALYSIS_SCHEMA,
    generatedAt: '2024-12-07T12:00:00.000Z',
    documents: [
      {
        id: 'd1',
        source: 'examples/d1.txt',
        outlet: 'Example Wire',
        url: 'https://wire.example.org/d1',
        published: '2024-12-07',
        publishedFrom: 'header',
        title: 'Rebels take Daraa',
        text: TEXT,
      },
    ],
    entities: [
      {
        id: 'place:daraa',
        kind: 'place',
        name: 'Daraa',
        aliases: ['Daraa'],
        mentions: [span(23, 28)],
        lat: 32.6189,
        lon: 36.1021,
        country: 'SY',
        featureClass: 'P',
        gazetteerId: '170905',
      },
      {
        id: 'actor:opposition',
        kind: 'actor',
        name: 'opposition',
        aliases: ['Rebels'],
        mentions: [span(0, 6)],
        side: 'opposition',
      },
    ],
    events: [
      {
        id: 'e1',
        doc: 'd1',
        type: 'control',
        place: { ...daraa, span: span(23, 28) },
        actors: [
          { entity: 'actor:opposition', name: 'opposition', side: 'opposition', span: span(0, 6) },
        ],
        source: { entity: 'org:monitor', name: 'a monitor', via: [], span: span(40, 49) },
        stance: 'asserted',
        date: { start: '2024-12-06', end: '2024-12-06', precision: 'day', text: span(29, 38) },
        framing: [],
        evidence: span(0, 55),
        trigger: span(7, 22),
        rule: 'claims/trigger-control',
        quantity: null,
        notAfter: '2024-12-07',
      },
    ],
    claims: [
      {
        id: 'c1',
        type: 'control',
        place: daraa,
        date: { start: '2024-12-06', end: '2024-12-06', precision: 'day' },
        events: ['e1'],
        asserting: ['a monitor'],
        denying: [],
        independentGroups: 1,
        status: 'single-source',
      },
    ],
    disputes: [
      {
        id: 'x1',
        kind: 'stance',
        claims: ['c1'],
        events: ['e1'],
        summary: 'A monitor says rebels took Daraa; the army denies leaving it.',
      },
    ],
    control: [
      {
        place: daraa,
        date: '2024-12-06',
        controller: 'opposition',
        previous: 'government',
        status: 'claimed',
        claims: ['c1'],
      },
    ],
    timeline: [
      {
        date: { start: '2024-12-06', end: '2024-12-06', precision: 'day' },
        claim: 'c1',
        summary: 'Rebels take Daraa',
        status: 'single-source',
      },
    ],
    diagnostics: [
      {
        severity: 'info',
        message: 'No coordinates for place "the city"',
        stage: 'places',
        rule: 'places/unresolved',
        doc: 'd1',
        span: span(84, 92),
      },
    ],
  }
}

/** A deep copy of the valid analysis, changed by `edit`. */
function changed(edit: (a: Record<string, any>) => void): unknown {
  const copy = structuredClone(validAnalysis()) as Record<string, any>
  edit(copy)
  return copy
}

describe('schema/analysis.schema.json', () => {
  it('compiles under ajv 2020-12 in strict mode with formats', () => {
    expect(() => compileAnalysisSchema()).not.toThrow()
  })

  it('lists exactly the event types of EVENT_TYPES', () => {
    const defs = readAnalysisSchema()['$defs'] as Record<string, { enum?: string[] }>
    expect(defs['eventType']?.enum).toEqual([...EVENT_TYPES])
  })

  it('accepts a hand-built analysis whose spans all quote their document', () => {
    const analysis = validAnalysis()
    expect(schemaErrors(analysis)).toEqual([])
    expect(spanErrors(analysis)).toEqual([])
    expect(referenceErrors(analysis)).toEqual([])
    // two entity mentions; event place, actor, source, date, evidence, trigger; one diagnostic
    expect(findSpans(analysis)).toHaveLength(9)
  })

  it('accepts extensions: unknown properties at any object level, optional fields absent', () => {
    const extended = changed((a) => {
      a['stories'] = [{ id: 's1' }]
      a['producer'] = 'triangulate 0.1.0'
      a['events'][0]['confidence'] = 0.8
      a['events'][0]['source']['role'] = 'monitor'
      delete a['events'][0]['trigger']
      delete a['events'][0]['quantity']
      a['documents'][0]['metadata'] = { language: 'en' }
    })
    expect(schemaErrors(extended)).toEqual([])
  })

  // Near misses: one change each, and the error must point at the changed place.
  const nearMisses: { name: string; edit: (a: Record<string, any>) => void; at: string }[] = [
    { name: 'missing schema', edit: (a) => delete a['schema'], at: '/' },
    {
      name: 'another schema version',
      edit: (a) => (a['schema'] = 'triangulate.analysis/2'),
      at: '/schema',
    },
    {
      name: 'bad stance',
      edit: (a) => (a['events'][0]['stance'] = 'confirmed'),
      at: '/events/0/stance',
    },
    {
      name: 'unknown event type',
      edit: (a) => (a['events'][0]['type'] = 'capture'),
      at: '/events/0/type',
    },
    {
      name: 'date as DD/MM/YYYY',
      edit: (a) => (a['events'][0]['date']['start'] = '06/12/2024'),
      at: '/events/0/date',
    },
    {
      name: 'date without zero padding',
      edit: (a) => (a['documents'][0]['published'] = '2024-12-7'),
      at: '/documents/0/published',
    },
    {
      name: 'impossible calendar date',
      edit: (a) => (a['control'][0]['date'] = '2024-02-30'),
      at: '/control/0/date',
    },
    {
      name: 'date-time where a day is due',
      edit: (a) => (a['timeline'][0]['date']['end'] = '2024-12-06T10:00:00Z'),
      at: '/timeline/0/date/end',
    },
    {
      name: 'span with negative start',
      edit: (a) => (a['events'][0]['evidence']['start'] = -1),
      at: '/events/0/evidence/start',
    },
    {
      name: 'span with fractional end',
      edit: (a) => (a['events'][0]['evidence']['end'] = 5.5),
      at: '/events/0/evidence/end',
    },
    {
      name: 'span without its quote',
      edit: (a) => delete a['entities'][0]['mentions'][0]['text'],
      at: '/entities/0/mentions/0',
    },
    {
      name: 'event without evidence',
      edit: (a) => delete a['events'][0]['evidence'],
      at: '/events/0',
    },
    {
      name: 'place as an empty object',
      edit: (a) => (a['events'][0]['place'] = {}),
      at: '/events/0/place',
    },
    {
      name: 'unknown entity kind',
      edit: (a) => (a['entities'][0]['kind'] = 'city'),
      at: '/entities/0/kind',
    },
    {
      name: 'lower-case country code',
      edit: (a) => (a['entities'][0]['country'] = 'sy'),
      at: '/entities/0/country',
    },
    {
      name: 'latitude out of range',
      edit: (a) => (a['claims'][0]['place']['lat'] = 132.6),
      at: '/claims/0/place/lat',
    },
    {
      name: 'unknown claim status',
      edit: (a) => (a['claims'][0]['status'] = 'confirmed'),
      at: '/claims/0/status',
    },
    {
      name: 'fractional independentGroups',
      edit: (a) => (a['claims'][0]['independentGroups'] = 1.5),
      at: '/claims/0/independentGroups',
    },
    {
      name: 'unknown dispute kind',
      edit: (a) => (a['disputes'][0]['kind'] = 'casualties'),
      at: '/disputes/0/kind',
    },
    {
      name: 'unknown control status',
      edit: (a) => (a['control'][0]['status'] = 'disputed-ish'),
      at: '/control/0/status',
    },
    {
      name: 'unknown publishedFrom',
      edit: (a) => (a['documents'][0]['publishedFrom'] = 'filename'),
      at: '/documents/0/publishedFrom',
    },
    {
      name: 'generatedAt not a date-time',
      edit: (a) => (a['generatedAt'] = 'yesterday'),
      at: '/generatedAt',
    },
    {
      name: 'unknown diagnostic severity',
      edit: (a) => (a['diagnostics'][0]['severity'] = 'fatal'),
      at: '/diagnostics/0/severity',
    },
    { name: 'events not an array', edit: (a) => (a['events'] = {}), at: '/events' },
  ]
  for (const miss of nearMisses) {
    it(`rejects a near miss: ${miss.name} (at ${miss.at})`, () => {
      const errors = schemaErrors(changed(miss.edit))
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.some((e) => e.startsWith(`${miss.at} `))).toBe(true)
    })
  }
})

describe('span and reference invariants', () => {
  it('spanErrors() reports a quote that does not match the text, naming its path', () => {
    const bad = changed((a) => (a['events'][0]['evidence']['text'] = 'Rebels took control of Dar'))
    expect(spanErrors(bad as Analysis)).toEqual([
      '/events/0/evidence: quote "Rebels took control of Dar" but the text there is ' +
        JSON.stringify(TEXT.slice(0, 55)),
    ])
  })

  it('spanErrors() reports reversed, out-of-range and orphan spans', () => {
    const bad = changed((a) => {
      a['events'][0]['trigger'] = { doc: 'd1', start: 9, end: 4, text: '' }
      a['events'][0]['evidence'] = { doc: 'd1', start: 80, end: 200, text: TEXT.slice(80) }
      a['entities'][0]['mentions'][0]['doc'] = 'd2'
    })
    expect(spanErrors(bad as Analysis)).toEqual([
      `/entities/0/mentions/0: document "d2" is not in documents`,
      `/events/0/evidence: [80, 200) is outside "d1" (length ${TEXT.length})`,
      `/events/0/trigger: [9, 4) is outside "d1" (length ${TEXT.length})`,
    ])
  })

  it('referenceErrors() reports dangling ids and duplicates', () => {
    const bad = changed((a) => {
      a['claims'][0]['events'] = ['e1', 'e9']
      a['timeline'][0]['claim'] = 'c7'
      a['events'].push({ ...a['events'][0] })
    })
    expect(referenceErrors(bad as Analysis)).toEqual([
      'events: id "e1" is used twice',
      '/claims/0/events: event "e9" does not exist',
      '/timeline/0/claim: claim "c7" does not exist',
    ])
  })
})

// Real output of the engine, validated exactly as an outside consumer would.
const EXAMPLES = path.join(REPO_ROOT, 'examples', 'fall-of-the-south')
const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'seeds')

async function analyze(paths: string[], options: { published?: string }): Promise<Analysis> {
  const { analyzeInputs } = await import('../../src/app/analyze.js')
  const { analysis, problems } = await analyzeInputs(paths, options)
  expect(problems.map((p) => `${p.input}: ${p.reason}`)).toEqual([])
  // Round-trip through JSON: the contract is the serialised form.
  return JSON.parse(JSON.stringify(analysis)) as Analysis
}

function expectValid(analysis: Analysis): void {
  expect(schemaErrors(analysis)).toEqual([])
  expect(spanErrors(analysis)).toEqual([])
  expect(referenceErrors(analysis)).toEqual([])
}

describe('real analyze output', () => {
  it('the example corpus validates, and every span quotes its document', async () => {
    // The article files, not the directory: a directory walk also reads README.md as an
    // article (src/ingest/read-inputs.ts takes every .md), which the corpus is not about.
    const articles = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(EXAMPLES, f))
    const analysis = await analyze(articles, {})
    expect(analysis.documents).toHaveLength(10)
    expect(analysis.events.length).toBeGreaterThan(0)
    expect(findSpans(analysis).length).toBeGreaterThan(analysis.events.length)
    expectValid(analysis)
  })

  // The same articles as pages and feeds: ids differ (feed items get hash ids), so events are
  // compared by what they say and where the evidence sits in the text (the same text, but for
  // the final newline a text file ends with).
  it('the HTML pages and the RSS and Atom feeds validate and give the events of the text form', async () => {
    const eventKeys = (analysis: Analysis): string[] => {
      const texts = new Map(analysis.documents.map((d) => [d.id, d.text]))
      return analysis.events
        .map((e) =>
          [
            texts.get(e.doc)?.slice(0, 60),
            e.type,
            e.place?.name,
            e.stance,
            e.source?.name,
            e.date?.start,
            e.evidence.start,
            e.evidence.text,
          ].join(' | '),
        )
        .sort()
    }
    const articles = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(EXAMPLES, f))
    const text = await analyze(articles, {})
    const forms = {
      html: [path.join(EXAMPLES, '..', 'fall-of-the-south-html')],
      rss: [path.join(EXAMPLES, '..', 'fall-of-the-south-feed', 'feed.xml')],
      atom: [path.join(EXAMPLES, '..', 'fall-of-the-south-feed', 'atom.xml')],
    }
    for (const [form, paths] of Object.entries(forms)) {
      const analysis = await analyze(paths, {})
      expectValid(analysis)
      const textOf = new Set(text.documents.map((d) => d.text.trimEnd()))
      expect(
        analysis.documents.filter((d) => !textOf.has(d.text.trimEnd())).map((d) => d.id),
        `${form}: documents whose text differs from the text form`,
      ).toEqual([])
      const keys = eventKeys(analysis)
      if (form === 'atom') {
        const all = new Set(eventKeys(text))
        expect(analysis.documents).toHaveLength(5)
        expect(keys.filter((k) => !all.has(k))).toEqual([])
      } else {
        expect(analysis.documents).toHaveLength(10)
        expect(keys, form).toEqual(eventKeys(text))
      }
    }
  })

  it.skipIf(!existsSync(SEEDS))(
    'the seed articles (../shared/seeds, published 2024-12-07) validate',
    async () => {
      const analysis = await analyze([SEEDS], { published: '2024-12-07' })
      expect(analysis.documents.length).toBeGreaterThan(0)
      expect(analysis.events.length).toBeGreaterThan(0)
      expectValid(analysis)
    },
  )
})
