import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isCapitalised, splitWords } from './words.js'

const quote = (text: string, from?: number, to?: number): string[] =>
  splitWords(text, from, to).map((word) => text.slice(word.start, word.end))

describe('splitWords()', () => {
  it.each([
    ['Rebels took al-Qa’im on Friday.', ['Rebels', 'took', 'al-Qa’im', 'on', 'Friday']],
    [
      'The U.S. envoy met Gen. Ali in Dec. talks.',
      ['The', 'U.S.', 'envoy', 'met', 'Gen.', 'Ali', 'in', 'Dec.', 'talks'],
    ],
    ['Kurdish-led forces, 2,000 fighters', ['Kurdish-led', 'forces', '2', '000', 'fighters']],
    ['end.Next one', ['end.Next', 'one']],
    ['  — … ', []],
  ])('splits %j into %j', (text, words) => {
    expect(quote(text)).toEqual(words)
  })

  it('folds each word beside its text', () => {
    expect(splitWords('Türkiye’s ARMY').map((word) => word.folded)).toEqual(["turkiye's", 'army'])
  })

  it('splits a range as a scan starting there, also right after the whole text was split', () => {
    const text = 'Troops entered Homs. Rebels left end.Next day, the U.S. said.'
    const fresh = (from: number, to: number): string[] => {
      splitWords('another text') // the whole-text words of `text` are no longer at hand
      return quote(text, from, to)
    }
    // [Rebels left …]: a sentence; [Next …]: starts inside the word "end.Next", so it is scanned
    // on its own and reads "Next" (the whole text reads "end.Next").
    for (const [from, to] of [
      [21, 61],
      [text.indexOf('Next'), text.length - 1],
      [3, 5],
      [0, 0],
      [40, 20],
    ] as const) {
      const expected = fresh(from, to)
      quote(text)
      expect(quote(text, from, to)).toEqual(expected)
    }
    quote(text)
    expect(quote(text, text.indexOf('Next'), text.indexOf(' day'))).toEqual(['Next'])
  })

  it('gives the same words for any range, whole text split before or not', () => {
    const piece = fc.constantFrom(
      'Homs',
      'al-Bab',
      'U.S.',
      'Dec.',
      'end.',
      'x',
      ' ',
      '  ',
      '\n',
      ', ',
      '’s',
      '-',
      '3',
      'é',
      '\u0301',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const text = parts.join('')
        const from = a % (text.length + 2)
        const to = b % (text.length + 2)
        splitWords('reset')
        const cold = splitWords(text, from, to)
        splitWords(text)
        expect(splitWords(text, from, to)).toEqual(cold)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('isCapitalised()', () => {
  it.each([
    ['Homs', true],
    ['HTS', true],
    ['Éire', true],
    ['Ḩamāh', true],
    ['homs', false],
    ['al-Bab', false],
    ['2024', false],
    ['’s', false],
    ['élan', false],
    ['', false],
  ])('%j → %j', (word, capitalised) => {
    expect(isCapitalised(word)).toBe(capitalised)
  })
})
