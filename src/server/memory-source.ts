import type { Analysis } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import type { AddedArticle, AnalysisSource, NewArticle } from './analysis-source.js'
import { articleToDocument } from './article-document.js'

export interface MemorySourceOptions {
  /** Turns documents into an analysis: the pipeline (`createInputsSource` passes it). */
  readonly analyze: (documents: readonly SourceDocument[]) => Analysis
  /** Defaults for posted articles that name no outlet or date (`--outlet`, `--published`). */
  readonly outlet?: string
  readonly published?: string
}

/**
 * Documents held in memory, analysed on first read and again after each added article. The
 * version counts the changes; it is per process (nothing else can write here).
 */
export function createMemorySource(
  initial: readonly SourceDocument[],
  options: MemorySourceOptions,
): AnalysisSource {
  const analyze = options.analyze
  const documents = [...initial]
  let version = 1
  let cached: { version: number; analysis: Analysis } | null = null
  // Writes run one at a time, so two posts never analyse the same snapshot twice.
  let queue: Promise<unknown> = Promise.resolve()

  return {
    async getAnalysis() {
      if (!cached || cached.version !== version) cached = { version, analysis: analyze(documents) }
      return cached.analysis
    },
    async version() {
      return version
    },
    addDocument(input: NewArticle): Promise<AddedArticle> {
      const run = queue.then(() => {
        const { document } = articleToDocument(input, options)
        const existing = documents.find((candidate) => candidate.id === document.id)
        if (existing) return { id: existing.id, unchanged: true, version }
        documents.push(document)
        version += 1
        return { id: document.id, unchanged: false, version }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
