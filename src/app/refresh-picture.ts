import type { Analysis } from '../core/model/analysis.js'
import { splitAnalysis } from '../store/picture.js'
import type { Store } from '../store/store.js'
import { type DocumentFacts, analyzeIncrementally } from './analyze-incremental.js'
import { type PictureChanges, diffPictures } from './diff-picture.js'

export interface RefreshOptions {
  /** ISO date-time written as the picture's `generatedAt`. */
  readonly generatedAt: string
  /**
   * Re-run the per-document pipeline on every document (after an engine upgrade) instead of
   * reusing the stored per-document facts.
   */
  readonly rerunPipeline?: boolean
  /** Called while the pipeline runs on documents: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * Redraws the stored picture after documents were added (or the engine changed), inside the
 * caller's transaction, and says what changed. The per-document pipeline runs only on
 * documents without stored facts (the new ones, or all with `rerunPipeline`); fusion runs over
 * all current documents, and the picture and every extraction are rewritten as one unit.
 *
 * This is the one place to change for finer increments: fusion's `FusionState` can take the
 * new documents alone and re-fuse only the affected stories.
 */
export async function refreshPicture(
  store: Store,
  options: RefreshOptions,
): Promise<{ analysis: Analysis; changes: PictureChanges; analysed: number }> {
  const before = await store.getAnalysis()
  const documents = (await store.listDocuments()).map((stored) => stored.document)
  const known = new Map<string, DocumentFacts>()
  if (!options.rerunPipeline) {
    for (const extraction of await store.listExtractions()) {
      if (extraction.entities === undefined) continue
      known.set(extraction.documentId, {
        events: extraction.events,
        entities: extraction.entities,
        diagnostics: extraction.diagnostics,
      })
    }
  }
  const { analysis, facts, analysed } = analyzeIncrementally(documents, known, {
    generatedAt: options.generatedAt,
    ...(options.onProgress && { onProgress: options.onProgress }),
  })
  const { extractions, fusion } = splitAnalysis(analysis)
  await store.replaceExtractions(
    extractions.map((extraction) => ({
      ...extraction,
      entities: facts.get(extraction.documentId)?.entities ?? [],
    })),
  )
  await store.replaceFusion(fusion)
  return { analysis, changes: diffPictures(before, analysis), analysed }
}
