import { describe, expect, it } from 'vitest'
import { SideRelations } from './side-relations.js'

describe('SideRelations', () => {
  const sides = new SideRelations()
  const cases: [string | null, string | null, boolean, boolean][] = [
    ['opposition', 'hts', true, false],
    ['sfa', 'opposition', true, false],
    ['hts', 'sna', false, false],
    ['government', 'opposition', false, true],
    ['government', null, true, false],
    ['druze', 'opposition', false, true],
  ]
  for (const [a, b, compatible, opposed] of cases) {
    it(`${a} / ${b}: compatible ${compatible}, opposed ${opposed}`, () => {
      expect(sides.compatible(a, b)).toBe(compatible)
      expect(sides.opposed(a, b)).toBe(opposed)
    })
  }
  it('takes custom umbrellas', () => {
    const custom = new SideRelations({ coalition: ['army-a', 'army-b'] })
    expect(custom.rootOf('army-b')).toBe('coalition')
    expect(custom.compatible('hts', 'opposition')).toBe(false)
  })
})
