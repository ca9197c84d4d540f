// Fusion benchmark: synthetic corpora of 1,000 and 10,000 analysed articles (generated here,
// seeded, no files), fused in one batch; then the latency of adding one more article to the
// 10,000-article picture. Prints figures; asserts nothing. Run: npx tsx bench/fusion.ts
// (FUSION_BENCH_SIZES=1000,5000 picks the corpus sizes). CPU time is printed beside wall time
// because a shared machine's load inflates wall time.
import { FusionState } from '../src/core/fusion/fusion-state.js'
import type { FusionDocumentInput, OutletAffiliation } from '../src/core/fusion/fusion-types.js'
import {
  EVENT_TYPES,
  type AnalysisEvent,
  type Entity,
  type EventType,
} from '../src/core/model/analysis.js'
import type { SourceDocument } from '../src/core/model/document.js'
import { makeSpan } from '../src/core/model/span.js'

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(7)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1))

const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'sa',
  'tan',
  'de',
  'ru',
  'vel',
  'no',
  'zi',
  'ar',
  'bek',
  'hol',
  'im',
  'qu',
  'sen',
]
const word = (): string => Array.from({ length: int(2, 4) }, () => pick(SYLLABLES)).join('')
const VOCABULARY = Array.from({ length: 3000 }, word)
const PROVINCES = Array.from({ length: 14 }, (_, i) => ({
  id: `adm:BX-${i}`,
  name: `Province ${i}`,
}))
const PLACES = Array.from({ length: 600 }, (_, i) => {
  const province = PROVINCES[i % PROVINCES.length] as { id: string; name: string }
  return {
    id: `gn:${100000 + i}`,
    name: `${word()}${i}`,
    province: province.id,
    lat: 30 + random() * 5,
    lon: 35 + random() * 5,
  }
})
const CONTAINMENT = new Map<string, readonly string[]>([
  ...PLACES.map((p) => [p.id, [p.province, 'country:BX']] as const),
  ...PROVINCES.map((p) => [p.id, ['country:BX']] as const),
])
const SIDES = ['government', 'opposition', 'hts', 'sdf', 'sna', 'russia', 'turkey', 'israel']
const OUTLETS = Array.from({ length: 200 }, (_, i) =>
  i < 6 ? (['TASS', 'RT', 'IRNA', 'Mehr News', 'SANA', 'Anadolu'][i] as string) : `Outlet ${i}`,
)
const SOURCES = Array.from({ length: 300 }, (_, i) => `Spokesman ${word()} ${i}`)
const GENERIC = ['local sources', 'witnesses', 'activists', 'security sources']
const AFFILIATIONS: OutletAffiliation[] = [
  {
    pattern: 'tass',
    ecosystem: 'russia-state',
    owner: 'Russian state media',
    country: 'RU',
    kind: 'state-agency',
  },
  {
    pattern: 'rt',
    ecosystem: 'russia-state',
    owner: 'Russian state media',
    country: 'RU',
    kind: 'state-broadcaster',
  },
  {
    pattern: 'irna',
    ecosystem: 'iran-state',
    owner: 'Iranian state media',
    country: 'IR',
    kind: 'state-agency',
  },
  {
    pattern: 'mehr*',
    ecosystem: 'iran-state',
    owner: 'Iranian state media',
    country: 'IR',
    kind: 'state-agency',
  },
]
const TYPE_WEIGHTS: Partial<Record<EventType, number>> = {
  control: 6,
  withdrawal: 3,
  advance: 3,
  strike: 4,
  clash: 4,
  casualties: 2,
  redeployment: 1,
}
const WEIGHTED_TYPES = EVENT_TYPES.flatMap((type) =>
  Array.from({ length: TYPE_WEIGHTS[type] ?? 1 }, () => type),
)
const BASE_DAY = Date.UTC(2024, 0, 1) / 86_400_000
const day = (n: number): string => new Date((BASE_DAY + n) * 86_400_000).toISOString().slice(0, 10)

interface StoryPlan {
  readonly places: readonly (typeof PLACES)[number][]
  readonly start: number
}

function makeCorpus(count: number, prefix: string): FusionDocumentInput[] {
  const stories: StoryPlan[] = Array.from({ length: Math.max(1, Math.round(count / 25)) }, () => {
    const province = pick(PROVINCES).id
    const local = PLACES.filter((p) => p.province === province)
    return { places: Array.from({ length: int(3, 8) }, () => pick(local)), start: int(0, 80) }
  })
  const corpus: FusionDocumentInput[] = []
  for (let i = 0; i < count; i++) {
    const id = `${prefix}${i}`
    const outlet = pick(OUTLETS)
    const story = pick(stories)
    const published = day(story.start + int(0, 10))
    const earlier = corpus.length > 0 && random() < 0.12 ? pick(corpus) : null
    let text: string
    if (earlier !== null) {
      // A wire copy: the earlier text with a few words changed.
      const words = earlier.document.text.split(' ')
      for (let k = 0; k < 4; k++) words[int(0, words.length - 1)] = pick(VOCABULARY)
      text = words.join(' ')
    } else {
      const words: string[] = []
      for (let k = 0; k < 220; k++)
        words.push(random() < 0.06 ? pick(story.places).name : pick(VOCABULARY))
      text = words.join(' ')
    }
    const document: SourceDocument = {
      id,
      source: `bench/${id}`,
      outlet,
      url: null,
      published,
      publishedFrom: 'header',
      title: null,
      text,
      metadata: {},
    }
    const events: AnalysisEvent[] = []
    const entities: Entity[] = []
    const eventCount = int(4, 12)
    for (let n = 0; n < eventCount; n++) {
      const place = pick(story.places)
      const type = pick(WEIGHTED_TYPES)
      const at = int(0, text.length - 40)
      const evidence = makeSpan(id, text, at, at + 30)
      const roll = random()
      const sourceName = roll < 0.45 ? null : roll < 0.85 ? pick(SOURCES) : pick(GENERIC)
      const dated = random() < 0.5
      const eventDay = story.start + int(0, 10)
      events.push({
        id: `${id}#${n}`,
        doc: id,
        type,
        place: { entity: place.id, name: place.name, lat: place.lat, lon: place.lon },
        actors: [pick(SIDES), ...(random() < 0.3 ? [pick(SIDES)] : [])].map((side) => ({
          entity: `side:${side}`,
          name: side,
          side,
        })),
        source:
          sourceName === null
            ? null
            : {
                entity: `source:${sourceName}`,
                name: sourceName,
                ...(random() < 0.2 && { via: [pick(OUTLETS)] }),
              },
        stance: random() < 0.08 ? 'denied' : random() < 0.03 ? 'hedged' : 'asserted',
        date: dated ? { start: day(eventDay), end: day(eventDay), precision: 'day' } : null,
        framing:
          random() < 0.1 ? [pick(['terrorists', 'rebels', 'redeployment', 'militants'])] : [],
        evidence,
        notAfter: published,
        ...(type === 'casualties' && {
          quantity: { value: int(1, 80), unit: 'killed', span: evidence },
        }),
      })
      entities.push({
        id: place.id,
        kind: 'place',
        name: place.name,
        aliases: [place.name],
        mentions: [evidence],
      })
    }
    corpus.push({ document, events, entities })
  }
  return corpus
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function newState(): FusionState {
  return new FusionState({
    affiliations: AFFILIATIONS,
    containment: (id) => CONTAINMENT.get(id) ?? [],
    capitalOf: () => null,
  })
}

const SIZES = (process.env['FUSION_BENCH_SIZES'] ?? '1000,10000').split(',').map(Number)
for (const size of SIZES) {
  const corpus = makeCorpus(size, `a${size}-`)
  const events = corpus.reduce((sum, article) => sum + article.events.length, 0)
  const state = newState()
  const cpuStarted = process.cpuUsage()
  const started = performance.now()
  for (const article of corpus) state.add(article)
  const added = performance.now()
  const picture = state.snapshot()
  const done = performance.now()
  const cpu = process.cpuUsage(cpuStarted)
  console.log(
    `fuse ${size} articles (${events} events): ${((done - started) / 1000).toFixed(2)} s wall, ` +
      `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU ` +
      `(adds ${((added - started) / 1000).toFixed(2)} s, snapshot ${((done - added) / 1000).toFixed(2)} s); ` +
      `${picture.claims.length} claims, ${picture.disputes.length} disputes, ${picture.stories.length} stories, ` +
      `${picture.documents.filter((d) => d.syndicationGroup != null).length} syndicated documents, ${picture.control.length} control states`,
  )
  if (size === 10_000) {
    const extra = makeCorpus(300, 'extra-')
    const latencies: number[] = []
    for (const article of extra) {
      const t0 = performance.now()
      state.add(article)
      latencies.push(performance.now() - t0)
    }
    console.log(
      `add one article to a ${size}-article picture: p50 ${percentile(latencies, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms (${latencies.length} adds)`,
    )
    const t0 = performance.now()
    state.snapshot()
    console.log(
      `snapshot of the ${state.size}-article picture: ${(performance.now() - t0).toFixed(0)} ms`,
    )
  }
}
