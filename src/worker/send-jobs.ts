import type PgBoss from 'pg-boss'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { type ExtractJob, type FuseJob, PICTURE_KEY, QUEUES, queueTiming } from './queues.js'

/**
 * Queues one extraction job per document, inside the caller's transaction (`tx`): documents
 * and their jobs commit together, so a crash between the two cannot lose a job.
 */
export async function sendExtractJobs(
  boss: PgBoss,
  tx: PostgresStore,
  documentIds: readonly string[],
): Promise<void> {
  if (documentIds.length === 0) return
  const timing = queueTiming()
  const jobs = documentIds.map((documentId) => ({
    name: QUEUES.extract,
    data: { documentId } satisfies ExtractJob,
    expireInSeconds: timing.jobTimeoutSeconds,
  }))
  // pg-boss binds the whole list as one JSON value: one statement per thousand jobs.
  for (let i = 0; i < jobs.length; i += 1000) await boss.insert(jobs.slice(i, i + 1000), { db: tx })
}

/** Wait before a fusion, in multiples of the last fusion's duration (see sendFuseJob). */
export const FUSE_WAIT_FACTOR = 4

/**
 * Queues a fusion of the picture inside `tx`, unless one is already waiting (the queue keeps
 * one queued job per key: the extractions of a burst coalesce into one fusion). It becomes
 * runnable after TRIANGULATE_FUSE_DELAY_SECONDS.
 */
export async function sendFuseJob(boss: PgBoss, tx: PostgresStore): Promise<void> {
  const timing = queueTiming()
  // Fusion redraws the whole library, so its cost grows with it. Waiting FUSE_WAIT_FACTOR
  // times the last fusion's duration keeps fusion to about a fifth of one worker's time
  // however large the library grows; the picture then lags by about five fusions at most.
  const { rows } = await tx.executeSql(
    `SELECT (output->>'seconds')::float8 AS seconds FROM pgboss.job
     WHERE name = $1 AND state = 'completed' AND output ? 'seconds'
     ORDER BY completed_on DESC LIMIT 1`,
    [QUEUES.fuse],
  )
  const lastSeconds = (rows[0] as { seconds: number } | undefined)?.seconds ?? 0
  await boss.send(QUEUES.fuse, { story: PICTURE_KEY } satisfies FuseJob, {
    singletonKey: PICTURE_KEY,
    startAfter: Math.ceil(Math.max(timing.fuseDelaySeconds, lastSeconds * FUSE_WAIT_FACTOR)),
    expireInSeconds: timing.jobTimeoutSeconds * 10,
    db: tx,
  })
}

/**
 * Marks `jobId` complete inside `tx`, so the job's effect and its completion commit together.
 * Throws (rolling the effect back) when the job is no longer this worker's: it outlived its
 * timeout and pg-boss handed it to another worker, whose run will commit instead. So each
 * job's effect is committed exactly once.
 */
export async function completeJob(
  boss: PgBoss,
  tx: PostgresStore,
  queue: string,
  jobId: string,
  output: object = {},
): Promise<void> {
  const result = (await boss.complete(queue, jobId, output, { db: tx })) as unknown as {
    affected?: number
  }
  if (result?.affected !== 1) throw new JobTakenBackError(jobId)
}

/**
 * The job timed out while this worker ran it and pg-boss handed it back: its effect here is
 * rolled back, and the job must not be failed from here (that would fail the retry that
 * another worker may be running now).
 */
export class JobTakenBackError extends Error {
  override readonly name = 'JobTakenBackError'
  constructor(readonly jobId: string) {
    super(`job ${jobId} timed out here and was handed back; its retry does the work`)
  }
}
