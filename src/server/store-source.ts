import { ingestItems } from '../app/ingest.js'
import type { Store } from '../store/store.js'
import type { AddedArticle, AnalysisSource, NewArticle } from './analysis-source.js'
import { articleToDocument } from './article-document.js'

export interface StoreSourceOptions {
  /** Accept posted articles (the server still needs `--allow-write` to route them here). */
  readonly writable?: boolean
  /** Defaults for posted articles that name no outlet or date (`--outlet`, `--published`). */
  readonly outlet?: string
  readonly published?: string
}

/**
 * A Store as the server's source. The version is the store's change counter, which grows with
 * every committed write in any process, so a `triangulate ingest` run elsewhere reaches the
 * `/api/stream` clients within one poll. Posted articles go through the same use case as
 * `triangulate ingest` (`ingestItems`: one transaction, idempotent by content hash).
 */
export function createStoreSource(store: Store, options: StoreSourceOptions = {}): AnalysisSource {
  const defaults = {
    ...(options.outlet !== undefined && { outlet: options.outlet }),
    ...(options.published !== undefined && { published: options.published }),
  }
  const source: AnalysisSource = {
    getAnalysis: () => store.getAnalysis(),
    version: async () => (await store.lastUpdate()).version,
    close: () => store.close(),
  }
  if (!options.writable) return source
  return {
    ...source,
    async addDocument(input: NewArticle): Promise<AddedArticle> {
      const posted = articleToDocument(input, defaults)
      const report = await ingestItems(
        store,
        [{ ...posted, revisionKey: input.url ?? null, input: 'POST /api/documents' }],
        {
          inputs: ['POST /api/documents'],
        },
      )
      const stored = report.added[0] ?? report.unchanged[0]
      return {
        id: stored?.id ?? posted.document.id,
        unchanged: report.added.length === 0,
        version: (await store.lastUpdate()).version,
      }
    },
  }
}
