import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ANALYSIS_SCHEMA, type Analysis, type AnalysisEvent } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { makeSpan } from '../core/model/span.js'
import { splitAnalysis } from './picture.js'
import {
  type NewDocument,
  SNIPPET_CLOSE,
  SNIPPET_OPEN,
  type Store,
  type StoryPicture,
} from './store.js'

/**
 * The executable specification of `Store`: every backend runs this suite (Hono's
 * `common.case.test.ts`, Kysely's DIALECTS loop). `makeStore` must return a new, empty store
 * each time; the suite closes it.
 *
 * @example
 * runStoreContract('sqlite', async () => openSqliteStore(join(tmp, `${randomUUID()}.db`)))
 */
export function runStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store
    beforeEach(async () => {
      store = await makeStore()
    })
    afterEach(async () => {
      await store.close()
    })

    it('starts empty, at version 0', async () => {
      expect(await store.counts()).toEqual({
        documents: 0,
        revisions: 0,
        events: 0,
        entities: 0,
        claims: 0,
        disputes: 0,
        stories: 0,
        diagnostics: 0,
        history: 0,
      })
      expect(await store.lastUpdate()).toEqual({ version: 0, at: null })
      const analysis = await store.getAnalysis()
      expect(analysis.schema).toBe(ANALYSIS_SCHEMA)
      expect(analysis.documents).toEqual([])
      expect(analysis.claims).toEqual([])
    })

    it('putDocument() stores a document and gives it back field for field', async () => {
      const input = newDocument(ALPHA)
      const put = await store.putDocument(input)
      expect(put).toEqual({ status: 'inserted', id: 'alpha', revisionOf: null })
      const stored = await store.getDocument('alpha')
      expect(stored).toEqual({
        document: { ...ALPHA, author: null, language: null },
        contentHash: input.contentHash,
        byteLength: input.byteLength,
        revisionKey: 'https://example.org/alpha',
        revisionOf: null,
        supersededBy: null,
        ingestedAt: '2024-12-08T09:00:00.000Z',
      })
      expect(await store.getDocumentByHash(input.contentHash)).toEqual(stored)
      expect(await store.getDocument('missing')).toBeNull()
      expect(await store.getDocumentByHash(hash('missing'))).toBeNull()
    })

    it('putDocument() is idempotent by content hash, whatever the id', async () => {
      const first = await store.putDocument(newDocument(ALPHA))
      const again = await store.putDocument(
        newDocument({ ...ALPHA, id: 'alpha-copy', source: 'elsewhere/alpha.txt' }),
      )
      expect(again).toEqual({ status: 'unchanged', id: first.id, revisionOf: null })
      // Nothing was written, so pollers see no change.
      const version = await store.lastUpdate()
      await store.putDocument(newDocument(ALPHA))
      expect(await store.lastUpdate()).toEqual(version)
      expect((await store.counts()).documents).toBe(1)
      expect((await store.listDocuments()).map((stored) => stored.document.id)).toEqual(['alpha'])
    })

    it('putDocument() gives a free id to other content under a taken id', async () => {
      await store.putDocument(newDocument(ALPHA, { revisionKey: null }))
      const other = { ...ALPHA, text: 'Other words entirely.' }
      const put = await store.putDocument(newDocument(other, { revisionKey: null }))
      expect(put).toEqual({ status: 'inserted', id: 'alpha-2', revisionOf: null })
      expect((await store.getDocument('alpha-2'))?.document.text).toBe('Other words entirely.')
      expect((await store.listDocuments()).map((stored) => stored.document.id)).toEqual([
        'alpha',
        'alpha-2',
      ])
    })

    it('putDocument() links a changed version of the same URL as a revision and supersedes the old one', async () => {
      await store.putDocument(newDocument(ALPHA))
      await store.replaceExtractions(splitAnalysis(analysisOf([ALPHA])).extractions)
      expect((await store.counts()).events).toBe(1)

      const changed = { ...ALPHA, text: `${ALPHA.text} Update: the crossing reopened on Monday.` }
      const put = await store.putDocument(newDocument(changed))
      expect(put).toEqual({ status: 'inserted', id: 'alpha-2', revisionOf: 'alpha' })

      const old = await store.getDocument('alpha')
      expect(old?.supersededBy).toBe('alpha-2')
      expect((await store.getDocument('alpha-2'))?.revisionOf).toBe('alpha')
      expect((await store.listDocuments()).map((stored) => stored.document.id)).toEqual(['alpha-2'])
      expect(
        (await store.listDocuments({ includeSuperseded: true })).map(
          (stored) => stored.document.id,
        ),
      ).toEqual(['alpha', 'alpha-2'])
      const counts = await store.counts()
      expect([counts.documents, counts.revisions, counts.events]).toEqual([1, 1, 0])
      expect((await store.getExtraction('alpha'))?.events).toEqual([])
      expect((await store.getAnalysis()).documents.map((doc) => doc.id)).toEqual(['alpha-2'])
    })

    it('replaceExtractions() and replaceFusion() round-trip a whole picture through getAnalysis()', async () => {
      const analysis = analysisOf([ALPHA, BETA])
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const { extractions, fusion } = splitAnalysis(analysis)
      await store.replaceExtractions(extractions)
      await store.replaceFusion(fusion)

      const stored = await store.getAnalysis()
      expect(stored).toEqual(analysis)
      expect(await store.getExtraction('beta')).toEqual(extractions[1])
      const counts = await store.counts()
      expect(counts).toMatchObject({
        documents: 2,
        events: 3,
        entities: 2,
        claims: 2,
        disputes: 1,
        stories: 1,
        diagnostics: 2,
      })
    })

    it("keeps each document's own entities beside its extraction, and listExtractions() reads them all in ingest order", async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const { extractions } = splitAnalysis(analysisOf([ALPHA, BETA]))
      const own = (doc: string) => [
        {
          id: `${doc}:army`,
          kind: 'actor' as const,
          name: 'army',
          aliases: ['army'],
          mentions: [spanOf(doc === 'alpha' ? ALPHA : BETA, 'army')],
        },
      ]
      await store.replaceExtractions([
        { ...extractions[0]!, entities: own('alpha') },
        { ...extractions[1]!, entities: [] },
      ])
      expect((await store.getExtraction('alpha'))?.entities).toEqual(own('alpha'))
      expect((await store.getExtraction('beta'))?.entities).toEqual([])
      const listed = await store.listExtractions()
      expect(listed).toEqual([
        { ...extractions[0]!, entities: own('alpha') },
        { ...extractions[1]!, entities: [] },
      ])
      // Replaced without entities: unknown again (the pipeline must run on it next time).
      await store.replaceExtractions([extractions[0]!])
      expect((await store.getExtraction('alpha'))?.entities).toBeUndefined()
      // A new revision drops the old version's facts, and lists only current documents.
      await store.putDocument(newDocument({ ...BETA, text: 'The crossing reopened on Monday.' }))
      expect((await store.listExtractions()).map((extraction) => extraction.documentId)).toEqual([
        'alpha',
        'beta-2',
      ])
      expect((await store.getExtraction('beta'))?.entities).toBeUndefined()
    })

    it('keeps every span exact, characters outside the BMP included', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const { extractions, fusion } = splitAnalysis(analysisOf([ALPHA, BETA]))
      await store.replaceExtractions(extractions)
      await store.replaceFusion(fusion)
      const stored = await store.getAnalysis()
      const texts = new Map(stored.documents.map((doc) => [doc.id, doc.text]))
      const spans = [
        ...stored.events.flatMap((event) => [
          event.evidence,
          ...(event.trigger ? [event.trigger] : []),
        ]),
        ...stored.entities.flatMap((entity) => entity.mentions),
        ...stored.diagnostics.flatMap((diagnostic) => (diagnostic.span ? [diagnostic.span] : [])),
      ]
      expect(spans.length).toBe(9)
      for (const span of spans)
        expect(texts.get(span.doc)?.slice(span.start, span.end)).toBe(span.text)
      // The BETA event starts after astral characters: UTF-16 offsets, not code points (14 of them).
      const beta = stored.events.find((event) => event.doc === 'beta')!
      expect(beta.evidence).toEqual({
        doc: 'beta',
        start: 17,
        end: 54,
        text: 'Rebels said they held the 𝔄-crossing',
      })
    })

    it('replaceFusion() replaces the previous picture entirely', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const first = splitAnalysis(analysisOf([ALPHA, BETA]))
      await store.replaceExtractions(first.extractions)
      await store.replaceFusion(first.fusion)
      await store.replaceFusion({
        ...first.fusion,
        claims: [first.fusion.claims[0]!],
        disputes: [],
        stories: [],
      })
      const stored = await store.getAnalysis()
      expect(stored.claims.map((claim) => claim.id)).toEqual(['c1'])
      expect(stored.disputes).toEqual([])
      expect((await store.counts()).claims).toBe(1)
      expect((await store.search('denied')).claims).toEqual([])
    })

    it('replaceStories() writes stories apart, and getAnalysis() joins them in ordinal order', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const { extractions } = splitAnalysis(analysisOf([ALPHA, BETA]))
      await store.replaceExtractions(extractions)
      const [alpha, beta] = storyPicturesOf(analysisOf([ALPHA, BETA]))
      // Given out of order: the ordinal orders them.
      await store.replaceStories({ generatedAt: AT, remove: [], stories: [beta!, alpha!] })
      const stored = await store.getAnalysis()
      expect(stored.generatedAt).toBe(AT)
      expect(stored.claims.map((claim) => claim.id)).toEqual(['c1', 'c2'])
      expect(stored.disputes.map((dispute) => dispute.id)).toEqual(['d1'])
      expect((stored.stories as { id: string }[]).map((story) => story.id)).toEqual([
        'story:alpha',
        'story:beta',
      ])
      expect(stored.documents.map((doc) => doc.syndicationGroup)).toEqual([null, 'g1'])
      // One entity in two stories is one entity, with both stories' aliases and its mentions.
      const army = stored.entities.find((entity) => entity.id === 'a-army')
      expect(army?.aliases).toEqual(['army', 'the army'])
      expect(army?.mentions.map((span) => span.doc)).toEqual(['alpha', 'beta'])
      expect(stored.entities.map((entity) => entity.id)).toEqual(['p-nasib', 'a-army'])
      // Each story's history, in ingest order.
      expect((stored['history'] as { index: number }[]).map((entry) => entry.index)).toEqual([0, 1])
      expect(await store.counts()).toMatchObject({
        claims: 2,
        disputes: 1,
        stories: 2,
        entities: 2,
      })
      expect(await store.listStoryFacts(['story:alpha'])).toEqual({
        claims: [alpha!.claims[0]],
        disputes: [],
      })
    })

    it('replaceStories() replaces only the stories it names; a story with no picture left goes', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      await store.replaceExtractions(splitAnalysis(analysisOf([ALPHA, BETA])).extractions)
      const [alpha, beta] = storyPicturesOf(analysisOf([ALPHA, BETA]))
      await store.putDocumentStories([
        { documentId: 'alpha', story: 'story:alpha', ordinal: 0, features: {} },
        { documentId: 'beta', story: 'story:beta', ordinal: 1, features: {} },
      ])
      await store.replaceStories({ generatedAt: AT, remove: [], stories: [alpha!, beta!] })
      const corroborated = { ...beta!.claims[0]!, status: 'corroborated' as const }
      await store.replaceStories({
        generatedAt: AT,
        remove: ['story:beta'],
        stories: [{ ...beta!, claims: [corroborated], disputes: [] }],
      })
      let stored = await store.getAnalysis()
      expect(stored.claims.map((claim) => [claim.id, claim.status])).toEqual([
        ['c1', 'corroborated'],
        ['c2', 'corroborated'],
      ])
      expect(stored.disputes).toEqual([])
      // Search sees each claim once.
      expect((await store.search('Rebels hold')).claims.map((hit) => hit.id)).toEqual(['c2'])
      await store.replaceStories({ generatedAt: AT, remove: ['story:beta'], stories: [] })
      stored = await store.getAnalysis()
      expect(stored.claims.map((claim) => claim.id)).toEqual(['c1'])
      expect((stored.stories as { id: string }[]).map((story) => story.id)).toEqual(['story:alpha'])
      expect(stored.documents.map((doc) => doc.syndicationGroup)).toEqual([null, null])
      expect((await store.search('Rebels hold')).claims).toEqual([])
      // `all` drops every story first.
      await store.replaceStories({ generatedAt: AT, all: true, remove: [], stories: [beta!] })
      expect((await store.getAnalysis()).claims.map((claim) => claim.id)).toEqual(['c2'])
    })

    it('replaceFusion() after replaceStories() draws one whole picture and forgets the stories', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const analysis = analysisOf([ALPHA, BETA])
      const { extractions, fusion } = splitAnalysis(analysis)
      await store.replaceExtractions(extractions)
      await store.putDocumentStories([
        { documentId: 'alpha', story: 'story:alpha', ordinal: 0, features: {} },
      ])
      await store.replaceStories({
        generatedAt: AT,
        remove: [],
        stories: storyPicturesOf(analysis),
      })
      await store.replaceFusion(fusion)
      expect(await store.getAnalysis()).toEqual(analysis)
      expect(await store.listDocumentStories()).toEqual([])
    })

    it("putDocumentStories() keeps each document's story; listDocumentStories() marks superseded versions", async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      await store.putDocumentStories([
        { documentId: 'beta', story: 'story:alpha', ordinal: 0, features: { day: 1 } },
        { documentId: 'alpha', story: 'story:x', ordinal: 3, features: { day: 2 } },
      ])
      // Recorded again: replaced.
      await store.putDocumentStories([
        { documentId: 'alpha', story: 'story:alpha', ordinal: 0, features: { day: 0 } },
      ])
      expect(await store.listDocumentStories()).toEqual([
        {
          documentId: 'alpha',
          story: 'story:alpha',
          ordinal: 0,
          features: { day: 0 },
          current: true,
        },
        {
          documentId: 'beta',
          story: 'story:alpha',
          ordinal: 0,
          features: { day: 1 },
          current: true,
        },
      ])
      await store.putDocument(newDocument({ ...BETA, text: 'The crossing reopened on Monday.' }))
      expect(
        (await store.listDocumentStories()).map((row) => [row.documentId, row.current]),
      ).toEqual([
        ['alpha', true],
        ['beta', false],
      ])
    })

    it('listUnfusedDocuments() lists documents with facts and no story, in ingest order, and those whose facts changed since', async () => {
      const GAMMA: SourceDocument = {
        ...ALPHA,
        id: 'gamma',
        url: null,
        text: 'Shelling hit the market.',
      }
      for (const doc of [ALPHA, BETA, GAMMA]) await store.putDocument(newDocument(doc))
      // No facts yet: nothing to fuse.
      expect(await store.listUnfusedDocuments()).toEqual([])
      const { extractions } = splitAnalysis(analysisOf([ALPHA, BETA]))
      const withEntities = (ids: string[]) =>
        extractions
          .filter((extraction) => ids.includes(extraction.documentId))
          .map((extraction) => ({ ...extraction, entities: [] }))
      // Gamma's facts first, then beta's: the order is ingest order, not the order of facts.
      await store.replaceExtractions([
        { documentId: 'gamma', events: [], mentions: [], diagnostics: [], entities: [] },
      ])
      await store.replaceExtractions(withEntities(['beta']))
      expect(await store.listUnfusedDocuments()).toEqual([
        { id: 'beta', revisionOf: null },
        { id: 'gamma', revisionOf: null },
      ])
      // Facts without per-document entities (a picture written whole) do not count.
      await store.replaceExtractions(extractions.filter((e) => e.documentId === 'alpha'))
      expect((await store.listUnfusedDocuments()).map((doc) => doc.id)).toEqual(['beta', 'gamma'])
      // Only those ingested before a given document; an unknown one gives none.
      expect(await store.listUnfusedDocuments({ before: 'gamma' })).toEqual([
        { id: 'beta', revisionOf: null },
      ])
      expect(await store.listUnfusedDocuments({ before: 'beta' })).toEqual([])
      expect(await store.listUnfusedDocuments({ before: 'missing' })).toEqual([])

      // Fused: in a story, no longer listed.
      await store.putDocumentStories([
        { documentId: 'beta', story: 'story:beta', ordinal: 0, features: {} },
        { documentId: 'gamma', story: 'story:beta', ordinal: 0, features: {} },
      ])
      expect(await store.listUnfusedDocuments()).toEqual([])
      // Its facts replaced (a retried extraction): listed again until its story is recorded again.
      await store.replaceExtractions(withEntities(['beta']))
      expect(await store.listUnfusedDocuments()).toEqual([{ id: 'beta', revisionOf: null }])
      await store.putDocumentStories([
        { documentId: 'beta', story: 'story:beta', ordinal: 0, features: { again: true } },
      ])
      expect(await store.listUnfusedDocuments()).toEqual([])

      // A new version of beta: the old one leaves the list (not current), the new one comes
      // with the version it replaces once it has facts.
      const put = await store.putDocument(
        newDocument({ ...BETA, text: 'Rebels said they held the crossing on Sunday.' }),
      )
      expect(await store.listUnfusedDocuments()).toEqual([])
      await store.replaceExtractions([
        { documentId: put.id, events: [], mentions: [], diagnostics: [], entities: [] },
      ])
      expect(await store.listUnfusedDocuments()).toEqual([{ id: put.id, revisionOf: 'beta' }])
    })

    it('listDocuments({ ids }), listDocumentIds() and listExtractions({ documentIds }) read only those, in ingest order', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      await store.replaceExtractions(splitAnalysis(analysisOf([ALPHA, BETA])).extractions)
      expect(
        (await store.listDocuments({ ids: ['beta', 'alpha', 'missing'] })).map(
          (stored) => stored.document.id,
        ),
      ).toEqual(['alpha', 'beta'])
      expect(await store.listDocuments({ ids: [] })).toEqual([])
      const extractions = await store.listExtractions({ documentIds: ['beta'] })
      expect(
        extractions.map((extraction) => [extraction.documentId, extraction.events.length]),
      ).toEqual([['beta', 2]])
      expect(await store.listExtractions({ documentIds: [] })).toEqual([])
      expect(await store.listDocumentIds()).toEqual(['alpha', 'beta'])
      // A new version of beta: only current documents.
      const put = await store.putDocument(newDocument({ ...BETA, text: 'The crossing reopened.' }))
      expect(await store.listDocumentIds()).toEqual(['alpha', put.id])
    })

    it('replaceExtractions() refuses a document the store does not hold, writing nothing', async () => {
      await store.putDocument(newDocument(ALPHA))
      const { extractions } = splitAnalysis(analysisOf([ALPHA, BETA]))
      await expect(store.replaceExtractions(extractions)).rejects.toThrow(/beta/)
      expect((await store.counts()).events).toBe(0)
    })

    it('withTransaction() commits everything when the function resolves', async () => {
      const result = await store.withTransaction(async (tx) => {
        await tx.putDocument(newDocument(ALPHA))
        expect((await tx.counts()).documents).toBe(1)
        expect(
          (await tx.withTransaction(async (inner) => inner.getDocument('alpha')))?.document.id,
        ).toBe('alpha')
        return 'done'
      })
      expect(result).toBe('done')
      expect((await store.counts()).documents).toBe(1)
    })

    it('withTransaction() leaves nothing behind when the function throws', async () => {
      await store.putDocument(newDocument(BETA))
      const before = await store.lastUpdate()
      const countsBefore = await store.counts()
      await expect(
        store.withTransaction(async (tx) => {
          await tx.putDocument(newDocument(ALPHA))
          const { extractions, fusion } = splitAnalysis(analysisOf([ALPHA, BETA]))
          await tx.replaceExtractions(extractions)
          await tx.replaceFusion(fusion)
          await tx.appendHistory(historyEntry(['alpha']))
          throw new Error('boom in the middle of an ingest')
        }),
      ).rejects.toThrow('boom')
      expect(await store.counts()).toEqual(countsBefore)
      expect(await store.lastUpdate()).toEqual(before)
      expect(await store.getDocument('alpha')).toBeNull()
      expect(await store.search('checkpoint')).toEqual({ documents: [], claims: [] })
      expect(await store.search('withdrew')).toEqual({ documents: [], claims: [] })
      expect(await store.listHistory()).toEqual([])
      // The store still works after the rollback.
      expect((await store.putDocument(newDocument(ALPHA))).status).toBe('inserted')
    })

    it('search() finds documents by text and title, and claims by summary, place and source', async () => {
      for (const doc of [ALPHA, BETA]) await store.putDocument(newDocument(doc))
      const { extractions, fusion } = splitAnalysis(analysisOf([ALPHA, BETA]))
      await store.replaceExtractions(extractions)
      await store.replaceFusion(fusion)

      const byText = await store.search('checkpoint')
      expect(byText.documents.map((hit) => hit.id)).toEqual(['alpha'])
      expect(byText.documents[0]).toMatchObject({
        title: 'Army leaves the crossing',
        outlet: 'Alpha Daily',
        published: '2024-12-06',
      })
      expect(byText.documents[0]!.snippet).toContain(`${SNIPPET_OPEN}checkpoint${SNIPPET_CLOSE}`)
      expect((await store.search('Army leaves')).documents.map((hit) => hit.id)).toEqual(['alpha'])
      expect((await store.search('crossing')).documents.map((hit) => hit.id).sort()).toEqual([
        'alpha',
        'beta',
      ])
      expect((await store.search('crossing checkpoint')).documents.map((hit) => hit.id)).toEqual([
        'alpha',
      ])

      const claims = await store.search('withdrew')
      expect(claims.claims.map((hit) => hit.id)).toEqual(['c1'])
      expect(claims.claims[0]).toMatchObject({
        summary: 'The army withdrew from Nasib crossing',
        status: 'corroborated',
      })
      expect(claims.claims[0]!.snippet).toContain(`${SNIPPET_OPEN}withdrew${SNIPPET_CLOSE}`)
      expect((await store.search('Beta Wire')).claims.map((hit) => hit.id)).toEqual(['c2'])
    })

    it('search() treats the query as words: punctuation and operators are not syntax', async () => {
      await store.putDocument(newDocument(ALPHA))
      for (const query of [
        '"',
        'AND (',
        'checkpoint*',
        'NEAR(x y)',
        "army's",
        '-checkpoint',
        'col:army',
        '',
      ]) {
        await expect(store.search(query)).resolves.toBeDefined()
      }
      expect((await store.search('  ')).documents).toEqual([])
      expect((await store.search('"checkpoint"')).documents.map((hit) => hit.id)).toEqual(['alpha'])
      expect((await store.search('nothing-like-this')).documents).toEqual([])
    })

    it('search() does not return superseded revisions', async () => {
      await store.putDocument(newDocument(ALPHA))
      await store.putDocument(newDocument({ ...ALPHA, text: 'The crossing reopened on Monday.' }))
      expect((await store.search('checkpoint')).documents).toEqual([])
      expect((await store.search('reopened')).documents.map((hit) => hit.id)).toEqual(['alpha-2'])
    })

    it('lastUpdate() grows with every committed write and not with reads', async () => {
      const versions = [(await store.lastUpdate()).version]
      await store.putDocument(newDocument(ALPHA))
      versions.push((await store.lastUpdate()).version)
      await store.getAnalysis()
      await store.search('army')
      await store.counts()
      versions.push((await store.lastUpdate()).version)
      await store.appendHistory(historyEntry(['alpha']))
      versions.push((await store.lastUpdate()).version)
      expect(versions[1]).toBeGreaterThan(versions[0]!)
      expect(versions[2]).toBe(versions[1])
      expect(versions[3]).toBeGreaterThan(versions[2]!)
      expect((await store.lastUpdate()).at).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    })

    it('appendHistory() keeps entries, listHistory() gives them newest first', async () => {
      const first = await store.appendHistory(historyEntry(['alpha']))
      const second = await store.appendHistory({
        ...historyEntry(['beta']),
        kind: 'reanalyze',
        at: '2024-12-09T10:00:00.000Z',
      })
      expect(second.id).toBeGreaterThan(first.id)
      const listed = await store.listHistory()
      expect(listed).toEqual([second, first])
      expect(listed[1]).toEqual({ id: first.id, ...historyEntry(['alpha']) })
      expect(await store.listHistory({ limit: 1 })).toEqual([second])
      expect((await store.counts()).history).toBe(2)
    })
  })
}

// Fixtures: two short articles we wrote, one with characters outside the BMP before its spans.

const ALPHA: SourceDocument = {
  id: 'alpha',
  source: 'fixtures/alpha.txt',
  outlet: 'Alpha Daily',
  url: 'https://example.org/alpha',
  published: '2024-12-06',
  publishedFrom: 'header',
  title: 'Army leaves the crossing',
  text: 'The army withdrew from the Nasib crossing on Friday, leaving the checkpoint empty.\n\nResidents were told to stay home.',
  metadata: { section: 'world' },
}

const BETA: SourceDocument = {
  id: 'beta',
  source: 'fixtures/beta.html',
  outlet: 'Beta Wire',
  url: 'https://example.net/beta',
  published: '2024-12-07',
  publishedFrom: 'metadata',
  title: null,
  text: '🛰️ Live 𝔄𝔅: … Rebels said they held the 𝔄-crossing; the army denied it. ✊🏽',
  metadata: {},
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function newDocument(document: SourceDocument, overrides: Partial<NewDocument> = {}): NewDocument {
  return {
    document,
    contentHash: hash(document.text),
    byteLength: Buffer.byteLength(document.text),
    revisionKey: document.url,
    ingestedAt: '2024-12-08T09:00:00.000Z',
    ...overrides,
  }
}

function historyEntry(added: string[]) {
  return {
    at: '2024-12-08T09:00:00.000Z',
    kind: 'ingest' as const,
    inputs: ['fixtures/'],
    documentsAdded: added,
    changes: { claimsAdded: ['withdrawal Nasib crossing'], nested: { ok: true } },
    counts: { documents: added.length },
  }
}

function spanOf(doc: SourceDocument, quote: string) {
  const start = doc.text.indexOf(quote)
  if (start < 0) throw new Error(`fixture: "${quote}" not in ${doc.id}`)
  return makeSpan(doc.id, doc.text, start, start + quote.length)
}

/** A hand-made picture over the given fixture documents, as the pipeline would shape it. */
const AT = '2024-12-09T10:00:00.000Z'

/**
 * The picture of analysisOf cut into two stories: alpha's withdrawal (ordinal 0) and beta's
 * control claim with its dispute (ordinal 1); each story knows the army under its own alias.
 */
function storyPicturesOf(analysis: Analysis): StoryPicture[] {
  const entities = analysis.entities.map((entity) => ({ ...entity, mentions: [] }))
  const army = entities.find((entity) => entity.id === 'a-army')!
  const part = (
    story: string,
    ordinal: number,
    doc: string,
    claimIds: string[],
    aliases: string[],
  ): StoryPicture => ({
    story,
    ordinal,
    entities: [
      ...(doc === 'alpha' ? entities.filter((entity) => entity.id === 'p-nasib') : []),
      { ...army, aliases },
    ],
    claims: analysis.claims
      .filter((claim) => claimIds.includes(claim.id))
      .map((claim) => ({ ...claim, story })),
    disputes: analysis.disputes.filter((dispute) =>
      dispute.claims.some((c) => claimIds.includes(c)),
    ),
    control: analysis.control.filter((state) => state.claims.some((c) => claimIds.includes(c))),
    timeline: analysis.timeline.filter((entry) => claimIds.includes(entry.claim)),
    summary: { id: story, documents: [doc] },
    documentLinks: [{ id: doc, duplicateOf: null, syndicationGroup: doc === 'beta' ? 'g1' : null }],
    extras: {
      framing: { outlets: [], rows: [] },
      history: [{ index: ordinal, doc, changes: [] }],
      regionControl: [],
    },
  })
  return [
    part('story:alpha', 0, 'alpha', ['c1'], ['army']),
    part('story:beta', 1, 'beta', ['c2'], ['the army']),
  ]
}

function analysisOf(docs: SourceDocument[]): Analysis {
  const has = (id: string) => docs.some((doc) => doc.id === id)
  const place = { entity: 'p-nasib', name: 'Nasib crossing', lat: 32.55, lon: 36.2 }
  const events: AnalysisEvent[] = []
  if (has('alpha')) {
    events.push({
      id: 'alpha:e1',
      doc: 'alpha',
      type: 'withdrawal',
      place: { ...place, span: spanOf(ALPHA, 'Nasib crossing') },
      actors: [{ entity: 'a-army', name: 'army', side: 'government', span: spanOf(ALPHA, 'army') }],
      source: null,
      stance: 'asserted',
      date: {
        start: '2024-12-06',
        end: '2024-12-06',
        precision: 'day',
        text: spanOf(ALPHA, 'Friday'),
      },
      framing: [],
      evidence: spanOf(ALPHA, 'The army withdrew from the Nasib crossing on Friday'),
      trigger: spanOf(ALPHA, 'withdrew'),
      rule: 'claims/trigger-withdrawal',
      quantity: null,
      notAfter: '2024-12-06',
    })
  }
  if (has('beta')) {
    events.push(
      {
        id: 'beta:e1',
        doc: 'beta',
        type: 'control',
        place,
        actors: [{ entity: 'a-opposition', name: 'rebels', side: 'opposition' }],
        source: { entity: 'a-opposition', name: 'Rebels', span: spanOf(BETA, 'Rebels') },
        stance: 'asserted',
        date: null,
        framing: ['rebels'],
        evidence: spanOf(BETA, 'Rebels said they held the 𝔄-crossing'),
        rule: 'claims/trigger-control',
      },
      {
        id: 'beta:e2',
        doc: 'beta',
        type: 'control',
        place,
        actors: [],
        source: { entity: 'a-army', name: 'army', via: ['Beta Wire'] },
        stance: 'denied',
        date: null,
        framing: [],
        evidence: spanOf(BETA, 'the army denied it'),
      },
    )
  }
  const mentions = (doc: SourceDocument, quote: string) => (has(doc.id) ? [spanOf(doc, quote)] : [])
  return {
    schema: ANALYSIS_SCHEMA,
    generatedAt: '2024-12-08T09:00:00.000Z',
    documents: docs.map((doc) => ({
      id: doc.id,
      source: doc.source,
      outlet: doc.outlet,
      url: doc.url,
      published: doc.published,
      publishedFrom: doc.publishedFrom,
      title: doc.title,
      text: doc.text,
      duplicateOf: null,
      syndicationGroup: doc.id === 'beta' ? 'g1' : null,
      ...(Object.keys(doc.metadata).length > 0 && { metadata: doc.metadata }),
    })),
    entities: [
      {
        id: 'p-nasib',
        kind: 'place',
        name: 'Nasib crossing',
        aliases: ['Nasib crossing', '𝔄-crossing'],
        mentions: [...mentions(ALPHA, 'Nasib crossing'), ...mentions(BETA, '𝔄-crossing')],
        lat: 32.55,
        lon: 36.2,
        country: 'sy',
        featureClass: 'S',
        gazetteerId: null,
        aliasOutlets: { 'Nasib crossing': ['Alpha Daily'] },
      },
      {
        id: 'a-army',
        kind: 'actor',
        name: 'army',
        aliases: ['army'],
        mentions: [...mentions(ALPHA, 'army'), ...mentions(BETA, 'army')],
        side: 'government',
      },
    ],
    events,
    claims: [
      {
        id: 'c1',
        type: 'withdrawal',
        place,
        date: { start: '2024-12-06', end: '2024-12-06', precision: 'day' },
        events: events.filter((event) => event.type === 'withdrawal').map((event) => event.id),
        asserting: ['Alpha Daily'],
        denying: [],
        independentGroups: 2,
        status: 'corroborated',
        story: 's1',
        summary: 'The army withdrew from Nasib crossing',
      },
      {
        id: 'c2',
        type: 'control',
        place,
        date: null,
        events: events.filter((event) => event.type === 'control').map((event) => event.id),
        asserting: ['Rebels'],
        denying: ['Beta Wire'],
        independentGroups: 1,
        status: 'disputed',
        story: 's1',
        summary: 'Rebels hold Nasib crossing; denied',
      },
    ],
    disputes: [
      {
        id: 'd1',
        kind: 'stance',
        claims: ['c2'],
        events: ['beta:e1', 'beta:e2'],
        summary: 'Rebels say they hold Nasib crossing; the army denied it (Beta Wire).',
        sides: [{ label: 'asserted', sources: ['Rebels'], events: ['beta:e1'] }],
      },
    ],
    control: [
      {
        place: { entity: 'p-nasib', name: 'Nasib crossing', lat: 32.55, lon: 36.2 },
        date: '2024-12-07',
        controller: 'opposition',
        previous: 'government',
        status: 'disputed',
        claims: ['c2'],
      },
    ],
    timeline: [
      {
        date: { start: '2024-12-06', end: '2024-12-06', precision: 'day' },
        claim: 'c1',
        summary: 'The army withdrew from Nasib crossing',
        status: 'corroborated',
        dateConflict: false,
      },
    ],
    diagnostics: [
      ...(has('beta')
        ? [
            {
              severity: 'warning' as const,
              message: 'place "𝔄-crossing" resolved by context only',
              stage: 'places',
              rule: 'places/context-only',
              doc: 'beta',
              span: spanOf(BETA, '𝔄-crossing'),
              actual: '𝔄-crossing',
            },
          ]
        : []),
      { severity: 'info' as const, message: 'one story', stage: 'fusion', rule: 'fusion/stories' },
    ],
    stories: [{ id: 's1', documents: docs.map((doc) => doc.id), title: 'The crossing' }],
    framing: { 'Alpha Daily': { army: ['army'] } },
  }
}
