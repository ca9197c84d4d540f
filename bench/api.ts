// HTTP API throughput on loopback: `npx tsx bench/api.ts [--db PATH | --analysis FILE | inputs...] [--amount N]
// [--connections N] [--seconds S] [--while-ingest N]`. Serves the example corpus (default) or a
// store with the real app on 127.0.0.1, runs autocannon against each read route in turn, bounded
// by a request count and a time cap, and prints requests/s, p50, p99 and errors per route.
// `--while-ingest N` copies the corpus into a fresh SQLite store, serves it, and meanwhile runs
// `triangulate ingest` of N synthetic articles (batches of 20) in another process, so reads are
// measured while the picture is being rewritten. Asserts nothing.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { ingestInputs } from '../src/app/ingest.js'
import type { Analysis } from '../src/core/model/analysis.js'
import { openStore } from '../src/store/open-store.js'
import { syntheticArticle } from '../test/e2e/store/synthetic-articles.js'

const { values, positionals } = parseArgs({
  options: {
    db: { type: 'string' },
    analysis: { type: 'string' },
    amount: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '3' },
    'while-ingest': { type: 'string' },
  },
  allowPositionals: true,
})
const amount = Number(values.amount)
const connections = Number(values.connections)
const capMs = Number(values.seconds) * 1000
const whileIngest = values['while-ingest'] === undefined ? 0 : Number(values['while-ingest'])
const scratch = mkdtempSync(join(tmpdir(), 'triangulate-bench-api-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))
let inputs: string[]
const batches: string[] = []
if (whileIngest > 0) {
  // A store of its own, seeded with the corpus, so the ingests below never touch a user's store.
  const db = join(scratch, 'bench.db')
  const store = await openStore(db)
  await ingestInputs(store, positionals.length > 0 ? positionals : ['examples/fall-of-the-south'])
  await store.close()
  for (let start = 0; start < whileIngest; start += 20) {
    const dir = join(scratch, `batch-${batches.length}`)
    mkdirSync(dir)
    for (let i = start; i < Math.min(whileIngest, start + 20); i++) {
      const article = syntheticArticle(i)
      writeFileSync(join(dir, `${article.name}.txt`), article.text)
    }
    batches.push(dir)
  }
  inputs = ['--db', db]
} else {
  inputs =
    values.analysis !== undefined
      ? ['--analysis', values.analysis]
      : values.db !== undefined
        ? ['--db', values.db]
        : positionals.length > 0
          ? positionals
          : ['examples/fall-of-the-south']
}

// The server runs in its own process, as `triangulate serve` does, so the load generator does
// not share its event loop.
const loadStarted = performance.now()
const child: ChildProcess = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/cli/run.ts', 'serve', ...inputs, '--port', '0'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
// Never leave the server running, whatever happens below.
process.on('exit', () => child.kill('SIGINT'))
const url = await new Promise<string>((resolve, reject) => {
  let stdout = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
    if (match) resolve(match[1]!)
  })
  child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
})
const loadSeconds = (performance.now() - loadStarted) / 1000
const analysis = (await (await fetch(`${url}/api/analysis`)).json()) as Analysis
const corpus = inputs.join(' ')
const firstDocument = analysis.documents[0]?.id ?? 'none'
const firstClaim = analysis.claims[0]?.id ?? 'none'
const routes = [
  '/api/analysis',
  '/api/claims',
  '/api/claims?status=disputed',
  `/api/claims/${encodeURIComponent(firstClaim)}`,
  '/api/events?limit=100',
  '/api/documents',
  `/api/documents/${encodeURIComponent(firstDocument)}`,
  '/api/disputes',
  '/api/control',
  '/api/timeline',
  '/api/entities',
  '/api/outlets',
  '/api/search?q=control',
  '/openapi.json',
  '/',
]

console.log(
  `API benchmark: ${analysis.documents.length} documents, ${analysis.events.length} events, ${analysis.claims.length} claims (${corpus}; server up in ${loadSeconds.toFixed(1)} s)`,
)
console.log(
  `${amount} requests per route (cap ${capMs / 1000} s), ${connections} connections, ${url}`,
)
console.log(
  `${'route'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'KiB/req'.padStart(8)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`,
)
let ingested = 0
let ingestFailures = 0
let loadDone = false
const ingesting = (async () => {
  for (const dir of batches) {
    if (loadDone) break
    const writer = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run.ts', 'ingest', ...inputs, dir],
      { stdio: 'ignore' },
    )
    const [code] = (await once(writer, 'exit')) as [number | null]
    if (code === 0) ingested += 1
    else ingestFailures += 1
  }
})()
try {
  for (const route of routes) {
    const started = performance.now()
    const result = await runBounded(`${url}${route}`)
    // Wall time: autocannon's own duration is rounded to whole seconds.
    const seconds = (performance.now() - started) / 1000
    const done = result['2xx'] + result.non2xx
    const perSecond = done / Math.max(seconds, 0.001)
    const kib = done > 0 ? result.throughput.total / done / 1024 : 0
    console.log(
      `${route.slice(0, 44).padEnd(44)} ${perSecond.toFixed(0).padStart(8)} ${String(result.latency.p50).padStart(7)} ${String(result.latency.p99).padStart(7)} ${kib.toFixed(1).padStart(8)} ${String(result.non2xx).padStart(8)} ${String(result.errors).padStart(7)}`,
    )
  }
  loadDone = true
  await ingesting
  if (batches.length > 0) {
    console.log(
      `meanwhile, in another process: ${ingested} of ${batches.length} ingest batches of 20 articles committed, ${ingestFailures} failed`,
    )
  }
} finally {
  child.kill('SIGINT')
  await once(child, 'exit')
}

/**
 * One autocannon run ending at `amount` requests or at the time cap, whichever comes first.
 * Runs normally hit the cap: autocannon notices a reached `amount` only at its one-second tick,
 * which would round the rate of short runs.
 */
function runBounded(url: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, amount }, (error, result) =>
      error ? reject(error) : resolve(result),
    )
    const timer = setTimeout(() => instance.stop(), capMs)
    instance.on('done', () => clearTimeout(timer))
  })
}
