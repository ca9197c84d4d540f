import { describe, expect, it } from 'vitest'
import { orderedJobId } from './send-jobs.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

describe('orderedJobId()', () => {
  it('makes UUIDs that sort in the order they were made, within one millisecond and across', () => {
    const at = Date.parse('2026-11-23T12:00:00Z')
    const ids = [
      orderedJobId(at),
      orderedJobId(at),
      orderedJobId(at),
      orderedJobId(at + 1),
      orderedJobId(at + 1000),
    ]
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(ids.length)
    // PostgreSQL compares uuid values byte by byte: the order of their hex spelling.
    expect([...ids].sort()).toEqual(ids)
  })

  it('sorts an earlier millisecond first even when made later', () => {
    const at = Date.parse('2026-11-23T12:00:00Z')
    const later = orderedJobId(at + 5)
    const earlier = orderedJobId(at)
    expect([later, earlier].sort()).toEqual([earlier, later])
  })
})
