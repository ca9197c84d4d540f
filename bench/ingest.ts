// Ingest throughput and store size: `npx tsx bench/ingest.ts [articles] [batch]`.
// Generates synthetic articles in code, ingests them in batches into a fresh SQLite store in a
// temporary directory, and prints articles/s per batch and overall, and the store's size per
// 1,000 articles. Prints figures only; asserts nothing.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { ingestInputs } from '../src/app/ingest.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { syntheticArticle } from '../test/e2e/store/synthetic-articles.js'

const total = Number(process.argv[2] ?? 1000)
const batchSize = Number(process.argv[3] ?? 200)
const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-ingest-'))
const dbPath = join(dir, 'bench.db')

try {
  const batches: string[] = []
  for (let start = 0; start < total; start += batchSize) {
    const batchDir = join(dir, `batch-${batches.length}`)
    mkdirSync(batchDir)
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const article = syntheticArticle(i)
      writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
    }
    batches.push(batchDir)
  }

  const store = await openSqliteStore(dbPath)
  console.log(
    `ingest benchmark: ${total} synthetic articles in batches of ${batchSize} (one transaction each)`,
  )
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (figures scale with it)`,
  )
  console.log('batch  new docs  stored total  seconds  articles/s (new)')
  const started = performance.now()
  for (const [index, batchDir] of batches.entries()) {
    const t0 = performance.now()
    const report = await ingestInputs(store, [batchDir])
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `${String(index + 1).padStart(5)}  ${String(report.added.length).padStart(8)}  ${String(report.counts.documents).padStart(12)}  ${seconds.toFixed(2).padStart(7)}  ${(report.added.length / seconds).toFixed(1).padStart(16)}`,
    )
  }
  const seconds = (performance.now() - started) / 1000
  const t0 = performance.now()
  const again = await ingestInputs(store, batches)
  const idempotentSeconds = (performance.now() - t0) / 1000
  const counts = await store.counts()
  await store.close()

  const bytes = readdirSync(dir)
    .filter((name) => name.startsWith('bench.db'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
  console.log('')
  console.log(
    `overall: ${total} articles in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(1)} articles/s`,
  )
  console.log(
    `re-ingest of all ${total} (all unchanged, hash check only): ${idempotentSeconds.toFixed(2)} s (${again.unchanged.length} unchanged)`,
  )
  console.log(
    `store: ${(bytes / 1024 / 1024).toFixed(2)} MB for ${counts.documents} documents = ${(((bytes / counts.documents) * 1000) / 1024 / 1024).toFixed(2)} MB per 1,000 articles`,
  )
  console.log(
    `       ${counts.events} events, ${counts.claims} claims, ${counts.disputes} disputes, ${counts.entities} entities`,
  )
  console.log(
    'note: each ingest runs the pipeline on its new documents only, then fusion over all stored ones (app/refresh-picture.ts), so time per batch grows slowly with the store',
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
