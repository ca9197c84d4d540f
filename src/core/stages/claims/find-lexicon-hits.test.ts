import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../../datasets/load-lexicon.js'
import { splitWords } from '../../text/words.js'
import { findLexiconHits, type Hit } from './find-lexicon-hits.js'

const lexicon = loadLexicon()

/** Each hit as its quoted words and character offset, with what it found. */
function read(sentence: string) {
  const words = splitWords(sentence)
  const hits = findLexiconHits(lexicon.claims, words)
  const quote = <T>(hit: Hit<T>, what: string) => ({
    text: sentence.slice(words[hit.start]!.start, words[hit.end - 1]!.end),
    at: words[hit.start]!.start,
    what,
  })
  return {
    triggers: hits.triggers.map((hit) => quote(hit, hit.item.type)),
    cues: hits.cues.map((hit) => quote(hit, hit.item.kind)),
    framing: hits.framing.map((hit) => quote(hit, hit.item.term)),
  }
}

describe('findLexiconHits(): triggers', () => {
  it.each([
    // The longest pattern at a word wins; the shorter "took" inside it is no second trigger.
    ['Rebels took full control of Hama on Monday.', [['took full control', 7, 'control']]],
    [
      'The militia seized the airport and the regime forces fled.',
      [
        ['seized', 12, 'control'],
        ['fled', 53, 'withdrawal'],
      ],
    ],
    // A pattern that may start with any word ("_ kilometers from") starts one word before its anchor.
    ['The convoy stopped 20 kilometers from Homs.', [['20 kilometers from', 19, 'advance']]],
  ])('%s', (sentence, expected) => {
    expect(read(sentence).triggers).toEqual(
      expected.map(([text, at, what]) => ({ text, at, what })),
    )
  })

  it.each([
    // Near misses of the any-start pattern: no word before the anchor, or no "from"/"of" after it.
    ['Kilometers from Homs, fighting went on.', [['fighting', 22, 'clash']]],
    ['The road runs for 20 kilometers.', []],
  ])('%s', (sentence, expected) => {
    expect(read(sentence).triggers).toEqual(
      expected.map(([text, at, what]) => ({ text, at, what })),
    )
  })
})

describe('findLexiconHits(): cues and framing in the same pass', () => {
  it('finds speaker, speech and hedge cues and the loaded words, with their offsets', () => {
    const found = read('Officials said the terrorists had withdrawn from the town, reportedly.')
    expect(found.triggers).toEqual([{ text: 'withdrawn', at: 34, what: 'withdrawal' }])
    expect(found.cues).toEqual([
      { text: 'Officials', at: 0, what: 'speaker' },
      { text: 'said', at: 10, what: 'say' },
      { text: 'reportedly', at: 59, what: 'hedge' },
    ])
    expect(found.framing).toEqual([
      { text: 'terrorists', at: 19, what: 'terrorists' },
      { text: 'withdrawn', at: 34, what: 'withdrawal' },
    ])
  })

  it('finds nothing in a sentence without lexicon words', () => {
    expect(read('The weather was mild and the market opened late.')).toEqual({
      triggers: [],
      cues: [],
      framing: [],
    })
  })
})
