import { createHash } from 'node:crypto'
import type PgBoss from 'pg-boss'
import { analyzeIncrementally, type DocumentFacts } from '../app/analyze-incremental.js'
import { splitAnalysis } from '../store/picture.js'
import type { DocumentExtraction } from '../store/store.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { type FuseJob, QUEUES } from './queues.js'
import { completeJob } from './send-jobs.js'

export interface FuseOutcome {
  /** Documents fused (those whose extraction is stored). */
  readonly documents: number
  /** Documents still waiting for their extraction (a later fusion takes them). */
  readonly pending: number
  readonly claims: number
  readonly disputes: number
  /** Documents whose facts fusion changed (names settled, mentions of fused entities). */
  readonly rewritten: number
  /** Reading, fusing and writing, without the wait for the lock. */
  readonly seconds: number
}

/**
 * One fusion job: redraws the picture from the stored per-document facts, in ingest order,
 * exactly as `refreshPicture` does in one process (same `analyzeIncrementally`, so the same
 * claims and disputes), and writes it with the job's completion in one transaction.
 *
 * Order matters: the picture's advisory lock is taken first, then the facts are read in a
 * fresh snapshot, so a fusion never writes a picture older than the one it replaces.
 * Documents without facts yet are left out; their extraction queues another fusion.
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
    const { documents, extractions } = await store.readFusionInput()
    const known = new Map<string, DocumentFacts>()
    // Serialised before fusion runs: fusion settles names on the facts it is given (an event's
    // place takes the story's spelling), and those settled facts are what a store keeps, as
    // `refreshPicture` keeps them. Only documents whose facts changed are rewritten.
    const before = new Map<string, string>()
    for (const extraction of extractions) {
      if (extraction.entities === undefined) continue
      before.set(extraction.documentId, factsKey(extraction))
      known.set(extraction.documentId, {
        events: extraction.events,
        entities: extraction.entities,
        diagnostics: extraction.diagnostics,
      })
    }
    const ready = documents
      .map((stored) => stored.document)
      .filter((document) => known.has(document.id))
    const { analysis } = analyzeIncrementally(ready, known, {
      generatedAt: now().toISOString(),
    })
    const split = splitAnalysis(analysis)
    const changed = split.extractions
      .map((extraction) => ({
        ...extraction,
        entities: known.get(extraction.documentId)?.entities ?? [],
      }))
      .filter((extraction) => factsKey(extraction) !== before.get(extraction.documentId))
    await tx.replaceExtractions(changed)
    await tx.replaceFusion(split.fusion)
    // The duration paces the next fusion (sendFuseJob).
    const seconds = (performance.now() - started) / 1000
    await completeJob(boss, tx, QUEUES.fuse, job.id, { seconds })
    return {
      documents: ready.length,
      pending: documents.length - ready.length,
      claims: analysis.claims.length,
      disputes: analysis.disputes.length,
      rewritten: changed.length,
      seconds,
    }
  })
}

/**
 * What a store holds for one document, as a digest of its JSON. The digest, not the JSON, is
 * kept per document between reading and writing: the JSON is about ten times the article's
 * text (24,000 characters for a 416-word generated article), which at 10,000 documents held
 * 240 MB in the fusing worker for the whole fusion.
 */
function factsKey(extraction: DocumentExtraction): string {
  return createHash('sha1')
    .update(
      JSON.stringify([
        extraction.events,
        extraction.mentions,
        extraction.diagnostics,
        extraction.entities ?? null,
      ]),
    )
    .digest('base64')
}
