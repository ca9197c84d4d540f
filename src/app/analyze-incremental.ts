import type { Analysis } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { analyzeCorpusWithFacts, type DocumentFacts } from '../core/pipeline/analyze-corpus.js'
import { loadAffiliations } from '../datasets/affiliations/load-affiliations.js'
import { loadLexicon } from '../datasets/load-lexicon.js'

export type { DocumentFacts }

export interface IncrementalOptions {
  readonly generatedAt: string
  /** Called after each document the pipeline actually runs on: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * `analyzeDocuments` for a store: the per-document pipeline runs only on documents whose facts
 * are not known yet (the new ones), fusion then runs over all of them. The per-document
 * pipeline is pure, so reusing stored facts gives the picture a full run gives
 * (`analyze-incremental.test.ts` checks it). After an engine upgrade, `reanalyze` passes no known facts.
 */
export function analyzeIncrementally(
  documents: readonly SourceDocument[],
  known: ReadonlyMap<string, DocumentFacts>,
  options: IncrementalOptions,
): { analysis: Analysis; facts: Map<string, DocumentFacts>; analysed: number } {
  return analyzeCorpusWithFacts(documents, {
    lexicon: loadLexicon(),
    affiliations: loadAffiliations(),
    generatedAt: options.generatedAt,
    known,
    ...(options.onProgress && { onProgress: options.onProgress }),
  })
}
