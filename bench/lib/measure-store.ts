import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ingestInputs } from '../../src/app/ingest.js'
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js'
import type { GeneratedArticle } from '../../scripts/gen-corpus.js'

export interface StoreFigures {
  readonly articles: number
  readonly batches: number
  readonly seconds: number
  readonly articlesPerSec: number
  /** Seconds of the last batch: ingest redraws the whole picture, so later batches cost more. */
  readonly lastBatchSeconds: number
  readonly bytes: number
  readonly mebibytesPer1k: number
  readonly dbPath: string
}

/**
 * Ingests `articles` as files into a fresh SQLite store in `dir`, `batches` ingest calls (one
 * transaction each, as `triangulate ingest` does per call), and measures time and file size
 * (database plus WAL). The store is left on disk for the API benchmark.
 */
export async function measureStore(
  articles: readonly GeneratedArticle[],
  dir: string,
  batches: number,
): Promise<StoreFigures> {
  const size = Math.ceil(articles.length / batches)
  const batchDirs: string[] = []
  for (let k = 0; k * size < articles.length; k++) {
    const batchDir = join(dir, `batch-${k}`)
    mkdirSync(batchDir, { recursive: true })
    for (const article of articles.slice(k * size, (k + 1) * size)) {
      writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
    }
    batchDirs.push(batchDir)
  }
  const dbPath = join(dir, 'bench.db')
  const store = await openSqliteStore(dbPath)
  const started = performance.now()
  let lastBatchSeconds = 0
  try {
    for (const batchDir of batchDirs) {
      const t0 = performance.now()
      await ingestInputs(store, [batchDir])
      lastBatchSeconds = (performance.now() - t0) / 1000
    }
  } finally {
    await store.close()
  }
  const seconds = (performance.now() - started) / 1000
  const bytes = readdirSync(dir)
    .filter((name) => name.startsWith('bench.db'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
  return {
    articles: articles.length,
    batches: batchDirs.length,
    seconds,
    articlesPerSec: articles.length / seconds,
    lastBatchSeconds,
    bytes,
    mebibytesPer1k: ((bytes / articles.length) * 1000) / 1024 / 1024,
    dbPath,
  }
}
