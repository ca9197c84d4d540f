import { describe, expect, it } from 'vitest'
import { toSearchWords } from './search-words.js'

describe('toSearchWords()', () => {
  it.each([
    ['checkpoint', ['checkpoint']],
    ['crossing checkpoint', ['crossing', 'checkpoint']],
    ['"checkpoint"', ['checkpoint']],
    ['al-Assad', ['al Assad']],
    ["army's", ['army s']],
    ['-checkpoint', ['checkpoint']],
    ['col:army', ['col army']],
    ['NEAR(x y)', ['NEAR x', 'y']],
    ['𝔄-crossing', ['A crossing']],
    ['AND (', ['AND']],
  ])('%j → %j', (query, words) => {
    expect(toSearchWords(query)).toEqual(words)
  })

  it.each(['', '  ', '"', '!!! ---', '( ) :'].map((query) => [query]))(
    'gives no words for %j (search then answers nothing)',
    (query) => {
      expect(toSearchWords(query)).toEqual([])
    },
  )
})
