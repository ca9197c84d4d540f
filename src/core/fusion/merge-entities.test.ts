import { describe, expect, it } from 'vitest'
import type { Entity } from '../model/analysis.js'
import { makeSpan } from '../model/span.js'
import { mergeEntities } from './merge-entities.js'

const TEXT_A = 'Troops left Valmora.'
const TEXT_B = 'Rebels entered Walmora.'
const valmora = (
  aliases: string[],
  mentions: Entity['mentions'],
  outlets: Record<string, string[]>,
): Entity => ({
  id: 'gn:9001',
  kind: 'place',
  name: 'Valmora',
  aliases,
  mentions,
  aliasOutlets: outlets,
})

describe('mergeEntities()', () => {
  it('joins one entity of two stories: aliases, mentions and alias outlets united, first name kept', () => {
    const a = valmora(['Valmora'], [makeSpan('a', TEXT_A, 12, 19)], { Valmora: ['Outlet A'] })
    const b = valmora(['Walmora', 'Valmora'], [makeSpan('b', TEXT_B, 15, 22)], {
      Walmora: ['Outlet B'],
      Valmora: ['Outlet C'],
    })
    const army: Entity = {
      id: 'side:government',
      kind: 'actor',
      name: 'army',
      aliases: [],
      mentions: [],
    }
    const merged = mergeEntities([[a], [army, b]])
    expect(merged.map((entity) => entity.id)).toEqual(['gn:9001', 'side:government'])
    expect(merged[0]).toEqual({
      ...a,
      aliases: ['Valmora', 'Walmora'],
      mentions: [a.mentions[0], b.mentions[0]],
      aliasOutlets: { Valmora: ['Outlet A', 'Outlet C'], Walmora: ['Outlet B'] },
    })
  })

  it('leaves entities of one story as they are (near miss: nothing to join)', () => {
    const a = valmora(['Valmora'], [], { Valmora: ['Outlet A'] })
    expect(mergeEntities([[a]])).toEqual([a])
  })
})
