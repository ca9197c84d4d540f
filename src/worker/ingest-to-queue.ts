import {
  documentDefaults,
  type IngestOptions,
  type IngestReport,
  type IngestedDocument,
} from '../app/ingest.js'
import { InputError } from '../ingest/input-error.js'
import { expandPath, type InputItem, readInputItems } from '../ingest/read-inputs.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'
import { openQueue } from './open-queue.js'
import { sendExtractJobs } from './send-jobs.js'

export interface QueuedIngestReport extends IngestReport {
  /** Extraction jobs queued (one per new document); workers draw the picture. */
  readonly queued: number
}

/**
 * Files read, stored and queued per transaction. A generated article is about 3 KB of text
 * and as much again as a document row and job: 2,000 keep an ingest's memory near 50 MB
 * whatever the directory holds (one transaction of 100,000 files held about 1.3 GB).
 */
export const INGEST_CHUNK_FILES = 2000

/**
 * `triangulate ingest` against PostgreSQL: reads the inputs as the SQLite path does, then
 * stores the new documents, queues one extraction job per new document and records a history
 * entry, in transactions of INGEST_CHUNK_FILES files (directories are listed first, then read
 * chunk by chunk): memory stays bounded however many files a directory holds. Each chunk's
 * documents and jobs commit together; an ingest interrupted between chunks keeps the chunks
 * it committed, and running it again stores only the rest (known content is neither stored
 * nor queued again). With `strict`, every input is read first and nothing is stored if one
 * is unreadable, so the whole ingest is one transaction. The picture is drawn by `triangulate
 * worker` processes, not here.
 */
export async function ingestToQueue(
  store: PostgresStore,
  inputs: readonly string[],
  options: Omit<IngestOptions, 'onProgress'> & { readonly chunkFiles?: number } = {},
): Promise<QueuedIngestReport> {
  const defaults = documentDefaults(options)
  if (options.strict) {
    const { items, problems } = await readInputItems(inputs, defaults, options)
    if (problems.length > 0) return empty(problems, await store.counts())
    const report = await queueItems(store, items, { ...options, inputs })
    return { ...report, problems }
  }
  const chunkFiles = options.chunkFiles ?? INGEST_CHUNK_FILES
  const problems: InputError[] = []
  const reports: QueuedIngestReport[] = []
  const queue = async (paths: readonly string[]) => {
    if (paths.length === 0) return
    const read = await readInputItems(paths, defaults, options)
    problems.push(...read.problems)
    reports.push(await queueItems(store, read.items, { ...options, inputs }))
  }
  let pending: string[] = []
  for (const input of inputs) {
    // Standard input and URLs are one read each; paths are listed, then read in chunks.
    if (input === '-' || /^https?:\/\//i.test(input)) {
      await queue([input])
      continue
    }
    let files: string[]
    try {
      files = await expandPath(input)
    } catch (error) {
      problems.push(
        error instanceof InputError
          ? error
          : new InputError(input, String(error), { cause: error }),
      )
      continue
    }
    for (const file of files) {
      pending.push(file)
      if (pending.length >= chunkFiles) {
        await queue(pending)
        pending = []
      }
    }
  }
  await queue(pending)
  const last = reports.findLast((report) => report.history !== null) ?? reports.at(-1)
  return {
    added: reports.flatMap((report) => report.added),
    unchanged: reports.flatMap((report) => report.unchanged),
    problems,
    history: last?.history ?? null,
    changes: null,
    counts: last?.counts ?? (await store.counts()),
    queued: reports.reduce((sum, report) => sum + report.queued, 0),
  }
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
