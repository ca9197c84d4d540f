import type PgBoss from 'pg-boss'
import { loadLexicon } from '../datasets/load-lexicon.js'
import { openPostgresStore } from '../store/postgres/postgres-store.js'
import { extractDocument } from './extract-document.js'
import { fusePicture } from './fuse-picture.js'
import { openQueue } from './open-queue.js'
import { JobTakenBackError, sendFuseJob } from './send-jobs.js'
import { isIdle, readQueueStatus } from './queue-status.js'
import { type ExtractJob, type FuseJob, QUEUES, queueTiming } from './queues.js'
import type { PostgresStore } from '../store/postgres/postgres-store.js'

export interface WorkerOptions {
  /** The PostgreSQL library (`postgres://…`). */
  readonly url: string
  /** Stop when no job is waiting, retrying or running anywhere (batch runs, tests, benches). */
  readonly exitWhenIdle?: boolean
  /** Seconds between polls of an empty queue (default 1). */
  readonly pollSeconds?: number
  /** After a stop request, how long the current job may run before it is released (30 s). */
  readonly shutdownTimeoutMs?: number
  /** Aborting it asks the worker to stop (the CLI wires SIGTERM and SIGINT to it). */
  readonly signal?: AbortSignal
  /** One line per notable thing (fusions, failures, start and stop). */
  readonly log?: (line: string) => void
  /**
   * Test hook: hold the first extraction's transaction open this long before it commits,
   * after printing `holding job <id>`, so a test can kill or stop the worker mid-job.
   */
  readonly holdMs?: number
}

export interface WorkerSummary {
  readonly extracted: number
  readonly fused: number
  readonly failed: number
  /** True when a stop request timed out and the running job was handed back to the queue. */
  readonly released: boolean
  /** Peak resident memory of this process, in MB. */
  readonly peakRssMb: number
  /** CPU time of this process (user + system), in seconds: benches compare it across loads. */
  readonly cpuSeconds: number
  /**
   * CPU seconds inside extraction jobs alone: without polling, queue maintenance and start-up,
   * which grow with wall time rather than with work (so with the machine's load).
   */
  readonly extractCpuSeconds: number
}

/**
 * One worker: takes jobs one at a time, extraction first, fusion when no extraction waits or
 * when the waiting fusion is overdue (see the loop). Each job's effect and its completion commit together (see extractDocument and
 * fusePicture); a failed job is handed back to pg-boss, which retries it with backoff and
 * after the last retry moves it to the dead-letter queue.
 *
 * One process runs one job at a time: the pipeline is CPU-bound JavaScript, so more jobs per
 * process would only interleave. Parallelism comes from more processes (`--concurrency N`
 * forks N of these) on one or many machines.
 *
 * Stopping (the signal): no new job is taken; the current one finishes, or after
 * `shutdownTimeoutMs` is failed back to the queue (its retry runs elsewhere) and the function
 * returns with `released` so the caller can exit, which rolls back its open transaction.
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.log ?? (() => undefined)
  const pollMs = (options.pollSeconds ?? 1) * 1000
  const maxLagSeconds = queueTiming().pictureMaxLagSeconds
  const store = await openPostgresStore(options.url, { poolSize: 3 })
  let boss: PgBoss
  try {
    boss = await openQueue(store, { supervise: true })
  } catch (error) {
    await store.close()
    throw error
  }
  let extracted = 0
  let fused = 0
  let failed = 0
  let extractCpuMs = 0
  let current: PgBoss.Job<unknown> | null = null
  let released = false
  const stopped = stopPromise(options.signal)
  // Loaded before the first job, not during it: a cold start must not eat into the job's
  // timeout (a job that outlives it is taken back and run again elsewhere).
  loadLexicon()
  // The CPU spent starting (modules, lexicon) is logged apart, so a bench can leave it out.
  log(
    `worker ${process.pid}: started on ${store.location} (startup CPU ${(cpuMs(process.cpuUsage()) / 1000).toFixed(1)} s)`,
  )
  let held = false
  const beforeCommit =
    options.holdMs !== undefined
      ? (job: PgBoss.Job<unknown>) => async () => {
          if (held) return
          held = true
          log(`holding job ${job.id}`)
          await sleep(options.holdMs!, options.signal)
        }
      : null

  const loop = async (): Promise<void> => {
    while (!options.signal?.aborted) {
      // Extraction first while a backlog lasts (a fusion mid-backlog re-fuses stories the
      // next one touches again: with articles arriving out of date order, most of them),
      // unless the waiting fusion is overdue: the picture then lags a long ingest by at most
      // TRIANGULATE_PICTURE_MAX_LAG_SECONDS.
      const job = (await isFusionOverdue(store, maxLagSeconds))
        ? ((await fetchOne<FuseJob>(boss, QUEUES.fuse)) ??
          (await fetchOne<ExtractJob>(boss, QUEUES.extract)))
        : ((await fetchOne<ExtractJob>(boss, QUEUES.extract)) ??
          (await fetchOne<FuseJob>(boss, QUEUES.fuse)))
      if (!job) {
        if (options.exitWhenIdle && isIdle(await readQueueStatus(store))) return
        await sleep(pollMs, options.signal)
        continue
      }
      current = job
      const started = Date.now()
      const cpuBefore = process.cpuUsage()
      try {
        if (job.name === QUEUES.fuse) {
          const outcome = await fusePicture(store, boss, job as PgBoss.Job<FuseJob>)
          fused++
          log(
            `fused ${outcome.documents} documents (${outcome.pending} waiting) into ${outcome.stories} ${outcome.whole ? 'stories, the picture drawn anew' : 'stories re-fused'} (${outcome.documentsFused} documents): ${outcome.claims} claims, ${outcome.disputes} disputes, ${outcome.rewritten} documents' facts rewritten, in ${Math.round(outcome.seconds * 1000)} ms (${Date.now() - started} ms with the wait for the lock; CPU ${cpuMs(process.cpuUsage(cpuBefore))} ms)`,
          )
        } else {
          await extractDocument(
            store,
            boss,
            job as PgBoss.Job<ExtractJob>,
            beforeCommit?.(job) ?? undefined,
          )
          extracted++
          extractCpuMs += cpuMs(process.cpuUsage(cpuBefore))
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        if (error instanceof JobTakenBackError) {
          log(message)
        } else {
          failed++
          log(`job ${job.name} ${job.id} failed (will be retried or dead-lettered): ${message}`)
          if (!released) await boss.fail(job.name, job.id, { message }).catch(() => undefined)
          // Fusion takes documents in ingest order and waits for a live extraction; one that
          // has just failed for good must not hold the documents after it back, so a fusion
          // is queued that runs after this failure (a retry queues its own when it succeeds).
          if (job.name === QUEUES.extract && !released)
            await sendFuseJob(boss, store).catch(() => undefined)
        }
      } finally {
        current = null
      }
    }
  }

  const running = loop()
  // Aborted when the loop ends, so the shutdown timer never keeps the process alive.
  const finished = new AbortController()
  const outcome = await Promise.race([
    running.then(() => 'done' as const),
    stopped
      .then(() => sleep(options.shutdownTimeoutMs ?? 30_000, finished.signal))
      .then(() => (finished.signal.aborted ? ('done' as const) : ('timeout' as const))),
  ])
  finished.abort()
  if (outcome === 'timeout' && current !== null) {
    const job: PgBoss.Job<unknown> = current
    released = true
    log(`worker ${process.pid}: stop timed out; job ${job.name} ${job.id} handed back`)
    await boss
      .fail(job.name, job.id, { message: 'worker shut down before the job finished' })
      .catch(() => undefined)
  } else {
    await running
  }
  const summary: WorkerSummary = {
    extracted,
    fused,
    failed,
    released,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuSeconds: cpuMs(process.cpuUsage()) / 1000,
    extractCpuSeconds: extractCpuMs / 1000,
  }
  log(
    `worker ${process.pid}: stopped: ${extracted} extracted, ${fused} fusions, ${failed} failed, peak RSS ${summary.peakRssMb} MB, CPU ${summary.cpuSeconds.toFixed(1)} s (in extraction jobs ${summary.extractCpuSeconds.toFixed(1)} s)`,
  )
  if (!released) {
    await boss.stop({ graceful: false, close: false, wait: true })
    await store.close()
  }
  return summary
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return Math.round((usage.user + usage.system) / 1000)
}

/** Whether a fusion has been runnable for longer than `maxLagSeconds` (one small query). */
async function isFusionOverdue(store: PostgresStore, maxLagSeconds: number): Promise<boolean> {
  const { rows } = await store.executeSql(
    `SELECT 1 FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry')
       AND start_after < now() - make_interval(secs => $2) LIMIT 1`,
    [QUEUES.fuse, maxLagSeconds],
  )
  return rows.length > 0
}

async function fetchOne<T>(boss: PgBoss, queue: string): Promise<PgBoss.Job<T> | null> {
  const jobs = await boss.fetch<T>(queue, { batchSize: 1 })
  return jobs[0] ?? null
}

/** Resolves when the signal aborts (never, without one). */
function stopPromise(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!signal) return
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}
