import { describe, expect, it } from 'vitest'
import type { GazetteerEntry } from '../core/lexicon/gazetteer.js'
import type { Lexicon } from '../core/lexicon/lexicon.js'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { createGazetteer, indexEntry } from '../core/stages/places/create-gazetteer.js'
import { loadLexicon } from './load-lexicon.js'

const lexicon = loadLexicon()

/** The real lexicon with a gazetteer of two Springfields of one size, 500 km apart. */
function entry(id: string, name: string, lat: number, lon: number, extra: Partial<GazetteerEntry>) {
  const base: GazetteerEntry = {
    id,
    name,
    lat,
    lon,
    country: 'US',
    kind: 'city',
    featureClass: 'P',
    population: 0,
    ...extra,
  }
  return indexEntry(base, [])
}
const twins: Lexicon = {
  ...lexicon,
  gazetteer: createGazetteer([
    entry('ne:US-IL', 'Illinois', 40, -89.25, { kind: 'admin1', featureClass: 'A' }),
    entry('ne:US-MO', 'Missouri', 38.4, -92.5, { kind: 'admin1', featureClass: 'A' }),
    entry('gn:1', 'Springfield', 39.8, -89.64, { population: 116_000, admin1: 'ne:US-IL' }),
    entry('gn:2', 'Springfield', 37.22, -93.3, { population: 166_000, admin1: 'ne:US-MO' }),
  ]),
}

function diagnosticsOf(text: string, withLexicon = lexicon) {
  return analyzeDocument(
    {
      id: 'test',
      source: 'test',
      outlet: null,
      url: null,
      published: '2025-03-10',
      publishedFrom: 'header',
      title: null,
      text,
      metadata: {},
    },
    withLexicon,
  ).diagnostics
}

describe('analyzeDocument() diagnostics about places', () => {
  it('names both candidates of a place left without a pin, with its span', () => {
    const text = 'Springfield schools will close on Friday.'
    const ambiguous = diagnosticsOf(text, twins).filter((d) => d.rule === 'places/ambiguous')
    expect(ambiguous).toHaveLength(1)
    expect(ambiguous[0]?.message).toMatch(
      /^Place "Springfield" could be Springfield \((Illinois|Missouri), US\) or Springfield \((Illinois|Missouri), US\)/,
    )
    expect(ambiguous[0]?.span?.text).toBe('Springfield')
  })

  it('says "no coordinates" for a place by pattern the gazetteer lacks', () => {
    const text = 'Fighters seized the village of Qqarzawiyya on Friday.'
    expect(diagnosticsOf(text)).toContainEqual(
      expect.objectContaining({
        rule: 'places/unresolved',
        message: 'No coordinates for place "Qqarzawiyya"',
      }),
    )
  })
})
