import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateArticles } from '../../scripts/gen-corpus.js'
import type { Analysis } from '../core/model/analysis.js'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { loadLexicon } from '../datasets/load-lexicon.js'
import { type InputItem, itemsFromBytes } from '../ingest/read-inputs.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import type { Store } from '../store/store.js'
import { analyzeDocuments } from './analyze.js'
import { ingestItems } from './ingest.js'
import { refreshPicture } from './refresh-picture.js'

const dir = mkdtempSync(join(tmpdir(), 'triangulate-refresh-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const NOW = () => new Date('2025-01-01T00:00:00Z')

/**
 * Generated reports of three wars over five weeks, in publication order (as a reader following
 * them adds them): several stories, each a theatre over a period.
 */
const ITEMS: InputItem[] = [...generateArticles({ articles: 90, seed: 11, days: 35 })]
  .map((article) => ({ article, day: /published: (\S+)/.exec(article.text)?.[1] ?? '' }))
  .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  .flatMap(({ article }) => {
    const bytes = new TextEncoder().encode(article.text)
    return itemsFromBytes(bytes, {
      input: `${article.name}.txt`,
      source: `${article.name}.txt`,
      id: article.name,
      revisionKey: null,
      contentType: null,
      pageUrl: null,
    }).items
  })

async function freshStore(name: string): Promise<Store> {
  return openSqliteStore(join(dir, `${name}.db`))
}

/** What must agree between two pictures: stories, claims with their reports and status, disputes. */
function essentials(analysis: Analysis) {
  return {
    stories: (analysis.stories as { id: string; documents: string[] }[]).map((story) => [
      story.id,
      story.documents,
    ]),
    claims: analysis.claims.map((claim) => [
      claim.id,
      claim.type,
      claim.place?.entity ?? null,
      claim.status,
      claim.independentGroups,
      claim.events,
    ]),
    disputes: analysis.disputes.map((dispute) => [dispute.id, dispute.events]),
    documents: analysis.documents.map((doc) => [doc.id, doc.syndicationGroup, doc.duplicateOf]),
    events: analysis.events.map((event) => event.id),
  }
}

describe('refreshPicture() through ingestItems()', () => {
  it('draws in batches the picture one analysis of all documents draws', async () => {
    const store = await freshStore('batches')
    try {
      for (let start = 0; start < ITEMS.length; start += 15)
        await ingestItems(store, ITEMS.slice(start, start + 15), { now: NOW })
      const stored = await store.getAnalysis()
      const whole = analyzeDocuments(
        ITEMS.map((item) => item.document),
        { generatedAt: stored.generatedAt },
      )
      expect((whole.stories ?? []).length).toBeGreaterThan(3)
      expect(essentials(stored)).toEqual(essentials(whole))
    } finally {
      await store.close()
    }
  }, 120_000)

  it('re-fuses only the stories new documents join; the other stories keep their rows', async () => {
    const store = await freshStore('touched')
    try {
      await ingestItems(store, ITEMS.slice(0, 80), { now: NOW })
      const before = await store.getAnalysis()
      const version = (await store.lastUpdate()).version
      const next = ITEMS.slice(80, 82)
      const result = await store.withTransaction(async (tx) => {
        const added = []
        for (const item of next) {
          const put = await tx.putDocument({
            document: item.document,
            contentHash: item.contentHash,
            byteLength: item.byteLength,
            revisionKey: item.revisionKey,
            ingestedAt: NOW().toISOString(),
          })
          added.push({ id: put.id, revisionOf: put.revisionOf })
        }
        return refreshPicture(tx, { generatedAt: NOW().toISOString(), added })
      })
      expect(result.whole).toBe(false)
      expect(result.analysed).toBe(2)
      const stories = before.stories as { id: string; documents: string[] }[]
      expect(result.storiesRefused).toBeLessThanOrEqual(2)
      expect(result.documentsFused).toBeLessThan(80)
      const after = await store.getAnalysis()
      // Stories no new document joined are as they were, row for row.
      const untouched = (after.stories as { id: string; documents: string[] }[]).filter(
        (story) => !story.documents.some((doc) => next.some((item) => item.document.id === doc)),
      )
      expect(untouched.length).toBeGreaterThan(0)
      for (const story of untouched) {
        expect(story).toEqual(stories.find((old) => old.id === story.id))
        const claimsOf = (analysis: Analysis) =>
          analysis.claims.filter((claim) => claim.story === story.id)
        expect(claimsOf(after)).toEqual(claimsOf(before))
      }
      expect((await store.lastUpdate()).version).toBeGreaterThan(version)
    } finally {
      await store.close()
    }
  }, 120_000)

  it('re-fuses the story of a superseded version without it', async () => {
    const store = await freshStore('revision')
    try {
      const first = ITEMS[0] as InputItem
      const keyed = ITEMS.slice(0, 20).map((item) => ({ ...item, revisionKey: item.document.id }))
      await ingestItems(store, keyed, { now: NOW })
      // The same URL, another text: a revision of the first document.
      const revised = {
        ...first,
        document: { ...first.document, text: `${first.document.text}\nUpdated with new details.` },
        contentHash: 'f'.repeat(64),
        revisionKey: first.document.id,
      }
      const report = await ingestItems(store, [revised], { now: NOW })
      expect(report.added.map((doc) => doc.revisionOf)).toEqual([first.document.id])
      const stored = await store.getAnalysis()
      const storyDocs = (stored.stories as { documents: string[] }[]).flatMap(
        (story) => story.documents,
      )
      expect(storyDocs).not.toContain(first.document.id)
      expect(storyDocs).toContain(report.added[0]?.id)
      expect(stored.events.some((event) => event.doc === first.document.id)).toBe(false)
      expect(stored.claims.flatMap((claim) => claim.events)).not.toContain(`${first.document.id}#0`)
    } finally {
      await store.close()
    }
  }, 120_000)

  it('from stored facts (a worker library): draws what one analysis draws, a few documents at a time, and leaves out documents without facts', async () => {
    const store = await freshStore('stored-facts')
    try {
      const items = ITEMS.slice(0, 60)
      for (const item of items)
        await store.putDocument({
          document: item.document,
          contentHash: item.contentHash,
          byteLength: item.byteLength,
          revisionKey: item.revisionKey,
          ingestedAt: NOW().toISOString(),
        })
      // Extraction jobs store each document's facts; the 21st and 22nd are still waiting.
      const extract = (k: number) => {
        const document = (items[k] as InputItem).document
        const { events, entities, diagnostics } = analyzeDocument(document, loadLexicon())
        return { documentId: document.id, events, mentions: [], diagnostics, entities }
      }
      const waiting = new Set([20, 21])
      await store.replaceExtractions(items.flatMap((_, k) => (waiting.has(k) ? [] : [extract(k)])))
      const blocker = (items[20] as InputItem).document.id
      const first = await store.withTransaction(async (tx) =>
        refreshPicture(tx, {
          generatedAt: NOW().toISOString(),
          added: await tx.listUnfusedDocuments({ before: blocker }),
          storedFactsOnly: true,
          groupDocuments: 7,
        }),
      )
      // A library with no stories yet is drawn anew, from the first twenty documents only.
      expect([first.whole, first.analysed, first.documentsAssigned]).toEqual([true, 0, 20])
      expect(first.storiesRefused).toBeGreaterThan(1)
      expect((await store.listUnfusedDocuments()).length).toBe(40 - 2)

      await store.replaceExtractions([extract(20), extract(21)])
      const rest = await store.listUnfusedDocuments()
      expect(rest[0]?.id).toBe(blocker)
      // One entry without facts (its extraction has not committed): left out, not analysed.
      const missing = { id: 'no-facts-yet', revisionOf: null }
      const second = await store.withTransaction(async (tx) =>
        refreshPicture(tx, {
          generatedAt: NOW().toISOString(),
          added: [...rest, missing],
          storedFactsOnly: true,
          groupDocuments: 7,
        }),
      )
      expect([second.whole, second.analysed, second.documentsAssigned]).toEqual([false, 0, 40])
      expect(second.withoutFacts).toBe(1)
      expect(await store.listUnfusedDocuments()).toEqual([])

      const stored = await store.getAnalysis()
      const whole = analyzeDocuments(
        items.map((item) => item.document),
        { generatedAt: stored.generatedAt },
      )
      expect(essentials(stored)).toEqual(essentials(whole))
    } finally {
      await store.close()
    }
  }, 120_000)

  it('re-fuses the story of a document whose facts were replaced after it was fused, and only it', async () => {
    const store = await freshStore('re-extracted')
    try {
      await ingestItems(store, ITEMS.slice(0, 40), { now: NOW })
      const before = await store.getAnalysis()
      const target = (ITEMS[5] as InputItem).document.id
      const story = (before.stories as { id: string; documents: string[] }[]).find((s) =>
        s.documents.includes(target),
      )!
      const extraction = (await store.listExtractions({ documentIds: [target] }))[0]!
      expect(extraction.events.length).toBeGreaterThan(0)
      expect(before.claims.some((claim) => claim.events.some((e) => e.startsWith(target)))).toBe(
        true,
      )
      // An operator re-runs its extraction, which now finds no events.
      await store.replaceExtractions([{ ...extraction, events: [], mentions: [] }])
      expect(await store.listUnfusedDocuments()).toEqual([{ id: target, revisionOf: null }])

      const result = await store.withTransaction(async (tx) =>
        refreshPicture(tx, {
          generatedAt: NOW().toISOString(),
          added: await tx.listUnfusedDocuments(),
          storedFactsOnly: true,
        }),
      )
      expect(result.whole).toBe(false)
      expect(result.documentsAssigned).toBe(1)
      expect(await store.listUnfusedDocuments()).toEqual([])
      const after = await store.getAnalysis()
      // Its events are gone from every claim; stories it is not in keep their claims.
      expect(after.claims.some((claim) => claim.events.some((e) => e.startsWith(target)))).toBe(
        false,
      )
      // Stories it was never in keep their claims and documents, row for row.
      const touched = new Set(
        [before, after].flatMap((analysis) =>
          (analysis.stories as { id: string; documents: string[] }[])
            .filter((s) => s.documents.includes(target))
            .map((s) => s.id),
        ),
      )
      expect(touched.has(story.id)).toBe(true)
      const untouched = (analysis: Analysis) => ({
        claims: analysis.claims.filter((claim) => !touched.has(claim.story ?? '')),
        stories: (analysis.stories as { id: string }[]).filter((s) => !touched.has(s.id)),
      })
      expect(untouched(after).claims.length).toBeGreaterThan(0)
      expect(untouched(after)).toEqual(untouched(before))
    } finally {
      await store.close()
    }
  }, 120_000)
})
