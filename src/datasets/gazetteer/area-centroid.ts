/** A closed ring of [lon, lat] points, as GeoJSON writes polygon rings. */
export type Ring = readonly (readonly number[])[]

/**
 * The area-weighted centroid ([lon, lat]) of the outer rings of a region's polygons, or null
 * when they have no area. Planar in degrees with longitudes scaled by the cosine of the
 * latitude, which is good to a few km for counties and a few tens of km for provinces. The
 * whole region counts, not its largest part: Hawaii's centroid lies among its islands, where a
 * label point sits on one of them.
 */
export function centroidOf(rings: readonly Ring[]): [number, number] | null {
  let area = 0
  let x = 0
  let y = 0
  let latSum = 0
  let points = 0
  for (const ring of rings)
    for (const point of ring) {
      latSum += point[1] as number
      points++
    }
  if (points === 0) return null
  const scale = Math.cos(((latSum / points) * Math.PI) / 180)
  for (const ring of rings) {
    let ringArea = 0
    let ringX = 0
    let ringY = 0
    for (let index = 0; index < ring.length - 1; index++) {
      const a = ring[index] as readonly number[]
      const b = ring[index + 1] as readonly number[]
      const x0 = (a[0] as number) * scale
      const y0 = a[1] as number
      const x1 = (b[0] as number) * scale
      const y1 = b[1] as number
      const cross = x0 * y1 - x1 * y0
      ringArea += cross
      ringX += (x0 + x1) * cross
      ringY += (y0 + y1) * cross
    }
    // Outer rings of one region may wind either way: weight each by its absolute area.
    if (ringArea === 0) continue
    const sign = Math.sign(ringArea)
    area += ringArea * sign
    x += ringX * sign
    y += ringY * sign
  }
  if (area < 1e-12) return null
  return [x / (3 * area) / scale, y / (3 * area)]
}

/** Even-odd ray casting: true when [x, y] lies inside the ring. */
export function containsPoint(ring: Ring, x: number, y: number): boolean {
  let inside = false
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const xi = (ring[index] as readonly number[])[0] as number
    const yi = (ring[index] as readonly number[])[1] as number
    const xj = (ring[previous] as readonly number[])[0] as number
    const yj = (ring[previous] as readonly number[])[1] as number
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
