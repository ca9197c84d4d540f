import {
  documentDefaults,
  type IngestOptions,
  type IngestReport,
  type IngestedDocument,
} from '../app/ingest.js'
import type { InputError } from '../ingest/input-error.js'
import { type InputItem, readInputItems } from '../ingest/read-inputs.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { openQueue } from './open-queue.js'
import { sendExtractJobs } from './send-jobs.js'

export interface QueuedIngestReport extends IngestReport {
  /** Extraction jobs queued (one per new document); workers draw the picture. */
  readonly queued: number
}

/**
 * `triangulate ingest` against PostgreSQL: reads the inputs as the SQLite path does, then in
 * ONE transaction stores the new documents, queues one extraction job per new document and
 * records the history entry. The picture is drawn by `triangulate worker` processes, not here,
 * so an ingest of ten thousand articles returns in seconds. Same idempotence as SQLite: known
 * content is neither stored nor queued again.
 */
export async function ingestToQueue(
  store: PostgresStore,
  inputs: readonly string[],
  options: Omit<IngestOptions, 'onProgress'> = {},
): Promise<QueuedIngestReport> {
  const defaults = documentDefaults(options)
  const { items, problems } = await readInputItems(inputs, defaults, options)
  if (options.strict && problems.length > 0) return empty(problems, await store.counts())
  const report = await queueItems(store, items, { ...options, inputs })
  return { ...report, problems }
}

/** Stores already-read items and queues their extraction, in one transaction. */
export async function queueItems(
  store: PostgresStore,
  items: readonly InputItem[],
  options: Pick<IngestOptions, 'now'> & { readonly inputs?: readonly string[] } = {},
): Promise<QueuedIngestReport> {
  const now = options.now ?? (() => new Date())
  const boss = await openQueue(store, { supervise: false })
  try {
    return await store.transactionStore(async (tx) => {
      const at = now().toISOString()
      const added: IngestedDocument[] = []
      const unchanged: IngestedDocument[] = []
      // As app/ingest.ts: a page fetched again with other bytes around the same text (new ads,
      // a new timestamp) is not a new version. Only the keys at hand are read, not the library.
      const currentByKey = new Map<string, { id: string; text: string }>()
      const keys = items.flatMap((item) => (item.revisionKey === null ? [] : [item.revisionKey]))
      for (const [key, stored] of await tx.currentByRevisionKeys(keys))
        currentByKey.set(key, { id: stored.document.id, text: sameText(stored.document.text) })
      for (const item of items) {
        const current = item.revisionKey === null ? undefined : currentByKey.get(item.revisionKey)
        if (current && current.text === sameText(item.document.text)) {
          unchanged.push({ id: current.id, source: item.document.source, revisionOf: null })
          continue
        }
        const put = await tx.putDocument({
          document: item.document,
          contentHash: item.contentHash,
          byteLength: item.byteLength,
          revisionKey: item.revisionKey,
          ingestedAt: at,
        })
        const entry = { id: put.id, source: item.document.source, revisionOf: put.revisionOf }
        if (put.status === 'inserted' && item.revisionKey !== null)
          currentByKey.set(item.revisionKey, { id: put.id, text: sameText(item.document.text) })
        if (put.status === 'inserted') added.push(entry)
        else unchanged.push(entry)
      }
      if (added.length === 0) return { ...empty([], await tx.counts()), unchanged }
      await sendExtractJobs(
        boss,
        tx,
        added.map((document) => document.id),
      )
      const counts = await tx.counts()
      const history = await tx.appendHistory({
        at,
        kind: 'ingest',
        inputs: options.inputs ?? [...new Set(items.map((item) => item.input))],
        documentsAdded: added.map((document) => document.id),
        changes: {
          queued: added.length,
          revisions: added.filter((document) => document.revisionOf !== null).length,
        },
        counts: { ...counts },
      })
      return {
        added,
        unchanged,
        problems: [],
        history,
        changes: null,
        counts,
        queued: added.length,
      }
    })
  } finally {
    await boss.stop({ graceful: false, close: false, wait: true })
  }
}

function empty(
  problems: readonly InputError[],
  counts: IngestReport['counts'],
): QueuedIngestReport {
  return { added: [], unchanged: [], problems, history: null, changes: null, counts, queued: 0 }
}

/** Text as compared between versions: layout (line breaks, blank lines, edges) does not count. */
function sameText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
