// `npm run eval`: scores `analyze` output against the hand-made gold in ../shared (seed articles
// and the development set) and prints each set's figures; `--json FILE` writes them,
// `--verbose` lists misses and extra events, `--set seeds|dev` scores one set.
import { readdirSync, writeFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { analyzeInputs } from '../src/app/analyze.js'
import type { Analysis } from '../src/core/model/analysis.js'
import {
  type EventScores,
  readGoldEvents,
  readGoldReference,
  scoreEvents,
} from './eval/score-events.js'
import { scoreFusion } from './eval/score-fusion.js'

const here = dirname(fileURLToPath(import.meta.url))
const repoRoot = resolve(here, here.includes('/dist/') ? '../..' : '..')
const shared = resolve(repoRoot, '..', 'shared')

interface SetResult {
  readonly name: string
  readonly documents: number
  readonly events: EventScores
  readonly fusion?: ReturnType<typeof scoreFusion>
  readonly seconds: number
}

async function scoreSet(name: 'seeds' | 'dev'): Promise<SetResult> {
  const started = performance.now()
  const articles = name === 'seeds' ? join(shared, 'seeds') : join(shared, 'dev', 'articles')
  const goldFiles =
    name === 'seeds'
      ? [join(shared, 'gold', 'seed-events.jsonl')]
      : readdirSync(join(shared, 'dev', 'gold'))
          .filter((file) => file.endsWith('.jsonl'))
          .map((file) => join(shared, 'dev', 'gold', file))
  const placesFiles = [
    join(shared, 'gold', 'places.tsv'),
    join(shared, 'dev', 'gold', 'places.tsv'),
  ].filter((path) => existsSync(path))
  const { analysis, problems } = await analyzeInputs([articles], {
    published: '2024-12-07',
    generatedAt: '1970-01-01T00:00:00.000Z',
  })
  for (const problem of problems) console.error(`eval: ${problem.message}`)
  const reference = readGoldReference(
    readGoldEvents(goldFiles),
    join(shared, 'gold', 'aliases.psv'),
    placesFiles,
  )
  const events = scoreEvents(analysis, reference)
  const fusion =
    name === 'seeds'
      ? scoreFusion(analysis as Analysis, join(shared, 'gold', 'disputes.json'))
      : undefined
  return {
    name,
    documents: analysis.documents.length,
    events,
    ...(fusion && { fusion }),
    seconds: (performance.now() - started) / 1000,
  }
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`.padStart(6)

function print(result: SetResult, verbose: boolean): void {
  const { events } = result
  console.log(
    `\n== ${result.name}: ${result.documents} documents, ${events.gold} gold events, ${events.predicted} predicted (${result.seconds.toFixed(1)} s)`,
  )
  console.log(
    `  events loose   P ${pct(events.loose.precision)}  R ${pct(events.loose.recall)}  F1 ${pct(events.loose.f1)}  (${events.loose.matched} matched)`,
  )
  console.log(
    `  events strict  P ${pct(events.strict.precision)}  R ${pct(events.strict.recall)}  F1 ${pct(events.strict.f1)}  (evidence overlapping)`,
  )
  console.log(
    `  denied recall  ${pct(events.deniedRecall.accuracy)}  (${events.deniedRecall.correct}/${events.deniedRecall.total})`,
  )
  console.log(
    `  on matched: actors ${pct(events.fields.actors.accuracy)} exact, ${pct(events.fields.actorsOverlap.accuracy)} overlap; source ${pct(events.fields.source.accuracy)}; date ${pct(events.fields.date.accuracy)} (${events.fields.date.correct}/${events.fields.date.total} dated rows)`,
  )
  console.log('  per type        gold  pred  match     P       R      F1')
  for (const [type, score] of Object.entries(events.perType).sort()) {
    console.log(
      `    ${type.padEnd(13)} ${String(score.gold).padStart(4)}  ${String(score.predicted).padStart(4)}  ${String(score.matched).padStart(5)}  ${pct(score.precision)}  ${pct(score.recall)}  ${pct(score.f1)}`,
    )
  }
  if (result.fusion) {
    const { disputes, corroborations, otherDisputes } = result.fusion
    console.log(
      `  disputes ${disputes.found}/${disputes.total} [${disputes.matched.join(' ')}], corroborations ${corroborations.found}/${corroborations.total} [${corroborations.matched.join(' ')}], other disputes ${otherDisputes}`,
    )
  }
  if (verbose) {
    console.log('  misses:')
    for (const miss of events.misses)
      console.log(
        `    - ${miss.doc} ${miss.type} ${miss.place} ${miss.stance} | ${miss.evidence.slice(0, 110)}`,
      )
    console.log('  extras:')
    for (const extra of events.extras)
      console.log(
        `    + ${extra.doc} ${extra.type} ${extra.place} ${extra.stance} | ${extra.evidence.slice(0, 110)}`,
      )
  }
}

const { values } = parseArgs({
  options: { json: { type: 'string' }, verbose: { type: 'boolean' }, set: { type: 'string' } },
})
const sets = (values.set ? [values.set] : ['seeds', 'dev']) as ('seeds' | 'dev')[]
const results: SetResult[] = []
for (const set of sets) {
  const result = await scoreSet(set)
  results.push(result)
  print(result, values.verbose ?? false)
}
if (values.json) {
  const figures = Object.fromEntries(
    results.map((result) => [
      result.name,
      {
        documents: result.documents,
        events: {
          ...result.events,
          misses: result.events.misses.length,
          extras: result.events.extras.length,
        },
        fusion: result.fusion ?? null,
      },
    ]),
  )
  writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n')
}
