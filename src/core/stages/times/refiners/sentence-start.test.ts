import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sentenceStart } from './sentence-start.js'

/** The rule as first written (a regex on the two characters before each space). */
function sentenceStartByRegex(text: string, position: number): number {
  for (let i = position - 1; i > 0; i--) {
    const c = text[i]
    if (c === '\n') return i + 1
    if ((c === ' ' || c === '\t') && /[.!?]["'”’)]?$/.test(text.slice(Math.max(0, i - 2), i))) {
      const next = text[i + 1] ?? ''
      const word = /(\S+)[.!?]["'”’)]?$/.exec(text.slice(Math.max(0, i - 12), i))?.[1] ?? ''
      if (
        /[A-Z"“(]/.test(next) &&
        !/^(?:[A-Z][a-z]{0,2}|[A-Z](?:\.[A-Z])*|[A-Z][a-z]?\.[A-Z])$/.test(word)
      )
        return i + 1
    }
  }
  return 0
}

describe('sentenceStart()', () => {
  const text = 'Talks failed. The U.S. envoy left on Dec. 6 "after talks." Troops stayed\nin Homs.'
  it.each([
    // [The U.S. envoy …]: abbreviations and "Dec. 6" do not end a sentence.
    [text.indexOf('envoy'), text.indexOf('The')],
    [text.indexOf('6 "after'), text.indexOf('The')],
    // A closing quote after the point still ends it; so does a line break.
    [text.indexOf('stayed'), text.indexOf('Troops')],
    [text.indexOf('Homs'), text.indexOf('in Homs')],
    [3, 0],
  ])('at %i the sentence starts at %i', (position, start) => {
    expect(sentenceStart(text, position)).toBe(start)
  })

  it('agrees with the rule as first written; with a floor, answers the larger of both', () => {
    expect(sentenceStart(text, text.indexOf('left'), text.indexOf('envoy'))).toBe(
      text.indexOf('envoy'),
    )
    const piece = fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      '"',
      '”',
      ')',
      '\n',
      '\t',
      'U.S.',
      'Dec.',
      '6',
    )
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.nat(),
        fc.integer({ min: -20, max: 60 }),
        (parts, p, floor) => {
          const sample = parts.join('')
          const position = p % (sample.length + 1)
          expect(sentenceStart(sample, position, floor)).toBe(
            Math.max(sentenceStart(sample, position), floor),
          )
        },
      ),
      { numRuns: 3000 },
    )
  })
})
