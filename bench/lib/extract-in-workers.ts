import { Worker } from 'node:worker_threads'
import type { FusionDocumentInput } from '../../src/core/fusion/fusion-types.js'
import type { AnalysisEvent, Entity } from '../../src/core/model/analysis.js'
import type { SourceDocument } from '../../src/core/model/document.js'

// Worker threads do not inherit the parent's module hooks (tsx): each registers tsx itself,
// then imports the TypeScript worker.
const WORKER_URL = new URL('./extract-worker.ts', import.meta.url).href
const TSX_API = import.meta.resolve('tsx/esm/api')
const WORKER_BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL)}) })`

export interface WorkerResult {
  readonly facts: readonly {
    readonly events: readonly AnalysisEvent[]
    readonly entities: readonly Entity[]
  }[]
  /** Time the worker spent in the pipeline (its lexicon load excluded). */
  readonly busyMs: number
}

export interface ParallelExtraction {
  readonly inputs: FusionDocumentInput[]
  /** Wall time from starting the workers to the last result, lexicon loads included. */
  readonly wallMs: number
  /** Pipeline time per worker. */
  readonly busyMs: readonly number[]
}

/**
 * The per-document pipeline over many documents on `threads` worker threads (one contiguous
 * slice each), returned in document order as fusion inputs. Each worker loads tsx itself, so
 * this runs from sources.
 */
export async function extractInWorkers(
  documents: readonly SourceDocument[],
  threads: number,
): Promise<ParallelExtraction> {
  const started = performance.now()
  const size = Math.ceil(documents.length / threads)
  const slices = Array.from({ length: threads }, (_, k) =>
    documents.slice(k * size, (k + 1) * size),
  ).filter((slice) => slice.length > 0)
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOTSTRAP, {
            eval: true,
            workerData: { documents: slice },
          })
          worker.once('message', (result: WorkerResult) => {
            resolve(result)
            void worker.terminate()
          })
          worker.once('error', reject)
          worker.once('exit', (code) => {
            if (code !== 0 && code !== 1)
              reject(new Error(`extract worker exited with code ${code}`))
          })
        }),
    ),
  )
  const inputs: FusionDocumentInput[] = []
  results.forEach((result, k) => {
    const slice = slices[k] as SourceDocument[]
    result.facts.forEach((facts, i) =>
      inputs.push({ document: slice[i] as SourceDocument, ...facts }),
    )
  })
  return {
    inputs,
    wallMs: performance.now() - started,
    busyMs: results.map((result) => result.busyMs),
  }
}
