import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { syntheticArticle } from '../store/synthetic-articles.js'
import { REPO_ROOT, runCli } from './run-cli.js'
import { startServeChild } from './serve-child.js'

const CHILD = resolve(import.meta.dirname, 'cli-child.ts')
const EXAMPLES = resolve(REPO_ROOT, 'examples/fall-of-the-south')

export interface LoadOptions {
  /** How long autocannon runs. */
  readonly seconds: number
  readonly connections: number
  /** Articles per ingest of the writer process. */
  readonly batchSize: number
  /** Most ingests the writer runs (it also stops when the load ends). */
  readonly maxBatches: number
}

export interface LoadFigures {
  readonly requests: number
  readonly perSecond: number
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
  /** Ingests the writer committed while the load ran. */
  readonly ingests: number
  readonly documentsBefore: number
  readonly documentsAfter: number
  /** What the server printed on stderr (internal errors would be there). */
  readonly serverStderr: string
}

/**
 * The read API under load while another process writes: a store seeded with the example
 * corpus, `triangulate serve --db` in one process, `triangulate ingest` of synthetic batches
 * looping in another, and autocannon cycling over the read routes on loopback for `seconds`.
 */
export async function runLoadUnderIngest(options: LoadOptions): Promise<LoadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-load-'))
  const db = join(dir, 'store.db')
  try {
    const seeded = await runCli(['ingest', EXAMPLES, '--db', db, '--json'])
    if (seeded.code !== 0) throw new Error(`seeding the store failed: ${seeded.stderr}`)
    const documentsBefore = (JSON.parse(seeded.stdout) as { counts: { documents: number } }).counts
      .documents
    const server = await startServeChild(['--db', db])
    let stopping = false
    let ingests = 0
    // The writer: one `triangulate ingest` process per batch, one after the other.
    const writer = (async () => {
      for (let batch = 0; batch < options.maxBatches && !stopping; batch++) {
        const batchDir = join(dir, `batch-${batch}`)
        mkdirSync(batchDir)
        for (let i = 0; i < options.batchSize; i++) {
          const article = syntheticArticle(i, batch + 1)
          writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
        }
        const code = await new Promise<number | null>((resolveCode) => {
          const child = spawn(
            process.execPath,
            ['--import', 'tsx', CHILD, 'ingest', batchDir, '--db', db],
            {
              cwd: REPO_ROOT,
              stdio: 'ignore',
            },
          )
          child.on('close', resolveCode)
        })
        if (code === 0) ingests++
      }
    })()
    try {
      const analysis = (await (await fetch(`${server.url}/api/analysis`)).json()) as {
        documents: { id: string }[]
        claims: { id: string }[]
      }
      const doc = encodeURIComponent(analysis.documents[0]?.id ?? 'none')
      const claim = encodeURIComponent(analysis.claims[0]?.id ?? 'none')
      const paths = [
        '/api/claims',
        '/api/claims?status=disputed',
        `/api/claims/${claim}`,
        '/api/events?limit=100',
        '/api/documents',
        `/api/documents/${doc}`,
        '/api/disputes',
        '/api/control',
        '/api/timeline',
        '/api/entities',
        '/api/outlets',
        '/api/search?q=control',
        '/api/analysis',
      ]
      const result = await new Promise<autocannon.Result>((resolveRun, reject) => {
        autocannon(
          {
            url: server.url,
            connections: options.connections,
            duration: options.seconds,
            requests: paths.map((path) => ({ method: 'GET', path })),
          },
          (error, output) => (error ? reject(error) : resolveRun(output)),
        )
      })
      stopping = true
      await writer
      const after = (await (await fetch(`${server.url}/api/documents?limit=1`)).json()) as {
        total: number
      }
      return {
        requests: result.requests.total,
        perSecond: result.requests.average,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        ingests,
        documentsBefore,
        documentsAfter: after.total,
        serverStderr: server.stderr(),
      }
    } finally {
      stopping = true
      await writer
      await server.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
