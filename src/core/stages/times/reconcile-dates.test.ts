import { describe, expect, it } from 'vitest'
import { reconcileDates } from './reconcile-dates.js'

const day = (d: string) => ({ start: d, end: d, precision: 'day' })
const part = (d: string) => ({ start: d, end: d, precision: 'part-of-day' })

describe('reconcileDates()', () => {
  it('keeps a single report as it is', () => {
    expect(reconcileDates([day('2024-12-06')])).toEqual({
      start: '2024-12-06',
      end: '2024-12-06',
      precision: 'day',
      conflict: false,
    })
  })

  it('covers "late on Friday" and "early on Saturday" without a conflict (one night apart)', () => {
    expect(reconcileDates([part('2024-12-06'), part('2024-12-07')])).toEqual({
      start: '2024-12-06',
      end: '2024-12-07',
      precision: 'days',
      conflict: false,
    })
  })

  it('marks "27 November" against "29 November" as a conflict', () => {
    expect(reconcileDates([day('2024-11-27'), day('2024-11-29')])).toMatchObject({
      start: '2024-11-27',
      end: '2024-11-29',
      conflict: true,
    })
  })

  it('marks a conflict across a year end, whatever the order of the reports', () => {
    expect(reconcileDates([day('2025-01-02'), day('2024-12-30')])).toMatchObject({
      start: '2024-12-30',
      end: '2025-01-02',
      conflict: true,
    })
  })

  it('sees no conflict across a month end when the days touch', () => {
    expect(reconcileDates([day('2024-11-30'), day('2024-12-01')]).conflict).toBe(false)
  })

  it('sees no conflict when a day lies inside a range ("last week" and "Tuesday")', () => {
    const lastWeek = { start: '2024-11-25', end: '2024-12-01', precision: 'week' }
    expect(reconcileDates([lastWeek, day('2024-11-26')])).toEqual({
      start: '2024-11-25',
      end: '2024-12-01',
      precision: 'days',
      conflict: false,
    })
  })

  it('reads an open "since" interval as open and compatible with a later day', () => {
    const since = { start: '2024-11-29', end: '2024-12-07', precision: 'open' }
    expect(reconcileDates([since, day('2024-12-01')])).toMatchObject({
      precision: 'open',
      conflict: false,
    })
  })

  it('refuses an empty list, naming the operation', () => {
    expect(() => reconcileDates([])).toThrow(/reconcileDates: needs at least one/)
  })
})
