import type PgBoss from 'pg-boss'
import { refreshPicture } from '../app/refresh-picture.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { type FuseJob, QUEUES } from './queues.js'
import { completeJob } from './send-jobs.js'

export interface FuseOutcome {
  /** Documents this fusion placed in stories (new ones, and ones whose facts changed). */
  readonly documents: number
  /** Documents with facts held back behind an extraction still running (a later fusion takes them). */
  readonly pending: number
  /** Stories re-fused, and the documents fused to draw them. */
  readonly stories: number
  readonly documentsFused: number
  /** Claims and disputes of the re-fused stories. */
  readonly claims: number
  readonly disputes: number
  /** Documents whose facts fusion rewrote (names settled, mentions of fused entities). */
  readonly rewritten: number
  /** True when the picture was drawn anew (a library with no story records yet). */
  readonly whole: boolean
  /** Reading, fusing and writing, without the wait for the lock. */
  readonly seconds: number
}

/**
 * One fusion job: places the documents extracted since the last fusion in stories and
 * re-fuses only the stories they join (`refreshPicture` from stored facts, as one process
 * does on SQLite), then writes those stories with the job's completion in one transaction.
 * So a fusion costs the stories it touches, not the library.
 *
 * Order matters twice:
 * - The picture's advisory lock is taken first, then everything is read: a fusion never
 *   writes stories older than the ones it replaces, and two never write at once.
 * - Documents join stories in ingest order, as in one process (a story's membership depends
 *   on the documents before it): a fusion takes only the documents ingested before the first
 *   one whose extraction is still waiting, retrying or running. That extraction queues the
 *   fusion that takes it and those after it. A document whose extraction failed for good
 *   (dead letter) holds nothing back.
 */
export async function fusePicture(
  store: PostgresStore,
  boss: PgBoss,
  job: PgBoss.Job<FuseJob>,
  now: () => Date = () => new Date(),
): Promise<FuseOutcome> {
  return store.transactionStore(async (tx) => {
    await tx.lockPicture()
    const started = performance.now()
    const blocker = await firstPendingExtraction(tx)
    const added = await tx.listUnfusedDocuments(blocker === null ? {} : { before: blocker })
    const pending = blocker === null ? 0 : (await tx.listUnfusedDocuments()).length - added.length
    const result =
      added.length === 0
        ? null
        : await refreshPicture(tx, {
            generatedAt: now().toISOString(),
            added,
            storedFactsOnly: true,
          })
    // The duration paces the next fusion (sendFuseJob).
    const seconds = (performance.now() - started) / 1000
    await completeJob(boss, tx, QUEUES.fuse, job.id, { seconds })
    return {
      documents: result?.documentsAssigned ?? 0,
      pending,
      stories: result?.storiesRefused ?? 0,
      documentsFused: result?.documentsFused ?? 0,
      claims: result?.claims ?? 0,
      disputes: result?.disputes ?? 0,
      rewritten: result?.documentsAssigned ?? 0,
      whole: result?.whole ?? false,
      seconds,
    }
  })
}

/**
 * The first current document, in ingest order, whose extraction job is waiting, retrying or
 * running; null when none is. One pass over the extraction queue's live jobs (its partition,
 * by state), joined to documents by primary key.
 */
async function firstPendingExtraction(tx: PostgresStore): Promise<string | null> {
  const { rows } = await tx.executeSql(
    `SELECT d.id FROM pgboss.job j JOIN documents d ON d.id = j.data->>'documentId'
     WHERE j.name = $1 AND j.state IN ('created', 'retry', 'active') AND d.superseded_by IS NULL
     ORDER BY d.seq LIMIT 1`,
    [QUEUES.extract],
  )
  return (rows[0] as { id: string } | undefined)?.id ?? null
}
