import PgBoss from 'pg-boss'

/**
 * The job queues of a PostgreSQL library (pg-boss tables in the `pgboss` schema of the same
 * database, so a document and its job commit in one transaction):
 * - EXTRACT: one job per new document, the per-document pipeline; any worker, in parallel.
 * - FUSE: re-fusion of the stories new documents join. `stately` with a singleton key keeps at
 *   most one job queued and one running per key, so a burst of extractions coalesces into one
 *   fusion. Stories are assigned over the whole library in ingest order (a story's members
 *   depend on the documents before it), so every job carries the library's one key
 *   (`PICTURE_KEY`) and the advisory lock in `PostgresStore.lockPicture` serialises the
 *   writes: one fusion at a time, each costing the stories it touches (see fuse-picture.ts).
 * - DEAD_LETTER: jobs that failed every retry land here, for `triangulate status` and a human.
 */
export const QUEUES = {
  extract: 'triangulate-extract',
  fuse: 'triangulate-fuse',
  deadLetter: 'triangulate-dead-letter',
} as const

/** The singleton key of the one picture fusion keeps per library (see QUEUES.fuse). */
export const PICTURE_KEY = 'picture'

/** Payload of an extraction job. */
export interface ExtractJob {
  readonly documentId: string
}

/** Payload of a fusion job. */
export interface FuseJob {
  readonly story: string
}

/**
 * Job timing, from the environment so every machine of a deployment agrees without flags:
 * - TRIANGULATE_JOB_TIMEOUT_SECONDS (300): a running job not finished by then is taken back
 *   (its worker is presumed dead) and retried; fusion gets ten times as long.
 * - TRIANGULATE_FUSE_DELAY_SECONDS (5): a fusion job waits this long before it can start, so
 *   the extractions of a burst are fused together (the picture lags by at most this plus one
 *   fusion).
 * - TRIANGULATE_QUEUE_MAINTENANCE_SECONDS (30): how often timed-out jobs are looked for.
 * - TRIANGULATE_PICTURE_MAX_LAG_SECONDS (120): workers take extraction jobs before fusion
 *   while a backlog lasts, except a fusion runnable for longer than this; and a fusion is
 *   never paced further than this after the extraction that queued it.
 */
export interface QueueTiming {
  readonly pictureMaxLagSeconds: number
  readonly jobTimeoutSeconds: number
  readonly fuseDelaySeconds: number
  readonly maintenanceSeconds: number
}

export function queueTiming(env: NodeJS.ProcessEnv = process.env): QueueTiming {
  return {
    pictureMaxLagSeconds: positive(env.TRIANGULATE_PICTURE_MAX_LAG_SECONDS, 120, 0),
    jobTimeoutSeconds: positive(env.TRIANGULATE_JOB_TIMEOUT_SECONDS, 300),
    fuseDelaySeconds: positive(env.TRIANGULATE_FUSE_DELAY_SECONDS, 5, 0),
    maintenanceSeconds: positive(env.TRIANGULATE_QUEUE_MAINTENANCE_SECONDS, 30),
  }
}

/** Retries: 4 more attempts, 2 s apart and doubling (2, 4, 8, 16 s), then the dead letter. */
export const RETRY = { retryLimit: 4, retryDelay: 2, retryBackoff: true } as const

/**
 * Installs (or upgrades) pg-boss's schema and creates the queues; `triangulate migrate` calls
 * it after the store's migrations. Idempotent.
 */
export async function installQueues(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    max: 1,
    supervise: false,
    schedule: false,
    migrate: true,
  })
  boss.on('error', () => undefined)
  await boss.start()
  try {
    const existing = new Set((await boss.getQueues()).map((queue) => queue.name))
    if (!existing.has(QUEUES.deadLetter)) await boss.createQueue(QUEUES.deadLetter)
    if (!existing.has(QUEUES.extract))
      await boss.createQueue(QUEUES.extract, {
        name: QUEUES.extract,
        ...RETRY,
        deadLetter: QUEUES.deadLetter,
      })
    if (!existing.has(QUEUES.fuse))
      await boss.createQueue(QUEUES.fuse, {
        name: QUEUES.fuse,
        ...RETRY,
        policy: 'stately',
        deadLetter: QUEUES.deadLetter,
      })
    await addFetchOrderIndex(boss.getDb(), QUEUES.extract)
  } finally {
    await boss.stop({ graceful: false })
  }
}

/**
 * An index in the order pg-boss takes jobs, on one queue's partition. pg-boss 10 fetches with
 * `WHERE name = $1 AND state < 'active' AND start_after < now() ORDER BY priority DESC,
 * created_on, id LIMIT n FOR UPDATE SKIP LOCKED`, and its own index is on (name, start_after):
 * so every fetch read and sorted the whole waiting backlog (the row lock sits between the sort
 * and the limit, so even the sort is a full one). With 6,700 extraction jobs waiting, one fetch
 * took 17 ms on the loaded bench machine, about as much as a worker's transaction for the job;
 * draining n jobs cost O(n²). With this index a fetch reads the first waiting entries in order:
 * O(log n) whatever the backlog. Idempotent; built CONCURRENTLY so that `triangulate migrate`
 * on a live library does not block ingest or workers while it builds.
 */
async function addFetchOrderIndex(db: PgBoss.Db, queue: string): Promise<void> {
  const { rows } = await db.executeSql(
    'SELECT partition_name FROM pgboss.queue WHERE name = $1 AND partition_name IS NOT NULL',
    [queue],
  )
  const partition = (rows[0] as { partition_name: string } | undefined)?.partition_name
  if (partition === undefined) return
  const index = `${queue.replace(/[^a-z0-9]+/g, '_')}_fetch_order`
  await db.executeSql(
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${quoteIdent(index)}
       ON pgboss.${quoteIdent(partition)} (name, priority DESC, created_on, id)
       WHERE state < 'active'`,
    [],
  )
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

function positive(value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined || value === '') return fallback
  const parsed = Number(value)
  return Number.isFinite(parsed) && parsed >= min ? parsed : fallback
}
