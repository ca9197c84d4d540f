/** How a document's publication date was found. */
export type PublishedFrom = 'header' | 'dateline' | 'metadata' | 'option' | 'unknown'

/**
 * One input article after ingest. `text` is immutable: every Span of every fact indexes it.
 * Normalised forms live beside the text, never in it.
 */
export interface SourceDocument {
  /** File name without directory and extension for files; a stable hash-based id otherwise. */
  readonly id: string
  /** Path or URL the document came from. */
  readonly source: string
  readonly outlet: string | null
  readonly url: string | null
  /** `YYYY-MM-DD`, the reference for relative dates, or null when unknown. */
  readonly published: string | null
  readonly publishedFrom: PublishedFrom
  readonly title: string | null
  readonly author?: string | null
  readonly language?: string | null
  readonly text: string
  /** Header keys the contract does not know, kept as they were. */
  readonly metadata: Readonly<Record<string, string>>
  /** Set by fusion when the text repeats another document. */
  duplicateOf?: string | null
  syndicationGroup?: string | null
}
