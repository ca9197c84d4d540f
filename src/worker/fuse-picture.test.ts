import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type PgBoss from 'pg-boss'
import { afterAll, describe, expect, it } from 'vitest'
import { openQueueLibrary } from '../../test/e2e/postgres/queue-library.js'
import { type TestPostgres, startPostgres } from '../../test/e2e/postgres/start-postgres.js'
import { ingestInputs } from '../app/ingest.js'
import type { Analysis } from '../core/model/analysis.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'
import { extractDocument } from './extract-document.js'
import { fusePicture } from './fuse-picture.js'
import { ingestToQueue } from './ingest-to-queue.js'
import { openQueue } from './open-queue.js'
import { type ExtractJob, type FuseJob, QUEUES } from './queues.js'

// Fusions runnable at once (the default waits 5 s so that a burst of extractions coalesces).
process.env.TRIANGULATE_FUSE_DELAY_SECONDS = '0'

const CORPUS = resolve(import.meta.dirname, '..', '..', 'examples', 'fall-of-the-south')
const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL fusion tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null
const dir = mkdtempSync(join(tmpdir(), 'triangulate-fuse-picture-'))

afterAll(async () => {
  await postgres?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function library(name: string): Promise<{ store: PostgresStore; boss: PgBoss }> {
  const store = await openQueueLibrary(postgres!, name)
  return { store, boss: await openQueue(store, { supervise: false }) }
}

/** The waiting extraction jobs, in the order workers take them (ingest order). */
async function takeExtractions(boss: PgBoss, count: number): Promise<PgBoss.Job<ExtractJob>[]> {
  const jobs = await boss.fetch<ExtractJob>(QUEUES.extract, { batchSize: count })
  expect(jobs).toHaveLength(count)
  return jobs
}

/** Runs the fusion job an extraction queued (now, whatever its pacing delay). */
async function fuse(store: PostgresStore, boss: PgBoss) {
  await store.executeSql(
    `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'created'`,
    [QUEUES.fuse],
  )
  const [job] = await boss.fetch<FuseJob>(QUEUES.fuse, { batchSize: 1 })
  expect(job).toBeDefined()
  return fusePicture(store, boss, job!)
}

function essentials(analysis: Analysis) {
  return {
    claims: analysis.claims,
    disputes: analysis.disputes,
    events: analysis.events,
    stories: analysis.stories,
  }
}

describe.skipIf(postgres === null)('fusePicture()', () => {
  it('fuses in ingest order: documents after a running extraction wait for it, then join as one process would place them', async () => {
    const { store, boss } = await library('ingest_order')
    try {
      const report = await ingestToQueue(store, [CORPUS])
      expect(report.queued).toBe(10)
      const [first, ...rest] = await takeExtractions(boss, 10)
      // Every extraction but the first commits (the first one is still running).
      for (const job of rest) await extractDocument(store, boss, job)
      const held = await fuse(store, boss)
      expect([held.documents, held.pending, held.stories]).toEqual([0, 9, 0])
      expect((await store.getAnalysis()).claims).toEqual([])

      await extractDocument(store, boss, first!)
      const drawn = await fuse(store, boss)
      expect([drawn.documents, drawn.pending, drawn.whole]).toEqual([10, 0, true])
      expect(drawn.claims).toBeGreaterThan(10)

      // The same picture as one SQLite process ingesting the same files.
      const reference = await openSqliteStore(join(dir, 'reference.db'))
      try {
        await ingestInputs(reference, [CORPUS])
        const picture = await store.getAnalysis()
        expect(essentials(picture)).toEqual(essentials(await reference.getAnalysis()))
      } finally {
        await reference.close()
      }
    } finally {
      await boss.stop({ graceful: false, close: false })
      await store.close()
    }
  }, 120_000)

  it('re-fuses only the stories new documents join, and a dead extraction holds nothing back', async () => {
    const { store, boss } = await library('dead_extraction')
    try {
      await ingestToQueue(store, [CORPUS])
      for (const job of await takeExtractions(boss, 10)) await extractDocument(store, boss, job)
      const whole = await fuse(store, boss)
      expect([whole.documents, whole.whole]).toEqual([10, true])
      const before = await store.getAnalysis()

      // Two more reports: the first one's extraction fails for good, the second one's commits.
      const later = [
        ['late-a', 'Shelling hit the Nasib crossing on Sunday, residents said.'],
        ['late-b', 'Rebels said on Sunday they had captured the Nasib crossing.'],
      ].map(([name, body]) => {
        const file = join(dir, `${name}.txt`)
        writeFileSync(file, `outlet: Test Wire\npublished: 2024-12-08\n\n${body}\n`)
        return file
      })
      await ingestToQueue(store, later)
      const [dead, alive] = await takeExtractions(boss, 2)
      await boss.cancel(QUEUES.extract, dead!.id)
      await extractDocument(store, boss, alive!)
      const outcome = await fuse(store, boss)
      expect([outcome.documents, outcome.pending, outcome.whole]).toEqual([1, 0, false])
      expect(outcome.stories).toBe(1)
      const after = await store.getAnalysis()
      const storyOf = (analysis: Analysis, id: string) =>
        (analysis.stories as { id: string; documents: string[] }[]).find((story) =>
          story.documents.includes(id),
        )
      const joined = storyOf(after, 'late-b')!
      expect(storyOf(after, 'late-a')).toBeUndefined()
      // The other stories' claims are as they were.
      const others = (analysis: Analysis) =>
        analysis.claims.filter((claim) => claim.story !== joined.id)
      expect(others(after)).toEqual(others(before))
      expect(after.claims.length).toBeGreaterThanOrEqual(before.claims.length)
    } finally {
      await boss.stop({ graceful: false, close: false })
      await store.close()
    }
  }, 120_000)
})
