import PgBoss from 'pg-boss'
import { InputError } from '../ingest/input-error.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { queueTiming } from './queues.js'

/**
 * pg-boss over the store's own connection pool (one pool per process; and `{ db: tx }` puts a
 * job into the store's transaction). `supervise` runs pg-boss maintenance, which takes back the
 * jobs of workers that died (after their timeout) for a retry: workers pass true.
 * A database without the queue tables is an InputError naming `triangulate migrate`.
 */
export async function openQueue(
  store: PostgresStore,
  options: { readonly supervise: boolean },
): Promise<PgBoss> {
  const boss = new PgBoss({
    db: store,
    supervise: options.supervise,
    maintenanceIntervalSeconds: queueTiming().maintenanceSeconds,
    schedule: false,
    migrate: false,
  })
  // Errors of the background maintenance are retried at its next interval; they must not
  // crash a worker (pg-boss emits them as events and throws if nobody listens).
  boss.on('error', (error) => {
    process.stderr.write(`triangulate: queue maintenance: ${error.message}\n`)
  })
  try {
    await boss.start()
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/not installed|requires migrations/.test(message))
      throw new InputError(
        store.location,
        `the job queue is not set up (${message}): run \`triangulate migrate --db URL\``,
      )
    throw error
  }
  return boss
}
