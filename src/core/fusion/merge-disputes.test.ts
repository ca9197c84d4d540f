import { describe, expect, it } from 'vitest'
import type { Dispute } from '../model/analysis.js'
import { mergeDisputes } from './merge-disputes.js'

const dispute = (id: string, kind: Dispute['kind'], a: string[], b: string[]): Dispute => ({
  id,
  kind,
  claims: [`claim:${id}`],
  events: [...a, ...b],
  summary: `summary ${id}`,
  sides: [
    { label: 'denied', sources: [`src-${a[0]}`], events: a },
    { label: 'asserted', sources: [`src-${b[0]}`], events: b },
  ],
})

describe('mergeDisputes()', () => {
  it('folds disputes of one kind sharing a report into the larger one', () => {
    const merged = mergeDisputes([
      dispute('city', 'stance', ['e1'], ['e3']),
      dispute('region', 'stance', ['e2'], ['e3', 'e4']),
    ])
    expect(merged).toHaveLength(1)
    expect(merged[0]?.id).toBe('region')
    expect(merged[0]?.events).toEqual(['e2', 'e3', 'e4', 'e1'])
    expect(merged[0]?.claims).toEqual(['claim:region', 'claim:city'])
    expect(merged[0]?.sides?.[1]?.events).toEqual(['e3', 'e4'])
  })

  it('keeps disputes of different kinds, or sharing nothing, apart (near misses)', () => {
    expect(
      mergeDisputes([
        dispute('a', 'stance', ['e1'], ['e2']),
        dispute('b', 'controller', ['e1'], ['e3']),
      ]),
    ).toHaveLength(2)
    expect(
      mergeDisputes([
        dispute('a', 'stance', ['e1'], ['e2']),
        dispute('b', 'stance', ['e5'], ['e6']),
      ]),
    ).toHaveLength(2)
    expect(
      mergeDisputes([
        dispute('x:terms:o', 'framing', ['e1'], ['e2']),
        dispute('y', 'framing', ['e1'], ['e3']),
      ]),
    ).toHaveLength(2)
  })
})
