// `npx tsx bench/wikievents.ts [--json FILE]`: runs the per-document pipeline on the WikiEvents
// news articles (../shared/benchmarks/wikievents, dev + test, read at run time) and scores the
// event types that correspond to ours, at trigger level: a predicted event matches a gold event
// mention of a corresponding type when their trigger spans overlap (or, for events we place by
// sentence, when the gold trigger lies in the predicted event's evidence sentence: "sentence").
// WikiEvents marks every mention (bombings, deaths, meetings) whether or not a place is named;
// our engine reports an event only with a place, so recall is bounded by that design. An event's
// `restatements` (later sentences of the article telling it again) count as mentions of it.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { EventType } from '../src/core/model/analysis.js'
import { analyzeDocument } from '../src/core/pipeline/analyze-document.js'
import { loadLexicon } from '../src/datasets/load-lexicon.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, here.includes('/dist/') ? '../..' : '..')
const dataDir = resolve(root, '..', 'shared', 'benchmarks', 'wikievents')

/** KAIROS type prefixes and the types of ours they correspond to. */
const MAPPING: readonly [string, readonly EventType[]][] = [
  ['Conflict.Attack', ['strike', 'clash', 'offensive']],
  ['Conflict.Demonstrate', ['protest']],
  ['Life.Die', ['casualties']],
  ['Life.Injure', ['casualties']],
  ['Movement.Transportation', ['advance', 'withdrawal', 'displacement', 'evacuation']],
  ['Contact.Contact.Meet', ['diplomacy']],
  ['Contact.Negotiate', ['diplomacy']],
]

function oursFor(kairos: string): readonly EventType[] {
  return MAPPING.find(([prefix]) => kairos.startsWith(prefix))?.[1] ?? []
}

interface WikiDoc {
  doc_id: string
  text: string
  sentences: [[string, number, number][], string][]
  event_mentions: {
    event_type: string
    trigger: { start: number; end: number; sent_idx: number; text: string }
  }[]
}

const { values } = parseArgs({ options: { json: { type: 'string' } } })
const lexicon = loadLexicon()
const perType = new Map<
  string,
  { gold: number; predicted: number; matchedGold: number; matchedPredicted: number }
>()
const bump = (type: string, field: 'gold' | 'predicted' | 'matchedGold' | 'matchedPredicted') => {
  const row = perType.get(type) ?? { gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0 }
  row[field]++
  perType.set(type, row)
}
let docs = 0
const started = performance.now()
for (const split of ['dev', 'test']) {
  for (const line of readFileSync(join(dataDir, `${split}.jsonl`), 'utf8').split('\n')) {
    if (line.trim() === '') continue
    const wiki = JSON.parse(line) as WikiDoc
    docs++
    // Character offsets of gold triggers: token offsets of the sentence lists index `text`.
    const tokens = wiki.sentences.flatMap(([sentenceTokens]) => sentenceTokens)
    const gold = wiki.event_mentions
      .map((mention) => ({
        types: oursFor(mention.event_type),
        start: tokens[mention.trigger.start]?.[1] ?? -1,
        end: tokens[mention.trigger.end - 1]?.[2] ?? -1,
      }))
      .filter((mention) => mention.types.length > 0 && mention.start >= 0)
    const document = {
      id: wiki.doc_id,
      source: wiki.doc_id,
      outlet: null,
      url: null,
      published: null,
      publishedFrom: 'unknown' as const,
      title: null,
      text: wiki.text,
      metadata: {},
    }
    const events = analyzeDocument(document, lexicon).events
    const mappedTypes = new Set(MAPPING.flatMap(([, types]) => types))
    // Gold marks every mention; an event of ours tells each of its restatements too, so each
    // restatement is scored as one more predicted mention (matched by its sentence).
    const predicted = events
      .filter((event) => mappedTypes.has(event.type))
      .flatMap((event) => [
        event,
        ...(event.restatements ?? []).map((span) => ({
          ...event,
          trigger: undefined,
          evidence: span,
        })),
      ])
    const matches = (event: (typeof predicted)[number], mention: (typeof gold)[number]): boolean =>
      mention.types.includes(event.type) &&
      ((event.trigger !== undefined &&
        event.trigger.start < mention.end &&
        mention.start < event.trigger.end) ||
        (event.evidence.start <= mention.start && mention.end <= event.evidence.end))
    for (const mention of gold) {
      const label = mention.types.join('/')
      bump(label, 'gold')
      if (predicted.some((event) => matches(event, mention))) bump(label, 'matchedGold')
    }
    for (const event of predicted) {
      const label = MAPPING.map(([, types]) => types)
        .find((types) => types.includes(event.type))!
        .join('/')
      bump(label, 'predicted')
      if (gold.some((mention) => matches(event, mention))) bump(label, 'matchedPredicted')
    }
  }
}
const pct = (a: number, b: number): string =>
  b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1)}%`.padStart(6)
console.log(
  `WikiEvents dev+test: ${docs} documents, ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
console.log('ours (KAIROS)                               gold  pred  precision  recall')
const figures: Record<
  string,
  { gold: number; predicted: number; precision: number; recall: number }
> = {}
let totals = { gold: 0, predicted: 0, matchedGold: 0, matchedPredicted: 0 }
for (const [type, row] of [...perType].sort()) {
  console.log(
    `${type.padEnd(42)} ${String(row.gold).padStart(5)} ${String(row.predicted).padStart(5)}  ${pct(row.matchedPredicted, row.predicted)}   ${pct(row.matchedGold, row.gold)}`,
  )
  figures[type] = {
    gold: row.gold,
    predicted: row.predicted,
    precision: row.predicted ? row.matchedPredicted / row.predicted : 0,
    recall: row.gold ? row.matchedGold / row.gold : 0,
  }
  totals = {
    gold: totals.gold + row.gold,
    predicted: totals.predicted + row.predicted,
    matchedGold: totals.matchedGold + row.matchedGold,
    matchedPredicted: totals.matchedPredicted + row.matchedPredicted,
  }
}
console.log(
  `${'all mapped types'.padEnd(42)} ${String(totals.gold).padStart(5)} ${String(totals.predicted).padStart(5)}  ${pct(totals.matchedPredicted, totals.predicted)}   ${pct(totals.matchedGold, totals.gold)}`,
)
if (values.json)
  writeFileSync(
    values.json,
    JSON.stringify(
      {
        documents: docs,
        perType: figures,
        all: {
          precision: totals.matchedPredicted / totals.predicted,
          recall: totals.matchedGold / totals.gold,
        },
      },
      null,
      2,
    ) + '\n',
  )
