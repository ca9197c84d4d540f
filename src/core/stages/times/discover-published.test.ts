import { describe, expect, it } from 'vitest'
import { discoverPublished } from './discover-published.js'

interface Row {
  readonly name: string
  readonly text: string
  /** The quoted date words and the date, or null for a near miss. */
  readonly expect: { readonly quote: string; readonly date: string; readonly rule: string } | null
}

const rows: Row[] = [
  {
    name: 'a city dateline with a written date and a dash',
    text: 'Aleppo, December 7, 2024 – Armed groups entered the western districts.',
    expect: { quote: 'December 7, 2024', date: '2024-12-07', rule: 'published/dateline' },
  },
  {
    name: 'a capitalised dateline with day-month order and an agency',
    text: 'KHARTOUM, 30 November 2024 (AFP) — The army said it had retaken a bridge.',
    expect: { quote: '30 November 2024', date: '2024-11-30', rule: 'published/dateline' },
  },
  {
    name: 'an "Updated" line above a dateline without a year',
    text: 'Updated 2024-12-06 09:12\nTEHRAN, Dec. 06 (XNA) – The minister flew to Doha.',
    expect: { quote: '2024-12-06', date: '2024-12-06', rule: 'published/date-line' },
  },
  {
    name: 'a "date" line under a headline',
    text: 'Convoy reaches the coast\ndate 2024-12-07\n\nThe convoy arrived on Friday.',
    expect: { quote: '2024-12-07', date: '2024-12-07', rule: 'published/date-line' },
  },
  {
    name: 'a timestamp line before a sender',
    text: '2024-12-08 02:00:04 - From: desk\nShelling was reported.',
    expect: { quote: '2024-12-08', date: '2024-12-08', rule: 'published/timestamp-line' },
  },
  {
    name: 'a written date with a clock time on its own line',
    text: 'Port closed after strikes\nDec 6, 2024, 11:00 AM\nThe port authority said.',
    expect: { quote: 'Dec 6, 2024', date: '2024-12-06', rule: 'published/date-alone' },
  },
  {
    name: 'a numeric month-first timestamp with a 12-hour clock',
    text: '11/30/2024 5:11:04 AM\nFighters advanced on the city.',
    expect: { quote: '11/30/2024', date: '2024-11-30', rule: 'published/numeric-timestamp' },
  },
  {
    name: 'a numeric day-first date (first number above 12)',
    text: '28/11/2024 18:40\nThe militia withdrew.',
    expect: { quote: '28/11/2024', date: '2024-11-28', rule: 'published/numeric-timestamp' },
  },
  {
    name: 'a written date alone on a line near the top',
    text: 'Ceasefire talks resume\nDecember 10, 2024\n\nNegotiators met in the capital.',
    expect: { quote: 'December 10, 2024', date: '2024-12-10', rule: 'published/date-alone' },
  },
  // Near misses.
  {
    name: 'a dateline without a year and no year nearby',
    text: 'TEHRAN, Dec. 06 (XNA) – The minister said the war began in 2011.',
    expect: null,
  },
  {
    name: 'an event date inside a body sentence',
    text: 'Rebels entered the town on December 5, 2024, a spokesman said.',
    expect: null,
  },
  {
    name: 'an ambiguous numeric date without a clock',
    text: '03/04/2024\nTroops moved north.',
    expect: null,
  },
  {
    name: 'a date line below the first 600 characters',
    text: `${'The fighting went on. '.repeat(30)}\nDecember 10, 2024\n`,
    expect: null,
  },
  {
    name: 'an impossible calendar day',
    text: 'Damascus, November 31, 2024 – Text.',
    expect: null,
  },
]

describe('discoverPublished()', () => {
  for (const row of rows) {
    it(`${row.expect === null ? 'ignores' : 'reads'} ${row.name}`, () => {
      const found = discoverPublished(row.text)
      if (row.expect === null) {
        expect(found).toBeNull()
        return
      }
      const at = row.text.indexOf(row.expect.quote)
      expect(found).toEqual({
        date: row.expect.date,
        start: at,
        end: at + row.expect.quote.length,
        rule: row.expect.rule,
      })
    })
  }

  it('takes the year for a yearless dateline from a full date in the head', () => {
    const text = 'BEIRUT, Nov. 29 (XNA) – Clashes spread.\nPosted 11/29/2024 7:02 PM'
    // The numeric timestamp wins by rule order only if earlier; here the dateline comes first.
    const found = discoverPublished(text)
    expect(found).toEqual({
      date: '2024-11-29',
      start: 8,
      end: 15,
      rule: 'published/dateline-no-year',
    })
  })
})
