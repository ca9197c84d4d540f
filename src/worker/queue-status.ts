import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { QUEUES } from './queues.js'

/** Jobs of one queue by state (pg-boss's states). */
export interface QueueCounts {
  readonly queued: number
  readonly active: number
  /** Failed attempts waiting for their retry (backoff). */
  readonly retrying: number
  readonly completed: number
  /** Failed for good (every retry used); a copy waits in the dead-letter queue. */
  readonly failed: number
}

export interface QueueStatus {
  readonly extract: QueueCounts
  readonly fuse: QueueCounts
  /** Jobs in the dead-letter queue: what a human should look at. */
  readonly deadLetter: number
}

/** One query over pg-boss's job table (live jobs; completed ones until pg-boss archives them). */
export async function readQueueStatus(store: PostgresStore): Promise<QueueStatus> {
  const { rows } = await store.executeSql(
    `SELECT name, state::text AS state, count(*)::int AS count FROM pgboss.job
     WHERE name = ANY($1) GROUP BY name, state`,
    [[QUEUES.extract, QUEUES.fuse, QUEUES.deadLetter]],
  )
  const counts = new Map<string, number>()
  for (const row of rows as { name: string; state: string; count: number }[])
    counts.set(`${row.name}/${row.state}`, row.count)
  const of = (queue: string): QueueCounts => ({
    queued: counts.get(`${queue}/created`) ?? 0,
    active: counts.get(`${queue}/active`) ?? 0,
    retrying: counts.get(`${queue}/retry`) ?? 0,
    completed: counts.get(`${queue}/completed`) ?? 0,
    failed: counts.get(`${queue}/failed`) ?? 0,
  })
  const dead = of(QUEUES.deadLetter)
  return {
    extract: of(QUEUES.extract),
    fuse: of(QUEUES.fuse),
    deadLetter: dead.queued + dead.active + dead.retrying + dead.failed,
  }
}

/** True when no job of the work queues is waiting, retrying or running. */
export function isIdle(status: QueueStatus): boolean {
  return [status.extract, status.fuse].every(
    (counts) => counts.queued + counts.active + counts.retrying === 0,
  )
}
