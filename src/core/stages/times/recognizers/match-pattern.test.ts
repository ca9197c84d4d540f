import { describe, expect, it } from 'vitest'
import { findTimes } from '../find-times.js'
import { hasWords } from './match-pattern.js'

describe('hasWords()', () => {
  it.each([
    ['fighting eased over the weekend', [['weekend']], true],
    ['clashes earlier this week', [['earlier', 'later'], ['this'], ['week', 'month']], true],
    // Near misses: one list without a word in the text.
    ['clashes earlier that week', [['earlier', 'later'], ['this'], ['week', 'month']], false],
    ['no time words here', [['overnight']], false],
    ['anything', [], true],
  ] as const)('%j with %j → %j', (lower, needs, expected) => {
    expect(hasWords(lower, needs)).toBe(expected)
  })
})

describe('recognizers skipped for want of their words', () => {
  // The check runs on the lower-cased text, so capitals still reach the patterns.
  it.each([
    ['Shelling went on OVERNIGHT.', 'OVERNIGHT', 'times/overnight'],
    ['Talks collapsed LAST WEEK.', 'LAST WEEK', 'times/calendar-unit'],
    ['Output fell in The Fourth Quarter.', 'The Fourth Quarter', 'times/quarter'],
    ['Growth slowed in Q3 2009.', 'Q3 2009', 'times/quarter'],
    ['The town was rebuilt in THE 1990S.', 'THE 1990S', 'times/decade'],
    ['Rebels returned Two Days Later.', 'Two Days Later', 'times/days-around'],
    ['The offensive began LAST SUMMER.', 'LAST SUMMER', 'times/season'],
  ])('%j still finds %j (%s)', (text, quote, rule) => {
    const found = findTimes(text, '2024-12-07').find((time) => time.text === quote)
    expect(found?.rule).toBe(rule)
    expect(text.slice(found!.start, found!.end)).toBe(quote)
  })

  it.each([
    // Near misses: the words are there, the expression is not.
    'The summit of the quarter-finals was held.',
    'Both men were in their 40s.',
    'The night shift left; the week was quiet.',
  ])('%j gives no range, quarter or decade', (text) => {
    const rules = findTimes(text, '2024-12-07').map((time) => time.rule)
    expect(rules.filter((rule) => /quarter|decade|calendar-unit|overnight/.test(rule))).toEqual([])
  })
})
