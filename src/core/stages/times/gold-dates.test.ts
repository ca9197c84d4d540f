/**
 * Checks the stage against the event dates of the shared seed and dev gold, read at run time
 * from ../shared (nothing is copied into the repository). For every gold row with a date, the
 * time expression that governs its evidence (chooseEventTime over findTimes) should resolve to
 * that date. Rows whose sentence holds no time expression are counted apart: their date comes
 * from context the time stage alone cannot see.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { chooseEventTime } from './choose-event-time.js'
import { findTimes } from './find-times.js'
import { inheritEventTime } from './inherit-event-time.js'
import { sentenceEnd, sentenceStart } from './refiners/sentence-start.js'
import type { TimeValue } from './time-mention.js'

const shared = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../..',
  'shared',
)
/** The seed articles have no header; their gold resolves relative dates against this day. */
const SEED_PUBLISHED = '2024-12-07'

interface GoldRow {
  readonly doc: string
  readonly date: string | null
  readonly evidence: string
}

interface Article {
  readonly text: string
  readonly published: string | null
}

function readRows(file: string): GoldRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldRow)
}

/** Header block up to the first blank line (when the first line is `key: value`), then text. */
function readArticle(file: string, fallback: string | null): Article {
  const raw = readFileSync(file, 'utf8')
  if (!/^[a-z]+:\s/.test(raw)) return { text: raw, published: fallback }
  const split = raw.indexOf('\n\n')
  const header = raw.slice(0, split)
  const published = /^published:\s*(\d{4}-\d{2}-\d{2})/m.exec(header)?.[1] ?? fallback
  return { text: raw.slice(split + 2), published }
}

/** Finds the evidence in the text, allowing for line breaks inside it. */
function locate(text: string, evidence: string): { start: number; end: number } | null {
  const pattern = evidence
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+')
  const m = new RegExp(pattern).exec(text)
  return m === null ? null : { start: m.index, end: m.index + m[0].length }
}

function holds(value: TimeValue | null, date: string): boolean {
  if (value === null) return false
  if (value.precision === 'open') return value.start === date
  const wide = new Date(value.end).getTime() - new Date(value.start).getTime() > 7 * 86_400_000
  return !wide && value.start <= date && date <= value.end
}

interface Score {
  /** Rows with a gold date. */
  readonly dated: number
  /** …of which the sentence holds a time expression. */
  readonly withTime: number
  /** …of which chooseEventTime resolves to the gold date. */
  readonly correct: number
  /** Rows with a gold date resolved by chooseEventTime, else inheritEventTime. */
  readonly correctWithInheritance: number
  /** Rows without a gold date that still receive one (the cost of inheritance and rules). */
  readonly undatedGivenDate: number
  readonly undated: number
  readonly misses: string[]
}

function scoreGold(): Score {
  const sets: { rows: string; articles: string; fallback: string | null }[] = [
    {
      rows: path.join(shared, 'gold', 'seed-events.jsonl'),
      articles: path.join(shared, 'seeds'),
      fallback: SEED_PUBLISHED,
    },
    ...readdirSync(path.join(shared, 'dev', 'gold'))
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => ({
        rows: path.join(shared, 'dev', 'gold', f),
        articles: path.join(shared, 'dev', 'articles'),
        fallback: null,
      })),
  ]
  let dated = 0
  let withTime = 0
  let correct = 0
  let correctWithInheritance = 0
  let undated = 0
  let undatedGivenDate = 0
  const misses: string[] = []
  const cache = new Map<string, { article: Article; times: ReturnType<typeof findTimes> }>()
  for (const set of sets) {
    for (const row of readRows(set.rows)) {
      let entry = cache.get(row.doc)
      if (entry === undefined) {
        const article = readArticle(path.join(set.articles, `${row.doc}.txt`), set.fallback)
        entry = { article, times: findTimes(article.text, article.published) }
        cache.set(row.doc, entry)
      }
      const { article, times } = entry
      const evidence = locate(article.text, row.evidence)
      if (evidence === null) {
        misses.push(`${row.doc}: evidence not found`)
        continue
      }
      const sentence = {
        start: sentenceStart(article.text, evidence.start),
        end: Math.max(sentenceEnd(article.text, evidence.end - 1), evidence.end),
      }
      const sentenceSpan = { ...sentence, text: article.text.slice(sentence.start, sentence.end) }
      const chosen = chooseEventTime(times, sentenceSpan, evidence, evidence)
      const final = chosen ?? inheritEventTime(times, article.text, sentence)
      if (row.date === null) {
        undated++
        if (final?.value != null) undatedGivenDate++
        continue
      }
      dated++
      if (holds(final?.value ?? null, row.date)) correctWithInheritance++
      if (!times.some((t) => t.start >= sentence.start && t.end <= sentence.end)) continue
      withTime++
      if (chosen !== null && holds(chosen.value, row.date)) correct++
      else
        misses.push(
          `${row.doc} @${evidence.start}: gold ${row.date}, chose ${chosen === null ? 'none' : `"${chosen.text}" ${chosen.value?.start}..${chosen.value?.end}`}`,
        )
    }
  }
  return { dated, withTime, correct, correctWithInheritance, undated, undatedGivenDate, misses }
}

describe.skipIf(!existsSync(path.join(shared, 'gold', 'seed-events.jsonl')))(
  'event dates of the shared gold',
  () => {
    let cached: Score | undefined
    // Computed once, inside the tests, so a checkout without ../shared only skips.
    const scored = (): Score => {
      if (cached !== undefined) return cached
      const score = scoreGold()
      const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`
      console.log(
        `gold event dates: ${score.dated} dated rows; ${score.withTime} with a time expression in ` +
          `the sentence, ${score.correct} resolved by chooseEventTime (${pct(score.correct, score.withTime)}); ` +
          `all dated rows with inheritEventTime as fallback: ${score.correctWithInheritance} ` +
          `(${pct(score.correctWithInheritance, score.dated)}); undated rows given a date: ` +
          `${score.undatedGivenDate} of ${score.undated}\n  ${score.misses.join('\n  ')}`,
      )
      cached = score
      return score
    }

    it('chooseEventTime resolves at least 90% of dated rows whose sentence has a time expression', () => {
      const score = scored()
      expect(score.withTime).toBeGreaterThan(20)
      expect(score.correct / score.withTime).toBeGreaterThanOrEqual(0.9)
    })

    it('with inheritEventTime as fallback, resolves at least 85% of all dated rows and dates few undated ones', () => {
      const score = scored()
      expect(score.correctWithInheritance / score.dated).toBeGreaterThanOrEqual(0.85)
      expect(score.undatedGivenDate / score.undated).toBeLessThanOrEqual(0.25)
    })
  },
)
