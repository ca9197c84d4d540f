import * as chrono from 'chrono-node'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCasual, scanParserKeys } from './parse-casual.js'

const reference = new Date(2024, 11, 7, 12)

/** What a caller can read from chrono's results: spans, values, certainty and tags. */
function describeResults(results: readonly chrono.ParsedResult[]): unknown[] {
  const components = ['year', 'month', 'day', 'weekday', 'hour', 'minute'] as const
  const read = (c: chrono.ParsedComponents | null | undefined) =>
    c && {
      date: c.date().getTime(),
      certain: components.filter((name) => c.isCertain(name)),
      tags: [...c.tags()].sort(),
    }
  return results.map((r) => ({
    index: r.index,
    text: r.text,
    start: read(r.start),
    end: read(r.end),
  }))
}

const same = (text: string): void =>
  expect(describeResults(parseCasual(text, reference))).toEqual(
    describeResults(chrono.casual.parse(text, reference)),
  )

describe('parseCasual()', () => {
  it.each([
    'Rebels entered the city late on Friday.',
    'On 7 December 2024 the army withdrew; two days later it returned.',
    'Shelling resumed last night and again this morning at 5 am.',
    'They took them out within a few hours, officials said on Dec. 8.',
    'The talks of 2024-12-05T10:30:00Z ended at the end of the month.',
    'Fighting in the south continued for the past three weeks, the ministry said.',
    'A 3/4 majority voted; the 12/7 deadline passed; 11/2024 was quiet.',
    'Nothing about time here, only places and people.',
    '',
  ])('reads %j as chrono.casual.parse does', (text) => {
    same(text)
  })

  it('finds nothing where no parser has its key, as chrono finds nothing there', () => {
    const text = 'Troops advanced towards the city, residents said.'
    expect(parseCasual(text, reference)).toEqual([])
    expect(chrono.casual.parse(text, reference)).toEqual([])
  })

  it('reads any mix of date words, numbers and punctuation as chrono.casual.parse does', () => {
    const piece = fc.constantFrom(
      'on',
      'Friday',
      'fri',
      'Sat.',
      'last',
      'night',
      'in',
      'the',
      'them',
      'three',
      'days',
      'ago',
      'later',
      'after',
      'out',
      '5',
      '2024',
      '12',
      '-',
      '/',
      '.',
      ',',
      ':',
      'December',
      'dec',
      'Dec.',
      'at',
      'pm',
      'a.m.',
      'morning',
      'noon',
      'end of the month',
      'within',
      'a',
      'few',
      'couple of',
      'half an',
      'hours',
      'h',
      'week',
      'weekend',
      'next',
      'past',
      'this',
      'since',
      'yesterday',
      'tonight',
      '10:30',
      'T',
      'Z',
      '+03:00',
      'EST',
      'about',
      'around',
      'from now',
      'mid',
      'May',
      'sept',
      'twenty-first',
      'of',
      'to',
      'until',
    )
    const separator = fc.constantFrom(' ', '', ', ', '  ', '\t')
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 10 }), (parts) => {
        same(parts.map(([word, gap]) => word + gap).join(''))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('scanParserKeys()', () => {
  it('selects, line by line of a whole text, parsers enough for chrono.casual.parse', () => {
    const piece = fc.constantFrom(
      'on',
      'Friday',
      'in',
      'the',
      'them',
      'three',
      'days',
      'ago',
      'later',
      'out',
      '5',
      '2024',
      '-',
      '/',
      '.',
      'December',
      'at',
      'pm',
      'morning',
      'within',
      'a',
      'few',
      'hours',
      'last',
      'week',
      'month',
      'this',
      'yesterday',
      'night',
      '10:30',
      'T',
      'Z',
    )
    const separator = fc.constantFrom(' ', '', ', ', '\n', '\n\n', '\r\n', '\t')
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 16 }), (parts) => {
        const text = parts.map(([word, gap]) => word + gap).join('')
        const parsersFor = scanParserKeys(text)
        let offset = 0
        for (const line of text.split('\n')) {
          const parsers = parsersFor(offset, offset + line.length)
          expect(describeResults(parseCasual(line, reference, parsers))).toEqual(
            describeResults(chrono.casual.parse(line, reference)),
          )
          offset += line.length + 1
        }
      }),
      { numRuns: 2000 },
    )
  })
})
