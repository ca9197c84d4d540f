// Fusion benchmark: `npm run bench:fusion [-- --sizes 1000,3000,10000] [--seed 1] [--adds 300]`.
//
// The corpus comes from scripts/gen-corpus.ts (three wars told by 140 outlets, in memory) and
// goes through the real per-document pipeline on worker threads once; the analysed articles are
// cached under tmp/bench-cache/ (keyed by seed, count and the engine's source files), so later
// runs fuse at once. Then, for each size, a FusionState over the first N articles plus its
// snapshot (CPU time: the machine is shared, wall time overstates), the cost exponent, the
// latency of adding one more article to the largest picture, and the stories scored against the
// generator's ground truth (B-cubed precision and recall, by war and by war-week). Prints
// figures; asserts nothing. `--profile` writes a V8 CPU profile of the largest fusion to tmp/;
// `--any-cache` fuses the newest cached corpus even when the engine changed since.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { Session } from 'node:inspector/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { FusionState } from '../src/core/fusion/fusion-state.js'
import type { FusionDocumentInput, FusionResult } from '../src/core/fusion/fusion-types.js'
import { loadAffiliations } from '../src/datasets/affiliations/load-affiliations.js'
import { findRepoRoot } from '../src/datasets/gazetteer/load-gazetteer.js'
import { loadLexicon } from '../src/datasets/load-lexicon.js'
import { type ArticleTruth, generateArticles } from '../scripts/gen-corpus.js'
import { parseTextDocument } from '../src/ingest/text-document.js'
import { extractInWorkers } from './lib/extract-in-workers.js'
import { fusionOptionsFor } from './lib/fusion-options.js'
import { percentile, scalingExponent, startClock } from './lib/stats.js'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env['FUSION_BENCH_SIZES'] ?? '1000,3000,10000' },
    seed: { type: 'string', default: '1' },
    adds: { type: 'string', default: '300' },
    profile: { type: 'boolean', default: false },
    /** Fuse the newest cached corpus of this seed and size even if the engine changed since. */
    'any-cache': { type: 'boolean', default: false },
  },
  strict: true,
})
const sizes = values.sizes.split(',').map((size) => Number(size.trim()))
const seed = Number(values.seed)
const extraAdds = Number(values.adds)
if ([...sizes, seed, extraAdds].some((n) => !Number.isInteger(n) || n < 0)) {
  console.error(`bench:fusion: --sizes/--seed/--adds: expected whole numbers`)
  process.exit(2)
}
const largest = Math.max(...sizes)
const count = largest + extraAdds
const root = findRepoRoot()

const inputs = await analysedCorpus(count, seed)
const truths = [...generateArticles({ articles: count, seed })].map((article) => article.truth)
const truthOf = new Map(inputs.map((input, k) => [input.document.id, truths[k] as ArticleTruth]))

const lexicon = loadLexicon()
const options = fusionOptionsFor(lexicon, loadAffiliations())
const points: { n: number; seconds: number }[] = []
let largestState: FusionState | null = null
for (const size of sizes) {
  const slice = inputs.slice(0, size)
  const events = slice.reduce((sum, input) => sum + input.events.length, 0)
  const state = new FusionState(options)
  const session = values.profile && size === largest ? await startProfile() : null
  const clock = startClock()
  for (const input of slice) state.add(input)
  const added = clock()
  const picture = state.snapshot()
  const done = clock()
  if (session !== null) await stopProfile(session, `fusion-${size}`)
  points.push({ n: size, seconds: done.cpuMs / 1000 })
  const storySizes = picture.stories.map((story) => story.documents.length).sort((a, b) => b - a)
  console.log(
    `fuse ${size} articles (${events} events): ${(done.cpuMs / 1000).toFixed(2)} s CPU, ` +
      `${(done.wallMs / 1000).toFixed(2)} s wall (adds ${(added.cpuMs / 1000).toFixed(2)} s CPU, ` +
      `snapshot ${((done.cpuMs - added.cpuMs) / 1000).toFixed(2)} s CPU); ${picture.claims.length} claims, ` +
      `${picture.disputes.length} disputes, ${picture.stories.length} stories (largest ${storySizes.slice(0, 3).join(', ')})`,
  )
  printStoryScores(picture)
  if (size === largest) largestState = state
}
const exponent = scalingExponent(points)
if (exponent !== null) console.log(`fusion cost exponent (CPU t ∝ n^b): b = ${exponent.toFixed(2)}`)

if (largestState !== null && extraAdds > 0) {
  const state = largestState
  const wall: number[] = []
  const cpu: number[] = []
  for (const input of inputs.slice(largest, largest + extraAdds)) {
    const clock = startClock()
    state.add(input)
    const lap = clock()
    wall.push(lap.wallMs)
    cpu.push(lap.cpuMs)
  }
  console.log(
    `add one article to the ${largest}-article picture (${extraAdds} adds): ` +
      `CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms, max ${Math.max(...cpu).toFixed(1)} ms; ` +
      `wall p95 ${percentile(wall, 95).toFixed(1)} ms`,
  )
  const clock = startClock()
  state.snapshot()
  console.log(`snapshot of the ${state.size}-article picture: ${clock().cpuMs.toFixed(0)} ms CPU`)
}

/**
 * B-cubed precision and recall of the stories against two truths: the war an article tells
 * (precision is the point: one story must never hold two wars) and the war and ISO week of its
 * lead incident (a story is one unfolding story: a theatre over a period).
 */
function printStoryScores(picture: FusionResult): void {
  const storyOf = new Map<string, string>()
  for (const story of picture.stories) for (const doc of story.documents) storyOf.set(doc, story.id)
  const byWar = (doc: string): string => truthOf.get(doc)?.war ?? '?'
  const byWarWeek = (doc: string): string => {
    const lead = truthOf.get(doc)?.incidents[0] ?? '?:?'
    const [war, day] = lead.split(':')
    const week = Math.floor(Date.parse(`${day ?? ''}T00:00:00Z`) / (7 * 86_400_000))
    return `${war}:${week}`
  }
  const docs = [...storyOf.keys()]
  const war = bCubed(docs, (doc) => storyOf.get(doc) ?? doc, byWar)
  const week = bCubed(docs, (doc) => storyOf.get(doc) ?? doc, byWarWeek)
  const mixed = picture.stories.filter(
    (story) => new Set(story.documents.map(byWar)).size > 1,
  ).length
  console.log(
    `  stories vs truth (B-cubed): by war P ${war.precision.toFixed(3)} R ${war.recall.toFixed(3)}; ` +
      `by war-week P ${week.precision.toFixed(3)} R ${week.recall.toFixed(3)}; ${mixed} stories mix wars`,
  )
}

/** B-cubed precision and recall of a clustering against a truth labelling, averaged over items. */
function bCubed(
  items: readonly string[],
  cluster: (item: string) => string,
  truth: (item: string) => string,
): { precision: number; recall: number } {
  const clusterSize = new Map<string, number>()
  const truthSize = new Map<string, number>()
  const both = new Map<string, number>()
  for (const item of items) {
    const c = cluster(item)
    const t = truth(item)
    clusterSize.set(c, (clusterSize.get(c) ?? 0) + 1)
    truthSize.set(t, (truthSize.get(t) ?? 0) + 1)
    both.set(`${c}\u0000${t}`, (both.get(`${c}\u0000${t}`) ?? 0) + 1)
  }
  let precision = 0
  let recall = 0
  for (const item of items) {
    const shared = both.get(`${cluster(item)}\u0000${truth(item)}`) ?? 0
    precision += shared / (clusterSize.get(cluster(item)) ?? 1)
    recall += shared / (truthSize.get(truth(item)) ?? 1)
  }
  return { precision: precision / items.length, recall: recall / items.length }
}

/**
 * The generated corpus, analysed: read from the cache when the engine's sources are unchanged
 * since it was written, else extracted on worker threads and written there (one JSON per line).
 */
async function analysedCorpus(
  articles: number,
  corpusSeed: number,
): Promise<FusionDocumentInput[]> {
  const cacheDir = path.join(root, 'tmp', 'bench-cache')
  const prefix = `fusion-seed${corpusSeed}-${articles}-`
  const newest = existsSync(cacheDir)
    ? readdirSync(cacheDir)
        .filter((name) => name.startsWith(prefix))
        .map((name) => path.join(cacheDir, name))
        .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]
    : undefined
  const file =
    values['any-cache'] && newest !== undefined
      ? newest
      : path.join(cacheDir, `${prefix}${engineFingerprint()}.ndjson`)
  if (existsSync(file)) {
    const clock = startClock()
    const cached: FusionDocumentInput[] = []
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity })
    for await (const line of lines)
      if (line !== '') cached.push(JSON.parse(line) as FusionDocumentInput)
    console.log(
      `corpus: ${cached.length} analysed articles from ${path.relative(root, file)} (${(clock().wallMs / 1000).toFixed(1)} s)`,
    )
    return cached
  }
  const documents = [...generateArticles({ articles, seed: corpusSeed })].map((article) =>
    parseTextDocument(article.text, { id: article.name, source: `corpus/${article.name}.txt` }),
  )
  const clock = startClock()
  const { inputs: analysed } = await extractInWorkers(documents, 2)
  console.log(
    `corpus: ${analysed.length} articles generated and analysed on 2 threads in ${(clock().wallMs / 1000).toFixed(1)} s wall; caching to ${path.relative(root, file)}`,
  )
  mkdirSync(cacheDir, { recursive: true })
  const out = createWriteStream(file)
  for (const input of analysed) {
    if (!out.write(JSON.stringify(input) + '\n'))
      await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  )
  return analysed
}

/** A hash of the extraction engine's files and data and of the corpus: a new one, a new cache. */
function engineFingerprint(): string {
  const hash = createHash('sha256')
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (!entry.name.endsWith('.test.ts')) {
        hash.update(`${path.relative(root, full)}\n`)
        hash.update(readFileSync(full))
      }
    }
  }
  for (const dir of [
    'src/core/stages',
    'src/core/pipeline',
    'src/core/lexicon',
    'src/core/text',
    'src/datasets',
    'src/ingest',
    'data',
  ]) {
    const full = path.join(root, dir)
    if (existsSync(full) && statSync(full).isFile()) {
      hash.update(`${dir}\n`)
      hash.update(readFileSync(full))
    } else walk(full)
  }
  // The corpus itself, by a sample of its text: generator edits that keep the text keep the cache.
  for (const article of generateArticles({ articles: 50, seed })) hash.update(article.text)
  return hash.digest('hex').slice(0, 12)
}

async function startProfile(): Promise<Session> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return session
}

async function stopProfile(session: Session, name: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop')
  const file = path.join(root, 'tmp', `${name}-${Date.now()}.cpuprofile`)
  writeFileSync(file, JSON.stringify(profile))
  session.disconnect()
  console.log(
    `  profile: ${path.relative(root, file)} (npx tsx bench/lib/summarize-profile.ts FILE)`,
  )
}
