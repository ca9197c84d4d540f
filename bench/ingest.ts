// Ingest cost as the library grows (issue 8): `npm run bench:ingest -- [--articles 1000]
// [--batch 10] [--days 60] [--seed 1] [--every 10]`.
//
// Articles from scripts/gen-corpus.ts (three wars told by 140 outlets), in publication order as
// a user following the wars would add them, are ingested in batches (one `ingestInputs` call,
// one transaction, each) into a fresh SQLite store in a temporary directory. Prints the CPU time
// of every `--every`-th batch beside the size of the store, then the mean of the first and last
// tenth of the batches (flat means an ingest costs what its stories cost, not the library), the
// re-ingest of everything (hash checks only) and the store's size per 1,000 articles. CPU time,
// because the machine is shared. Prints figures only; asserts nothing.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ingestInputs } from '../src/app/ingest.js'
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js'
import { generateArticles } from '../scripts/gen-corpus.js'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    batch: { type: 'string', default: '10' },
    days: { type: 'string', default: '60' },
    seed: { type: 'string', default: '1' },
    every: { type: 'string', default: '10' },
  },
  strict: true,
})
const [total, batchSize, days, seed, every] = [
  values.articles,
  values.batch,
  values.days,
  values.seed,
  values.every,
].map(Number) as [number, number, number, number, number]
if ([total, batchSize, days, seed, every].some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('bench:ingest: --articles, --batch, --days, --seed, --every: whole numbers ≥ 1')
  process.exit(2)
}

const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-ingest-'))
const dbPath = join(dir, 'bench.db')
const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1000
}

try {
  // Publication order (stable): articles arrive as they are published.
  const articles = [...generateArticles({ articles: total, seed, days })]
    .map((article, k) => ({ article, k, day: /published: (\S+)/.exec(article.text)?.[1] ?? '' }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.k - b.k))
    .map(({ article }) => article)
  const batches: string[] = []
  for (let start = 0; start < articles.length; start += batchSize) {
    const batchDir = join(dir, `batch-${batches.length}`)
    mkdirSync(batchDir)
    for (const article of articles.slice(start, start + batchSize))
      writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
    batches.push(batchDir)
  }

  const store = await openSqliteStore(dbPath)
  console.log(
    `ingest benchmark: ${total} generated articles over ${days} days, in publication order, in batches of ${batchSize} (one transaction each)`,
  )
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (CPU time is reported; wall time scales with the load)`,
  )
  console.log('batch  stored  CPU ms  wall ms')
  const perBatch: number[] = []
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  for (const [index, batchDir] of batches.entries()) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const report = await ingestInputs(store, [batchDir])
    const cpu = cpuMs(c0)
    perBatch.push(cpu)
    if ((index + 1) % every === 0 || index === 0 || index === batches.length - 1) {
      console.log(
        `${String(index + 1).padStart(5)}  ${String(report.counts.documents).padStart(6)}  ${cpu.toFixed(0).padStart(6)}  ${(performance.now() - t0).toFixed(0).padStart(7)}`,
      )
    }
  }
  const seconds = (performance.now() - started) / 1000
  const cpuSeconds = cpuMs(cpuStarted) / 1000
  const tenth = Math.max(1, Math.floor(perBatch.length / 10))
  const mean = (values: readonly number[]): number =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length)
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
    `CPU per batch: first ${tenth} batches ${mean(perBatch.slice(0, tenth)).toFixed(0)} ms, last ${tenth} ${mean(perBatch.slice(-tenth)).toFixed(0)} ms (ratio ${(mean(perBatch.slice(-tenth)) / mean(perBatch.slice(0, tenth))).toFixed(2)})`,
  )
  console.log(
    `overall: ${total} articles in ${cpuSeconds.toFixed(1)} s CPU (${seconds.toFixed(1)} s wall) = ${(total / cpuSeconds).toFixed(1)} articles per CPU-second`,
  )
  console.log(
    `re-ingest of all ${total} (all unchanged, hash check only): ${idempotentSeconds.toFixed(2)} s (${again.unchanged.length} unchanged)`,
  )
  console.log(
    `store: ${(bytes / 1024 / 1024).toFixed(2)} MB for ${counts.documents} documents = ${(((bytes / counts.documents) * 1000) / 1024 / 1024).toFixed(2)} MB per 1,000 articles; ${counts.events} events, ${counts.claims} claims, ${counts.disputes} disputes, ${counts.stories} stories`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
