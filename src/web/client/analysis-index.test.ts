import { describe, expect, it } from 'vitest'
import type { Analysis } from '../../core/model/analysis.js'
import { fixtureAnalysis } from '../../../test/e2e/web/fixture.js'
import { controlOn, formatDateValue, indexAnalysis, listDays, originsOf } from './analysis-index.js'

describe('listDays()', () => {
  it('lists every day from the earliest to the latest date, both included, across a month end', () => {
    expect(listDays(['2024-12-02', '2024-11-29', 'not a date', '2024-11-30'])).toEqual([
      '2024-11-29',
      '2024-11-30',
      '2024-12-01',
      '2024-12-02',
    ])
  })

  it('keeps only the last 366 days of a longer span', () => {
    const days = listDays(['2011-03-15', '2024-12-08'])
    expect(days).toHaveLength(366)
    expect(days.at(-1)).toBe('2024-12-08')
    expect(days[0]).toBe('2023-12-09') // 2024 has a 29 February
  })
})

describe('indexAnalysis()', () => {
  it('spans the day axis over control and precise timeline dates', () => {
    expect(indexAnalysis(fixtureAnalysis()).days).toEqual([
      '2030-03-01',
      '2030-03-02',
      '2030-03-03',
      '2030-03-04',
      '2030-03-05',
    ])
  })

  it('does not let a vague date ("since 2011") stretch the axis when precise dates exist', () => {
    const base = fixtureAnalysis()
    const analysis: Analysis = {
      ...base,
      timeline: [
        ...base.timeline,
        {
          date: { start: '2011-01-01', end: '2030-03-05', precision: 'open' },
          claim: 'c2',
          summary: 'since 2011',
          status: 'single-source',
        },
      ],
    }
    expect(indexAnalysis(analysis).days[0]).toBe('2030-03-01')
  })

  it('uses vague dates when they are all there is', () => {
    const base = fixtureAnalysis()
    const analysis: Analysis = {
      ...base,
      control: [],
      timeline: [
        {
          date: { start: '2030-01-01', end: '2030-03-31', precision: 'month' },
          claim: 'c2',
          summary: 'this quarter',
          status: 'single-source',
        },
      ],
    }
    expect(indexAnalysis(analysis).days).toHaveLength(90)
  })
})

describe('controlOn()', () => {
  const index = indexAnalysis(fixtureAnalysis())
  const controllerOf = (day: string, place: string) =>
    controlOn(index, day).find((s) => s.place.entity === place)?.controller
  const cases: [string, string, string | undefined][] = [
    ['2030-02-28', 'place-velen', undefined],
    ['2030-03-01', 'place-velen', 'government'],
    ['2030-03-03', 'place-velen', 'government'],
    ['2030-03-04', 'place-velen', 'opposition'],
    ['2030-03-02', 'place-karsa', 'government'],
    ['2030-03-03', 'place-karsa', 'opposition'],
  ]
  for (const [day, place, controller] of cases) {
    it(`gives ${place} to ${controller ?? 'nobody'} on ${day}`, () => {
      expect(controllerOf(day, place)).toBe(controller)
    })
  }
})

describe('originsOf()', () => {
  it("takes the fusion's origins when the claim has them", () => {
    const index = indexAnalysis(fixtureAnalysis())
    expect(
      originsOf(index, index.claims.get('c1')!).map((o) => [o.origin, o.outlets, o.stance]),
    ).toEqual([
      ['Monitoring Group', ['Coastal Post', 'Northwire'], 'asserted'],
      ['residents', ['Harbour Daily'], 'asserted'],
      ['defence ministry', ['Harbour Daily'], 'denied'],
    ])
  })

  it('groups events by named source and stance when it does not, the outlet speaking for unnamed sources', () => {
    const base = fixtureAnalysis()
    const analysis: Analysis = {
      ...base,
      claims: base.claims.map(({ origins: _origins, ...claim }) => claim),
    }
    const index = indexAnalysis(analysis)
    expect(
      originsOf(index, index.claims.get('c1')!).map((o) => [o.origin, o.outlets, o.stance]),
    ).toEqual([
      ['Monitoring Group', ['Coastal Post', 'Northwire'], 'asserted'],
      ['residents', ['Harbour Daily'], 'asserted'],
      ['defence ministry', ['Harbour Daily'], 'denied'],
    ])
    expect(originsOf(index, index.claims.get('c4')!).map((o) => o.origin)).toEqual(['Valley Times'])
  })
})

describe('formatDateValue()', () => {
  it('writes one day once and a range with both ends', () => {
    expect(formatDateValue({ start: '2024-12-07', end: '2024-12-07', precision: 'day' })).toBe(
      '7 Dec 2024',
    )
    expect(formatDateValue({ start: '2024-11-29', end: '2024-12-02', precision: 'days' })).toBe(
      '29 Nov 2024 – 2 Dec 2024',
    )
  })
})
