/**
 * A small hand-written Analysis for the web app and report tests: invented towns and outlets,
 * sentences written for this fixture. It covers every view: a disputed control claim carried by
 * a syndicated copy, a withdrawal framed as a redeployment, a control change the date slider
 * can show, an uncertain date range, loaded terms, and one article whose title, outlet and body
 * carry markup that must stay text.
 */
import type {
  Analysis,
  AnalysisDocument,
  AnalysisEvent,
  Claim,
  ControlState,
  Entity,
} from '../../../src/core/model/analysis.js'
import type { Span } from '../../../src/core/model/span.js'

/** Markup in the hostile article: if any of it ran, it would set `window.__pwned`. */
export const HOSTILE_TITLE =
  '<script>window.__pwned = 1</script>Breaking <img src=x onerror="window.__pwned=2">'
export const HOSTILE_BODY =
  'Air strikes hit Ostrin on Tuesday morning, residents said. <script>window.__pwned = 3</script> ' +
  'A witness described <img src=x onerror="window.__pwned=4"> smoke over the market. </script><script>window.__pwned=5</script>'

const DOCS: readonly Omit<AnalysisDocument, 'source' | 'url' | 'publishedFrom' | 'title'>[] = [
  {
    id: 'northwire-karsa',
    outlet: 'Northwire',
    published: '2030-03-04',
    text:
      'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group. ' +
      'The army said its units had redeployed outside the town to protect civilians.',
  },
  {
    id: 'harbour-karsa',
    outlet: 'Harbour Daily',
    published: '2030-03-04',
    text:
      'Rebels captured Karsa on Sunday, residents told Harbour Daily. ' +
      'The defence ministry denied that Karsa had fallen, calling the reports lies spread by terrorists.',
  },
  {
    id: 'valley-velen',
    outlet: 'Valley Times',
    published: '2030-03-05',
    text:
      'Government troops withdrew from Velen on Monday, a local official said.\n\n' +
      'Opposition fighters entered the centre of Velen hours later, and shops stayed shut near Marrow Ridge.',
  },
  {
    id: 'coastal-copy',
    outlet: 'Coastal Post',
    published: '2030-03-05',
    text:
      'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group. ' +
      'The army said its units had redeployed outside the town to protect civilians.',
  },
  { id: 'hostile', outlet: '<b>Evil</b> Wire', published: '2030-03-05', text: HOSTILE_BODY },
]

function documents(): AnalysisDocument[] {
  return DOCS.map((doc) => ({
    ...doc,
    source: `fixture/${doc.id}.txt`,
    url: doc.id === 'hostile' ? 'javascript:window.__pwned=6' : `https://example.org/${doc.id}`,
    publishedFrom: 'header',
    title: doc.id === 'hostile' ? HOSTILE_TITLE : `Report ${doc.id}`,
    ...(doc.id === 'coastal-copy'
      ? { duplicateOf: 'northwire-karsa', syndicationGroup: 'northwire-karsa' }
      : {}),
  }))
}

/** The span of the `occurrence`-th `quote` in a fixture document; throws when absent. */
export function spanOf(doc: string, quote: string, occurrence = 0): Span {
  const text = DOCS.find((d) => d.id === doc)?.text
  if (text === undefined) throw new Error(`fixture: no document ${doc}`)
  let at = -1
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(quote, at + 1)
    if (at < 0) throw new Error(`fixture: '${quote}' not in ${doc}`)
  }
  return { doc, start: at, end: at + quote.length, text: quote }
}

const place = (entity: string, name: string, lat: number, lon: number) => ({
  entity,
  name,
  lat,
  lon,
})
const KARSA = place('place-karsa', 'Karsa', 35.13, 36.75)
const VELEN = place('place-velen', 'Velen', 34.73, 36.71)
// Place names reach Leaflet's labels: this one carries markup that must stay text.
export const HOSTILE_PLACE = 'Ostrin<img src=x onerror="window.__pwned=7">'
const OSTRIN = place('place-ostrin', HOSTILE_PLACE, 34.4, 37.2)
const OPPOSITION = { entity: 'actor-opposition', name: 'opposition', side: 'opposition' }
const GOVERNMENT = { entity: 'actor-government', name: 'government', side: 'government' }
const day = (date: string) => ({ start: date, end: date, precision: 'day' })

function events(): AnalysisEvent[] {
  const base = {
    framing: [] as string[],
    actors: [] as AnalysisEvent['actors'],
    date: null,
    source: null,
  }
  const list: AnalysisEvent[] = [
    {
      ...base,
      id: 'e1',
      doc: 'northwire-karsa',
      type: 'control',
      place: KARSA,
      actors: [OPPOSITION],
      source: { entity: 'source-monitoring', name: 'Monitoring Group' },
      stance: 'asserted',
      date: day('2030-03-03'),
      evidence: spanOf(
        'northwire-karsa',
        'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group.',
      ),
      trigger: spanOf('northwire-karsa', 'took control of'),
    },
    {
      ...base,
      id: 'e2',
      doc: 'northwire-karsa',
      type: 'redeployment',
      place: KARSA,
      actors: [GOVERNMENT],
      source: { entity: 'actor-government', name: 'army' },
      stance: 'asserted',
      framing: ['redeployed'],
      evidence: spanOf(
        'northwire-karsa',
        'The army said its units had redeployed outside the town to protect civilians.',
      ),
      trigger: spanOf('northwire-karsa', 'redeployed'),
    },
    {
      ...base,
      id: 'e3',
      doc: 'harbour-karsa',
      type: 'control',
      place: KARSA,
      actors: [OPPOSITION],
      source: { entity: 'source-residents', name: 'residents' },
      stance: 'asserted',
      date: day('2030-03-03'),
      evidence: spanOf(
        'harbour-karsa',
        'Rebels captured Karsa on Sunday, residents told Harbour Daily.',
      ),
      trigger: spanOf('harbour-karsa', 'captured'),
    },
    {
      ...base,
      id: 'e4',
      doc: 'harbour-karsa',
      type: 'control',
      place: KARSA,
      actors: [OPPOSITION],
      source: { entity: 'actor-government', name: 'defence ministry' },
      stance: 'denied',
      framing: ['terrorists'],
      evidence: spanOf(
        'harbour-karsa',
        'The defence ministry denied that Karsa had fallen, calling the reports lies spread by terrorists.',
      ),
      trigger: spanOf('harbour-karsa', 'had fallen'),
    },
    {
      ...base,
      id: 'e5',
      doc: 'valley-velen',
      type: 'withdrawal',
      place: VELEN,
      actors: [GOVERNMENT],
      source: { entity: 'source-official', name: 'local official' },
      stance: 'asserted',
      date: day('2030-03-04'),
      evidence: spanOf(
        'valley-velen',
        'Government troops withdrew from Velen on Monday, a local official said.',
      ),
      trigger: spanOf('valley-velen', 'withdrew from'),
    },
    {
      ...base,
      id: 'e6',
      doc: 'valley-velen',
      type: 'control',
      place: VELEN,
      actors: [OPPOSITION],
      stance: 'asserted',
      date: { start: '2030-03-04', end: '2030-03-05', precision: 'days' },
      evidence: spanOf(
        'valley-velen',
        'Opposition fighters entered the centre of Velen hours later',
      ),
      trigger: spanOf('valley-velen', 'entered'),
    },
    {
      ...base,
      id: 'e7',
      doc: 'coastal-copy',
      type: 'control',
      place: KARSA,
      actors: [OPPOSITION],
      source: { entity: 'source-monitoring', name: 'Monitoring Group' },
      stance: 'asserted',
      date: day('2030-03-03'),
      evidence: spanOf(
        'coastal-copy',
        'Opposition fighters took control of Karsa on Sunday after two days of fighting, according to the Monitoring Group.',
      ),
      trigger: spanOf('coastal-copy', 'took control of'),
    },
    {
      ...base,
      id: 'e8',
      doc: 'hostile',
      type: 'strike',
      place: OSTRIN,
      source: { entity: 'source-residents', name: 'residents' },
      stance: 'asserted',
      date: day('2030-03-05'),
      evidence: spanOf('hostile', 'Air strikes hit Ostrin on Tuesday morning, residents said.'),
      trigger: spanOf('hostile', 'Air strikes hit'),
    },
  ]
  return list
}

function claims(): Claim[] {
  return [
    {
      id: 'c1',
      type: 'control',
      place: KARSA,
      date: day('2030-03-03'),
      events: ['e1', 'e3', 'e4', 'e7'],
      asserting: ['Monitoring Group', 'residents'],
      denying: ['defence ministry'],
      independentGroups: 2,
      status: 'disputed',
      actors: ['opposition'],
      origins: [
        {
          origin: 'Monitoring Group',
          outlets: ['Coastal Post', 'Northwire'],
          events: ['e1', 'e7'],
          stance: 'asserted',
        },
        { origin: 'residents', outlets: ['Harbour Daily'], events: ['e3'], stance: 'asserted' },
        {
          origin: 'defence ministry',
          outlets: ['Harbour Daily'],
          events: ['e4'],
          stance: 'denied',
        },
      ],
      summary:
        'The opposition took Karsa on 3 March, say the Monitoring Group and residents; the defence ministry denies it.',
    },
    single('c2', 'redeployment', KARSA, null, ['e2'], 'army'),
    single('c3', 'withdrawal', VELEN, day('2030-03-04'), ['e5'], 'local official'),
    single(
      'c4',
      'control',
      VELEN,
      { start: '2030-03-04', end: '2030-03-05', precision: 'days' },
      ['e6'],
      'Valley Times',
    ),
    single('c5', 'strike', OSTRIN, day('2030-03-05'), ['e8'], 'residents'),
  ]
}

function single(
  id: string,
  type: Claim['type'],
  where: Claim['place'],
  date: Claim['date'],
  events: string[],
  source: string,
): Claim {
  return {
    id,
    type,
    place: where,
    date,
    events,
    asserting: [source],
    denying: [],
    independentGroups: 1,
    status: 'single-source',
  }
}

function control(): ControlState[] {
  return [
    {
      place: VELEN,
      date: '2030-03-01',
      controller: 'government',
      previous: null,
      status: 'claimed',
      claims: ['c3'],
    },
    {
      place: KARSA,
      date: '2030-03-01',
      controller: 'government',
      previous: null,
      status: 'claimed',
      claims: ['c2'],
    },
    {
      place: KARSA,
      date: '2030-03-03',
      controller: 'opposition',
      previous: 'government',
      status: 'disputed',
      claims: ['c1'],
    },
    {
      place: VELEN,
      date: '2030-03-04',
      controller: 'opposition',
      previous: 'government',
      status: 'claimed',
      claims: ['c4'],
    },
  ]
}

function entities(): Entity[] {
  const placeEntity = (p: typeof KARSA, mentions: Span[]): Entity => ({
    id: p.entity,
    kind: 'place',
    name: p.name,
    aliases: [p.name],
    mentions,
    lat: p.lat,
    lon: p.lon,
    country: null,
    featureClass: 'P',
    gazetteerId: null,
  })
  return [
    placeEntity(KARSA, [
      spanOf('northwire-karsa', 'Karsa'),
      spanOf('harbour-karsa', 'Karsa'),
      spanOf('harbour-karsa', 'Karsa', 1),
    ]),
    placeEntity(VELEN, [spanOf('valley-velen', 'Velen'), spanOf('valley-velen', 'Velen', 1)]),
    placeEntity(OSTRIN, [spanOf('hostile', 'Ostrin')]),
    {
      ...placeEntity({ entity: 'place-marrow', name: 'Marrow Ridge', lat: 34.95, lon: 36.5 }, [
        spanOf('valley-velen', 'Marrow Ridge'),
      ]),
    },
    {
      id: 'actor-opposition',
      kind: 'actor',
      name: 'opposition',
      side: 'opposition',
      aliases: ['Opposition fighters', 'Rebels', 'terrorists'],
      mentions: [
        spanOf('northwire-karsa', 'Opposition fighters'),
        spanOf('harbour-karsa', 'Rebels'),
        spanOf('harbour-karsa', 'terrorists'),
        spanOf('valley-velen', 'Opposition fighters'),
        spanOf('coastal-copy', 'Opposition fighters'),
      ],
    },
    {
      id: 'actor-government',
      kind: 'actor',
      name: 'government',
      side: 'government',
      aliases: ['army', 'defence ministry', 'Government troops'],
      mentions: [
        spanOf('northwire-karsa', 'army'),
        spanOf('harbour-karsa', 'defence ministry'),
        spanOf('valley-velen', 'Government troops'),
        spanOf('coastal-copy', 'army'),
      ],
    },
  ]
}

/** The fixture analysis; a fresh object each call so tests cannot leak changes into each other. */
export function fixtureAnalysis(): Analysis {
  return {
    schema: 'triangulate.analysis/1',
    generatedAt: '2030-03-06T08:00:00.000Z',
    documents: documents(),
    entities: entities(),
    events: events(),
    claims: claims(),
    disputes: [
      {
        id: 'd1',
        kind: 'stance',
        claims: ['c1'],
        events: ['e1', 'e3', 'e4', 'e7'],
        summary:
          'The Monitoring Group and residents say the opposition took Karsa; the defence ministry denies it.',
        sides: [
          {
            label: 'Karsa was taken',
            sources: ['Monitoring Group', 'residents'],
            events: ['e1', 'e3'],
          },
          { label: 'Karsa did not fall', sources: ['defence ministry'], events: ['e4'] },
        ],
      },
    ],
    control: control(),
    timeline: [
      {
        date: day('2030-03-03'),
        claim: 'c1',
        summary: 'Opposition takes Karsa (denied)',
        status: 'disputed',
      },
      {
        date: day('2030-03-04'),
        claim: 'c3',
        summary: 'Government troops withdraw from Velen',
        status: 'single-source',
      },
      {
        date: { start: '2030-03-04', end: '2030-03-05', precision: 'days' },
        claim: 'c4',
        summary: 'Opposition enters Velen',
        status: 'single-source',
      },
      {
        date: day('2030-03-05'),
        claim: 'c5',
        summary: 'Air strikes on Ostrin',
        status: 'single-source',
      },
    ],
    diagnostics: [],
  }
}
