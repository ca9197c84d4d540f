import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findTimes } from './find-times.js'

/** Words that make time expressions, near misses and filler, joined into random sentences. */
const WORDS = [
  'on',
  'late',
  'early',
  'since',
  'Friday',
  'Sunday',
  'night',
  'overnight',
  'December',
  'Dec.',
  '6',
  '29',
  '31',
  '2011',
  '2024',
  'last',
  'this',
  'week',
  'month',
  'hours',
  'before',
  'ago',
  'three',
  'days',
  'recent',
  'in',
  'the',
  'uprising',
  'for',
  '8',
  'years',
  '-',
  ',',
  '.',
  '\n',
  'rebels',
  'took',
  'town',
  'will',
  'yesterday',
  'today',
  'February',
  'January',
  '2,000',
  'troops',
]

const ISO = /^\d{4}-\d{2}-\d{2}$/

describe('findTimes() invariants over generated text', () => {
  it('quotes its spans exactly, keeps them ordered and disjoint, and gives well-formed intervals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }),
        fc.constantFrom<string | null>(null, '2024-12-07', '2025-01-01', '2024-02-29'),
        (words, published) => {
          const text = words.join(' ')
          const mentions = findTimes(text, published)
          let last = -1
          for (const m of mentions) {
            expect(text.slice(m.start, m.end)).toBe(m.text)
            expect(m.start).toBeGreaterThanOrEqual(last)
            expect(m.end).toBeGreaterThan(m.start)
            last = m.end
            if (m.value !== null) {
              expect(m.value.start).toMatch(ISO)
              expect(m.value.end).toMatch(ISO)
              expect(m.value.start <= m.value.end).toBe(true)
            }
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
