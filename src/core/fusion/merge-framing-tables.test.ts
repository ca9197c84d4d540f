import { describe, expect, it } from 'vitest'
import type { FramingTable } from './fusion-types.js'
import { mergeFramingTables } from './merge-framing-tables.js'

describe('mergeFramingTables()', () => {
  it("sums each outlet's terms per row over stories, most used first, rows in order", () => {
    const first: FramingTable = {
      outlets: ['State Agency'],
      rows: [
        {
          kind: 'actor',
          key: 'opposition',
          outlets: { 'State Agency': [{ term: 'terrorists', count: 2 }] },
        },
      ],
    }
    const second: FramingTable = {
      outlets: ['Daily', 'State Agency'],
      rows: [
        {
          kind: 'action',
          key: 'withdrawal',
          outlets: { 'State Agency': [{ term: 'redeployed', count: 1 }] },
        },
        {
          kind: 'actor',
          key: 'opposition',
          outlets: {
            'State Agency': [
              { term: 'militants', count: 3 },
              { term: 'terrorists', count: 2 },
            ],
            Daily: [{ term: 'rebels', count: 1 }],
          },
        },
      ],
    }
    expect(mergeFramingTables([first, second])).toEqual({
      outlets: ['Daily', 'State Agency'],
      rows: [
        {
          kind: 'action',
          key: 'withdrawal',
          outlets: { 'State Agency': [{ term: 'redeployed', count: 1 }] },
        },
        {
          kind: 'actor',
          key: 'opposition',
          outlets: {
            'State Agency': [
              { term: 'terrorists', count: 4 },
              { term: 'militants', count: 3 },
            ],
            Daily: [{ term: 'rebels', count: 1 }],
          },
        },
      ],
    })
  })
})
