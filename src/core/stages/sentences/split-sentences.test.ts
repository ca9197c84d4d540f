import { describe, expect, it } from 'vitest'
import { splitSentences } from './split-sentences.js'

const quotes = (text: string): string[] =>
  splitSentences(text).map(({ start, end }) => text.slice(start, end))

describe('splitSentences()', () => {
  it('splits ordinary prose and keeps abbreviations inside sentences', () => {
    expect(
      quotes('Rebels entered Izraa on Dec. 6 at 5 p.m. local time. The U.S. embassy said nothing.'),
    ).toEqual([
      'Rebels entered Izraa on Dec. 6 at 5 p.m. local time.',
      'The U.S. embassy said nothing.',
    ])
  })

  it('ends a headline line without punctuation at its line break', () => {
    expect(
      quotes('Army pulls back from the south\nBEIRUT – Troops left two towns overnight.'),
    ).toEqual(['Army pulls back from the south', 'BEIRUT – Troops left two towns overnight.'])
  })

  it('does not split a hard-wrapped line that continues in lower case or after a function word', () => {
    const text =
      'Government troops withdrew from the northern\ntown of Khan Sheikhoun late on Friday, the\nmonitor said in a short statement to reporters.\nFighters then moved on towards the next village in the\nHama countryside, residents told the agency.'
    expect(quotes(text)).toHaveLength(2)
  })

  it('is lossless: only whitespace lies between sentences', () => {
    const text = '  First one.  Second one!\n\nThird, with “a quote.” Fourth?'
    const sentences = splitSentences(text)
    let cursor = 0
    for (const { start, end } of sentences) {
      expect(text.slice(cursor, start).trim()).toBe('')
      cursor = end
    }
    expect(text.slice(cursor).trim()).toBe('')
  })

  it('handles text without punctuation and very long input without blowing up', () => {
    const long = 'word '.repeat(60_000)
    const sentences = splitSentences(long)
    expect(sentences.length).toBeGreaterThan(0)
    expect(sentences[sentences.length - 1]!.end).toBeLessThanOrEqual(long.length)
  })
})
