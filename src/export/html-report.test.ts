import { createHash } from 'node:crypto'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { fixtureAnalysis, HOSTILE_BODY, HOSTILE_TITLE } from '../../test/e2e/web/fixture.js'
import { embedJson, renderHtmlReport } from './html-report.js'

describe('embedJson()', () => {
  const cases = [
    '</script><script>alert(1)</script>',
    '<!-- <script>',
    'a < b',
    'no markup at all',
    '<\u2028>',
  ]
  for (const text of cases) {
    it(`keeps ${JSON.stringify(text)} inert inside a script element and reads it back`, () => {
      const embedded = embedJson(JSON.stringify({ text }))
      expect(embedded).not.toContain('<')
      expect(JSON.parse(embedded)).toEqual({ text })
    })
  }
})

describe('renderHtmlReport()', () => {
  const analysis = fixtureAnalysis()
  const html = renderHtmlReport(analysis)
  const { document } = parseHTML(html)

  it('holds exactly the data, base map and app scripts, however hostile the article text', () => {
    const scripts = [...document.querySelectorAll('script')]
    expect(
      scripts.map((script) => script.getAttribute('id') ?? script.getAttribute('type') ?? 'app'),
    ).toEqual(['triangulate-data', 'triangulate-basemap', 'triangulate-admin1', 'app'])
    expect(document.querySelectorAll('img')).toHaveLength(0)
  })

  it('carries the analysis unchanged, markup in titles and bodies included', () => {
    const data = JSON.parse(document.getElementById('triangulate-data')!.textContent!)
    expect(data).toEqual(analysis)
    const hostile = data.documents.find((doc: { id: string }) => doc.id === 'hostile')
    expect(hostile.title).toBe(HOSTILE_TITLE)
    expect(hostile.text).toBe(HOSTILE_BODY)
  })

  it('allows only the inline app script and stylesheet by hash, and no network', () => {
    const policy = document
      .querySelector('meta[http-equiv="Content-Security-Policy"]')!
      .getAttribute('content')!
    const app = document.querySelectorAll('script')[3]!.textContent!
    const style = document.querySelector('style')!.textContent!
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    expect(policy).toContain(`script-src ${hash(app)}`)
    expect(policy).toContain(`style-src ${hash(style)}`)
    expect(policy).toContain("connect-src 'none'")
    expect(policy).toContain("default-src 'none'")
  })

  it('embeds the province borders of the countries its places lie in', () => {
    const place = {
      id: 'gn:170654',
      kind: 'place' as const,
      name: 'Damascus',
      aliases: ['Damascus'],
      mentions: [],
      lat: 33.5,
      lon: 36.3,
      country: 'SY',
    }
    const withSyria = {
      ...analysis,
      entities: [...analysis.entities.filter((entity) => entity.kind !== 'place'), place],
    }
    const { document: page } = parseHTML(renderHtmlReport(withSyria))
    const admin1 = JSON.parse(page.getElementById('triangulate-admin1')!.textContent!)
    const countries = new Set(
      admin1.features.map(
        (feature: { properties: { country: string } }) => feature.properties.country,
      ),
    )
    expect(countries).toEqual(new Set(['SY']))
    // Syria's 14 governorates (Natural Earth also draws the UNDOF zone).
    expect(admin1.features.length).toBeGreaterThanOrEqual(14)
  })

  it('embeds the 1:50m borders unless told not to', () => {
    const basemap = JSON.parse(document.getElementById('triangulate-basemap')!.textContent!)
    expect(basemap.type).toBe('Topology')
    expect(Object.keys(basemap.objects)).toContain('countries')
    expect(renderHtmlReport(analysis, { basemap: null })).not.toContain('id="triangulate-basemap"')
  })

  it('escapes a title given by the caller', () => {
    const titled = renderHtmlReport(analysis, { basemap: null, title: 'Karsa <b>&</b> Velen' })
    expect(titled).toContain('<title>Karsa &#60;b&#62;&#38;&#60;/b&#62; Velen</title>')
  })
})
