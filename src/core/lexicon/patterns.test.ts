import { describe, expect, it } from 'vitest'
import { splitWords } from '../text/words.js'
import { compilePattern, firstWords, matchPatternAt } from './patterns.js'

/** The words matched by `source` in `sentence` from word `at`, or null for no match. */
function matched(source: string, sentence: string, at = 0): string | null {
  const words = splitWords(sentence)
  const end = matchPatternAt(compilePattern(source), words, at)
  if (end === -1) return null
  return end === at ? '' : sentence.slice(words[at]!.start, words[end - 1]!.end)
}

describe('matchPatternAt()', () => {
  it.each([
    // Alternatives and optional words: [took full control], [taken control].
    [
      'took|taken full|complete? control',
      'Rebels took full control of Hama',
      1,
      'took full control',
    ],
    ['took|taken full|complete? control', 'the army had taken control', 3, 'taken control'],
    // Prefixes: [withdrew from], [withdrawing from].
    ['withdr* from', 'troops withdrawing from Homs', 1, 'withdrawing from'],
    // Gaps: `_` exactly one word, `_?` at most one, `__` up to three.
    ['seized _ town', 'they seized the town', 1, 'seized the town'],
    ['seized _? town', 'they seized town', 1, 'seized town'],
    ['fighting __ near', 'fighting broke out again near Idlib', 0, 'fighting broke out again near'],
    // The first way through wins, as written: `_?` skips nothing before it tries one word.
    ['said _? that?', 'he said that', 1, 'said that'],
  ])('%j matches %j at word %i as %j', (source, sentence, at, words) => {
    expect(matched(source, sentence, at)).toBe(words)
  })

  it.each([
    // Near misses: a word of a longer name, a gap one word too long, a prefix inside a word.
    ['took|taken full|complete? control', 'Rebels took partial control', 1],
    ['seized _ town', 'they seized the old town', 1],
    ['fighting __ near', 'fighting broke out here again today near Idlib', 0],
    ['withdr* from', 'troops that rewithdrew from Homs', 2],
    ['seized _ town', 'they seized the', 1],
  ])('%j does not match %j at word %i', (source, sentence, at) => {
    expect(matched(source, sentence, at)).toBeNull()
  })

  it('stops at the limit', () => {
    const words = splitWords('troops took full control')
    const pattern = compilePattern('took full control')
    expect(matchPatternAt(pattern, words, 1)).toBe(4)
    expect(matchPatternAt(pattern, words, 1, 3)).toBe(-1)
  })
})

describe('firstWords()', () => {
  it('lists the words a pattern can start with, through optional words', () => {
    expect(firstWords(compilePattern('heavy? fight*|clashes near'))).toEqual({
      alternatives: ['heavy', 'clashes'],
      prefixes: ['fight'],
    })
    expect(firstWords(compilePattern('_ control'))).toBeNull()
  })
})
