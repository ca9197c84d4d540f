import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EVENT_TYPES, type AnalysisEvent } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import { fuse } from './fuse.js'
import { FusionState } from './fusion-state.js'
import { pictureAt } from './picture-at.js'
import { makeDocument, makeEvent, PLACES, testCapitalOf, testContainment } from './test-corpus.js'

// Random small corpora over the test country: every rule of fusion must keep these invariants
// whatever the reports say.
const SIDES = ['government', 'opposition', 'hts', 'sna', 'druze', null] as const
const OUTLETS = ['Valley Times', 'Capital Herald', 'Global Wire', 'TASS', 'RT', null] as const
const SOURCES = [
  null,
  null,
  'Defence Ministry',
  'local sources',
  'Mayor of Kessel',
  'rebel commanders',
] as const
const PLACE_KEYS = Object.keys(PLACES) as (keyof typeof PLACES)[]
const WORDS =
  'army rebels town road bridge market night shelling convoy council hospital river'.split(' ')

function corpusOf(seed: number): { documents: SourceDocument[]; events: AnalysisEvent[] } {
  let state = seed >>> 0
  const next = (n: number): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state % n
  }
  const pick = <T>(items: readonly T[]): T => items[next(items.length)] as T
  const documents: SourceDocument[] = []
  const events: AnalysisEvent[] = []
  const count = 2 + next(7)
  for (let d = 0; d < count; d++) {
    const words = Array.from({ length: 30 }, () => pick(WORDS))
    const text = next(4) === 0 && documents.length > 0 ? pick(documents).text : words.join(' ')
    const day = 1 + next(6)
    const document = makeDocument(`d${d}`, pick(OUTLETS), `2024-03-0${day}`, text)
    documents.push(document)
    for (let n = 0; n < 1 + next(4); n++) {
      const side = pick(SIDES)
      const dated = next(2) === 0
      events.push(
        makeEvent(document, n, {
          type: pick(EVENT_TYPES),
          place: next(8) === 0 ? null : pick(PLACE_KEYS),
          quote: text.slice(0, 12),
          sides:
            side === null
              ? []
              : [side, ...(next(4) === 0 ? [pick(['government', 'opposition'])] : [])],
          source: pick(SOURCES),
          stance: next(6) === 0 ? 'denied' : next(10) === 0 ? 'hedged' : 'asserted',
          ...(dated && { date: `2024-03-0${1 + next(6)}` }),
          ...(next(5) === 0 && { quantity: [1 + next(60), 'killed'] as const }),
          framing: next(5) === 0 ? [pick(['terrorists', 'rebels', 'redeployment'])] : [],
        }),
      )
    }
  }
  return { documents, events }
}

describe('fusion invariants on random corpora', () => {
  it('puts every event in one claim, derives statuses by the rules, keeps disputes well formed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { documents, events } = corpusOf(seed)
        const result = fuse({
          documents,
          events,
          entities: [],
          containment: testContainment,
          capitalOf: testCapitalOf,
        })
        const claimed = result.claims.flatMap((claim) => claim.events)
        expect([...claimed].sort()).toEqual(events.map((event) => event.id).sort())
        const statusDisputed = new Set(
          result.disputes.filter((d) => d.kind !== 'framing').flatMap((d) => d.claims),
        )
        for (const claim of result.claims) {
          const disputed = claim.denying.length > 0 || statusDisputed.has(claim.id)
          const expected = disputed
            ? 'disputed'
            : claim.independentGroups >= 2
              ? 'corroborated'
              : 'single-source'
          expect(claim.status).toBe(expected)
          expect(claim.independentGroups).toBe(
            claim.origins?.filter((o) => o.stance === 'asserted').length,
          )
        }
        const claimIds = new Set(result.claims.map((claim) => claim.id))
        const eventIds = new Set(events.map((event) => event.id))
        for (const dispute of result.disputes) {
          expect(dispute.claims.every((id) => claimIds.has(id))).toBe(true)
          expect(dispute.events.every((id) => eventIds.has(id))).toBe(true)
          expect(dispute.sides).toHaveLength(2)
          expect(dispute.summary).toMatch(/\.$/)
        }
        const last = pictureAt(result.history, documents.length - 1)
        for (const claim of result.claims) {
          expect(last.get(claim.id)).toEqual({
            claim: claim.id,
            status: claim.status,
            independentGroups: claim.independentGroups,
          })
        }
      }),
      { numRuns: 60 },
    )
  })

  it('gives the same picture whether articles arrive one by one or in one batch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const { documents, events } = corpusOf(seed)
        const batch = fuse({
          documents,
          events,
          entities: [],
          containment: testContainment,
          capitalOf: testCapitalOf,
        })
        const state = new FusionState({ containment: testContainment, capitalOf: testCapitalOf })
        for (const document of documents) {
          state.add({ document, events: events.filter((e) => e.doc === document.id), entities: [] })
        }
        const incremental = state.snapshot()
        expect(incremental.claims).toEqual(batch.claims)
        expect(incremental.disputes).toEqual(batch.disputes)
        expect(incremental.control).toEqual(batch.control)
      }),
      { numRuns: 30 },
    )
  })
})
