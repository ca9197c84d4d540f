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

/**
 * Queues a fusion of the picture inside `tx`, unless one is already waiting (the queue keeps
 * one queued job per key: the extractions of a burst coalesce into one fusion). It becomes
 * runnable after TRIANGULATE_FUSE_DELAY_SECONDS.
 */
export async function sendFuseJob(boss: PgBoss, tx: PostgresStore): Promise<void> {
  const timing = queueTiming()
  await boss.send(QUEUES.fuse, { story: PICTURE_KEY } satisfies FuseJob, {
    singletonKey: PICTURE_KEY,
    startAfter: timing.fuseDelaySeconds,
    expireInSeconds: timing.jobTimeoutSeconds * 10,
    db: tx,
  })
}
