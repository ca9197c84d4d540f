import { describe, expect, it } from 'vitest'
import { clusterPoints } from './grid-cluster.js'

describe('clusterPoints()', () => {
  it('merges points in one cell and averages their position', () => {
    const clusters = clusterPoints(
      [
        { x: 10, y: 10, item: 'a' },
        { x: 30, y: 50, item: 'b' },
        { x: 130, y: 10, item: 'c' },
      ],
      60,
    )
    expect(clusters).toEqual([
      { x: 20, y: 30, items: ['a', 'b'] },
      { x: 130, y: 10, items: ['c'] },
    ])
  })

  it('keeps points on either side of a cell boundary apart even when close', () => {
    const clusters = clusterPoints(
      [
        { x: 59, y: 0, item: 'left' },
        { x: 61, y: 0, item: 'right' },
      ],
      60,
    )
    expect(clusters.map((cluster) => cluster.items)).toEqual([['left'], ['right']])
  })

  it('puts points at the same spot together whatever the cell size', () => {
    const points = [1, 2, 3].map((n) => ({ x: 500.5, y: -20, item: n }))
    expect(clusterPoints(points, 1)).toEqual([{ x: 500.5, y: -20, items: [1, 2, 3] }])
  })
})
