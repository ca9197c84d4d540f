import { describe, expect, it } from 'vitest'
import type { Diagnostic } from '../../model/diagnostic.js'
import { findTimes } from './find-times.js'
import type { TimeMention } from './time-mention.js'

/** One expected mention: the quoted words (located in the sentence), value and rule. */
interface Expected {
  readonly quote: string
  readonly start: string | null
  readonly end?: string
  readonly precision?: string
  readonly rule?: string
  readonly part?: string
}

interface Row {
  readonly sentence: string
  readonly published: string | null
  readonly expect: readonly Expected[]
}

function run(sentence: string, published: string | null) {
  const diagnostics: Diagnostic[] = []
  const mentions = findTimes(sentence, published, (d) => diagnostics.push(d), 'test-doc')
  return { mentions, diagnostics }
}

function check(row: Row): void {
  const { mentions } = run(row.sentence, row.published)
  expect(mentions.map((m) => m.text)).toEqual(row.expect.map((e) => e.quote))
  row.expect.forEach((e, i) => {
    const m = mentions[i] as TimeMention
    // Positions are asserted, not just quotes: the span must index the sentence exactly.
    const at = row.sentence.indexOf(e.quote)
    expect([m.start, m.end]).toEqual([at, at + e.quote.length])
    expect(row.sentence.slice(m.start, m.end)).toBe(m.text)
    if (e.start === null) {
      expect(m.value).toBeNull()
    } else {
      expect(m.value?.start).toBe(e.start)
      expect(m.value?.end).toBe(e.end ?? e.start)
      if (e.precision !== undefined) expect(m.value?.precision).toBe(e.precision)
    }
    if (e.rule !== undefined) expect(m.rule).toBe(e.rule)
    if (e.part !== undefined) expect(m.part).toBe(e.part)
  })
}

// 2024-12-07 is a Saturday; 2025-01-01 a Wednesday; 2024-03-01 a Friday in a leap year.
const SATURDAY = '2024-12-07'

describe('findTimes() past bias for weekdays', () => {
  const rows: Row[] = [
    {
      sentence: 'On Friday, the militia shelled the bridge.',
      published: SATURDAY,
      expect: [{ quote: 'Friday', start: '2024-12-06', precision: 'day', rule: 'times/weekday' }],
    },
    {
      sentence: 'The convoy left Saturday.',
      published: SATURDAY,
      expect: [{ quote: 'Saturday', start: '2024-12-07' }],
    },
    {
      sentence: 'The convoy left on Sunday.',
      published: SATURDAY,
      expect: [{ quote: 'Sunday', start: '2024-12-01' }],
    },
    {
      sentence: 'Talks were held last Tuesday and again Thursday.',
      published: SATURDAY,
      expect: [
        { quote: 'last Tuesday', start: '2024-12-03' },
        { quote: 'Thursday', start: '2024-12-05' },
      ],
    },
    {
      // Said on a Tuesday, "last Tuesday" is a week back, not today.
      sentence: 'The port reopened last Tuesday.',
      published: '2024-12-03',
      expect: [{ quote: 'last Tuesday', start: '2024-11-26' }],
    },
    {
      // Across a year end: a New Year's Day article's "Tuesday" is New Year's Eve.
      sentence: 'The ceasefire collapsed on Tuesday.',
      published: '2025-01-01',
      expect: [{ quote: 'Tuesday', start: '2024-12-31' }],
    },
    {
      // Across a month end: a Monday 2 December article's "Saturday" is 30 November.
      sentence: 'Aid trucks crossed the border Saturday.',
      published: '2024-12-02',
      expect: [{ quote: 'Saturday', start: '2024-11-30' }],
    },
    {
      sentence: 'The envoy will meet both sides on Monday.',
      published: SATURDAY,
      expect: [{ quote: 'Monday', start: '2024-12-09', rule: 'times/weekday' }],
    },
  ]
  for (const row of rows) it(`"${row.sentence}" (${row.published})`, () => check(row))
})

describe('findTimes() parts of days', () => {
  const rows: Row[] = [
    {
      sentence: 'Gunmen entered the town late on Friday and left early on Saturday.',
      published: SATURDAY,
      expect: [
        { quote: 'late on Friday', start: '2024-12-06', precision: 'part-of-day', part: 'late' },
        {
          quote: 'early on Saturday',
          start: '2024-12-07',
          precision: 'part-of-day',
          part: 'early',
        },
      ],
    },
    {
      sentence: 'Drones struck the depot Wednesday night.',
      published: SATURDAY,
      expect: [
        { quote: 'Wednesday night', start: '2024-12-04', precision: 'part-of-day', part: 'night' },
      ],
    },
    {
      sentence: 'Explosions were heard overnight in the old city.',
      published: '2025-03-01',
      // Bare "overnight" is the night before publication, here across a month end.
      expect: [{ quote: 'overnight', start: '2025-02-28', end: '2025-03-01', part: 'overnight' }],
    },
    {
      sentence: 'Fighting raged overnight on Friday near the airport.',
      published: SATURDAY,
      expect: [
        { quote: 'overnight on Friday', start: '2024-12-06', end: '2024-12-07', part: 'overnight' },
      ],
    },
    {
      sentence: 'Shelling resumed in the early hours of Sunday.',
      published: '2024-12-08',
      expect: [{ quote: 'in the early hours of Sunday', start: '2024-12-08', part: 'early' }],
    },
    {
      sentence: 'Protesters gathered on Saturday night in the square.',
      published: '2024-12-08',
      expect: [{ quote: 'Saturday night', start: '2024-12-07', part: 'night' }],
    },
    {
      sentence: 'The governor fled this morning, and residents expect more strikes tonight.',
      published: SATURDAY,
      expect: [
        { quote: 'this morning', start: SATURDAY, precision: 'part-of-day', part: 'morning' },
        { quote: 'tonight', start: SATURDAY, part: 'night' },
      ],
    },
    {
      sentence: 'The bridge was cut yesterday; the army returned today.',
      published: '2024-03-01',
      // Leap year: the day before 1 March 2024 is 29 February.
      expect: [
        { quote: 'yesterday', start: '2024-02-29', precision: 'day' },
        { quote: 'today', start: '2024-03-01', precision: 'day' },
      ],
    },
    // The part of a day named before the day it is of: the day decides, not the publication.
    {
      sentence: 'Drones hit the port on the night of December 5, officials said.',
      published: SATURDAY,
      expect: [
        {
          quote: 'night of December 5',
          start: '2024-12-05',
          precision: 'part-of-day',
          part: 'night',
        },
      ],
    },
    {
      sentence: 'The convoy left in the evening of Thursday and the town fell by afternoon Friday.',
      published: SATURDAY,
      expect: [
        { quote: 'evening of Thursday', start: '2024-12-05', part: 'evening' },
        { quote: 'afternoon Friday', start: '2024-12-06', part: 'afternoon' },
      ],
    },
    {
      sentence: 'Fighting went on through the night of December 5-6.',
      published: SATURDAY,
      expect: [
        {
          quote: 'night of December 5-6',
          start: '2024-12-05',
          end: '2024-12-06',
          rule: 'times/range',
          part: 'night',
        },
      ],
    },
    {
      sentence: 'The town fell on Friday. Hours before, the garrison had withdrawn.',
      published: SATURDAY,
      expect: [
        { quote: 'Friday', start: '2024-12-06' },
        {
          quote: 'Hours before',
          start: '2024-12-05',
          end: '2024-12-06',
          rule: 'times/hours-around',
        },
      ],
    },
  ]
  for (const row of rows) it(`"${row.sentence}" (${row.published})`, () => check(row))
})

describe('findTimes() calendar dates and year inference', () => {
  const rows: Row[] = [
    {
      sentence: 'On December 5, the council met; by Nov. 30 the road was closed.',
      published: SATURDAY,
      expect: [
        { quote: 'December 5', start: '2024-12-05', rule: 'times/date' },
        { quote: 'Nov. 30', start: '2024-11-30' },
      ],
    },
    {
      // A January article's "December 28" is the previous December.
      sentence: 'The siege began on December 28 and ended Dec. 31.',
      published: '2025-01-04',
      expect: [
        { quote: 'December 28', start: '2024-12-28' },
        { quote: 'Dec. 31', start: '2024-12-31' },
      ],
    },
    {
      // A late-December article's "January 2" is the coming one.
      sentence: 'Elections are due on January 2.',
      published: '2024-12-30',
      expect: [{ quote: 'January 2', start: '2025-01-02' }],
    },
    {
      sentence: 'A statement dated 2024-12-07 confirmed it.',
      published: null,
      expect: [{ quote: '2024-12-07', start: '2024-12-07' }],
    },
    {
      sentence: 'The report of 6 December 2024 was withdrawn.',
      published: null,
      expect: [{ quote: '6 December 2024', start: '2024-12-06' }],
    },
    {
      sentence: 'Talks continued from December 5 to 7.',
      published: SATURDAY,
      expect: [
        { quote: 'December 5 to 7', start: '2024-12-05', end: '2024-12-07', precision: 'days' },
      ],
    },
    {
      // A leap day at a month end, read from the first days of March.
      sentence: 'A truce agreed on February 29 held until March 2.',
      published: '2024-03-04',
      expect: [
        { quote: 'February 29', start: '2024-02-29' },
        { quote: 'March 2', start: '2024-03-02' },
      ],
    },
  ]
  for (const row of rows) it(`"${row.sentence}" (${row.published})`, () => check(row))
})

describe('findTimes() ranges, open intervals and years', () => {
  const rows: Row[] = [
    {
      sentence: 'Since November 29, the coalition has advanced.',
      published: SATURDAY,
      expect: [
        {
          quote: 'Since November 29',
          start: '2024-11-29',
          end: SATURDAY,
          precision: 'open',
          rule: 'times/since',
        },
      ],
    },
    {
      sentence: 'Talks stalled last week and earlier this week.',
      published: SATURDAY,
      expect: [
        { quote: 'last week', start: '2024-11-25', end: '2024-12-01', precision: 'week' },
        { quote: 'earlier this week', start: '2024-12-02', end: '2024-12-06', precision: 'days' },
      ],
    },
    {
      // Year end: "last week" from New Year's Day is the week of 23-29 December.
      sentence: 'Prices rose last week.',
      published: '2025-01-01',
      expect: [{ quote: 'last week', start: '2024-12-23', end: '2024-12-29' }],
    },
    {
      sentence: 'Casualties mounted in recent days and over the past week.',
      published: SATURDAY,
      expect: [
        { quote: 'recent days', start: '2024-11-30', end: SATURDAY, precision: 'days' },
        { quote: 'the past week', start: '2024-11-30', end: SATURDAY, precision: 'days' },
      ],
    },
    {
      sentence: 'Aid is expected in the next 24 hours and talks over the coming days.',
      published: '2024-12-31',
      // Forward ranges across a year end.
      expect: [
        { quote: 'the next 24 hours', start: '2024-12-31', end: '2025-01-01', precision: 'days' },
        { quote: 'the coming days', start: '2024-12-31', end: '2025-01-07', precision: 'days' },
      ],
    },
    {
      sentence: 'Exports fell last month.',
      published: '2025-01-15',
      expect: [{ quote: 'last month', start: '2024-12-01', end: '2024-12-31', precision: 'month' }],
    },
    {
      sentence: 'Since the 2011 uprising, the city changed hands in 2016.',
      published: SATURDAY,
      expect: [
        {
          quote: '2011',
          start: '2011-01-01',
          end: '2011-12-31',
          precision: 'year',
          rule: 'times/year-attributive',
        },
        {
          quote: '2016',
          start: '2016-01-01',
          end: '2016-12-31',
          precision: 'year',
          rule: 'times/year',
        },
      ],
    },
    {
      // A December article's "since January" looks back to this January, not the coming one.
      sentence: 'Prices have doubled since January.',
      published: '2024-12-20',
      expect: [
        { quote: 'since January', start: '2024-01-01', end: '2024-12-20', precision: 'open' },
      ],
    },
    {
      // Seasons across a year end: winter runs December to February.
      sentence:
        'The siege of last summer ended; this winter may be harder than the winter of 2016.',
      published: '2025-01-10',
      expect: [
        { quote: 'last summer', start: '2024-06-01', end: '2024-08-31', rule: 'times/season' },
        { quote: 'this winter', start: '2024-12-01', end: '2025-02-28' },
        { quote: 'the winter of 2016', start: '2016-12-01', end: '2017-02-28' },
      ],
    },
    {
      sentence: 'The militia was formed in the 1990s and rearmed in the 80s style.',
      published: null,
      expect: [
        { quote: 'the 1990s', start: '1990-01-01', end: '1999-12-31', rule: 'times/decade' },
        { quote: 'the 80s', start: '1980-01-01', end: '1989-12-31' },
      ],
    },
    {
      sentence: 'The region was held for the first time since 2011.',
      published: SATURDAY,
      expect: [{ quote: 'since 2011', start: '2011-01-01', end: SATURDAY, precision: 'open' }],
    },
  ]
  for (const row of rows) it(`"${row.sentence}" (${row.published})`, () => check(row))
})

describe('findTimes() near misses: durations, ages, counts and words', () => {
  const misses = [
    'The occupation lasted for 8 years.',
    'It was a 12-day offensive.',
    'They issued a 24-hour ultimatum.',
    'A 45-year-old man, aged 45, was hurt.',
    'Some 2,000 troops and 1,500 to 2,000 civilians fled.',
    'About 2011 people were registered.',
    'The sun rose as they sat down to march on the capital.',
    'After a night of clashes, fighting continued at night.',
    'The army may withdraw within 24 hours.',
    'The now former governor left the now-empty palace.',
    'After the fall of the city, men in their 40s waited in temperatures in the low 30s.',
  ]
  for (const sentence of misses) {
    it(`finds no time in "${sentence}"`, () => {
      expect(run(sentence, SATURDAY).mentions).toEqual([])
    })
  }
})

describe('findTimes() unresolved expressions and contradictions', () => {
  it('keeps a weekday without a publication date as null with an info diagnostic', () => {
    const sentence = 'Rebels took the airport on Friday.'
    const { mentions, diagnostics } = run(sentence, null)
    expect(mentions).toHaveLength(1)
    expect(mentions[0]?.value).toBeNull()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({
      severity: 'info',
      rule: 'times/unresolved',
      stage: 'times',
    })
    expect(diagnostics[0]?.span).toMatchObject({
      doc: 'test-doc',
      start: 27,
      end: 33,
      text: 'Friday',
    })
  })

  it('keeps a yearless date without a publication date as null', () => {
    const { mentions, diagnostics } = run('The bridge fell on December 7.', null)
    expect(mentions.map((m) => [m.text, m.value])).toEqual([['December 7', null]])
    expect(diagnostics.map((d) => d.severity)).toEqual(['info'])
  })

  it('keeps "hours later" with no dated expression before it as null', () => {
    const { mentions } = run('Hours later, the checkpoint was abandoned.', SATURDAY)
    expect(mentions.map((m) => [m.text, m.value])).toEqual([['Hours later', null]])
  })

  it('keeps a named day ("Black Monday") unresolved instead of counting back to a Monday', () => {
    const { mentions } = run('Markets recalled Black Monday.', SATURDAY)
    expect(mentions.map((m) => [m.text, m.value])).toEqual([['Monday', null]])
  })

  it('warns when a weekday contradicts its date and keeps the reading the publication date supports', () => {
    const sentence = 'On Sunday, 6 December, the column reached the coast.'
    const { mentions, diagnostics } = run(sentence, SATURDAY)
    expect(mentions.map((m) => [m.text, m.value?.start])).toEqual([
      ['Sunday, 6 December', '2024-12-06'],
    ])
    const warning = diagnostics.find((d) => d.rule === 'times/weekday-contradiction')
    expect(warning?.severity).toBe('warning')
    // Both readings are named: the 6th as a date, Sunday the 8th as a weekday.
    expect(warning?.message).toContain('2024-12-06')
    expect(warning?.message).toContain('2024-12-08')
    expect(warning?.span?.text).toBe('Sunday, 6 December')
  })

  it('takes the weekday reading when only it lies on or before publication', () => {
    // Published Tuesday 10 December: "Monday, 16 December" is a week ahead, Monday the 9th is past.
    const { mentions, diagnostics } = run(
      'On Monday, 16 December, the border closed.',
      '2024-12-10',
    )
    expect(mentions[0]?.value?.start).toBe('2024-12-16')
    expect(diagnostics).toEqual([])
    const other = run('On Tuesday, 8 December, the border closed.', '2024-12-10')
    // 8 December 2024 is a Sunday; Tuesday nearest it is the 10th, the publication day itself.
    expect(other.mentions[0]?.value?.start).toBe('2024-12-10')
    expect(other.diagnostics.map((d) => d.rule)).toEqual(['times/weekday-contradiction'])
  })

  it('rejects a malformed publication date with a message naming it', () => {
    expect(() => findTimes('Friday', '07/12/2024')).toThrow(/published "07\/12\/2024"/)
  })
})
