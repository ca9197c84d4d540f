import { describe, expect, it } from 'vitest'
import { isActionTerm, leanOf } from './framing-terms.js'

describe('leanOf()', () => {
  const cases: [string, string | null][] = [
    ['terrorists', 'pejorative'],
    ['terrorist elements', 'pejorative'],
    ['armed gangs', 'pejorative'],
    ['Takfiri groups', 'pejorative'],
    ['rebels', 'sympathetic'],
    ['revolutionaries', 'sympathetic'],
    ['freedom fighters', 'sympathetic'],
    ['the opposition', null],
    ['militants', null],
    ['fighters', null],
    ['government forces', null],
  ]
  for (const [term, lean] of cases) it(`"${term}" → ${lean}`, () => expect(leanOf(term)).toBe(lean))
})

describe('isActionTerm()', () => {
  it('tells words for actions from words for actors', () => {
    expect(isActionTerm('redeployment')).toBe(true)
    expect(isActionTerm('liberated')).toBe(true)
    expect(isActionTerm('tactical withdrawal')).toBe(true)
    expect(isActionTerm('terrorists')).toBe(false)
    expect(isActionTerm('regime')).toBe(false)
  })
})
