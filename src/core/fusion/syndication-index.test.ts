import { describe, expect, it } from 'vitest'
import { compareShingles, shinglesOf, SyndicationIndex } from './syndication-index.js'

const STORY =
  'Rebel fighters entered the river town of Ostrava late on Sunday after the garrison withdrew ' +
  'towards the capital, according to residents reached by telephone, who described columns of ' +
  'trucks leaving along the coastal road and sporadic gunfire near the old market before dawn.'

describe('SyndicationIndex.add()', () => {
  const cases: { name: string; text: string; duplicateOf: string | null; matches: string[] }[] = [
    { name: 'an exact copy', text: STORY, duplicateOf: 'original', matches: ['original'] },
    {
      name: 'a copy with a changed dateline and two edited words',
      text: `OSTRAVA (Wire) – ${STORY.replace('late on Sunday', 'late Sunday').replace('towards', 'toward')}`,
      duplicateOf: null,
      matches: ['original'],
    },
    {
      name: 'a copy cut after its first sentence half',
      text: STORY.slice(0, 190),
      duplicateOf: null,
      matches: ['original'],
    },
    {
      name: 'a different report of the same event (near miss)',
      text:
        'Government troops pulled out of Ostrava on Sunday night and opposition units moved in, ' +
        'a spokesman for the rebels said, adding that the town had been taken without a fight.',
      duplicateOf: null,
      matches: [],
    },
  ]
  for (const { name, text, duplicateOf, matches } of cases) {
    it(`finds ${name}`, () => {
      const index = new SyndicationIndex()
      index.add('original', STORY)
      expect(index.add('candidate', text)).toEqual({ duplicateOf, matches })
    })
  }

  it('never calls two short texts syndicated unless they are the same words (near miss)', () => {
    const index = new SyndicationIndex()
    index.add('a', 'Shelling reported in Ostrava on Sunday.')
    expect(index.add('b', 'Shelling reported in Ostrava on Monday.').matches).toEqual([])
    expect(index.add('c', 'Shelling reported in Ostrava on Sunday.').duplicateOf).toBe('a')
  })
})

describe('compareShingles()', () => {
  it('measures resemblance and containment of shingle sets', () => {
    const whole = shinglesOf(STORY)
    // Cut at a word boundary: its shingles are all shingles of the whole.
    const half = shinglesOf(STORY.split(' ').slice(0, 22).join(' '))
    const { jaccard, containment } = compareShingles(half, whole)
    expect(containment).toBe(1)
    expect(jaccard).toBeGreaterThan(0.3)
    expect(jaccard).toBeLessThan(0.6)
  })
})
