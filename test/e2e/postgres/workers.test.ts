import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'
import { openQueue } from '../../../src/worker/open-queue.js'
import { readQueueStatus } from '../../../src/worker/queue-status.js'
import { QUEUES } from '../../../src/worker/queues.js'
import { type TestPostgres, startPostgres } from './start-postgres.js'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const CLI = join(ROOT, 'src', 'cli', 'run.ts')
const CORPUS = join(ROOT, 'examples', 'fall-of-the-south')

// Short timings so a killed worker's job comes back within seconds (production defaults are
// minutes, see docs/scale-out.md).
const FAST = {
  TRIANGULATE_FUSE_DELAY_SECONDS: '1',
  TRIANGULATE_QUEUE_MAINTENANCE_SECONDS: '1',
  TRIANGULATE_JOB_TIMEOUT_SECONDS: '5',
}

/** Child processes each load the CLI (seconds on a busy machine): room beyond vitest's 60 s. */
const SLOW = 240_000

const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL worker tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null

const dir = mkdtempSync(join(tmpdir(), 'triangulate-workers-'))
let references = 0

/**
 * The single-process SQLite picture of the example corpus: what the workers must reproduce.
 * Drawn by the CLI in a child process started with the workers, so both load the engine's
 * sources as they are on disk at that moment (the checkout may change while tests run).
 */
async function sqliteReference(): Promise<Analysis> {
  const db = join(dir, `reference-${++references}.db`)
  await runCli(['ingest', CORPUS, '--db', db])
  const store = await openSqliteStore(db)
  try {
    return await store.getAnalysis()
  } finally {
    await store.close()
  }
}

afterAll(async () => {
  await postgres?.stop()
  rmSync(dir, { recursive: true, force: true })
})

describe.skipIf(postgres === null)('triangulate worker on PostgreSQL', () => {
  it(
    'two worker processes draw the same claims and disputes as one SQLite process',
    async () => {
      const url = await migratedLibrary('two_workers')
      const ingest = await runCli(['ingest', CORPUS, '--db', url])
      expect(ingest.stdout).toContain('queued: 10 extraction jobs')

      const workers = [startWorker(url), startWorker(url)]
      const drawn = sqliteReference()
      const ended = await Promise.all(workers.map((worker) => worker.exit))
      expect(ended.map((end) => end.code)).toEqual([0, 0])
      // Each document was extracted once, by one of the two.
      const extracted = workers.map((worker) =>
        Number(worker.lines.join('\n').match(/stopped: (\d+) extracted/)?.[1] ?? NaN),
      )
      expect(extracted[0]! + extracted[1]!).toBe(10)

      const picture = await analysisOf(url)
      const reference = await drawn
      expect(picture.claims.length).toBeGreaterThan(10)
      expect(picture.disputes.length).toBeGreaterThan(0)
      expect(picture.claims).toEqual(reference.claims)
      expect(picture.disputes).toEqual(reference.disputes)
      expect(picture.events).toEqual(reference.events)
      expect(picture.entities).toEqual(reference.entities)

      const status = await runCli(['status', '--db', url, '--json'])
      const json = JSON.parse(status.stdout) as { documents: number; queue: unknown }
      expect(json.documents).toBe(10)
      expect(json.queue).toMatchObject({
        extract: { queued: 0, active: 0, retrying: 0, completed: 10, failed: 0 },
        fuse: { queued: 0, active: 0, retrying: 0, failed: 0 },
        deadLetter: 0,
      })
    },
    SLOW,
  )

  it(
    'a worker killed with SIGKILL mid-job loses nothing: the job is retried, nothing is doubled',
    async () => {
      const url = await migratedLibrary('killed_worker')
      await runCli(['ingest', CORPUS, '--db', url])

      // This worker holds its first extraction's transaction open (facts written, not committed).
      const doomed = startWorker(url, { TRIANGULATE_WORKER_TEST_HOLD_MS: '600000' })
      const holding = await doomed.waitFor(/^holding job (\S+)/)
      const jobId = holding[1]!
      doomed.child.kill('SIGKILL')
      expect((await doomed.exit).signal).toBe('SIGKILL')

      const before = await jobRow(url, jobId)
      expect(before).toMatchObject({ state: 'active', retry_count: 0 })
      const documentId = before.document_id
      const store = await openPostgresStore(url)
      try {
        // The killed transaction left nothing: no facts for that document.
        expect((await store.getExtraction(documentId))?.entities).toBeUndefined()
      } finally {
        await store.close()
      }

      const survivor = startWorker(url)
      const drawn = sqliteReference()
      expect((await survivor.exit).code).toBe(0)

      const reference = await drawn
      const after = await jobRow(url, jobId)
      expect(after.state).toBe('completed')
      expect(after.retry_count).toBeGreaterThanOrEqual(1)
      const picture = await analysisOf(url)
      expect(picture.documents.map((document) => document.id)).toEqual(
        reference.documents.map((document) => document.id),
      )
      // Every event once, in order: the retried document's facts are not doubled.
      expect(picture.events).toEqual(reference.events)
      expect(picture.claims).toEqual(reference.claims)
      expect(picture.disputes).toEqual(reference.disputes)
      const jobs = await extractJobsPerDocument(url)
      expect(jobs.size).toBe(10)
      expect([...jobs.values()].every((count) => count === 1)).toBe(true)
    },
    SLOW,
  )

  it(
    'a worker that outlives its job timeout commits nothing: the retry elsewhere does the work, once',
    async () => {
      const url = await migratedLibrary('timed_out')
      await runCli(['ingest', CORPUS, '--db', url])
      // Holds its first job 10 s, past the 5 s timeout: pg-boss takes the job back meanwhile.
      const slow = startWorker(url, { TRIANGULATE_WORKER_TEST_HOLD_MS: '10000' }, false)
      const holding = await slow.waitFor(/^holding job (\S+)/)
      const other = startWorker(url)
      expect((await other.exit).code).toBe(0)
      await slow.waitFor(/timed out here and was handed back/)
      slow.child.kill('SIGTERM')
      await slow.exit
      const job = await jobRow(url, holding[1]!)
      expect(job.state).toBe('completed')
      expect(job.retry_count).toBeGreaterThanOrEqual(1)
      const jobs = await extractJobsPerDocument(url)
      expect(jobs.size).toBe(10)
      expect(await analysisOf(url)).toMatchObject({ documents: expect.any(Array) })
      const counts = (await analysisOf(url)).documents.length
      expect(counts).toBe(10)
    },
    SLOW,
  )

  it(
    'SIGTERM lets the running job finish and commit before the worker exits',
    async () => {
      const url = await migratedLibrary('graceful_stop')
      await runCli(['ingest', CORPUS, '--db', url])
      const worker = startWorker(url, { TRIANGULATE_WORKER_TEST_HOLD_MS: '1500' }, false)
      const holding = await worker.waitFor(/^holding job (\S+)/)
      worker.child.kill('SIGTERM')
      expect((await worker.exit).code).toBe(0)
      expect(await jobRow(url, holding[1]!)).toMatchObject({ state: 'completed', retry_count: 0 })
      const store = await openPostgresStore(url)
      try {
        const status = await readQueueStatus(store)
        // It finished the job it had and took no other.
        expect(status.extract.completed).toBe(1)
        expect(status.extract.queued).toBe(9)
      } finally {
        await store.close()
      }
    },
    SLOW,
  )

  it(
    'a job that fails every retry lands in the dead-letter queue and status shows it',
    async () => {
      const url = await migratedLibrary('dead_letter')
      const store = await openPostgresStore(url)
      const boss = await openQueue(store, { supervise: false })
      try {
        // A malformed job (no document id) fails on every attempt: one retry, then dead.
        await boss.send(QUEUES.extract, {}, { retryLimit: 1, retryDelay: 1 })
      } finally {
        await boss.stop({ graceful: false, close: false })
        await store.close()
      }
      const worker = startWorker(url)
      expect((await worker.exit).code).toBe(0)
      expect(worker.lines.filter((line) => /failed \(will be retried/.test(line))).toHaveLength(2)
      const status = await runCli(['status', '--db', url])
      expect(status.stdout).toMatch(/extract\s+0 queued, 0 running, 0 retrying, 1 failed/)
      expect(status.stdout).toMatch(/dead-letter 1 /)
    },
    SLOW,
  )
})

async function migratedLibrary(name: string): Promise<string> {
  const url = await postgres!.createDatabase(name)
  const migrate = await runCli(['migrate', '--db', url])
  expect(migrate.stdout).toContain('job queues ready')
  return url
}

async function analysisOf(url: string): Promise<Analysis> {
  const store = await openPostgresStore(url)
  try {
    return await store.getAnalysis()
  } finally {
    await store.close()
  }
}

async function jobRow(
  url: string,
  id: string,
): Promise<{ state: string; retry_count: number; document_id: string }> {
  const store = await openPostgresStore(url)
  try {
    const { rows } = await store.executeSql(
      `SELECT state::text AS state, retry_count, data->>'documentId' AS document_id
       FROM pgboss.job WHERE id = $1`,
      [id],
    )
    return rows[0] as { state: string; retry_count: number; document_id: string }
  } finally {
    await store.close()
  }
}

async function extractJobsPerDocument(url: string): Promise<Map<string, number>> {
  const store = await openPostgresStore(url)
  try {
    const { rows } = await store.executeSql(
      `SELECT data->>'documentId' AS id, count(*)::int AS count FROM pgboss.job
       WHERE name = 'triangulate-extract' GROUP BY 1`,
    )
    return new Map((rows as { id: string; count: number }[]).map((row) => [row.id, row.count]))
  } finally {
    await store.close()
  }
}

function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...FAST, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`triangulate ${args.join(' ')} exited ${code}: ${stderr}`))
      else resolveRun({ code, stdout, stderr })
    })
  })
}

interface RunningWorker {
  readonly child: ChildProcess
  readonly lines: string[]
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** Resolves with the match of the first printed line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>
}

/** `triangulate worker` as a child process (`--exit-when-idle` unless told otherwise). */
function startWorker(
  url: string,
  env: Record<string, string> = {},
  exitWhenIdle = true,
): RunningWorker {
  const args = ['--import', 'tsx', CLI, 'worker', '--db', url]
  if (exitWhenIdle) args.push('--exit-when-idle')
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...FAST, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = []
  let buffer = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk
    let newline = buffer.indexOf('\n')
    while (newline >= 0) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      lines.push(line)
      for (const waiter of [...waiters]) {
        const match = line.match(waiter.pattern)
        if (match) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve(match)
        }
      }
      newline = buffer.indexOf('\n')
    }
  })
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolveExit) => {
      child.on('exit', (code, signal) => {
        if (code !== 0 && signal === null) lines.push(`stderr: ${stderr}`)
        resolveExit({ code, signal })
      })
    },
  )
  return {
    child,
    lines,
    exit,
    waitFor: (pattern) =>
      new Promise((resolveWait, reject) => {
        const found = lines.map((line) => line.match(pattern)).find((match) => match !== null)
        if (found) return resolveWait(found)
        waiters.push({ pattern, resolve: resolveWait })
        void exit.then(() =>
          reject(new Error(`worker ended before printing ${pattern}: ${lines.join('\n')}`)),
        )
      }),
  }
}

describe('triangulate worker and migrate: bad input', () => {
  it.each([
    [
      ['worker', '--db', 'library.db'],
      /^triangulate: library\.db: workers need a PostgreSQL library/,
    ],
    [['migrate', '--db', 'library.db'], /^triangulate: library\.db: migrate is for PostgreSQL/],
    [
      ['worker', '--db', 'postgres://u@127.0.0.1:1/x', '--concurrency', 'two'],
      /^triangulate: --concurrency: expected a whole number from 1 to 256, got "two"/,
    ],
    [
      ['migrate', '--db', 'postgres://u:secret@127.0.0.1:1/x'],
      /^triangulate: postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x: migration failed \(connect ECONNREFUSED/,
    ],
  ])('triangulate %j: one line, exit 2, no password', async (args, message) => {
    const run = await runCliExit(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toContain('secret')
  })
})

function runCliExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, TRIANGULATE_DATABASE_URL: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolveRun({ code, stderr }))
  })
}
