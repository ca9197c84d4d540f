/**
 * A small grid clusterer for map markers: points are bucketed by screen cell at the current
 * zoom, each bucket drawn as one marker with a count. Enough for a few thousand events, and
 * it avoids a plugin dependency for what is a dozen lines.
 */

export interface ScreenPoint<T> {
  readonly x: number
  readonly y: number
  readonly item: T
}

export interface PointCluster<T> {
  /** Mean position of the members, in the same screen units. */
  readonly x: number
  readonly y: number
  readonly items: readonly T[]
}

/** Groups points falling in the same `cellSize` × `cellSize` square; output order is stable. */
export function clusterPoints<T>(
  points: readonly ScreenPoint<T>[],
  cellSize: number,
): PointCluster<T>[] {
  const cells = new Map<string, ScreenPoint<T>[]>()
  for (const point of points) {
    const key = `${Math.floor(point.x / cellSize)}:${Math.floor(point.y / cellSize)}`
    const cell = cells.get(key)
    if (cell) cell.push(point)
    else cells.set(key, [point])
  }
  return [...cells.values()].map((members) => ({
    x: members.reduce((sum, point) => sum + point.x, 0) / members.length,
    y: members.reduce((sum, point) => sum + point.y, 0) / members.length,
    items: members.map((point) => point.item),
  }))
}
