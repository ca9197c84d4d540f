import { describe, expect, it } from 'vitest'
import { wordsOf } from './fold-text.js'
import { type StoryFeatures, StoryIndex, type StoryPlace, topWords } from './story-index.js'

// Two fictional theatres: Norland (towns in two provinces) and Sardia.
const VALMORA: StoryPlace = { id: 'gn:9001', region: 'adm:NL-E', country: 'country:NL' }
const KESSEL: StoryPlace = { id: 'gn:9002', region: 'adm:NL-E', country: 'country:NL' }
const DUNMORE: StoryPlace = { id: 'gn:9003', region: 'adm:NL-W', country: 'country:NL' }
const PORTIS: StoryPlace = { id: 'gn:9101', region: 'adm:SD-N', country: 'country:SD' }

function doc(
  id: string,
  day: number | null,
  places: readonly StoryPlace[],
  text: string,
  sides: readonly string[] = ['government', 'opposition'],
  actors: readonly string[] = [],
): StoryFeatures {
  return { id, day, places, actors, sides, words: topWords(wordsOf(text)) }
}

const CAPTURE = doc(
  'a',
  100,
  [VALMORA, VALMORA, KESSEL],
  'Rebels captured Valmora after a week of fighting, the council said, and the army withdrew to Kessel.',
)

describe('StoryIndex.add()', () => {
  const cases: { name: string; next: StoryFeatures; joins: boolean }[] = [
    {
      name: 'a report of the same town and words the next day',
      next: doc('b', 101, [VALMORA], 'Valmora fell to rebels; the army withdrew after fighting.'),
      joins: true,
    },
    {
      name: 'a report of another town of the same theatre three days later',
      next: doc('b', 103, [DUNMORE], 'Shelling hit Dunmore overnight, residents said.'),
      joins: true,
    },
    {
      name: 'an undated report of the same town',
      next: doc('b', null, [VALMORA], 'Rebels hold Valmora.'),
      joins: true,
    },
    {
      name: 'a report of the same town weeks later (near miss: another period)',
      next: doc('b', 130, [VALMORA], 'Rebels captured Valmora after a week of fighting.'),
      joins: false,
    },
    {
      name: 'a report of another war the same day, with the same sides and words (near miss)',
      next: doc(
        'b',
        100,
        [PORTIS, PORTIS],
        'Rebels captured Portis after a week of fighting, the council said, and the army withdrew.',
      ),
      joins: false,
    },
  ]
  for (const { name, next, joins } of cases) {
    it(`${joins ? 'joins' : 'keeps apart'} ${name}`, () => {
      const index = new StoryIndex()
      expect(index.add(CAPTURE)).toEqual({ story: 'story:a', ordinal: 0, created: true })
      const assignment = index.add(next)
      expect(assignment.story).toBe(joins ? 'story:a' : 'story:b')
      expect(assignment.created).toBe(!joins)
    })
  }

  it('never lets one war chain into another through shared generic sides', () => {
    const index = new StoryIndex()
    const sides = ['government', 'government', 'opposition']
    const stories = new Set<string>()
    for (let k = 0; k < 40; k++) {
      const place = k % 2 === 0 ? VALMORA : PORTIS
      const text = 'Government forces and rebels clashed near the city, the ministry said.'
      stories.add(index.add(doc(`d${k}`, 100 + (k % 3), [place], text, sides)).story)
    }
    expect([...stories]).toEqual(['story:d0', 'story:d1'])
  })

  it('starts a new story when joining would stretch one past 14 days', () => {
    const index = new StoryIndex()
    const text = 'Fighting continued around Valmora.'
    const days = [100, 103, 106, 109, 112, 114, 115]
    const stories = days.map((day, k) => index.add(doc(`d${k}`, day, [VALMORA], text)).story)
    expect(stories).toEqual([...Array(6).fill('story:d0'), 'story:d6'])
  })

  it('restore() rebuilds the state add() left, so later documents go where they would have', () => {
    const texts = [
      doc('a', 100, [VALMORA], 'Rebels took Valmora.'),
      doc('b', 100, [PORTIS], 'Troops left Portis.'),
      doc('c', 101, [KESSEL], 'Kessel was shelled.'),
    ]
    const live = new StoryIndex()
    const assigned = texts.map((features) => live.add(features).story)
    const restored = new StoryIndex()
    texts.forEach((features, k) => restored.restore(features, assigned[k] as string))
    const next = doc('d', 102, [PORTIS], 'Portis quiet after the withdrawal.')
    expect(restored.add(next)).toEqual(live.add(next))
    expect(restored.size).toBe(2)
  })
})
