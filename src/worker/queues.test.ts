import { afterAll, describe, expect, it } from 'vitest'
import { type TestPostgres, startPostgres } from '../../test/e2e/postgres/start-postgres.js'
import { migratePostgres, openPostgresStore } from '../store/postgres/postgres-store.js'
import { openQueue } from './open-queue.js'
import { installQueues, QUEUES } from './queues.js'

const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL queue tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null

afterAll(async () => {
  await postgres?.stop()
})

/** pg-boss 10's fetch, as its plans.js writes it, with the row lock between sort and limit. */
const FETCH = `EXPLAIN SELECT id FROM pgboss.job
  WHERE name = $1 AND state < 'active' AND start_after < now()
  ORDER BY priority DESC, created_on, id LIMIT 1 FOR UPDATE SKIP LOCKED`

describe.skipIf(postgres === null)('installQueues()', () => {
  it('lets a worker take the next extraction job without sorting the backlog, and takes them in order', async () => {
    const url = await postgres!.createDatabase('fetch_order')
    await migratePostgres(url)
    await installQueues(url)
    // Twice: `triangulate migrate` runs on every deploy.
    await installQueues(url)
    const store = await openPostgresStore(url)
    const boss = await openQueue(store, { supervise: false })
    try {
      // Three jobs one by one (each its own creation time), then a backlog behind them.
      for (const documentId of ['first', 'second', 'third'])
        await boss.send(QUEUES.extract, { documentId })
      const backlog = Array.from({ length: 3000 }, (_, i) => ({
        name: QUEUES.extract,
        data: { documentId: `backlog-${i}` },
      }))
      for (let i = 0; i < backlog.length; i += 1000) await boss.insert(backlog.slice(i, i + 1000))
      await store.executeSql('ANALYZE pgboss.job')

      const plan = async () =>
        (await store.executeSql(FETCH, [QUEUES.extract])).rows
          .map((row) => (row as { 'QUERY PLAN': string })['QUERY PLAN'])
          .join('\n')
      expect(await plan()).toMatch(/Index Scan using triangulate_extract_fetch_order/)
      expect(await plan()).not.toMatch(/Sort/)

      // Taken in creation order, as pg-boss's own plan takes them.
      const taken: string[] = []
      for (let i = 0; i < 3; i++) {
        const [job] = await boss.fetch<{ documentId: string }>(QUEUES.extract)
        taken.push(job!.data.documentId)
      }
      expect(taken).toEqual(['first', 'second', 'third'])

      // Near miss: without the index the same fetch sorts every waiting job.
      await store.executeSql('DROP INDEX pgboss.triangulate_extract_fetch_order')
      expect(await plan()).toMatch(/Sort Key: job\.priority DESC, job\.created_on, job\.id/)
    } finally {
      await boss.stop({ graceful: false, close: false, wait: true })
      await store.close()
    }
  })
})
