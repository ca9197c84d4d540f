import type PgBoss from 'pg-boss'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { loadLexicon } from '../datasets/load-lexicon.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { type ExtractJob, QUEUES } from './queues.js'
import { completeJob, sendFuseJob } from './send-jobs.js'

export interface ExtractOutcome {
  readonly documentId: string
  /** False when the document is gone or superseded: the job completes without facts. */
  readonly extracted: boolean
  readonly events: number
}

/**
 * One extraction job: runs the per-document pipeline on the document (outside any
 * transaction: it is pure CPU), then in ONE transaction stores the document's facts, queues a
 * fusion and marks the job complete. A worker killed before that commit leaves nothing
 * behind and the job is retried; after it, the job is done and is never run twice. Running a
 * job twice anyway (an operator retry) replaces the same facts: nothing doubles.
 *
 * `beforeCommit` is a test hook (the kill test holds the transaction open there).
 */
export async function extractDocument(
  store: PostgresStore,
  boss: PgBoss,
  job: PgBoss.Job<ExtractJob>,
  beforeCommit?: () => Promise<void>,
): Promise<ExtractOutcome> {
  const documentId = job.data?.documentId
  if (typeof documentId !== 'string' || documentId === '')
    throw new Error(`extraction job ${job.id}: no documentId in its data`)
  const stored = await store.getDocument(documentId)
  const analysis =
    stored && stored.supersededBy === null ? analyzeDocument(stored.document, loadLexicon()) : null
  return store.transactionStore(async (tx) => {
    // Checked again inside: a newer revision committed since the read makes these facts moot.
    const current = analysis !== null && (await tx.isCurrent(documentId))
    if (current) {
      await tx.replaceExtractions([
        {
          documentId,
          events: analysis.events,
          // Mentions of fused entities come from fusion, which this job queues.
          mentions: [],
          diagnostics: analysis.diagnostics,
          entities: analysis.entities,
        },
      ])
      await sendFuseJob(boss, tx)
    }
    await beforeCommit?.()
    await completeJob(boss, tx, QUEUES.extract, job.id)
    return { documentId, extracted: current, events: current ? analysis.events.length : 0 }
  })
}
