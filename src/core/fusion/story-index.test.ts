import { describe, expect, it } from 'vitest'
import { StoryIndex } from './story-index.js'

const CAPTURE =
  'Rebels captured Valmora after a week of fighting, the council said, and the army withdrew west.'

describe('StoryIndex.add()', () => {
  it('joins a report sharing places, actors and words within the window', () => {
    const index = new StoryIndex()
    index.add({ id: 'a', day: 100, entities: ['gn:9001', 'side:opposition'], text: CAPTURE })
    expect(
      index.add({
        id: 'b',
        day: 101,
        entities: ['gn:9001', 'side:opposition'],
        text: 'Valmora fell to rebels; the army withdrew after fighting.',
      }),
    ).toEqual(['a'])
  })

  const misses: [string, number, string[], string][] = [
    ['a report of the same place weeks later', 130, ['gn:9001', 'side:opposition'], CAPTURE],
    [
      'a report sharing no entity',
      101,
      ['gn:9003'],
      'Fishermen protested new quotas in the harbour.',
    ],
  ]
  for (const [name, day, entities, text] of misses) {
    it(`keeps ${name} apart (near miss)`, () => {
      const index = new StoryIndex()
      index.add({ id: 'a', day: 100, entities: ['gn:9001', 'side:opposition'], text: CAPTURE })
      expect(index.add({ id: 'b', day, entities, text })).toEqual([])
    })
  }
})
