import type { Analysis } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { analyzeCorpus } from '../core/pipeline/analyze-corpus.js'
import { loadLexicon } from '../datasets/load-lexicon.js'
import { loadAffiliations } from '../datasets/affiliations/load-affiliations.js'
import { InputError } from '../ingest/input-error.js'
import { parsePublishedDate } from '../ingest/parse-date.js'
import { readInputs } from '../ingest/read-inputs.js'

export interface AnalyzeOptions {
  /** Publication date for documents that carry none (`--published`). */
  readonly published?: string
  /** Outlet for documents that name none (`--outlet`). */
  readonly outlet?: string
  /** Called after each document is analysed: (done, total). */
  readonly onProgress?: (done: number, total: number) => void
  /** Fixed `generatedAt` for byte-identical output (tests, diffs). */
  readonly generatedAt?: string
}

export interface AnalyzeResult {
  readonly analysis: Analysis
  readonly problems: InputError[]
}

/**
 * The one-off use case behind `triangulate analyze`: read inputs, run the per-document pipeline
 * and fusion in memory, return the contract document and the inputs that could not be read.
 */
export async function analyzeInputs(
  paths: readonly string[],
  options: AnalyzeOptions = {},
): Promise<AnalyzeResult> {
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
  const defaults = {
    ...(published !== undefined && { published }),
    ...(options.outlet !== undefined && { outlet: options.outlet }),
  }
  const { documents, problems } = await readInputs(paths, defaults)
  return { analysis: analyzeDocuments(documents, options), problems }
}

/** Analyses documents already in memory (ingest adapters, the server, tests). */
export function analyzeDocuments(
  documents: readonly SourceDocument[],
  options: AnalyzeOptions = {},
): Analysis {
  return analyzeCorpus(documents, {
    lexicon: loadLexicon(),
    affiliations: loadAffiliations(),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    ...(options.onProgress && { onProgress: options.onProgress }),
  })
}
