import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openQueueLibrary } from '../../test/e2e/postgres/queue-library.js'
import { type TestPostgres, startPostgres } from '../../test/e2e/postgres/start-postgres.js'
import { ingestToQueue } from './ingest-to-queue.js'
import { readQueueStatus } from './queue-status.js'

const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL chunked ingest tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null
const dir = mkdtempSync(join(tmpdir(), 'triangulate-ingest-chunks-'))

afterAll(async () => {
  await postgres?.stop()
  rmSync(dir, { recursive: true, force: true })
})

/** A folder of articles in the contract's text format (our own sentences), plus paperwork. */
function folder(name: string, count: number): string {
  const path = join(dir, name)
  mkdirSync(join(path, 'later'), { recursive: true })
  for (let k = 1; k <= count; k++) {
    const file = k % 2 === 0 ? join(path, 'later', `b${k}.txt`) : join(path, `a${k}.txt`)
    writeFileSync(
      file,
      `outlet: Test Wire\npublished: 2024-12-0${1 + (k % 9)}\n\nShelling hit the port of Varna ${k} times on Friday.\n`,
    )
  }
  writeFileSync(join(path, 'README.md'), 'Not an article.\n')
  writeFileSync(join(path, '.hidden.txt'), 'Not an article either.\n')
  writeFileSync(join(path, 'picture.png'), 'not text')
  return path
}

async function library(name: string) {
  return openQueueLibrary(postgres!, name)
}

describe.skipIf(postgres === null)('ingestToQueue() in chunks', () => {
  it('stores and queues a directory chunk by chunk, in walk order, each chunk one transaction', async () => {
    const store = await library('chunks')
    try {
      const path = folder('seven', 7)
      const report = await ingestToQueue(store, [path], { chunkFiles: 3 })
      // Files first, then the subfolder (name order); README, hidden files and images skipped.
      expect(report.added.map((document) => document.id)).toEqual([
        'a1',
        'a3',
        'a5',
        'a7',
        'b2',
        'b4',
        'b6',
      ])
      expect(report.queued).toBe(7)
      expect(report.problems).toEqual([])
      expect((await readQueueStatus(store)).extract.queued).toBe(7)
      // One history entry per committed chunk: 3 + 3 + 1.
      const history = await store.listHistory()
      expect(history.map((entry) => entry.documentsAdded.length)).toEqual([1, 3, 3])
      expect(history.every((entry) => entry.inputs[0] === path)).toBe(true)
      expect(report.history?.id).toBe(history[0]?.id)
      expect(report.counts.documents).toBe(7)

      // Again, with one more file: only that one is stored and queued.
      writeFileSync(join(path, 'a9.txt'), 'outlet: Test Wire\n\nAid reached the port.\n')
      const again = await ingestToQueue(store, [path], { chunkFiles: 3 })
      expect(again.added.map((document) => document.id)).toEqual(['a9'])
      expect([again.unchanged.length, again.queued]).toEqual([7, 1])
    } finally {
      await store.close()
    }
  })

  it('names a missing directory once and still stores the other inputs', async () => {
    const store = await library('chunks_missing')
    try {
      const path = folder('three', 3)
      const missing = join(dir, 'no-such-folder')
      const report = await ingestToQueue(store, [missing, path], { chunkFiles: 2 })
      expect(report.problems.map((problem) => [problem.input, problem.reason])).toEqual([
        [missing, 'no such file or directory'],
      ])
      expect(report.added.map((document) => document.id)).toEqual(['a1', 'a3', 'b2'])
    } finally {
      await store.close()
    }
  })

  it('with strict, an unreadable file among many stores nothing', async () => {
    const store = await library('chunks_strict')
    try {
      const path = folder('strict', 4)
      writeFileSync(join(path, 'empty.txt'), '')
      const report = await ingestToQueue(store, [path], { chunkFiles: 2, strict: true })
      expect(report.problems.map((problem) => problem.input)).toEqual([join(path, 'empty.txt')])
      expect(report.added).toEqual([])
      expect((await store.counts()).documents).toBe(0)
    } finally {
      await store.close()
    }
  })
})
