import { describe, expect, it } from 'vitest'
import { segmentText, sentenceAround } from './highlight.js'

describe('segmentText()', () => {
  it('cuts the text at the range boundaries and keeps plain runs between them', () => {
    expect(segmentText(20, [{ start: 5, end: 9, id: 'a' }])).toEqual([
      { start: 0, end: 5, ids: [] },
      { start: 5, end: 9, ids: ['a'] },
      { start: 9, end: 20, ids: [] },
    ])
  })

  it('flattens overlapping ranges into runs covered by each id', () => {
    expect(
      segmentText(12, [
        { start: 0, end: 10, id: 'sentence' },
        { start: 4, end: 7, id: 'place' },
      ]),
    ).toEqual([
      { start: 0, end: 4, ids: ['sentence'] },
      { start: 4, end: 7, ids: ['sentence', 'place'] },
      { start: 7, end: 10, ids: ['sentence'] },
      { start: 10, end: 12, ids: [] },
    ])
  })

  it('clips ranges to the window and drops those outside it', () => {
    expect(
      segmentText(
        30,
        [
          { start: 2, end: 12, id: 'a' },
          { start: 20, end: 25, id: 'b' },
        ],
        10,
        18,
      ),
    ).toEqual([
      { start: 10, end: 12, ids: ['a'] },
      { start: 12, end: 18, ids: [] },
    ])
  })
})

describe('sentenceAround()', () => {
  const text =
    'Rain fell overnight. Militia fighters entered Dunmore on Monday, residents said. "It was quiet," one added.\nA new paragraph.'
  const cases: { quote: string; sentence: string }[] = [
    {
      quote: 'entered Dunmore',
      sentence: 'Militia fighters entered Dunmore on Monday, residents said.',
    },
    { quote: 'Rain', sentence: 'Rain fell overnight.' },
    { quote: 'quiet', sentence: '"It was quiet," one added.' },
    { quote: 'new', sentence: 'A new paragraph.' },
  ]
  for (const { quote, sentence } of cases) {
    it(`expands '${quote}' to its sentence`, () => {
      const start = text.indexOf(quote)
      const found = sentenceAround(text, start, start + quote.length)
      expect(text.slice(found.start, found.end)).toBe(sentence)
    })
  }

  it('does not stop at a decimal point or an abbreviation without a following space', () => {
    const other = 'Losses rose to 3.5 percent in Dunmore.'
    const start = other.indexOf('Dunmore')
    const found = sentenceAround(other, start, start + 7)
    expect(other.slice(found.start, found.end)).toBe(other)
  })
})
