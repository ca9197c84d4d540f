import type { DocumentDefaults } from '../ingest/text-document.js'
import { InputError } from '../ingest/input-error.js'
import { parsePublishedDate } from '../ingest/parse-date.js'
import { type InputItem, type ReadOptions, readInputItems } from '../ingest/read-inputs.js'
import type { HistoryEntry, Store, StoreCounts } from '../store/store.js'
import type { PictureChanges } from './diff-picture.js'
import { refreshPicture } from './refresh-picture.js'

export interface IngestOptions extends ReadOptions {
  /** Publication date for documents that carry none (`--published`). */
  readonly published?: string
  /** Outlet for documents that name none (`--outlet`). */
  readonly outlet?: string
  /** Any unreadable input stores nothing at all (`--strict`). */
  readonly strict?: boolean
  /** The clock (tests pass a fixed one). */
  readonly now?: () => Date
  /** Called while the picture is redrawn: (documents analysed, total). */
  readonly onProgress?: (done: number, total: number) => void
}

export interface IngestedDocument {
  readonly id: string
  readonly source: string
  /** For a new version of a known URL: the id of the version it replaces. */
  readonly revisionOf: string | null
}

export interface IngestReport {
  readonly added: readonly IngestedDocument[]
  /** Inputs the store already held: same SHA-256, or same URL with the same text. */
  readonly unchanged: readonly IngestedDocument[]
  /** Inputs that could not be read: nothing was stored for them. */
  readonly problems: readonly InputError[]
  /** The history entry of this ingest; null when nothing changed. */
  readonly history: HistoryEntry | null
  readonly changes: PictureChanges | null
  readonly counts: StoreCounts
}

/**
 * The use case behind `triangulate ingest`: read the inputs (files, directories, `-`, URLs),
 * then in ONE transaction store the new documents (idempotent by content hash; a changed
 * version of a known URL becomes a linked revision), redraw the picture and record a history
 * entry. An error, or a kill, before the commit leaves the store as it was. Unreadable inputs
 * are reported and skipped; the rest are stored.
 */
export async function ingestInputs(
  store: Store,
  inputs: readonly string[],
  options: IngestOptions = {},
): Promise<IngestReport> {
  const defaults = documentDefaults(options)
  // Reading (and fetching) happens before the transaction: the write lock is held only for
  // the store's own work.
  const { items, problems } = await readInputItems(inputs, defaults, options)
  if (options.strict && problems.length > 0) {
    return {
      added: [],
      unchanged: [],
      problems,
      history: null,
      changes: null,
      counts: await store.counts(),
    }
  }
  const report = await ingestItems(store, items, { ...options, inputs })
  return { ...report, problems }
}

/** Stores already-read items in one transaction (the server and tests call this directly). */
export async function ingestItems(
  store: Store,
  items: readonly InputItem[],
  options: Pick<IngestOptions, 'now' | 'onProgress'> & { readonly inputs?: readonly string[] } = {},
): Promise<IngestReport> {
  const now = options.now ?? (() => new Date())
  return store.withTransaction(async (tx) => {
    const at = now().toISOString()
    const added: IngestedDocument[] = []
    const unchanged: IngestedDocument[] = []
    // A page fetched again with new ads or a new timestamp around the same story has other
    // bytes but the same text: that is not a new version, so no revision is made for it.
    const currentByKey = new Map<string, { id: string; text: string }>()
    if (items.some((item) => item.revisionKey !== null)) {
      for (const stored of await tx.listDocuments()) {
        if (stored.revisionKey !== null)
          currentByKey.set(stored.revisionKey, {
            id: stored.document.id,
            text: sameText(stored.document.text),
          })
      }
    }
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
      if (put.status === 'inserted' && item.revisionKey !== null) {
        currentByKey.set(item.revisionKey, { id: put.id, text: sameText(item.document.text) })
      }
      if (put.status === 'inserted') added.push(entry)
      else unchanged.push(entry)
    }
    if (added.length === 0) {
      return {
        added,
        unchanged,
        problems: [],
        history: null,
        changes: null,
        counts: await tx.counts(),
      }
    }
    const { changes } = await refreshPicture(tx, {
      generatedAt: at,
      added,
      ...(options.onProgress && { onProgress: options.onProgress }),
    })
    const counts = await tx.counts()
    const history = await tx.appendHistory({
      at,
      kind: 'ingest',
      inputs: options.inputs ?? [...new Set(items.map((item) => item.input))],
      documentsAdded: added.map((document) => document.id),
      changes: {
        ...changes,
        revisions: added.filter((document) => document.revisionOf !== null).length,
      },
      counts: { ...counts },
    })
    return { added, unchanged, problems: [], history, changes, counts: await tx.counts() }
  })
}

/**
 * The use case behind `triangulate reanalyze`: after an engine upgrade, re-run extraction and
 * fusion over every stored document, in one transaction, and record it in the history.
 */
export async function reanalyzeStore(
  store: Store,
  options: Pick<IngestOptions, 'now' | 'onProgress'> = {},
): Promise<{ history: HistoryEntry; changes: PictureChanges; counts: StoreCounts }> {
  const now = options.now ?? (() => new Date())
  return store.withTransaction(async (tx) => {
    const at = now().toISOString()
    const { changes } = await refreshPicture(tx, {
      generatedAt: at,
      rerunPipeline: true,
      ...(options.onProgress && { onProgress: options.onProgress }),
    })
    const counts = await tx.counts()
    const history = await tx.appendHistory({
      at,
      kind: 'reanalyze',
      inputs: [],
      documentsAdded: [],
      changes: { ...changes },
      counts: { ...counts },
    })
    return { history, changes, counts: await tx.counts() }
  })
}

/** Text as compared between versions: layout (line breaks, blank lines, edges) does not count. */
function sameText(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** `--published` / `--outlet` as document defaults; an unparsable date is an InputError. */
export function documentDefaults(options: {
  readonly published?: string
  readonly outlet?: string
}): DocumentDefaults {
  let published: string | undefined
  if (options.published !== undefined) {
    const parsed = parsePublishedDate(options.published)
    if (parsed === null)
      throw new InputError(
        '--published',
        `unparsable date "${options.published}" (expected YYYY-MM-DD)`,
      )
    published = parsed
  }
  return {
    ...(published !== undefined && { published }),
    ...(options.outlet !== undefined && { outlet: options.outlet }),
  }
}
