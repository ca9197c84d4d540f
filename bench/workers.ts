// Worker benchmark: throughput of 1 and 2 `triangulate worker` processes on one PostgreSQL
// library, queue latency, memory per worker. Prints figures; asserts nothing.
//
//   npx tsx bench/workers.ts            10,000 generated articles (scripts/gen-corpus.ts)
//   npx tsx bench/workers.ts --quick    300 articles, under a minute
//   npx tsx bench/workers.ts --articles 2000 --workers 1,2,4
//   npx tsx bench/workers.ts --corpus /tmp/c100000 --workers 2 --ingest-cli
//                                       a corpus written before by scripts/gen-corpus.ts
//
// PostgreSQL is a throwaway embedded cluster on loopback (the test helper), with fsync off:
// the figures are the workers' and the queries', not a disk's.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArticles } from '../scripts/gen-corpus.js'
import {
  machineCpuSeconds,
  parentOf,
  samplePeaks,
  treeCpuSeconds,
  treeMemoryMiB,
} from './lib/process-usage.js'
import { migratePostgres, openPostgresStore } from '../src/store/postgres/postgres-store.js'
import { ingestToQueue } from '../src/worker/ingest-to-queue.js'
import { isIdle, readQueueStatus } from '../src/worker/queue-status.js'
import { installQueues } from '../src/worker/queues.js'
import { startPostgres } from '../test/e2e/postgres/start-postgres.js'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    articles: { type: 'string' },
    workers: { type: 'string' },
    seed: { type: 'string' },
    trickle: { type: 'string' },
    interleaved: { type: 'boolean' },
    'extract-heap': { type: 'string' },
    'fuse-heap': { type: 'string' },
    'ingest-cli': { type: 'boolean' },
    corpus: { type: 'string' },
    'skip-vacuum': { type: 'boolean' },
  },
})
const quick = values.quick ?? false
/** `--corpus DIR`: ingest this directory of generated articles instead of generating one. */
const CORPUS = values.corpus === undefined ? null : resolve(values.corpus)
let ARTICLES = Number(values.articles ?? (quick ? 150 : 10_000))
const WORKER_COUNTS = (values.workers ?? '1,2').split(',').map(Number)
const SEED = Number(values.seed ?? 1)
/** Articles ingested one by one into idle workers, for the latency of a quiet queue. */
const TRICKLE = Number(values.trickle ?? (quick ? 6 : 30))

const ROOT = resolve(import.meta.dirname, '..')
const CLI = join(ROOT, 'src', 'cli', 'run.ts')
const ENV: NodeJS.ProcessEnv = { ...process.env, TRIANGULATE_QUEUE_MAINTENANCE_SECONDS: '5' }
/**
 * By default the workers drain the extraction backlog with fusion held back, then one worker
 * runs the one fusion: the parallel part and the serial part, measured apart. `--interleaved`
 * lets fusion run during the drain as in production (paced by its own duration).
 */
const INTERLEAVED = values.interleaved ?? false
/**
 * `--extract-heap MB` caps the V8 heap of the extracting workers (does their memory grow with
 * the jobs they ran, or is it only collected lazily?); `--fuse-heap MB` raises the fusing
 * worker's (before fusion went per story it held the whole library, and at 30,000 articles
 * outgrew V8's default).
 */
const EXTRACT_ENV = heapEnv(values['extract-heap'])
const FUSE_ENV = heapEnv(values['fuse-heap'])
const HELD_BACK = { ...EXTRACT_ENV, TRIANGULATE_FUSE_DELAY_SECONDS: '1000000' }

const dir = mkdtempSync(join(tmpdir(), 'triangulate-bench-workers-'))
const started = await startPostgres()
if (!started.ok) {
  console.log(`bench/workers: PostgreSQL did not start here: ${started.reason}`)
  process.exit(0)
}
const postgres = started.postgres

try {
  const corpus = CORPUS ?? join(dir, 'corpus')
  const trickleDir = join(dir, 'trickle')
  if (CORPUS === null) mkdirSync(corpus)
  mkdirSync(trickleDir)
  let words = 0
  let index = 0
  const trickleFiles: string[] = []
  if (CORPUS !== null) {
    // A corpus generated before (`scripts/gen-corpus.ts --out DIR`): the trickle articles
    // come from another seed, named apart.
    ARTICLES = readdirSync(CORPUS).filter((name) => name.endsWith('.txt')).length
    words = ARTICLES * 416
    for (const article of generateArticles({ articles: TRICKLE, seed: SEED + 1000 })) {
      const file = join(trickleDir, `t${article.name}.txt`)
      writeFileSync(file, article.text)
      trickleFiles.push(file)
    }
  } else {
    for (const article of generateArticles({ articles: ARTICLES + TRICKLE, seed: SEED })) {
      const target = index++ < ARTICLES ? corpus : trickleDir
      writeFileSync(join(target, `${article.name}.txt`), article.text)
      if (target === corpus) words += article.words
      else trickleFiles.push(join(target, `${article.name}.txt`))
    }
  }
  console.log(
    `worker benchmark: ${ARTICLES} generated articles (${Math.round(words / ARTICLES)} words each on average), seed ${SEED}`,
  )
  console.log(
    `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}; PostgreSQL 17 on the same machine`,
  )
  console.log('')
  console.log(
    INTERLEAVED
      ? 'fusion during the drain (production pacing)'
      : 'extraction drained by the workers with fusion held back, then one fusion by one worker',
  )
  console.log(
    'workers  ingest s  drain s  articles/s  speed-up  fusions  fusion s last/total  wait p50/p95 s (backlog)  peak RSS MB per worker',
  )
  let baseline: number | null = null
  const sizes: string[] = []
  const drains: { workers: number; queued: number; seconds: number }[] = []
  const results: { workers: number; throughput: number; url: string }[] = []
  const usages: PhaseUsage[] = []
  let postmaster: number | null = null
  let heldBackFusion: string | null = null
  let heldBackSeconds = 0
  for (const count of WORKER_COUNTS) {
    const last = count === WORKER_COUNTS[WORKER_COUNTS.length - 1]
    const url = await postgres.createDatabase(`bench_${count}`)
    await migratePostgres(url)
    await installQueues(url)
    const store = await openPostgresStore(url)
    const emptySize = await databaseBytes(store)
    const t0 = performance.now()
    // `--ingest-cli`: `triangulate ingest` in its own process, so its peak RSS is its own (in
    // this process it would include the corpus generator and the bench).
    const report = values['ingest-cli']
      ? await ingestWithCli(url, corpus, store)
      : { ...(await ingestToQueue(store, [corpus])), peakRssMb: null }
    const ingestSeconds = (performance.now() - t0) / 1000
    const ingestRss = report.peakRssMb ?? Math.round(process.resourceUsage().maxRSS / 1024)

    postmaster ??= await postmasterPid(store)
    const phase = startPhase(postmaster)
    const workers = Array.from({ length: count }, () =>
      startWorker(url, INTERLEAVED, INTERLEAVED ? EXTRACT_ENV : HELD_BACK),
    )
    if (!INTERLEAVED) {
      await Promise.all(workers.map((worker) => worker.ready))
      // One indexed probe a second: counting the queue by state reads all its rows, and this
      // backend's CPU is counted with PostgreSQL's.
      // A worker that dies (out of memory) leaves its job to the others; when none is left,
      // the run says so instead of waiting for ever.
      while (await extractionPending(store)) {
        if (workers.every((worker) => worker.exited)) {
          console.log(
            `all ${count} worker(s) ended with extraction jobs left: see their output above`,
          )
          break
        }
        await sleep(1000)
      }
      for (const worker of workers) worker.child.kill('SIGTERM')
    }
    await Promise.all(workers.map((worker) => worker.exit))
    const usage = phase.end(count, report.queued, workers)
    usages.push(usage)
    const timing = await jobTiming(store)
    // pg-boss stamps completion with the transaction's start time; the store's version stamp
    // is taken just before the last commit.
    const end = Date.parse((await store.lastUpdate()).at ?? '') / 1000
    const drain = Math.max(end, timing.lastDone) - timing.firstStart
    const fusions = workers.flatMap((worker) => worker.fusionSeconds)
    const throughput = report.queued / drain
    baseline ??= throughput
    results.push({ workers: count, throughput, url })
    drains.push({ workers: count, queued: report.queued, seconds: drain })
    // Printed as soon as the drain ends: a long run cut short keeps what it measured.
    console.log(
      [
        String(count).padStart(7),
        ingestSeconds.toFixed(1).padStart(8),
        drain.toFixed(1).padStart(7),
        throughput.toFixed(1).padStart(10),
        `${(throughput / baseline).toFixed(2)}×`.padStart(8),
        String(fusions.length).padStart(7),
        `${(fusions[fusions.length - 1] ?? 0).toFixed(2)} / ${fusions.reduce((sum, seconds) => sum + seconds, 0).toFixed(1)}`.padStart(
          19,
        ),
        `${timing.waitP50.toFixed(1)} / ${timing.waitP95.toFixed(1)}`.padStart(25),
        workers
          .map((worker) => worker.peakRss ?? '?')
          .join(', ')
          .padStart(23),
        `  (ingest process: peak RSS ${ingestRss} MB so far, CPU ${fixed(usage.workerCpu)} s workers + ${fixed(usage.postgresCpu)} s PostgreSQL)`,
      ].join('  '),
    )
    if (!INTERLEAVED && last) {
      // The held-back fusion, now, by one worker: the serial part. Every run's library holds
      // the same documents and facts, so it is measured once, on the last.
      await store.executeSql(
        `UPDATE pgboss.job SET start_after = now() WHERE name = 'triangulate-fuse' AND state = 'created'`,
      )
      const fusePhase = startPhase(postmaster)
      const fuser = startWorker(url, true, FUSE_ENV)
      await fuser.exit
      const fuseUsage = fusePhase.end(1, report.queued, [fuser])
      heldBackSeconds = fuser.fusionSeconds.reduce((sum, seconds) => sum + seconds, 0)
      heldBackFusion = `the fusion of ${report.queued} articles by one worker: ${heldBackSeconds.toFixed(1)} s wall, CPU ${fuser.fusionCpu.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s; peak RSS of the fusing worker ${fuser.peakRss ?? '?'} MB; PostgreSQL ${fixed(fuseUsage.postgresCpu)} s CPU, ${memory(fuseUsage.postgresMemory)}; load ${fuseUsage.loadStart.toFixed(1)} → ${fuseUsage.loadEnd.toFixed(1)}`
      console.log(heldBackFusion)
    }
    if (last) {
      const size = (await databaseBytes(store)) - emptySize
      // Fusion rewrites the picture each time; what a library needs is its live rows.
      // (`--skip-vacuum`: at 100,000 articles VACUUM FULL rewrites gigabytes for minutes.)
      if (values['skip-vacuum'])
        sizes.push(`${mb(size)} MB (${mb((size / ARTICLES) * 1000)} MB per 1,000 articles)`)
      else {
        await store.executeSql('VACUUM FULL')
        const live = (await databaseBytes(store)) - emptySize
        sizes.push(
          `${mb(size)} MB (${mb((size / ARTICLES) * 1000)} MB per 1,000 articles), ${mb(live)} MB live after VACUUM FULL (${mb((live / ARTICLES) * 1000)} per 1,000)`,
        )
      }
    }
    await store.close()
  }
  if (!INTERLEAVED)
    console.log(
      `end to end (drain + the fusion): ${drains
        .map(
          (run) =>
            `${run.workers} worker(s) ${(run.queued / (run.seconds + heldBackSeconds)).toFixed(1)} articles/s`,
        )
        .join(', ')}`,
    )
  printUsage(usages)
  console.log(`database size (documents, facts, picture, indexes, queue):`)
  for (const size of sizes) console.log(`  ${size}`)

  // Latency of a quiet queue: articles arrive one at a time, about a second apart, into idle,
  // polling workers (the library of the last run; each fusion re-fuses the stories the article joins).
  const last = results[results.length - 1]!
  if (TRICKLE > 0) await measureQuietQueue(last, trickleFiles)
} finally {
  await postgres.stop()
  rmSync(dir, { recursive: true, force: true })
}

/**
 * Latency of a quiet queue: articles arrive one at a time, about a second apart, into idle,
 * polling workers (the library of the last run; each fusion re-fuses the stories the article joins).
 */
async function measureQuietQueue(
  last: { workers: number; url: string },
  trickleFiles: readonly string[],
): Promise<void> {
  const store = await openPostgresStore(last.url)
  const workers = Array.from({ length: last.workers }, () => startWorker(last.url, false))
  await Promise.all(workers.map((worker) => worker.ready))
  const ids: string[] = []
  for (const [i, file] of trickleFiles.entries()) {
    const report = await ingestToQueue(store, [file])
    if (report.added[0]) ids.push(report.added[0].id)
    await sleep(500 + ((i * 373) % 1000))
  }
  while (!isIdle(await readQueueStatus(store))) await sleep(250)
  for (const worker of workers) worker.child.kill('SIGTERM')
  await Promise.all(workers.map((worker) => worker.exit))
  const latency = await trickleLatency(store, ids)
  await store.close()
  console.log('')
  console.log(
    `quiet queue: ${ids.length} articles one at a time into ${last.workers} idle worker(s), ${ARTICLES} already stored`,
  )
  console.log(
    `  queue wait (created → started) p50 ${percentile(latency.waits, 0.5).toFixed(2)} s, p95 ${percentile(latency.waits, 0.95).toFixed(2)} s`,
  )
  console.log(
    `  ingest → in the fused picture p50 ${percentile(latency.pictures, 0.5).toFixed(1)} s, p95 ${percentile(latency.pictures, 0.95).toFixed(1)} s (the fusion delay: max(TRIANGULATE_FUSE_DELAY_SECONDS, 4 × last fusion))`,
  )
  // Each of these fusions re-fuses only the stories its new articles joined.
  const cpu = workers.flatMap((worker) => worker.fusionCpu)
  const fused = workers.flatMap((worker) => worker.fusedDocuments)
  if (cpu.length > 0)
    console.log(
      `  ${cpu.length} fusions: CPU p50 ${percentile(cpu, 0.5)} ms, max ${Math.max(...cpu)} ms; documents fused to draw the touched stories p50 ${percentile(fused, 0.5)}, max ${Math.max(...fused)}`,
    )
}

/** What one phase (workers started → all exited) cost, in CPU and memory, and under what load. */
interface PhaseUsage {
  readonly workers: number
  readonly articles: number
  readonly wallSeconds: number
  /** CPU seconds of the worker processes after their start-up (each reports its own). */
  readonly workerCpu: number | null
  /** CPU seconds the workers spent inside extraction jobs (no polling, maintenance, start-up). */
  readonly jobCpu: number | null
  /** CPU seconds of the PostgreSQL server and its backends during the phase. */
  readonly postgresCpu: number | null
  /** CPU seconds the rest of the machine used meanwhile (other people's jobs). */
  readonly othersCpu: number | null
  readonly loadStart: number
  readonly loadEnd: number
  readonly postgresMemory: { private: number; shared: number; largest: number } | null
}

function startPhase(postmaster: number | null) {
  const t0 = performance.now()
  const machine0 = machineCpuSeconds()
  const postgres0 = postmaster === null ? null : treeCpuSeconds(postmaster)
  const self0 = process.cpuUsage()
  const loadStart = loadavg()[0]!
  const memory = samplePeaks(() => (postmaster === null ? null : treeMemoryMiB(postmaster)))
  return {
    end(count: number, articles: number, workers: readonly BenchWorker[]): PhaseUsage {
      const wallSeconds = (performance.now() - t0) / 1000
      const machine1 = machineCpuSeconds()
      const postgres1 = postmaster === null ? null : treeCpuSeconds(postmaster)
      const self = process.cpuUsage(self0)
      // Start-up (modules, lexicon) is paid once per process, not per article: left out.
      const workerCpus = workers.map((worker) =>
        worker.cpuSeconds === null ? null : worker.cpuSeconds - worker.startupCpu,
      )
      const workerCpu = workerCpus.every((cpu) => cpu !== null)
        ? workerCpus.reduce<number>((sum, cpu) => sum + cpu!, 0)
        : null
      const postgresCpu = postgres0 !== null && postgres1 !== null ? postgres1 - postgres0 : null
      const othersCpu =
        machine0 && machine1 && workerCpu !== null && postgresCpu !== null
          ? Math.max(
              0,
              machine1.busy -
                machine0.busy -
                workerCpu -
                postgresCpu -
                (self.user + self.system) / 1e6,
            )
          : null
      const jobCpus = workers.map((worker) => worker.extractCpu)
      return {
        workers: count,
        articles,
        wallSeconds,
        workerCpu,
        jobCpu: jobCpus.every((cpu) => cpu !== null)
          ? jobCpus.reduce<number>((sum, cpu) => sum + cpu!, 0)
          : null,
        postgresCpu,
        othersCpu,
        loadStart,
        loadEnd: loadavg()[0]!,
        postgresMemory: memory.stop(),
      }
    },
  }
}

/**
 * The CPU side of the drain. On a machine shared with other jobs wall time depends on their
 * load; CPU per article does not. One worker and its PostgreSQL backend take turns (the worker
 * waits for each query), so one worker keeps about one core busy; N workers keep min(N, cores)
 * busy. The CPU-normalised speed-up is that, times how much CPU per article N workers paid
 * compared with one (contention on rows, locks and caches shows up there).
 */
function printUsage(usages: readonly PhaseUsage[]): void {
  const cores = cpus().length
  console.log('')
  console.log(
    'CPU (workers + PostgreSQL; "others" = the rest of the machine during the run, other people\'s jobs)',
  )
  console.log(
    "workers  wall s  worker CPU s  of it in jobs  PostgreSQL CPU s  CPU ms/article  in jobs ms/article  our cores  others' cores  load 1-min start/end  PostgreSQL peak memory",
  )
  const first = usages[0]
  for (const usage of usages) {
    const ours =
      usage.workerCpu !== null && usage.postgresCpu !== null
        ? usage.workerCpu + usage.postgresCpu
        : null
    console.log(
      [
        String(usage.workers).padStart(7),
        usage.wallSeconds.toFixed(1).padStart(6),
        fixed(usage.workerCpu).padStart(12),
        fixed(usage.jobCpu).padStart(13),
        fixed(usage.postgresCpu).padStart(16),
        (ours === null ? '?' : ((ours / usage.articles) * 1000).toFixed(1)).padStart(14),
        (usage.jobCpu === null
          ? '?'
          : ((usage.jobCpu / usage.articles) * 1000).toFixed(1)
        ).padStart(18),
        (ours === null ? '?' : (ours / usage.wallSeconds).toFixed(2)).padStart(9),
        (usage.othersCpu === null
          ? '?'
          : (usage.othersCpu / usage.wallSeconds).toFixed(2)
        ).padStart(14),
        `${usage.loadStart.toFixed(1)} / ${usage.loadEnd.toFixed(1)}`.padStart(20),
        `  ${memory(usage.postgresMemory)}`,
      ].join('  '),
    )
  }
  if (!first || first.workerCpu === null || first.postgresCpu === null) return
  const perArticle1 = (first.workerCpu + first.postgresCpu) / first.articles
  for (const usage of usages.slice(1)) {
    if (usage.workerCpu === null || usage.postgresCpu === null) continue
    const perArticle = (usage.workerCpu + usage.postgresCpu) / usage.articles
    const efficiency = perArticle1 / perArticle
    const estimate = Math.min(cores, usage.workers) * efficiency
    console.log(
      `${usage.workers} workers: CPU per article ${(efficiency * 100).toFixed(0)} % as efficient as 1 worker; CPU-normalised speed-up (min(${usage.workers}, ${cores} cores) × that) ${estimate.toFixed(2)}×`,
    )
    // The same from the CPU inside jobs alone: overheads that grow with wall time (polling,
    // queue maintenance) are left out, so a run slowed by other people's load is not charged.
    if (first.jobCpu !== null && usage.jobCpu !== null) {
      const jobEfficiency = first.jobCpu / first.articles / (usage.jobCpu / usage.articles)
      console.log(
        `${usage.workers} workers, CPU inside extraction jobs only: ${(jobEfficiency * 100).toFixed(0)} % as efficient; speed-up ${(Math.min(cores, usage.workers) * jobEfficiency).toFixed(2)}×`,
      )
    }
  }
}

async function postmasterPid(
  store: Awaited<ReturnType<typeof openPostgresStore>>,
): Promise<number | null> {
  const { rows } = await store.executeSql('SELECT pg_backend_pid() AS pid')
  return parentOf(Number((rows[0] as { pid: number }).pid))
}

/** `triangulate ingest DIR --db URL` as a child process under GNU time: jobs queued, peak RSS. */
async function ingestWithCli(
  url: string,
  corpus: string,
  store: Awaited<ReturnType<typeof openPostgresStore>>,
): Promise<{ queued: number; peakRssMb: number | null }> {
  const child = spawn(
    '/usr/bin/time',
    [
      '-f',
      'ingest peak RSS %M kB',
      process.execPath,
      '--import',
      'tsx',
      CLI,
      'ingest',
      corpus,
      '--db',
      url,
    ],
    { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (chunk: string) => (stderr += chunk))
  await new Promise((resolveExit) => child.on('exit', resolveExit))
  const rss = stderr.match(/ingest peak RSS (\d+) kB/)
  if (!rss) console.log(`triangulate ingest: ${stderr.trim().split('\n').slice(-3).join(' / ')}`)
  const { rows } = await store.executeSql(
    `SELECT count(*)::int AS queued FROM pgboss.job WHERE name = 'triangulate-extract'`,
  )
  return {
    queued: (rows[0] as { queued: number }).queued,
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  }
}

function heapEnv(megabytes: string | undefined): NodeJS.ProcessEnv {
  if (megabytes === undefined) return ENV
  const options = [ENV.NODE_OPTIONS, `--max-old-space-size=${Number(megabytes)}`]
  return { ...ENV, NODE_OPTIONS: options.filter(Boolean).join(' ') }
}

function fixed(value: number | null, digits = 1): string {
  return value === null ? '?' : value.toFixed(digits)
}

function memory(peaks: { private: number; shared: number; largest: number } | null): string {
  return peaks === null
    ? '?'
    : `${peaks.private.toFixed(0)} MiB private + ${peaks.shared.toFixed(0)} MiB shared (largest process ${peaks.largest.toFixed(0)} MiB)`
}

interface BenchWorker {
  readonly child: ChildProcess
  readonly exit: Promise<void>
  exited: boolean
  readonly ready: Promise<void>
  peakRss: number | null
  /** CPU seconds the worker reported when it stopped. */
  cpuSeconds: number | null
  /** CPU seconds of its start (modules, lexicon), before the first job. */
  startupCpu: number
  /** CPU seconds inside its extraction jobs. */
  extractCpu: number | null
  /** CPU milliseconds of each fusion it ran. */
  readonly fusionCpu: number[]
  /** Durations of the fusions this worker ran, in order. */
  readonly fusionSeconds: number[]
  /** Documents each fusion read to re-fuse the stories it touched. */
  readonly fusedDocuments: number[]
}

function startWorker(
  url: string,
  exitWhenIdle: boolean,
  env: NodeJS.ProcessEnv = ENV,
): BenchWorker {
  const args = ['--import', 'tsx', CLI, 'worker', '--db', url]
  if (exitWhenIdle) args.push('--exit-when-idle')
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const worker: BenchWorker = {
    child,
    exit: Promise.resolve(),
    exited: false,
    ready: Promise.resolve(),
    peakRss: null,
    cpuSeconds: null,
    startupCpu: 0,
    extractCpu: null,
    fusionCpu: [],
    fusionSeconds: [],
    fusedDocuments: [],
  }
  let buffer = ''
  let onReady: () => void = () => undefined
  ;(worker as { ready: Promise<void> }).ready = new Promise(
    (resolveReady) => (onReady = resolveReady),
  )
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline)
      buffer = buffer.slice(newline + 1)
      if (/started on/.test(line)) onReady()
      const startup = line.match(/started on .*startup CPU ([\d.]+) s/)
      if (startup) worker.startupCpu = Number(startup[1])
      const fused = line.match(/^fused .* in (\d+) ms/)
      if (fused) worker.fusionSeconds.push(Number(fused[1]) / 1000)
      const fusionCpu = line.match(/^fused .*; CPU (\d+) ms\)/)
      if (fusionCpu) worker.fusionCpu.push(Number(fusionCpu[1]))
      const fusedDocuments = line.match(/^fused .* \((\d+) documents\):/)
      if (fusedDocuments) worker.fusedDocuments.push(Number(fusedDocuments[1]))
      const rss = line.match(/peak RSS (\d+) MB/)
      if (rss) worker.peakRss = Number(rss[1])
      const cpu = line.match(/stopped: .*, CPU ([\d.]+) s/)
      if (cpu) worker.cpuSeconds = Number(cpu[1])
      const jobsCpu = line.match(/stopped: .*in extraction jobs ([\d.]+) s/)
      if (jobsCpu) worker.extractCpu = Number(jobsCpu[1])
    }
  })
  ;(worker as { exit: Promise<void> }).exit = new Promise((resolveExit) =>
    child.on('exit', () => {
      worker.exited = true
      resolveExit()
    }),
  )
  return worker
}

/** From pg-boss's own timestamps: when work started and ended, fusions, backlog waits. */
async function jobTiming(store: Awaited<ReturnType<typeof openPostgresStore>>) {
  const { rows } = await store.executeSql(`
    SELECT name,
      extract(epoch FROM started_on) AS started,
      extract(epoch FROM completed_on) AS completed,
      extract(epoch FROM started_on - created_on) AS wait
    FROM pgboss.job WHERE name IN ('triangulate-extract', 'triangulate-fuse') AND state = 'completed'`)
  const jobs = (rows as { name: string; started: string; completed: string; wait: string }[]).map(
    (row) => ({
      name: row.name,
      started: Number(row.started),
      completed: Number(row.completed),
      wait: Number(row.wait),
    }),
  )
  const extract = jobs.filter((job) => job.name === 'triangulate-extract')
  return {
    firstStart: Math.min(...extract.map((job) => job.started)),
    lastDone: Math.max(...jobs.map((job) => job.completed)),
    waitP50: percentile(
      extract.map((job) => job.wait),
      0.5,
    ),
    waitP95: percentile(
      extract.map((job) => job.wait),
      0.95,
    ),
  }
}

/**
 * Per article: its queue wait, and the time from its ingest to the end of the first fusion
 * that read its facts (fusion end = pg-boss start + the duration the worker recorded).
 */
async function trickleLatency(
  store: Awaited<ReturnType<typeof openPostgresStore>>,
  ids: readonly string[],
): Promise<{ waits: number[]; pictures: number[] }> {
  const { rows } = await store.executeSql(
    `SELECT extract(epoch FROM e.started_on - e.created_on)::float8 AS wait,
       (SELECT min(extract(epoch FROM f.started_on) + (f.output->>'seconds')::float8)
          - extract(epoch FROM e.created_on)
        FROM pgboss.job f
        WHERE f.name = 'triangulate-fuse' AND f.state = 'completed' AND f.started_on > e.completed_on
       )::float8 AS picture
     FROM pgboss.job e
     WHERE e.name = 'triangulate-extract' AND e.state = 'completed' AND e.data->>'documentId' = ANY($1)`,
    [ids],
  )
  const typed = rows as { wait: number; picture: number | null }[]
  return {
    waits: typed.map((row) => row.wait),
    pictures: typed.flatMap((row) => (row.picture === null ? [] : [row.picture])),
  }
}

/** Whether any extraction job is still waiting, retrying or running. */
async function extractionPending(
  store: Awaited<ReturnType<typeof openPostgresStore>>,
): Promise<boolean> {
  const { rows } = await store.executeSql(
    `SELECT EXISTS (SELECT 1 FROM pgboss.job WHERE name = 'triangulate-extract'
       AND state IN ('created', 'retry', 'active')) AS pending`,
  )
  return (rows[0] as { pending: boolean }).pending
}

async function databaseBytes(
  store: Awaited<ReturnType<typeof openPostgresStore>>,
): Promise<number> {
  const { rows } = await store.executeSql(
    'SELECT pg_database_size(current_database())::float8 AS bytes',
  )
  return (rows[0] as { bytes: number }).bytes
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1)
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms))
}
