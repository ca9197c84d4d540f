import { describe, expect, it } from 'vitest'
import {
  addDays,
  isoWeekOf,
  nextWeekday,
  previousWeekday,
  shiftMonth,
  startOfWeek,
  toDayNumber,
  weekdayOf,
} from './calendar.js'

describe('calendar', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-11-30', 1)).toBe('2024-12-01')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
  })

  it('names weekdays as chrono does (0 = Sunday)', () => {
    expect(weekdayOf('2024-12-07')).toBe(6)
    expect(weekdayOf('2024-12-08')).toBe(0)
    expect(weekdayOf('1970-01-01')).toBe(4)
  })

  it('counts back to a weekday on or before a day, or strictly before it', () => {
    expect(previousWeekday('2024-12-07', 5)).toBe('2024-12-06')
    expect(previousWeekday('2024-12-07', 6)).toBe('2024-12-07')
    expect(previousWeekday('2024-12-07', 6, true)).toBe('2024-11-30')
    expect(previousWeekday('2025-01-01', 2)).toBe('2024-12-31')
    expect(nextWeekday('2024-12-07', 1)).toBe('2024-12-09')
    expect(nextWeekday('2024-12-30', 3)).toBe('2025-01-01')
  })

  it('starts weeks on Monday and labels ISO weeks across a year end', () => {
    expect(startOfWeek('2024-12-08')).toBe('2024-12-02')
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01')
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53')
    expect(isoWeekOf('2008-06-04')).toBe('2008-W23')
  })

  it('shifts months across year ends', () => {
    expect(shiftMonth(2025, 1, -1)).toEqual({ year: 2024, month: 12 })
    expect(shiftMonth(2024, 12, 1)).toEqual({ year: 2025, month: 1 })
  })

  it('rejects a malformed day with a message naming it', () => {
    expect(() => toDayNumber('7 Dec 2024')).toThrow(/"7 Dec 2024" is not a YYYY-MM-DD date/)
  })
})
