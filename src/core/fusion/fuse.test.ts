import { describe, expect, it } from 'vitest'
import type { AnalysisEvent, Entity } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import { makeSpan } from '../model/span.js'
import { fuse } from './fuse.js'
import type { FusionInput, FusionResult } from './fusion-types.js'
import { FusionState } from './fusion-state.js'
import { claimStatusAt } from './picture-at.js'
import {
  makeDocument,
  makeEvent,
  testCapitalOf,
  testContainment,
  type EventSpec,
} from './test-corpus.js'

// A wire story, a lightly edited copy of it, and an independent report of the same capture.
const WIRE =
  'Valmora, March 4 – Rebel fighters took control of the eastern town of Valmora on Monday after ' +
  'two days of heavy fighting with government troops, residents said. Columns of armoured ' +
  'vehicles were seen leaving the town along the northern highway, and the council building was ' +
  'flying the rebel flag by the afternoon. The government has not commented on the situation.'
const WIRE_COPY =
  'Valmora, March 4 (Wire) – Rebel fighters took control of the eastern town of Valmora on ' +
  'Monday after two days of heavy fighting with government troops, residents told reporters. ' +
  'Columns of armoured vehicles were seen leaving the town along the northern highway, and the ' +
  'council building was flying the rebel flag by the afternoon. The government has not yet ' +
  'commented on the situation.'
const INDEPENDENT =
  'Opposition groups now hold Valmora, our correspondent in the province reports. Shops reopened ' +
  'on Tuesday under the eye of armed men who arrived from the south.'
const DENIAL =
  'The defence ministry denied on Tuesday that rebels had entered Valmora, saying army units ' +
  'remained in full control and calling the reports fabrications.'
const ADMISSION =
  'The defence ministry acknowledged on Thursday that rebels had taken Valmora and said troops ' +
  'had pulled back to new lines west of the town.'

const CAPTURE: EventSpec = {
  type: 'control',
  place: 'valmora',
  sides: ['opposition'],
  quote: 'Rebel fighters took control of the eastern town of Valmora',
  actorWords: { opposition: 'Rebel fighters' },
}

interface Article {
  readonly document: SourceDocument
  readonly events: readonly AnalysisEvent[]
  readonly entities: readonly Entity[]
}

function article(
  id: string,
  outlet: string | null,
  published: string,
  text: string,
  specs: readonly EventSpec[],
): Article {
  const document = makeDocument(id, outlet, published, text)
  return { document, events: specs.map((spec, n) => makeEvent(document, n, spec)), entities: [] }
}

function fuseArticles(
  articles: readonly Article[],
  extra: Partial<FusionInput> = {},
): FusionResult {
  return fuse({
    documents: articles.map((a) => a.document),
    events: articles.flatMap((a) => a.events),
    entities: articles.flatMap((a) => a.entities),
    containment: testContainment,
    capitalOf: testCapitalOf,
    ...extra,
  })
}

const wire = article('wire', 'Global Wire', '2024-03-04', WIRE, [CAPTURE])
const copy = article('copy', 'Town Crier', '2024-03-04', WIRE_COPY, [CAPTURE])
const independent = article('indep', 'Valley Times', '2024-03-05', INDEPENDENT, [
  {
    type: 'control',
    place: 'valmora',
    sides: ['opposition'],
    quote: 'Opposition groups now hold Valmora',
  },
])
const denial = article('denial', 'Capital Herald', '2024-03-05', DENIAL, [
  {
    type: 'control',
    place: 'valmora',
    sides: ['opposition'],
    quote: 'denied on Tuesday that rebels had entered Valmora',
    source: 'Defence Ministry',
    stance: 'denied',
  },
])
const admission = article('admit', 'Capital Herald', '2024-03-07', ADMISSION, [
  {
    type: 'control',
    place: 'valmora',
    sides: ['opposition'],
    quote: 'acknowledged on Thursday that rebels had taken Valmora',
    source: 'Defence Ministry',
  },
])

function claimOf(result: FusionResult, eventId: string) {
  const claim = result.claims.find((c) => c.events.includes(eventId))
  if (claim === undefined) throw new Error(`no claim holds ${eventId}`)
  return claim
}

describe('fuse(): syndication and independence', () => {
  it('counts a syndicated copy of a wire story once', () => {
    const result = fuseArticles([wire, copy])
    const [first, second] = result.documents
    expect(second?.syndicationGroup).toBe('syn:wire')
    expect(first?.syndicationGroup).toBe('syn:wire')
    const claim = claimOf(result, 'wire#0')
    expect(claim.events).toEqual(['wire#0', 'copy#0'])
    expect(claim.independentGroups).toBe(1)
    expect(claim.status).toBe('single-source')
  })

  it('corroborates with an independent report, the copy still counted once', () => {
    const result = fuseArticles([wire, copy, independent])
    const claim = claimOf(result, 'wire#0')
    expect(claim.independentGroups).toBe(2)
    expect(claim.status).toBe('corroborated')
    expect(claim.asserting).toEqual(['Global Wire', 'Town Crier', 'Valley Times'])
  })

  it('marks a near-exact copy with duplicateOf, and leaves an unrelated text alone', () => {
    const exact = article('exact', 'Mirror Site', '2024-03-04', WIRE, [CAPTURE])
    const result = fuseArticles([wire, independent, exact])
    expect(result.documents.map((d) => d.duplicateOf)).toEqual([null, null, 'wire'])
    expect(result.documents.map((d) => d.syndicationGroup)).toEqual(['syn:wire', null, 'syn:wire'])
  })

  it('counts the original source of an attribution chain, not the outlets relaying it', () => {
    const text = 'The mayor of Kessel told reporters that the army had left the town overnight.'
    const spec = (via: string): EventSpec => ({
      type: 'withdrawal',
      place: 'kessel',
      sides: ['government'],
      quote: 'the army had left the town overnight',
      source: 'Mayor of Kessel',
      via: [via],
    })
    const result = fuseArticles([
      article('one', 'Paper One', '2024-03-05', text, [spec('Reuters')]),
      article('two', 'Paper Two', '2024-03-05', text.replace('told reporters', 'said'), [
        spec('AFP'),
      ]),
    ])
    const claim = claimOf(result, 'one#0')
    expect(claim.independentGroups).toBe(1)
    expect(claim.asserting).toEqual(['Mayor of Kessel'])
  })

  it('counts outlets of one state-media ecosystem once, and generic sources as their outlet', () => {
    // Different words, so the outlets are not one syndication group.
    const text = 'Local sources said government forces left Kessel before dawn on Tuesday.'
    const other = 'Residents and local sources say government forces left Kessel in the night.'
    const spec: EventSpec = {
      type: 'withdrawal',
      place: 'kessel',
      sides: ['government'],
      quote: 'government forces left Kessel',
      source: 'local sources',
    }
    const affiliations = [
      {
        pattern: 'tass',
        ecosystem: 'russia-state',
        owner: 'Russian state media',
        country: 'RU',
        kind: 'state-agency',
      },
      {
        pattern: 'rt*',
        ecosystem: 'russia-state',
        owner: 'Russian state media',
        country: 'RU',
        kind: 'state-broadcaster',
      },
    ]
    const stateOnly = fuseArticles(
      [
        article('t', 'TASS', '2024-03-05', text, [spec]),
        article('r', 'RT Arabic', '2024-03-05', other, [spec]),
      ],
      { affiliations },
    )
    expect(claimOf(stateOnly, 't#0').independentGroups).toBe(1)
    const withOther = fuseArticles(
      [
        article('t', 'TASS', '2024-03-05', text, [spec]),
        article('v', 'Valley Times', '2024-03-05', other, [spec]),
      ],
      { affiliations },
    )
    expect(claimOf(withOther, 't#0').independentGroups).toBe(2)
    expect(claimOf(withOther, 't#0').asserting).toEqual([
      'local sources (TASS)',
      'local sources (Valley Times)',
    ])
  })
})

describe('fuse(): status and history', () => {
  it('flips a corroborated claim to disputed when a denial arrives', () => {
    const result = fuseArticles([wire, independent, denial])
    const claim = claimOf(result, 'wire#0')
    expect(claim.status).toBe('disputed')
    expect(claim.denying).toEqual(['Defence Ministry'])
    expect(claimStatusAt(result.history, claim.id, 1)?.status).toBe('corroborated')
    expect(claimStatusAt(result.history, claim.id, 2)?.status).toBe('disputed')
    const dispute = result.disputes.find((d) => d.kind === 'stance')
    expect(dispute?.sides?.map((s) => s.sources)).toEqual([
      ['Defence Ministry'],
      ['Global Wire', 'Valley Times'],
    ])
    expect(dispute?.summary).toBe(
      'Defence Ministry denies that the opposition took control of Valmora, which Global Wire and Valley Times report.',
    )
  })

  it('resolves the dispute when the denying source later confirms, and keeps both states in history', () => {
    const result = fuseArticles([wire, independent, denial, admission])
    const claim = claimOf(result, 'wire#0')
    expect(claim.status).toBe('corroborated')
    expect(claim.independentGroups).toBe(3)
    expect(claim.denying).toEqual([])
    expect(result.disputes.filter((d) => d.kind === 'stance')).toEqual([])
    expect(claimStatusAt(result.history, claim.id, 2)).toEqual({
      claim: claim.id,
      status: 'disputed',
      independentGroups: 2,
    })
    expect(claimStatusAt(result.history, claim.id, 3)).toEqual({
      claim: claim.id,
      status: 'corroborated',
      independentGroups: 3,
    })
    expect(claimStatusAt(result.history, claim.id, -1)).toBeNull()
  })

  it('builds the same picture incrementally as in one batch', () => {
    const articles = [wire, copy, independent, denial, admission]
    const state = new FusionState({ containment: testContainment, capitalOf: testCapitalOf })
    for (const a of articles) state.add({ document: a.document, events: a.events, entities: [] })
    const incremental = state.snapshot()
    const batch = fuseArticles(articles)
    expect(incremental.claims).toEqual(batch.claims)
    expect(incremental.history).toEqual(batch.history)
    expect(() => state.add({ document: wire.document, events: [], entities: [] })).toThrow(
      /document wire was already added/,
    )
  })

  it('touches only the claims the new article can change', () => {
    const state = new FusionState({ containment: testContainment, capitalOf: testCapitalOf })
    const unrelated = article(
      'far',
      'Harbour News',
      '2024-03-05',
      'Clashes were reported in Dunmore.',
      [{ type: 'clash', place: 'dunmore', quote: 'Clashes were reported in Dunmore' }],
    )
    state.add(unrelated)
    state.add(wire)
    expect(state.add(independent)).toEqual(['claim:2'])
    expect(state.snapshot().history.map((h) => h.changes.map((c) => c.claim))).toEqual([
      ['claim:1'],
      ['claim:2'],
      ['claim:2'],
    ])
  })
})

describe('fuse(): parties of a meeting', () => {
  const TALKS =
    'Foreign ministers of Ostria and Velland met in Kessel on Monday to discuss Norland.'
  const OFFER = 'Dunland and Marovia offered Norland a plan on Monday, a newspaper reported.'
  const ARRIVAL = 'The Ostrian foreign minister arrived in Kessel on Monday for talks on Norland.'
  const talks = (id: string, text: string, quote: string, sides: string[]) =>
    article(id, `Outlet ${id}`, '2024-06-03', text, [
      { type: 'diplomacy', place: 'norland', quote, sides, date: '2024-06-03' },
    ])
  const cases: [string, Article, boolean][] = [
    ['a report sharing a party', talks('b', ARRIVAL, 'arrived in Kessel', ['ostria']), true],
    [
      'a report of other parties the same day about the same country (near miss)',
      talks('b', OFFER, 'offered Norland a plan', ['dunland', 'marovia']),
      false,
    ],
    ['a report naming no party', talks('b', ARRIVAL, 'arrived in Kessel', []), true],
  ]
  for (const [name, other, joins] of cases) {
    it(`${joins ? 'joins' : 'keeps apart'} ${name}`, () => {
      const first = talks('a', TALKS, 'met in Kessel', ['ostria', 'velland'])
      const result = fuseArticles([first, other])
      expect(claimOf(result, 'b#0').id === claimOf(result, 'a#0').id).toBe(joins)
      expect(claimOf(result, 'a#0').status).toBe(joins ? 'corroborated' : 'single-source')
    })
  }
})

describe('fuse(): nearby places', () => {
  const report = (
    id: string,
    outlet: string,
    place: 'valmora' | 'eastgate' | 'northfield',
    type: 'protest' | 'control',
  ) =>
    article(
      id,
      outlet,
      '2024-03-05',
      `Crowds gathered in the square on Tuesday, ${outlet} reported.`,
      [
        {
          type,
          place,
          sides: type === 'control' ? ['opposition'] : [],
          quote: 'Crowds gathered in the square',
        },
      ],
    )

  it('joins a protest reported at a city and at its suburb 4 km away into one claim', () => {
    const result = fuseArticles([
      report('a', 'Valley Times', 'valmora', 'protest'),
      report('b', 'Capital Herald', 'eastgate', 'protest'),
    ])
    expect(result.claims.map((c) => c.events)).toEqual([['a#0', 'b#0']])
    expect(result.claims[0]?.status).toBe('corroborated')
  })

  const apart: [string, 'eastgate' | 'northfield', 'protest' | 'control'][] = [
    ['a protest 22 km away', 'northfield', 'protest'],
    ['control of a town 4 km away (holding a town is about that town)', 'eastgate', 'control'],
  ]
  for (const [name, place, type] of apart) {
    it(`keeps ${name} apart (near miss)`, () => {
      const result = fuseArticles([
        report('a', 'Valley Times', 'valmora', type),
        report('b', 'Capital Herald', place, type),
      ])
      expect(result.claims.map((c) => c.events)).toEqual([['a#0'], ['b#0']])
    })
  }
})

describe('fuse(): entities', () => {
  function placeArticle(id: string, outlet: string, spelling: string): Article {
    const text = `Shelling hit ${spelling} and Kessel on Monday, residents said.`
    const document = makeDocument(id, outlet, '2024-03-04', text)
    const at = text.indexOf(spelling)
    const kesselAt = text.indexOf('Kessel')
    return {
      document,
      events: [],
      entities: [
        {
          id: 'gn:9001',
          kind: 'place',
          name: 'Valmora',
          aliases: [spelling],
          mentions: [makeSpan(id, text, at, at + spelling.length)],
          lat: 40.1,
          lon: 30.1,
        },
        {
          id: 'gn:9002',
          kind: 'place',
          name: 'Kessel',
          aliases: ['Kessel'],
          mentions: [makeSpan(id, text, kesselAt, kesselAt + 6)],
        },
      ],
    }
  }

  it('merges a place spelled three ways into one entity keeping every alias and its outlets', () => {
    const result = fuseArticles([
      placeArticle('a', 'Outlet A', 'Valmora'),
      placeArticle('b', 'Outlet B', 'Valmura'),
      placeArticle('c', 'Outlet C', 'Walmora'),
    ])
    const places = result.entities.filter((e) => e.kind === 'place')
    expect(places.map((e) => e.id)).toEqual(['gn:9001', 'gn:9002'])
    const valmora = places[0]
    expect(valmora?.aliases).toEqual(['Valmora', 'Valmura', 'Walmora'])
    expect(valmora?.mentions.map((m) => m.text)).toEqual(['Valmora', 'Valmura', 'Walmora'])
    expect(valmora?.aliasOutlets).toEqual({
      Valmora: ['Outlet A'],
      Valmura: ['Outlet B'],
      Walmora: ['Outlet C'],
    })
    expect(places[1]?.aliasOutlets).toEqual({ Kessel: ['Outlet A', 'Outlet B', 'Outlet C'] })
  })
})

describe('fuse(): disputes', () => {
  const withdrew = article(
    'w',
    'Valley Times',
    '2024-03-05',
    'Government troops withdrew from Kessel overnight, leaving damaged checkpoints behind, witnesses said.',
    [
      {
        type: 'withdrawal',
        place: 'kessel',
        sides: ['government'],
        quote: 'Government troops withdrew from Kessel',
      },
    ],
  )
  const redeployed = article(
    'r',
    'Capital Herald',
    '2024-03-05',
    'The army command said its units in Kessel had completed a planned redeployment to stronger positions.',
    [
      {
        type: 'redeployment',
        place: 'kessel',
        sides: ['government'],
        quote: 'its units in Kessel had completed a planned redeployment',
        source: 'army command',
        framing: ['redeployment'],
      },
    ],
  )

  it('reports withdrawal against redeployment of one place and side as a framing dispute', () => {
    const result = fuseArticles([withdrew, redeployed])
    expect(result.disputes).toHaveLength(1)
    const dispute = result.disputes[0]
    expect(dispute?.kind).toBe('framing')
    expect(dispute?.sides?.map((s) => [s.label, s.sources])).toEqual([
      ['withdrawal', ['Valley Times']],
      ['redeployment', ['army command']],
    ])
    expect(dispute?.summary).toBe(
      'Valley Times reports a withdrawal of the government from Kessel, which army command calls a redeployment.',
    )
    // A difference of words does not make the claims disputed, but links them.
    const withdrawal = claimOf(result, 'w#0')
    expect(withdrawal.status).toBe('single-source')
    expect(withdrawal.related).toEqual([claimOf(result, 'r#0').id])
  })

  it('links withdrawal, redeployment and the loss of control of one place as related claims', () => {
    const taken = article(
      't',
      'Harbour News',
      '2024-03-06',
      'Rebels entered Kessel on Wednesday.',
      [{ type: 'control', place: 'kessel', sides: ['opposition'], quote: 'Rebels entered Kessel' }],
    )
    const result = fuseArticles([withdrew, redeployed, taken])
    const [w, r, t] = ['w#0', 'r#0', 't#0'].map((id) => claimOf(result, id).id)
    expect(claimOf(result, 'w#0').related).toEqual([r, t])
    expect(claimOf(result, 'r#0').related).toEqual([w, t])
    expect(claimOf(result, 't#0').related).toEqual([w, r])
  })

  it('reports no framing dispute for a redeployment elsewhere (near miss)', () => {
    const elsewhere = article(
      'r2',
      'Capital Herald',
      '2024-03-05',
      'The army command said its units in Dunmore had completed a planned redeployment.',
      [
        {
          type: 'redeployment',
          place: 'dunmore',
          sides: ['government'],
          quote: 'its units in Dunmore',
          source: 'army command',
        },
      ],
    )
    expect(fuseArticles([withdrew, elsewhere]).disputes).toEqual([])
  })

  const offensive = (
    id: string,
    date: string,
    place: 'kessel' | 'norland',
    text: string,
    quote: string,
  ) =>
    article(id, `Outlet ${id}`, '2024-12-02', text, [
      { type: 'offensive', place, sides: ['opposition'], quote, date },
    ])

  it('reports two start dates of one offensive as a date dispute and marks the timeline', () => {
    const result = fuseArticles([
      offensive(
        'o1',
        '2024-11-27',
        'kessel',
        'The offensive on Kessel began on 27 November, commanders said.',
        'The offensive on Kessel began',
      ),
      offensive(
        'o2',
        '2024-11-29',
        'norland',
        'Rebels launched their offensive across Norland on 29 November.',
        'Rebels launched their offensive',
      ),
    ])
    expect(result.claims.filter((c) => c.type === 'offensive')).toHaveLength(1)
    const claim = claimOf(result, 'o1#0')
    expect(claim.place?.name).toBe('Norland')
    expect(claim.status).toBe('disputed')
    const dispute = result.disputes.find((d) => d.kind === 'date')
    expect(dispute?.summary).toBe(
      'Outlet o1 puts the start of the offensive in Norland on 27 November 2024, while Outlet o2 puts it on 29 November 2024.',
    )
    expect(result.timeline.find((t) => t.claim === claim.id)?.dateConflict).toBe(true)
    // The claim's interval covers both reports.
    expect(claim.date).toMatchObject({ start: '2024-11-27', end: '2024-11-29' })
  })

  it('does not dispute dates one day apart (near miss: overnight, time zones)', () => {
    const result = fuseArticles([
      offensive(
        'o1',
        '2024-11-27',
        'kessel',
        'The offensive on Kessel began on 27 November.',
        'The offensive on Kessel began',
      ),
      offensive(
        'o2',
        '2024-11-28',
        'norland',
        'Rebels launched their offensive across Norland on 28 November.',
        'Rebels launched their offensive',
      ),
    ])
    expect(result.disputes).toEqual([])
    expect(claimOf(result, 'o1#0').status).toBe('corroborated')
  })

  const held = (id: string, published: string) =>
    article(id, 'Capital Herald', published, 'The army said it retained full control of Dunmore.', [
      {
        type: 'control',
        place: 'dunmore',
        sides: ['government'],
        quote: 'retained full control of Dunmore',
        source: 'army',
      },
    ])
  const captured = (id: string, published: string) =>
    article(id, 'Valley Times', published, 'Rebel commanders said they had captured Dunmore.', [
      {
        type: 'control',
        place: 'dunmore',
        sides: ['opposition'],
        quote: 'they had captured Dunmore',
        source: 'rebel commanders',
      },
    ])

  it('reports opposed controllers of one place on one day as a controller dispute', () => {
    const result = fuseArticles([held('g', '2024-03-05'), captured('h', '2024-03-05')])
    const dispute = result.disputes.find((d) => d.kind === 'controller')
    expect(dispute?.summary).toBe(
      'army says the government controls Dunmore, while rebel commanders says the opposition does.',
    )
    expect(claimOf(result, 'g#0').status).toBe('disputed')
    expect(result.control.map((s) => [s.date, s.controller, s.status])).toEqual([
      ['2024-03-05', 'contested', 'disputed'],
    ])
  })

  it('maps a change of control days apart as a handover, not a dispute (near miss)', () => {
    const result = fuseArticles([held('g', '2024-03-01'), captured('h', '2024-03-04')])
    expect(result.disputes).toEqual([])
    expect(result.control.map((s) => [s.date, s.controller, s.previous, s.status])).toEqual([
      ['2024-03-01', 'government', null, 'claimed'],
      ['2024-03-02', 'government', null, 'claimed'],
      ['2024-03-03', 'government', null, 'claimed'],
      ['2024-03-04', 'opposition', 'government', 'claimed'],
    ])
    expect(result.regionControl.map((r) => [r.region, r.date, r.dominant])).toEqual([
      ['adm:NL-W', '2024-03-01', 'government'],
      ['adm:NL-W', '2024-03-02', 'government'],
      ['adm:NL-W', '2024-03-03', 'government'],
      ['adm:NL-W', '2024-03-04', 'opposition'],
    ])
  })

  it('lets a withdrawal of the controller leave the place unknown on the map', () => {
    const left = article(
      'l',
      'Valley Times',
      '2024-03-03',
      'Soldiers withdrew from Dunmore at dawn.',
      [
        {
          type: 'withdrawal',
          place: 'dunmore',
          sides: ['government'],
          quote: 'Soldiers withdrew from Dunmore',
        },
      ],
    )
    const result = fuseArticles([held('g', '2024-03-01'), left])
    expect(result.control.map((s) => [s.date, s.controller, s.previous])).toEqual([
      ['2024-03-01', 'government', null],
      ['2024-03-02', 'government', null],
      ['2024-03-03', 'unknown', 'government'],
    ])
  })

  const denyRegion = article(
    'dr',
    'Capital Herald',
    '2024-03-05',
    'The ministry denied any withdrawal of the army from the Eastern Province.',
    [
      {
        type: 'withdrawal',
        place: 'eastern',
        sides: ['government'],
        quote: 'denied any withdrawal of the army from the Eastern Province',
        source: 'ministry',
        stance: 'denied',
      },
    ],
  )

  it('disputes a denial about a province with a withdrawal reported from a town inside it', () => {
    const result = fuseArticles([denyRegion, withdrew])
    const dispute = result.disputes.find((d) => d.kind === 'stance')
    expect(dispute?.events).toEqual(['dr#0', 'w#0'])
    expect(dispute?.summary).toBe(
      'ministry denies that the government withdrew from Eastern Province, which Valley Times reports at Kessel.',
    )
  })

  it('reads a denial about a province seat as covering the province (Valmora → Kessel)', () => {
    const denySeat = article(
      'ds',
      'Capital Herald',
      '2024-03-05',
      'The ministry denied that the army withdrew from Valmora.',
      [
        {
          type: 'withdrawal',
          place: 'valmora',
          sides: ['government'],
          quote: 'denied that the army withdrew from Valmora',
          source: 'ministry',
          stance: 'denied',
        },
      ],
    )
    expect(fuseArticles([denySeat, withdrew]).disputes.map((d) => d.kind)).toEqual(['stance'])
  })

  it('does not dispute a denial with a withdrawal in another province (near miss)', () => {
    const left = article(
      'l',
      'Valley Times',
      '2024-03-05',
      'Soldiers withdrew from Dunmore at dawn.',
      [
        {
          type: 'withdrawal',
          place: 'dunmore',
          sides: ['government'],
          quote: 'Soldiers withdrew from Dunmore',
        },
      ],
    )
    expect(fuseArticles([denyRegion, left]).disputes).toEqual([])
  })

  const toll = (id: string, outlet: string, published: string, value: number) =>
    article(id, outlet, published, `At least ${value} soldiers were killed in Kessel on Monday.`, [
      {
        type: 'casualties',
        place: 'kessel',
        sides: ['government'],
        quote: `${value} soldiers were killed in Kessel`,
        quantity: [value, 'killed'],
        date: '2024-03-04',
      },
    ])

  it('reports tolls of one day that differ widely as a number dispute, not close ones (near miss)', () => {
    const far = fuseArticles([
      toll('n1', 'Valley Times', '2024-03-04', 12),
      toll('n2', 'Capital Herald', '2024-03-04', 40),
    ])
    expect(far.disputes.map((d) => [d.kind, d.sides?.map((s) => s.label)])).toEqual([
      ['number', ['12 killed', '40 killed']],
    ])
    const close = fuseArticles([
      toll('n1', 'Valley Times', '2024-03-04', 12),
      toll('n2', 'Capital Herald', '2024-03-04', 13),
    ])
    expect(close.disputes).toEqual([])
  })

  it('reports "terrorists" against "rebels" for one actor in one claim as a framing dispute', () => {
    const loaded = article(
      's',
      'State Television',
      '2024-03-04',
      'Terrorist groups seized Valmora, the army said.',
      [
        {
          ...CAPTURE,
          quote: 'Terrorist groups seized Valmora',
          actorWords: { opposition: 'Terrorist groups' },
          source: 'the army',
        },
      ],
    )
    const result = fuseArticles([wire, loaded])
    const dispute = result.disputes.find((d) => d.kind === 'framing')
    expect(dispute?.summary).toBe(
      'the army calls the opposition "terrorist groups" (control in Valmora), while Global Wire calls them "rebel fighters".',
    )
    const actorRow = result.framing.rows.find((r) => r.kind === 'actor' && r.key === 'opposition')
    expect(actorRow?.outlets).toEqual({
      'Global Wire': [{ term: 'rebel fighters', count: 1 }],
      'State Television': [{ term: 'terrorist groups', count: 1 }],
    })
  })
})

describe('fuse(): stories and timeline', () => {
  it('puts reports of one capture in one story and an unrelated report in another', () => {
    const unrelated = article(
      'x',
      'Harbour News',
      '2024-03-20',
      'Fishermen in the northern harbour protested against new quotas on Friday.',
      [{ type: 'protest', place: null, quote: 'Fishermen in the northern harbour protested' }],
    )
    const result = fuseArticles([wire, independent, denial, unrelated])
    expect(result.stories.map((s) => s.documents)).toEqual([['wire', 'indep', 'denial'], ['x']])
    expect(result.stories[0]?.places).toEqual(['gn:9001'])
  })

  it('keeps two wars apart however alike their reports, and claims inside their stories', () => {
    // Dunmore lies in another country here: the same words, sides and day tell another war.
    const twoCountries = (id: string) =>
      id === 'gn:9003' ? ['adm:SD-N', 'country:SD'] : testContainment(id)
    const report = (id: string, place: 'valmora' | 'dunmore', published: string) =>
      article(
        id,
        `Outlet ${id}`,
        published,
        'Government forces shelled rebel positions near the town on Monday, the ministry said.',
        [{ type: 'strike', place, quote: 'Government forces shelled', sides: ['government'] }],
      )
    const result = fuseArticles(
      [
        report('a', 'valmora', '2024-05-06'),
        report('b', 'dunmore', '2024-05-06'),
        report('c', 'valmora', '2024-05-07'),
        // Three weeks later: the same war, another period.
        report('d', 'valmora', '2024-05-28'),
      ],
      { containment: twoCountries },
    )
    expect(result.stories.map((story) => [story.id, story.documents])).toEqual([
      ['story:a', ['a', 'c']],
      ['story:b', ['b']],
      ['story:d', ['d']],
    ])
    expect(result.claims.map((claim) => [claim.id, claim.story, claim.events])).toEqual([
      ['claim:1', 'story:a', ['a#0', 'c#0']],
      ['claim:1.1', 'story:b', ['b#0']],
      ['claim:2.1', 'story:d', ['d#0']],
    ])
  })

  it('orders the timeline by resolved date, undated claims at the day first reported', () => {
    const early = article(
      'e',
      'Valley Times',
      '2024-03-09',
      'Clashes broke out in Kessel on 2 March.',
      [
        {
          type: 'clash',
          place: 'kessel',
          quote: 'Clashes broke out in Kessel',
          date: '2024-03-02',
        },
      ],
    )
    const result = fuseArticles([wire, early])
    expect(result.timeline.map((t) => [t.date.start, t.date.precision, t.summary])).toEqual([
      ['2024-03-02', 'day', 'clash in Kessel'],
      ['2024-03-04', 'reported', 'the opposition took control of Valmora'],
    ])
  })
})
