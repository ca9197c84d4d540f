import { describe, expect, it } from 'vitest'
import { AffiliationMatcher, compileGlob } from './affiliation-matcher.js'

describe('compileGlob()', () => {
  const cases: [string, string, boolean][] = [
    ['rt', 'rt', true],
    ['rt', 'rt arabic', false],
    ['rt *', 'rt arabic', true],
    ['rt *', 'rtl', false],
    ['al jazeera*', 'al jazeera english', true],
    ['Al-Jazeera*', 'al jazeera', true],
    ['tass', 'itar tass', false],
  ]
  for (const [pattern, name, hit] of cases) {
    it(`${hit ? 'matches' : 'does not match'} "${name}" with "${pattern}"`, () => {
      expect(compileGlob(pattern).test(name)).toBe(hit)
    })
  }
})

describe('AffiliationMatcher', () => {
  const matcher = new AffiliationMatcher([
    { pattern: 'sabah', ecosystem: 'a', owner: 'A', country: 'TR', kind: 'state-affiliated' },
    { pattern: 'saba*', ecosystem: 'b', owner: 'B', country: 'YE', kind: 'state-affiliated' },
  ])
  it('folds accents, case and punctuation of the name and lets the first row win', () => {
    expect(matcher.match('SABAH')?.ecosystem).toBe('a')
    expect(matcher.match('Sabā News')?.ecosystem).toBe('b')
    expect(matcher.match('Valley Times')).toBeNull()
    expect(matcher.match(null)).toBeNull()
  })
})
