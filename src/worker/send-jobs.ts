import { randomBytes } from 'node:crypto'
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
    id: orderedJobId(),
    name: QUEUES.extract,
    data: { documentId } satisfies ExtractJob,
    expireInSeconds: timing.jobTimeoutSeconds,
  }))
  // pg-boss binds the whole list as one JSON value: one statement per thousand jobs.
  for (let i = 0; i < jobs.length; i += 1000) await boss.insert(jobs.slice(i, i + 1000), { db: tx })
}

let jobCounter = 0

/**
 * A job id (a UUID) that sorts after every id this process made before. pg-boss takes jobs in
 * `priority DESC, created_on, id` order, and every job of one transaction has the same
 * `created_on` (the transaction's start), so with pg-boss's random ids the documents of one
 * ingest were extracted in random order; fusion takes documents in ingest order and waits for
 * the first one not extracted (fusePicture), so it then waited for most of the backlog.
 * Layout: 12 hex digits of milliseconds, 8 of a counter, 12 random.
 */
export function orderedJobId(now: number = Date.now()): string {
  jobCounter = (jobCounter + 1) % 0x1_0000_0000
  const hex =
    Math.floor(now).toString(16).padStart(12, '0').slice(-12) +
    jobCounter.toString(16).padStart(8, '0') +
    randomBytes(6).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
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
  // A fusion costs the stories its documents touch, which grow with the backlog it takes.
  // Waiting FUSE_WAIT_FACTOR times the last fusion's duration keeps fusion to about a fifth
  // of one worker's time whatever it costs; the picture then lags by about five fusions.
  const { rows } = await tx.executeSql(
    `SELECT (output->>'seconds')::float8 AS seconds FROM pgboss.job
     WHERE name = $1 AND state = 'completed' AND output ? 'seconds'
     ORDER BY completed_on DESC LIMIT 1`,
    [QUEUES.fuse],
  )
  const lastSeconds = (rows[0] as { seconds: number } | undefined)?.seconds ?? 0
  await boss.send(QUEUES.fuse, { story: PICTURE_KEY } satisfies FuseJob, {
    singletonKey: PICTURE_KEY,
    // Never more than the picture's allowed lag: after a fusion that drew the whole library
    // (607 s at 100,000 articles) the next one re-fuses a few stories in seconds.
    startAfter: Math.ceil(
      Math.max(
        timing.fuseDelaySeconds,
        Math.min(timing.pictureMaxLagSeconds, lastSeconds * FUSE_WAIT_FACTOR),
      ),
    ),
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
