/**
 * The one benchmark command: `npm run bench [-- --quick] [--json FILE] [--sizes 1000,10000]
 * [--seed N] [--threads N] [--no-store] [--no-api] [--workers]`.
 *
 * On a corpus from scripts/gen-corpus.ts (generated in memory, same seed, same text), it measures:
 *   extraction  the per-document pipeline (analyzeDocument) on one core: the first articles of
 *               the process (cold), then articles/s, words/s and per-stage time per article
 *               after a warm-up; then all documents on worker threads
 *   baseline    plain libraries on the same documents (wink-nlp sentences and NER, chrono-node
 *               dates; no gazetteer, attribution, events or fusion), as a reference
 *   fusion      FusionState over the first N articles for each size, plus its snapshot
 *   ingest      one article at a time into the largest picture (p50/p95), and the SQLite store:
 *               ingest throughput through `ingestInputs` and bytes per 1,000 articles
 *   memory      peak RSS of this process (workers included)
 *   api         the real server (`triangulate serve --db`) on loopback under autocannon
 * It prints one table and, with --json, writes it as JSON. It asserts nothing: targets are
 * printed beside the figures. `--quick` uses 1,000 articles and bounded samples (under a
 * minute); the default uses 10,000.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { FusionState } from '../src/core/fusion/fusion-state.js'
import { analyzeDocument } from '../src/core/pipeline/analyze-document.js'
import { loadAffiliations } from '../src/datasets/affiliations/load-affiliations.js'
import { findRepoRoot } from '../src/datasets/gazetteer/load-gazetteer.js'
import { loadLexicon } from '../src/datasets/load-lexicon.js'
import { runBaseline } from './lib/baseline-pipeline.js'
import { loadBenchCorpus } from './lib/corpus-documents.js'
import { extractInWorkers } from './lib/extract-in-workers.js'
import { fusionOptionsFor } from './lib/fusion-options.js'
import { type ApiFigures, measureApi } from './lib/measure-api.js'
import { measureStore, type StoreFigures } from './lib/measure-store.js'
import {
  type Lap,
  liveHeapMiB,
  peakRssMiB,
  percentile,
  round,
  scalingExponent,
  startClock,
} from './lib/stats.js'
import { STAGES, timeStages } from './lib/time-stages.js'

const { values } = readArgs(() =>
  parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      json: { type: 'string' },
      sizes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      threads: { type: 'string' },
      'no-store': { type: 'boolean', default: false },
      'no-api': { type: 'boolean', default: false },
      workers: { type: 'boolean', default: false },
    },
    strict: true,
  }),
)

const quick = values.quick
const seed = Number(values.seed)
const sizes = (values.sizes ?? (quick ? '1000' : '1000,10000'))
  .split(',')
  .map((size) => Number(size.trim()))
  .sort((a, b) => a - b)
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(seed)) {
  console.error(
    `bench: --sizes ${values.sizes ?? ''} / --seed ${values.seed}: expected whole numbers`,
  )
  process.exit(2)
}
const largest = sizes[sizes.length - 1] as number
const threads = Number(values.threads ?? availableParallelism())
if (!Number.isInteger(threads) || threads < 1) {
  console.error(`bench: --threads ${values.threads ?? ''}: expected a whole number of at least 1`)
  process.exit(2)
}
/** Articles added one by one to the largest picture, after it is built. */
const extraAdds = quick ? 100 : 200
/** Documents timed on one core (after a warm-up), for the pipeline, the stages and the baseline. */
const sample = Math.min(largest, quick ? 200 : 1000)
/**
 * Articles a fresh process reads before the steady-state sample. V8 keeps re-optimising the
 * pipeline's larger functions for several hundred articles (each new article shape can
 * deoptimise one), so a short warm-up times the JIT, not the engine; the first articles are
 * timed apart as the cold figure a short CLI run sees.
 */
const coldSample = Math.min(sample, 200)
const warmUp = Math.max(coldSample, Math.min(quick ? 600 : 1500, largest + extraAdds - sample))
const storeArticles = Math.min(largest, quick ? 200 : 1000)
const repoRoot = findRepoRoot()

const log = (line: string): void => console.error(`bench: ${line}`)
const seconds = (ms: number): number => ms / 1000

// 1. The corpus, generated in memory, parsed as ingest parses a text file.
let t = performance.now()
const corpus = loadBenchCorpus(largest + extraAdds, seed)
const generateSeconds = seconds(performance.now() - t)
const words = (from: number, to: number): number =>
  corpus.articles.slice(from, to).reduce((sum, article) => sum + article.words, 0)
log(
  `generated ${corpus.articles.length} articles (${corpus.words} words) in ${generateSeconds.toFixed(1)} s`,
)

t = performance.now()
const lexicon = loadLexicon()
const affiliations = loadAffiliations()
const lexiconSeconds = seconds(performance.now() - t)

// 2. Extraction on one core: the first articles cold, then (after the warm-up) the sample.
const loadAtStart = loadavg()[0] as number
let clock = startClock()
for (const document of corpus.documents.slice(0, coldSample)) analyzeDocument(document, lexicon)
const cold = clock()
log(`extraction, cold: the first ${coldSample} articles in ${seconds(cold.cpuMs).toFixed(1)} s CPU`)
const sampleDocuments = corpus.documents.slice(warmUp, warmUp + sample)
for (const document of corpus.documents.slice(coldSample, warmUp))
  analyzeDocument(document, lexicon)
clock = startClock()
let sampleEvents = 0
let sampleSentences = 0
for (const document of sampleDocuments) {
  const analysis = analyzeDocument(document, lexicon)
  sampleEvents += analysis.events.length
  sampleSentences += analysis.sentences.length
}
const extraction = clock()
const sampleWords = words(warmUp, warmUp + sample)
log(
  `extraction: ${sample} articles in ${seconds(extraction.wallMs).toFixed(1)} s (${seconds(extraction.cpuMs).toFixed(1)} s CPU) on one thread`,
)

const stageMs = timeStages(sampleDocuments, lexicon)
const stageTotal = STAGES.reduce((sum, stage) => sum + stageMs[stage], 0)

// 3. The baseline on the same documents.
for (const document of corpus.documents.slice(0, warmUp)) runBaseline(document)
clock = startClock()
let baselineEntities = 0
let baselineDates = 0
for (const document of sampleDocuments) {
  const found = runBaseline(document)
  baselineEntities += found.entities
  baselineDates += found.dates
}
const baseline = clock()
log(
  `baseline: ${sample} articles in ${seconds(baseline.wallMs).toFixed(1)} s (${seconds(baseline.cpuMs).toFixed(1)} s CPU)`,
)

// 4. Every document through the pipeline on worker threads: fusion's input.
clock = startClock()
const parallel = await extractInWorkers(corpus.documents, threads)
const parallelLap = clock()
log(
  `extraction on ${threads} threads: ${corpus.documents.length} articles in ${seconds(parallelLap.wallMs).toFixed(1)} s (${seconds(parallelLap.cpuMs).toFixed(1)} s CPU)`,
)
const inputs = parallel.inputs

// 5. Fusion at each size; the largest picture then takes articles one at a time.
const heapBeforeFusion = liveHeapMiB()
const options = fusionOptionsFor(lexicon, affiliations)
const fusion: {
  articles: number
  events: number
  addSeconds: number
  snapshotSeconds: number
  seconds: number
  cpuSeconds: number
  claims: number
  disputes: number
  stories: number
}[] = []
let largestState: FusionState | null = null
for (const size of sizes) {
  const state = new FusionState(options)
  const slice = inputs.slice(0, size)
  clock = startClock()
  for (const input of slice) state.add(input)
  const added = clock()
  const picture = state.snapshot()
  const done = clock()
  fusion.push({
    articles: size,
    events: slice.reduce((sum, input) => sum + input.events.length, 0),
    addSeconds: seconds(added.wallMs),
    snapshotSeconds: seconds(done.wallMs - added.wallMs),
    seconds: seconds(done.wallMs),
    cpuSeconds: seconds(done.cpuMs),
    claims: picture.claims.length,
    disputes: picture.disputes.length,
    stories: picture.stories.length,
  })
  log(
    `fusion of ${size} articles: ${seconds(done.wallMs).toFixed(2)} s (${seconds(done.cpuMs).toFixed(2)} s CPU)`,
  )
  if (size === largest) largestState = state
}
const adds: Lap[] = []
for (const input of inputs.slice(largest, largest + extraAdds)) {
  const lap = startClock()
  largestState?.add(input)
  adds.push(lap())
}
const latencies = adds.map((lap) => lap.wallMs)
const addCpu = adds.map((lap) => lap.cpuMs)
t = performance.now()
largestState?.snapshot()
const snapshotAfterAddsMs = performance.now() - t
const heapWithLargestPicture = liveHeapMiB()
largestState = null
const peakAfterFusion = peakRssMiB()

// 6. The SQLite store and the API over it.
let store: StoreFigures | null = null
let api: ApiFigures | null = null
const storeDir = mkdtempSync(path.join(tmpdir(), 'triangulate-bench-'))
try {
  if (!values['no-store']) {
    store = await measureStore(corpus.articles.slice(0, storeArticles), storeDir, quick ? 3 : 4)
    log(`store: ${storeArticles} articles ingested in ${store.seconds.toFixed(1)} s`)
    if (!values['no-api']) {
      api = await measureApi({
        dbPath: store.dbPath,
        // The time cap ends each route's run; the count only bounds it on a very fast machine.
        // (Runs that end by count finish on autocannon's next one-second tick, which caps the rate.)
        amount: quick ? 10_000 : 50_000,
        seconds: quick ? 2 : 5,
        connections: 10,
        repoRoot,
      })
      log(`api: ${api.routes.length} routes measured`)
    }
  }
} finally {
  rmSync(storeDir, { recursive: true, force: true })
}

// 7. Optional: the PostgreSQL workers benchmark, when its author has written it.
let workers: { output: string } | { skipped: string } | null = null
if (values.workers) {
  const script = path.join(repoRoot, 'bench', 'workers.ts')
  if (!existsSync(script)) workers = { skipped: 'bench/workers.ts does not exist yet' }
  else {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', script, ...(quick ? ['--quick'] : [])],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 15 * 60_000,
      },
    )
    workers =
      run.status === 0
        ? { output: run.stdout.trim() }
        : { skipped: `exit ${run.status}: ${run.stderr.trim().split('\n').at(-1) ?? ''}` }
  }
}

// The report.
// Per core = per CPU-second of this process: on a machine shared with other work, wall time
// overstates the cost; both are in the JSON.
const articlesPerSecPerCore = sample / seconds(extraction.cpuMs)
const baselinePerCore = sample / seconds(baseline.cpuMs)
const largestFusion = fusion[fusion.length - 1] as (typeof fusion)[number]
const result = {
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverageAtStart: round(loadAtStart, 1),
    loadAverageAtEnd: round(loadavg()[0] as number, 1),
  },
  corpus: {
    generator: 'scripts/gen-corpus.ts',
    seed,
    articles: corpus.articles.length,
    wordsPerArticle: round(corpus.words / corpus.articles.length, 0),
    generateSeconds: round(generateSeconds, 2),
    lexiconLoadSeconds: round(lexiconSeconds, 2),
  },
  extraction: {
    articlesPerSecPerCore: round(articlesPerSecPerCore),
    wordsPerSec: round(sampleWords / seconds(extraction.cpuMs), 0),
    articlesPerSecWall: round(sample / seconds(extraction.wallMs)),
    cpuMsPerArticle: round(extraction.cpuMs / sample, 2),
    sentencesPerSec: round(sampleSentences / seconds(extraction.cpuMs), 0),
    eventsPerArticle: round(sampleEvents / sample, 1),
    sample,
    warmUpArticles: warmUp,
    cold: {
      articles: coldSample,
      articlesPerSecPerCore: round(coldSample / seconds(cold.cpuMs)),
      cpuMsPerArticle: round(cold.cpuMs / coldSample, 2),
    },
    stagesMsPerArticle: Object.fromEntries(
      STAGES.map((stage) => [stage, round(stageMs[stage] / sample, 2)]),
    ),
    stagesShare: Object.fromEntries(
      STAGES.map((stage) => [stage, round(stageMs[stage] / stageTotal, 3)]),
    ),
    parallel: {
      threads,
      articles: corpus.documents.length,
      articlesPerSec: round(corpus.documents.length / seconds(parallelLap.wallMs)),
      wallSeconds: round(seconds(parallelLap.wallMs), 1),
      cpuSeconds: round(seconds(parallelLap.cpuMs), 1),
      // Every article, each thread from cold (lexicon load included): a long batch's figure.
      articlesPerSecPerCore: round(corpus.documents.length / seconds(parallelLap.cpuMs)),
      workerBusySeconds: parallel.busyMs.map((ms) => round(seconds(ms), 1)),
    },
  },
  baseline: {
    pipeline: 'wink-nlp (sentences, NER) + chrono-node, no fusion',
    articlesPerSecPerCore: round(baselinePerCore),
    wordsPerSec: round(sampleWords / seconds(baseline.cpuMs), 0),
    articlesPerSecWall: round(sample / seconds(baseline.wallMs)),
    entitiesPerArticle: round(baselineEntities / sample, 1),
    datesPerArticle: round(baselineDates / sample, 1),
  },
  fusion: {
    sizes: fusion.map((entry) => ({
      ...entry,
      addSeconds: round(entry.addSeconds, 2),
      snapshotSeconds: round(entry.snapshotSeconds, 2),
      seconds: round(entry.seconds, 2),
      cpuSeconds: round(entry.cpuSeconds, 2),
    })),
    ...Object.fromEntries(
      fusion.map((entry) => [`seconds${entry.articles}`, round(entry.seconds, 2)]),
    ),
    exponent: (() => {
      const exponent = scalingExponent(
        fusion.map((entry) => ({ n: entry.articles, seconds: entry.cpuSeconds })),
      )
      return exponent === null ? null : round(exponent, 2)
    })(),
  },
  ingest: {
    incremental: {
      into: largest,
      adds: latencies.length,
      p50Ms: round(percentile(latencies, 50), 2),
      p95Ms: round(percentile(latencies, 95), 2),
      maxMs: round(Math.max(0, ...latencies), 2),
      cpuP50Ms: round(percentile(addCpu, 50), 2),
      cpuP95Ms: round(percentile(addCpu, 95), 2),
      snapshotMs: round(snapshotAfterAddsMs, 0),
    },
    store:
      store === null
        ? null
        : {
            backend: 'sqlite',
            articles: store.articles,
            batches: store.batches,
            articlesPerSec: round(store.articlesPerSec),
            lastBatchSeconds: round(store.lastBatchSeconds, 2),
            mebibytesPer1k: round(store.mebibytesPer1k, 2),
          },
  },
  memory: {
    peakRssMiB: round(Math.max(peakAfterFusion, peakRssMiB()), 0),
    peakRssAfterFusionMiB: round(peakAfterFusion, 0),
    heapUsedMiB: round(process.memoryUsage().heapUsed / 1024 / 1024, 0),
    /** Heap with every analysed article in memory, before fusion. */
    heapBeforeFusionMiB: round(heapBeforeFusion, 0),
    /** Heap with the largest fused picture (and the articles) alive: the difference is fusion's. */
    heapWithLargestPictureMiB: round(heapWithLargestPicture, 0),
  },
  api:
    api === null
      ? null
      : {
          documents: api.documents,
          requestsPerSec: round(api.requestsPerSec, 0),
          p99Ms: api.p99Ms,
          routes: api.routes.map((route) => ({
            ...route,
            requestsPerSec: round(route.requestsPerSec, 0),
          })),
        },
  ...(workers !== null && { workers }),
}

const rows: [string, string, string][] = [
  [
    `extraction, articles/s per core (CPU time; after ${warmUp} articles)`,
    fmt(result.extraction.articlesPerSecPerCore),
    '≥ 200',
  ],
  [
    `extraction, cold: the first ${coldSample} articles, per core`,
    fmt(result.extraction.cold.articlesPerSecPerCore),
    '',
  ],
  ['extraction, articles/s on one thread (wall)', fmt(result.extraction.articlesPerSecWall), ''],
  ['extraction, words/s per core', fmt(result.extraction.wordsPerSec), ''],
  ['extraction, sentences/s per core', fmt(result.extraction.sentencesPerSec), ''],
  ...STAGES.map((stage): [string, string, string] => [
    `  stage ${stage}, CPU ms/article`,
    `${fmt(result.extraction.stagesMsPerArticle[stage] ?? 0)} (${Math.round(100 * (result.extraction.stagesShare[stage] ?? 0))}%)`,
    '',
  ]),
  [
    `extraction on ${threads} threads, articles/s`,
    fmt(result.extraction.parallel.articlesPerSec),
    '',
  ],
  [
    `  all ${corpus.documents.length} articles from cold, per core (CPU time)`,
    fmt(result.extraction.parallel.articlesPerSecPerCore),
    '',
  ],
  [
    'baseline (wink-nlp + chrono), articles/s per core',
    fmt(result.baseline.articlesPerSecPerCore),
    'reference',
  ],
  ['baseline words/s per core', fmt(result.baseline.wordsPerSec), 'reference'],
  ...fusion.map((entry): [string, string, string] => [
    `fusion of ${entry.articles} articles, s`,
    `${fmt(round(entry.seconds, 2))} (CPU ${fmt(round(entry.cpuSeconds, 2))}; snapshot ${fmt(round(entry.snapshotSeconds, 2))})`,
    entry.articles === 10_000 ? '< 60' : '',
  ]),
  [
    'fusion cost exponent (CPU t ∝ n^b)',
    result.fusion.exponent === null ? 'n/a (one size)' : fmt(result.fusion.exponent),
    '',
  ],
  [`add one article to ${largest}, p50 ms`, fmt(result.ingest.incremental.p50Ms), ''],
  [`add one article to ${largest}, p95 ms`, fmt(result.ingest.incremental.p95Ms), '< 200'],
  [`add one article to ${largest}, CPU p95 ms`, fmt(result.ingest.incremental.cpuP95Ms), ''],
  [
    `snapshot of the ${largest + latencies.length}-article picture, ms`,
    fmt(result.ingest.incremental.snapshotMs),
    '',
  ],
  ['peak RSS, MiB', fmt(result.memory.peakRssMiB), '< 1024 (100k, PostgreSQL)'],
  [
    `heap: analysed articles / + ${largest}-article picture, MiB`,
    `${fmt(result.memory.heapBeforeFusionMiB)} / ${fmt(result.memory.heapWithLargestPictureMiB)}`,
    '',
  ],
  ...(result.ingest.store
    ? ([
        [
          `SQLite ingest of ${result.ingest.store.articles} (${result.ingest.store.batches} batches), articles/s`,
          fmt(result.ingest.store.articlesPerSec),
          '',
        ],
        ['SQLite store, MiB per 1k articles', fmt(result.ingest.store.mebibytesPer1k), ''],
      ] as [string, string, string][])
    : []),
  ...(result.api
    ? ([
        [
          `API over ${result.api.documents} documents, req/s`,
          fmt(result.api.requestsPerSec),
          '≥ 200',
        ],
        ['API worst-route p99, ms', fmt(result.api.p99Ms), '< 100'],
      ] as [string, string, string][])
    : []),
]
const width = Math.max(...rows.map(([label]) => label.length))
console.log(
  `triangulate bench${quick ? ' --quick' : ''}: ${corpus.articles.length} generated articles (seed ${seed}, ~${result.corpus.wordsPerArticle} words), ${result.machine.cores} cores, Node ${process.version}`,
)
const shared =
  Math.max(result.machine.loadAverageAtStart, result.machine.loadAverageAtEnd) >
  result.machine.cores
console.log(
  `load average ${result.machine.loadAverageAtStart} at start, ${result.machine.loadAverageAtEnd} at end` +
    (shared
      ? ` (above ${result.machine.cores}: other processes share the CPUs, trust the CPU-time figures)`
      : ''),
)
console.log(`${'figure'.padEnd(width)}  ${'value'.padEnd(30)}  target`)
for (const [label, value, target] of rows)
  console.log(`${label.padEnd(width)}  ${value.padEnd(30)}  ${target}`)
if (result.api) {
  for (const route of result.api.routes) {
    console.log(
      `  ${route.route.slice(0, width - 2).padEnd(width - 2)}  ${`${fmt(route.requestsPerSec)} req/s, p50 ${route.p50Ms} ms, p99 ${route.p99Ms} ms`.padEnd(30)}  ${route.non2xx + route.errors > 0 ? `${route.non2xx} non-2xx, ${route.errors} errors` : ''}`,
    )
  }
}
if (workers !== null)
  console.log(
    'workers (bench/workers.ts):',
    'output' in workers ? `\n${workers.output}` : workers.skipped,
  )
if (values.json !== undefined) {
  writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n')
  log(`wrote ${values.json}`)
}

function fmt(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : String(value)
}

/** Parses the options; a bad one is one line and exit code 2, not a stack trace. */
function readArgs<T>(parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  }
}
