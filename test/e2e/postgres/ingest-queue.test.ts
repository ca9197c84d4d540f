import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestToQueue } from '../../../src/worker/ingest-to-queue.js'
import { readQueueStatus } from '../../../src/worker/queue-status.js'
import { openQueueLibrary } from './queue-library.js'
import { type TestPostgres, startPostgres } from './start-postgres.js'

const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL ingest tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null
const dir = mkdtempSync(join(tmpdir(), 'triangulate-ingest-queue-'))

afterAll(async () => {
  await postgres?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** An article file in the contract's text format; our own sentences. */
function article(name: string, url: string, body: string): string {
  const path = join(dir, `${name}.txt`)
  writeFileSync(path, `outlet: Test Wire\nurl: ${url}\npublished: 2024-12-06\n\n${body}\n`)
  return path
}

async function library(name: string) {
  return openQueueLibrary(postgres!, name)
}

describe.skipIf(postgres === null)('ingestToQueue() on PostgreSQL', () => {
  it('stores each new document once and queues one extraction job for it, in one transaction', async () => {
    const store = await library('queue_once')
    try {
      const first = article(
        'one',
        'https://example.org/one',
        'Troops withdrew from the bridge on Friday.',
      )
      const second = article(
        'two',
        'https://example.org/two',
        'Shelling hit the river port on Saturday.',
      )
      const report = await ingestToQueue(store, [first, second])
      expect(report.added.map((document) => document.id)).toEqual(['one', 'two'])
      expect(report.queued).toBe(2)
      expect(report.history?.changes).toEqual({ queued: 2, revisions: 0 })
      expect((await readQueueStatus(store)).extract.queued).toBe(2)

      // Again: known content, nothing stored, nothing queued, the version does not move.
      const version = await store.lastUpdate()
      const again = await ingestToQueue(store, [first, second])
      expect([again.added.length, again.unchanged.length, again.queued]).toEqual([0, 2, 0])
      expect((await readQueueStatus(store)).extract.queued).toBe(2)
      expect(await store.lastUpdate()).toEqual(version)
    } finally {
      await store.close()
    }
  })

  it('queues a changed version of a known URL as a revision, and not a mere re-layout of it', async () => {
    const store = await library('queue_revisions')
    try {
      const url = 'https://example.org/bridge'
      await ingestToQueue(store, [article('bridge', url, 'Troops withdrew from the bridge.')])
      // Same words, other line breaks: the same version.
      const relaid = await ingestToQueue(store, [
        article('bridge-relaid', url, 'Troops withdrew\nfrom the bridge.'),
      ])
      expect([relaid.added.length, relaid.unchanged[0]?.id]).toEqual([0, 'bridge'])
      // Other words: a revision, queued; the old version stops being current.
      const changed = await ingestToQueue(store, [
        article('bridge-update', url, 'Troops withdrew from the bridge and the port.'),
      ])
      expect(changed.added).toEqual([
        { id: 'bridge-update', source: join(dir, 'bridge-update.txt'), revisionOf: 'bridge' },
      ])
      expect(changed.queued).toBe(1)
      expect((await store.getDocument('bridge'))?.supersededBy).toBe('bridge-update')
      expect((await readQueueStatus(store)).extract.queued).toBe(2)
    } finally {
      await store.close()
    }
  })

  it('names an unreadable input and still stores and queues the rest', async () => {
    const store = await library('queue_problems')
    try {
      const good = article('good', 'https://example.org/good', 'Aid convoys reached the town.')
      const report = await ingestToQueue(store, [good, join(dir, 'missing.txt')])
      expect(report.problems.map((problem) => problem.input)).toEqual([join(dir, 'missing.txt')])
      expect([report.added.length, report.queued]).toEqual([1, 1])
    } finally {
      await store.close()
    }
  })
})
