import type { Analysis } from '../core/model/analysis.js'
import { splitAnalysis } from '../store/picture.js'
import type { Store } from '../store/store.js'
import { analyzeDocuments } from './analyze.js'
import { type PictureChanges, diffPictures } from './diff-picture.js'

export interface RefreshOptions {
  /** ISO date-time written as the picture's `generatedAt`. */
  readonly generatedAt: string
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * Redraws the stored picture after documents were added (or the engine changed), inside the
 * caller's transaction, and says what changed.
 *
 * Today this re-runs the pipeline and fusion over every current document (`analyzeDocuments`):
 * simple and always consistent, at a cost that grows with the store (the ingest benchmark
 * prints it). This is the one place to change for incremental work: keep the per-document
 * extractions of unchanged documents and feed only the new ones to fusion's `FusionState`,
 * re-fusing just the affected stories.
 */
export async function refreshPicture(
  store: Store,
  options: RefreshOptions,
): Promise<{ analysis: Analysis; changes: PictureChanges }> {
  const before = await store.getAnalysis()
  const documents = (await store.listDocuments()).map((stored) => stored.document)
  const analysis = analyzeDocuments(documents, {
    generatedAt: options.generatedAt,
    ...(options.onProgress && { onProgress: options.onProgress }),
  })
  const { extractions, fusion } = splitAnalysis(analysis)
  await store.replaceExtractions(extractions)
  await store.replaceFusion(fusion)
  return { analysis, changes: diffPictures(before, analysis) }
}
