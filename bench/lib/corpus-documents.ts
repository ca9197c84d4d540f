import type { SourceDocument } from '../../src/core/model/document.js'
import { parseTextDocument } from '../../src/ingest/text-document.js'
import { generateArticles, type GeneratedArticle } from '../../scripts/gen-corpus.js'

/** The generated corpus, in memory: articles as files would hold them, and as parsed documents. */
export interface BenchCorpus {
  readonly articles: readonly GeneratedArticle[]
  readonly documents: readonly SourceDocument[]
  /** Words in all bodies. */
  readonly words: number
}

/**
 * Generates `count` articles with the corpus generator and parses them the way ingest reads a
 * text file (header block, then body), so the pipeline sees what `triangulate analyze` sees.
 */
export function loadBenchCorpus(count: number, seed: number): BenchCorpus {
  const articles = [...generateArticles({ articles: count, seed })]
  const documents = articles.map((article) =>
    parseTextDocument(article.text, { id: article.name, source: `corpus/${article.name}.txt` }),
  )
  return { articles, documents, words: articles.reduce((sum, article) => sum + article.words, 0) }
}
