import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { schemaErrors, spanErrors } from '../../test/schema/validate-analysis.js'
import { renderJson } from './json.js'

describe('renderJson()', () => {
  it('renderJson() writes the contract top level in contract order, extensions after', () => {
    const parsed = JSON.parse(renderJson(SAMPLE_ANALYSIS)) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual([
      'schema',
      'generatedAt',
      'documents',
      'entities',
      'events',
      'claims',
      'disputes',
      'control',
      'timeline',
      'diagnostics',
      'framing',
      'stories',
    ])
  })

  it('renderJson() output of the sample passes the contract schema and span invariants', () => {
    const parsed = JSON.parse(renderJson(SAMPLE_ANALYSIS))
    expect(schemaErrors(parsed)).toEqual([])
    expect(spanErrors(parsed)).toEqual([])
  })

  it('renderJson() round-trips to the same analysis', () => {
    expect(JSON.parse(renderJson(SAMPLE_ANALYSIS))).toEqual(
      JSON.parse(JSON.stringify(SAMPLE_ANALYSIS)),
    )
  })

  it('renderJson() gives the same bytes whatever order the objects were built in', () => {
    const reordered = JSON.parse(JSON.stringify(SAMPLE_ANALYSIS), (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ) as typeof SAMPLE_ANALYSIS
    expect(Object.keys(reordered.events[0]!)[0]).not.toBe(
      Object.keys(SAMPLE_ANALYSIS.events[0]!)[0],
    )
    expect(renderJson(reordered)).toBe(renderJson(SAMPLE_ANALYSIS))
  })

  it('renderJson() replaces generatedAt when asked, so two runs can be diffed', () => {
    const later = { ...SAMPLE_ANALYSIS, generatedAt: '2030-01-01T00:00:00.000Z' }
    expect(renderJson(later)).not.toBe(renderJson(SAMPLE_ANALYSIS))
    const fixed = '1970-01-01T00:00:00.000Z'
    expect(renderJson(later, { generatedAt: fixed })).toBe(
      renderJson(SAMPLE_ANALYSIS, { generatedAt: fixed }),
    )
  })

  it('renderJson() keeps article markup as JSON string data', () => {
    const text = renderJson(SAMPLE_ANALYSIS)
    const parsed = JSON.parse(text) as typeof SAMPLE_ANALYSIS
    expect(parsed.documents[1]!.title).toBe(
      '<script>alert("title")</script> Ministry denies fall of Valmora',
    )
    expect(text).toContain('"<script>alert(\\"title\\")</script> Ministry denies fall of Valmora"')
  })
})
