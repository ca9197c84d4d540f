import type {
  Analysis,
  AnalysisEvent,
  Claim,
  ControlState,
  Dispute,
  Entity,
  TimelineEntry,
} from '../core/model/analysis.js'
import type { Diagnostic } from '../core/model/diagnostic.js'
import type { SourceDocument } from '../core/model/document.js'
import type { Span } from '../core/model/span.js'

/**
 * The library of articles and of the picture drawn from them, behind one typed interface
 * (after Kysely's dialects and Hono's routers): `sqlite/sqlite-store.ts` is the embedded
 * default, `postgres/` the scale-out backend. Every backend passes `runStoreContract` in
 * `store.contract.ts`, which is the executable specification of this file.
 *
 * Three layers, each replaced as a unit so a reader never sees a mix of two analyses:
 * - documents: immutable once stored, keyed by the SHA-256 of their original bytes;
 * - extractions: per-document facts (events, entity mentions, diagnostics), each row carrying
 *   `document_id, start, end, quote, stage, rule`;
 * - the fused picture: claims, disputes, control, timeline, stories, entities (cross-document,
 *   so without spans of their own), plus a history row per change.
 *
 * Methods are async so a networked database fits the same shape. Writes that belong together
 * go through `withTransaction`; each ingest is one transaction.
 */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly backend: string
  /** Where it lives, for messages: a file path, or a URL without its password. */
  readonly location: string

  /**
   * Stores a document unless one with the same `contentHash` exists (then `unchanged`, and the
   * existing id is returned). When `revisionKey` matches a current document with other content,
   * the new one is stored as its revision: `revisionOf` links to it, the old one stops being
   * current and its extraction rows are dropped (facts exist only for current documents).
   * The stored id is `document.id` when free, else a suffixed form; use the returned id.
   */
  putDocument(input: NewDocument): Promise<PutDocumentResult>
  getDocument(id: string): Promise<StoredDocument | null>
  getDocumentByHash(contentHash: string): Promise<StoredDocument | null>
  /**
   * Documents in ingest order; superseded revisions only when asked; with `ids`, only those
   * (current or not).
   */
  listDocuments(options?: {
    readonly includeSuperseded?: boolean
    readonly ids?: readonly string[]
  }): Promise<StoredDocument[]>

  /** Ids of the current documents in ingest order (what a walk over a large library needs). */
  listDocumentIds(): Promise<string[]>

  /**
   * Replaces, per document named, its events, mentions and diagnostics. A document already
   * recorded in a story has that record marked stale: its story must be fused again.
   */
  replaceExtractions(extractions: readonly DocumentExtraction[]): Promise<void>
  getExtraction(documentId: string): Promise<DocumentExtraction | null>
  /**
   * The extractions of all current documents, or of the named ones, in ingest order (one query,
   * not one per document).
   */
  listExtractions(options?: {
    readonly documentIds?: readonly string[]
  }): Promise<DocumentExtraction[]>
  /** Replaces the whole fused picture (claims, disputes, control, timeline, stories, entities). */
  replaceFusion(fusion: FusedPicture): Promise<void>

  /**
   * Replaces the fused rows of some stories and leaves the others' (issue 8: an ingest re-fuses
   * only the stories its documents join). Rows of the stories named in `remove` go, then the
   * rows of `stories` are written; `all` first drops the whole picture (a picture written by
   * `replaceFusion`, or a reanalysis). `getAnalysis` joins the stories' rows as
   * `joinStoryPictures` joins them in memory.
   */
  replaceStories(update: StoryReplacement): Promise<void>
  /** The stored claims and disputes of some stories (what an ingest compares its re-fusion with). */
  listStoryFacts(
    stories: readonly string[],
  ): Promise<{ claims: readonly Claim[]; disputes: readonly Dispute[] }>
  /** Records (or replaces) documents' stories and story features. */
  putDocumentStories(rows: readonly DocumentStory[]): Promise<void>
  /**
   * Story records of every document that has one, in ingest order, with `current: false` for
   * superseded versions (their story must be re-fused without them).
   */
  listDocumentStories(): Promise<(DocumentStory & { readonly current: boolean })[]>
  /**
   * What a fusion from stored facts takes next (the workers of a PostgreSQL library): current
   * documents with stored facts that are in no story yet, or whose facts were replaced since
   * their story was recorded (`replaceExtractions` marks such a story record stale,
   * `putDocumentStories` clears the mark), in ingest order, with the version each replaces.
   * With `before`, only documents ingested before that one (none when it is unknown).
   */
  listUnfusedDocuments(options?: { readonly before?: string }): Promise<UnfusedDocument[]>
  /** The current picture in the contract shape (`triangulate.analysis/1`), over current documents. */
  getAnalysis(): Promise<Analysis>

  /** Records one change of the picture (an ingest, a reanalysis). */
  appendHistory(entry: NewHistoryEntry): Promise<HistoryEntry>
  /** Newest first. */
  listHistory(options?: { readonly limit?: number }): Promise<HistoryEntry[]>

  /**
   * Full-text search over article titles and text and over claim summaries. The query is words,
   * not a query language: punctuation is ignored, every word must match (prefix matching is not
   * applied). Snippets mark matches with SNIPPET_OPEN / SNIPPET_CLOSE.
   */
  search(query: string, options?: { readonly limit?: number }): Promise<SearchResult>
  counts(): Promise<StoreCounts>
  /**
   * Cheap (one row) version of the store: `version` grows with every committed write, in any
   * process. Server-Sent Events poll this to know when to re-read the picture.
   */
  lastUpdate(): Promise<StoreVersion>

  /**
   * Runs `fn` in one transaction and commits when it resolves; when it throws, nothing it wrote
   * remains. Use only the `tx` store inside `fn` (the outer one may wait for the transaction).
   * Nested calls on `tx` join the outer transaction.
   */
  withTransaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Markers around matched words in search snippets (plain text: callers escape for HTML). */
export const SNIPPET_OPEN = '«'
export const SNIPPET_CLOSE = '»'

export interface NewDocument {
  readonly document: SourceDocument
  /** SHA-256 (hex) of the input's original bytes: the identity of a version. */
  readonly contentHash: string
  /** Size of the original bytes. */
  readonly byteLength: number
  /** What makes two versions "the same article": its URL, or its file path; null for none. */
  readonly revisionKey: string | null
  /** ISO date-time of the ingest. */
  readonly ingestedAt: string
}

export interface PutDocumentResult {
  readonly status: 'inserted' | 'unchanged'
  /** The id the document is stored under (may differ from `document.id`, see putDocument). */
  readonly id: string
  /** For an inserted revision, the id of the version it replaces. */
  readonly revisionOf: string | null
}

export interface StoredDocument {
  /** The document as stored, `id` being the stored id. */
  readonly document: SourceDocument
  readonly contentHash: string
  readonly byteLength: number
  readonly revisionKey: string | null
  readonly revisionOf: string | null
  /** Id of the newer revision, when this one is superseded. */
  readonly supersededBy: string | null
  readonly ingestedAt: string
}

/** An entity mention in one document: which entity, and the exact words. */
export interface EntityMention {
  readonly entity: string
  readonly span: Span
}

/** Everything the per-document pipeline found in one document. */
export interface DocumentExtraction {
  readonly documentId: string
  readonly events: readonly AnalysisEvent[]
  /** Mentions of the fused entities in this document. */
  readonly mentions: readonly EntityMention[]
  readonly diagnostics: readonly Diagnostic[]
  /**
   * The document's own entities as the per-document pipeline found them, before fusion
   * merged them across documents. Kept so a later ingest can re-fuse without re-running the
   * pipeline on this document; absent when the writer did not give them.
   */
  readonly entities?: readonly Entity[]
}

/** The cross-document layer of an Analysis; entities here carry no mentions (see extractions). */
export interface FusedPicture {
  readonly generatedAt: string
  readonly entities: readonly Entity[]
  readonly claims: readonly Claim[]
  readonly disputes: readonly Dispute[]
  readonly control: readonly ControlState[]
  readonly timeline: readonly TimelineEntry[]
  readonly stories: readonly unknown[]
  /** Diagnostics about no single document. */
  readonly diagnostics: readonly Diagnostic[]
  /** Fusion's verdicts on documents (copies, syndication). */
  readonly documentLinks: readonly DocumentLink[]
  /** Other top-level Analysis fields (framing, history …), kept as they are. */
  readonly extras: Readonly<Record<string, unknown>>
}

/** One story's fused rows, fused apart from the other stories (see core/fusion FusionState). */
export interface StoryPicture {
  /** `story:<id of its first document>`. */
  readonly story: string
  /** Creation order of the story: orders stories, and names its claims (`claimPrefixOf`). */
  readonly ordinal: number
  /** Its entities, without mentions (those live with the extractions). */
  readonly entities: readonly Entity[]
  readonly claims: readonly Claim[]
  readonly disputes: readonly Dispute[]
  readonly control: readonly ControlState[]
  readonly timeline: readonly TimelineEntry[]
  /** Its entry of the Analysis `stories` list. */
  readonly summary: unknown
  /** Fusion's verdicts on its documents (copies, syndication). */
  readonly documentLinks: readonly DocumentLink[]
  /** Its framing table, history entries and admin-1 control (`framing`, `history`, `regionControl`). */
  readonly extras: Readonly<Record<string, unknown>>
}

export interface StoryReplacement {
  readonly generatedAt: string
  /** Drop every fused row first. */
  readonly all?: boolean
  /** Stories whose rows go (re-fused ones, and stories that lost their last document). */
  readonly remove: readonly string[]
  readonly stories: readonly StoryPicture[]
}

/** Which story a document went to, and what the story step read of it (to match later ones). */
export interface DocumentStory {
  readonly documentId: string
  readonly story: string
  readonly ordinal: number
  /** The document's StoryFeatures (core/fusion/story-index.ts), as JSON-ready data. */
  readonly features: unknown
}

/** A document waiting for fusion (see `listUnfusedDocuments`). */
export interface UnfusedDocument {
  readonly id: string
  /** The version it replaces, whose story must be fused again without it. */
  readonly revisionOf: string | null
}

export interface DocumentLink {
  readonly id: string
  readonly duplicateOf: string | null
  readonly syndicationGroup: string | null
}

export type HistoryKind = 'ingest' | 'reanalyze'

export interface NewHistoryEntry {
  readonly at: string
  readonly kind: HistoryKind
  /** The inputs named on the command line (paths, URLs, `-`). */
  readonly inputs: readonly string[]
  readonly documentsAdded: readonly string[]
  /** What changed in the picture (see app/diff-picture.ts); free-form JSON. */
  readonly changes: Readonly<Record<string, unknown>>
  /** Counts after the change. */
  readonly counts: Readonly<Record<string, number>>
}

export interface HistoryEntry extends NewHistoryEntry {
  /** Increasing, 1-based. */
  readonly id: number
}

export interface DocumentHit {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly snippet: string
}

export interface ClaimHit {
  readonly id: string
  readonly summary: string
  readonly status: string
  readonly snippet: string
}

export interface SearchResult {
  readonly documents: readonly DocumentHit[]
  readonly claims: readonly ClaimHit[]
}

export interface StoreCounts {
  /** Current documents (superseded revisions not counted). */
  readonly documents: number
  /** Superseded revisions kept for history. */
  readonly revisions: number
  readonly events: number
  readonly entities: number
  readonly claims: number
  readonly disputes: number
  readonly stories: number
  readonly diagnostics: number
  readonly history: number
}

export interface StoreVersion {
  /** 0 for an empty store; grows by at least one per committed write. */
  readonly version: number
  /** ISO date-time of the last committed write, null when never written. */
  readonly at: string | null
}
