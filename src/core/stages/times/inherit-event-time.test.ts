import { describe, expect, it } from 'vitest'
import { findTimes } from './find-times.js'
import { inheritEventTime } from './inherit-event-time.js'

const PUBLISHED = '2024-12-07'

/** Asks what the sentence holding `sentence` inherits in `text` (written for these tests). */
function inherit(text: string, sentence: string) {
  const start = text.indexOf(sentence)
  if (start < 0) throw new Error(`test setup: "${sentence}" not in the text`)
  return inheritEventTime(findTimes(text, PUBLISHED), text, { start, end: start + sentence.length })
}

describe('inheritEventTime()', () => {
  it('carries the day named earlier in the paragraph to a sentence without one', () => {
    const text = 'On Friday, the militia took the dam. The garrison fled towards the coast.'
    const got = inherit(text, 'The garrison fled towards the coast.')
    expect(got?.text).toBe('Friday')
    expect(got?.start).toBe(3)
    expect(got?.value?.start).toBe('2024-12-06')
  })

  it('carries the most recent day, not the first', () => {
    const text = 'On Thursday the talks began. Late on Friday the truce failed. Shelling resumed.'
    expect(inherit(text, 'Shelling resumed.')?.text).toBe('Late on Friday')
  })

  const misses: [string, string, string][] = [
    [
      'a new paragraph',
      'On Friday, the militia took the dam.\nThe garrison fled.',
      'The garrison fled.',
    ],
    [
      'a shift in time',
      'On Friday, the militia took the dam. Later, the garrison fled.',
      'Later, the garrison fled.',
    ],
    [
      'a quotation',
      'On Friday, the militia took the dam. "We will return," a commander said.',
      '"We will return," a commander said.',
    ],
    [
      'a range, not a day',
      'Last week the militia took the dam. The garrison fled.',
      'The garrison fled.',
    ],
    [
      'an open interval',
      'Since Friday, the militia has held the dam. The garrison fled.',
      'The garrison fled.',
    ],
    [
      'an attributive year',
      'Veterans of the 2011 uprising met. The garrison fled.',
      'The garrison fled.',
    ],
    [
      'nothing dated before it',
      'The garrison fled. On Friday, the militia took the dam.',
      'The garrison fled.',
    ],
  ]
  for (const [name, text, sentence] of misses) {
    it(`inherits nothing across ${name}`, () => {
      expect(inherit(text, sentence)).toBeNull()
    })
  }
})
