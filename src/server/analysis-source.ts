import type { Analysis } from '../core/model/analysis.js'

/** An article sent to `POST /api/documents`: plain text (optionally with a header block) or HTML. */
export interface NewArticle {
  readonly text?: string | undefined
  readonly html?: string | undefined
  /** Where the article was found; kept as metadata only (the server never fetches it). */
  readonly url?: string | undefined
  readonly outlet?: string | undefined
  /** `YYYY-MM-DD`, the reference for relative dates when the article carries none. */
  readonly published?: string | undefined
  readonly title?: string | undefined
}

export interface AddedArticle {
  /** The id the document is known by (an existing id when the same text was sent before). */
  readonly id: string
  /** True when the text was already there and nothing changed. */
  readonly unchanged: boolean
  /** The source's version after the write. */
  readonly version: number | string
}

/**
 * What the HTTP app reads: the current analysis and a cheap version that changes whenever the
 * analysis does (in this process or, for a store, in any process). Two implementations:
 * `createMemorySource` (inputs analysed in memory) and `createStoreSource` (a Store).
 */
export interface AnalysisSource {
  getAnalysis(): Promise<Analysis>
  /** Changes whenever `getAnalysis()` would return something new; polled about once a second. */
  version(): Promise<number | string>
  /** Adds one article and updates the analysis; absent when the source is read-only. */
  addDocument?(input: NewArticle): Promise<AddedArticle>
  close?(): Promise<void>
}
