import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestInputs } from '../../../src/app/ingest.js'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'

// The bundled example corpus, in its three forms: text files, news pages (ads, scripts,
// navigation around the story, some in Windows-1252) and an RSS / Atom feed.
const EXAMPLES = resolve(import.meta.dirname, '../../../examples')
const TEXT_DIR = join(EXAMPLES, 'fall-of-the-south')
const HTML_DIR = join(EXAMPLES, 'fall-of-the-south-html')
const RSS_FEED = join(EXAMPLES, 'fall-of-the-south-feed', 'feed.xml')
const ATOM_FEED = join(EXAMPLES, 'fall-of-the-south-feed', 'atom.xml')

const dir = mkdtempSync(join(tmpdir(), 'triangulate-forms-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Ingests the inputs into a fresh store and reads the picture back from it. */
async function ingestForm(name: string, inputs: string[]): Promise<Analysis> {
  const store = await openSqliteStore(join(dir, `${name}.db`))
  try {
    const report = await ingestInputs(store, inputs, {
      now: () => new Date('2024-12-10T00:00:00Z'),
    })
    expect(report.problems).toEqual([])
    return await store.getAnalysis()
  } finally {
    await store.close()
  }
}

/**
 * Events of one document as comparable lines (offsets left out: the forms differ in their
 * text only by layout outside the story, so the quote, not the offset, is what must agree).
 */
function eventLines(analysis: Analysis, docId: string): string[] {
  return analysis.events
    .filter((event) => event.doc === docId)
    .map((event) =>
      [
        event.type,
        event.place?.name ?? '-',
        event.stance,
        event.source?.name ?? '-',
        event.date ? `${event.date.start}..${event.date.end}` : '-',
        event.evidence.text.replace(/\s+/g, ' '),
      ].join(' | '),
    )
    .sort()
}

describe('ingest of the example corpus as text, HTML pages and feeds', () => {
  const articles = readdirSync(TEXT_DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => basename(name, '.txt'))

  it('gives the same events per article in every form', async () => {
    expect(articles.length).toBeGreaterThanOrEqual(10)
    const text = await ingestForm(
      'text',
      articles.map((name) => join(TEXT_DIR, `${name}.txt`)),
    )
    const html = await ingestForm('html', [HTML_DIR])
    const rss = await ingestForm('rss', [RSS_FEED])
    const atom = await ingestForm('atom', [ATOM_FEED])

    expect(text.documents).toHaveLength(articles.length)
    expect(html.documents).toHaveLength(articles.length)
    expect(rss.documents).toHaveLength(articles.length)
    expect(atom.documents.length).toBeGreaterThan(0)
    expect(text.events.length).toBeGreaterThan(articles.length)

    // Pages and text files share the file stem; feed items are matched to pages by URL.
    const pageIdByUrl = new Map(html.documents.map((doc) => [doc.url, doc.id]))
    let compared = 0
    for (const name of articles) {
      const expected = eventLines(text, name)
      expect(eventLines(html, name), `page ${name}`).toEqual(expected)
      for (const [form, analysis] of [
        ['rss', rss],
        ['atom', atom],
      ] as const) {
        const item = analysis.documents.find((doc) => pageIdByUrl.get(doc.url) === name)
        if (form === 'rss') expect(item, `rss item for ${name}`).toBeDefined()
        if (!item) continue
        expect(eventLines(analysis, item.id), `${form} item for ${name}`).toEqual(expected)
        compared++
      }
    }
    expect(compared).toBe(articles.length + atom.documents.length)

    // The stored picture keeps provenance exact in every form.
    for (const analysis of [text, html, rss, atom]) {
      const texts = new Map(analysis.documents.map((doc) => [doc.id, doc.text]))
      for (const event of analysis.events) {
        expect(texts.get(event.doc)!.slice(event.evidence.start, event.evidence.end)).toBe(
          event.evidence.text,
        )
      }
    }
  }, 120_000)
})
