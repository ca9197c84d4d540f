/**
 * Hostile and broken inputs through the real CLI binary (child processes with a bounded heap):
 * `triangulate ingest <input> --db store.db`, one input at a time, into one real SQLite store.
 * A refused input: exit 2, one line naming it and the reason, no stack, the store byte-for-byte
 * unchanged (fingerprint of every row). A read input: stored, every event quoting its document.
 * Wall time and peak memory of each run are printed (docs/reliability.md keeps the figures);
 * nothing here asserts a time. The 10,000-item feed takes minutes: it runs only with
 * TRIANGULATE_RELIABILITY_FULL=1.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintDb } from './db-fingerprint.js'
import { HOSTILE_INPUTS, type HostileInput, writeHostileInputs } from './hostile-inputs.js'
import { CHILD_HEAP_MB, type CliRun, runCli, STACK_LINE } from './run-cli.js'

const FULL = process.env.TRIANGULATE_RELIABILITY_FULL === '1'
/** Inputs too slow for every run (minutes on a busy two-core machine). */
const SLOW = new Set(['feed-10000.xml', 'page-9mb.html'])

const dir = mkdtempSync(join(tmpdir(), 'triangulate-hostile-'))
const inputsDir = join(dir, 'inputs')
const db = join(dir, 'store.db')
let paths: Map<string, string>
const figures: { name: string; outcome: string; run: CliRun }[] = []

beforeAll(async () => {
  mkdirSync(inputsDir)
  paths = writeHostileInputs(
    inputsDir,
    HOSTILE_INPUTS.filter((input) => FULL || !SLOW.has(input.name)),
  )
  // A store with one ordinary article in it, so "unchanged" is about real content.
  const seed = await runCli(['ingest', '-', '--db', db, '--published', '2024-12-05'], {
    stdin: 'Air strikes hit the outskirts of Idlib on Thursday, residents said.\n',
  })
  expect(seed.code).toBe(0)
}, 60_000)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  if (figures.length === 0) return
  console.log(
    ['input                 outcome   seconds  CPU s  peak MB', ...figures.map(formatFigure)].join(
      '\n',
    ),
  )
})

function formatFigure({ name, outcome, run }: (typeof figures)[number]): string {
  return `${name.padEnd(21)} ${outcome.padEnd(9)} ${run.seconds.toFixed(1).padStart(7)} ${(run.cpuSeconds ?? Number.NaN).toFixed(1).padStart(6)} ${(run.maxRssMb ?? Number.NaN).toFixed(0).padStart(8)}`
}

/** Every event of the named documents quotes its document's text exactly. */
function checkStoredSpans(documentIds: readonly string[]): number {
  const raw = new BetterSqlite3(db, { readonly: true })
  try {
    let events = 0
    for (const id of documentIds) {
      const text = raw.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(id) as string
      expect(typeof text).toBe('string')
      const rows = raw
        .prepare('SELECT start, "end", quote FROM events WHERE document_id = ?')
        .all(id) as { start: number; end: number; quote: string }[]
      for (const row of rows) {
        expect(row.start >= 0 && row.end <= text.length).toBe(true)
        expect(text.slice(row.start, row.end)).toBe(row.quote)
        events++
      }
    }
    return events
  } finally {
    raw.close()
  }
}

async function ingestOne(input: HostileInput): Promise<CliRun> {
  const path = paths.get(input.name)!
  const run = await runCli(['ingest', path, '--db', db, '--json'])
  // The child never died of a signal or of its heap ceiling.
  expect(run.signal).toBeNull()
  expect(run.stderr).not.toMatch(STACK_LINE)
  expect(run.stderr).not.toMatch(/internal error|heap out of memory/i)
  expect(run.maxRssMb ?? 0).toBeLessThan(CHILD_HEAP_MB + 512)
  return run
}

const cases = HOSTILE_INPUTS.filter((input) => FULL || !SLOW.has(input.name))

describe('triangulate ingest on hostile input', () => {
  it.each(cases.filter((input) => input.expect === 'refused').map((input) => [input.name, input]))(
    'refuses %s in one line naming it, and leaves the store unchanged',
    async (_name, input) => {
      const before = fingerprintDb(db)
      const run = await ingestOne(input)
      figures.push({ name: input.name, outcome: 'refused', run })
      expect(run.code).toBe(2)
      const lines = run.stderr.trimEnd().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]!.startsWith(`triangulate: ${paths.get(input.name)}: `)).toBe(true)
      expect(lines[0]).toMatch(input.reason!)
      expect(fingerprintDb(db)).toEqual(before)
    },
    600_000,
  )

  it.each(cases.filter((input) => input.expect === 'read').map((input) => [input.name, input]))(
    'reads %s, stores exactly its documents, every event quoting its text',
    async (_name, input) => {
      const before = fingerprintDb(db)
      const run = await ingestOne(input)
      figures.push({ name: input.name, outcome: 'read', run })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const report = JSON.parse(run.stdout) as { added: { id: string }[] }
      expect(report.added).toHaveLength(input.documents!)
      const after = fingerprintDb(db)
      expect(after.counts.documents).toBe(before.counts.documents! + input.documents!)
      checkStoredSpans(report.added.map((document) => document.id))
    },
    900_000,
  )

  it('stores the page with an impossible published date undated, not on a made-up day', () => {
    const raw = new BetterSqlite3(db, { readonly: true })
    try {
      const row = raw
        .prepare("SELECT published, published_from FROM documents WHERE id = 'impossible-date'")
        .get() as { published: string | null; published_from: string } | undefined
      expect(row).toEqual({ published: null, published_from: 'unknown' })
    } finally {
      raw.close()
    }
  })

  it('analyze (in memory) names a directory of every hostile input one line each and reads the rest', async () => {
    const run = await runCli(['analyze', inputsDir, '--json', '-'])
    expect(run.code).toBe(2)
    expect(run.stderr).not.toMatch(STACK_LINE)
    const refused = [...paths.keys()].filter(
      (name) => HOSTILE_INPUTS.find((input) => input.name === name)!.expect === 'refused',
    )
    for (const name of refused) expect(run.stderr).toContain(`triangulate: ${paths.get(name)}: `)
    const analysis = JSON.parse(run.stdout) as {
      documents: { id: string; text: string }[]
      events: { doc: string; evidence: { start: number; end: number; text: string } }[]
    }
    const texts = new Map(analysis.documents.map((document) => [document.id, document.text]))
    for (const event of analysis.events)
      expect(texts.get(event.doc)!.slice(event.evidence.start, event.evidence.end)).toBe(
        event.evidence.text,
      )
    figures.push({ name: '(whole directory)', outcome: 'analyze', run })
  }, 900_000)

  // Was defect 3 (docs/reliability.md): article strings reached the terminal raw.
  it('prints no terminal escape sequence from an article to the terminal (outlet with ANSI codes)', async () => {
    const run = await runCli(['analyze', paths.get('control-chars.txt')!])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Evil')
    // ESC and BEL from the article would let it rewrite the user's terminal title or screen.
    expect(run.stdout).not.toMatch(/[\u001b\u0007\u009b]/)
  }, 120_000)

  // Defect 6 (docs/reliability.md), open: parseHtmlDocument() (src/ingest/html-document.ts)
  // skips an impossible article:published_time without a word, where the same value in a
  // text header is refused in one line. The value should at least be named in a diagnostic.
  it('names the impossible date of a page (2024-02-30) in a line or a diagnostic', async () => {
    const run = await runCli(['analyze', paths.get('impossible-date.html')!, '--json', '-'])
    expect(run.code).toBe(0)
    const analysis = JSON.parse(run.stdout) as { diagnostics: { message: string }[] }
    const said = run.stderr + analysis.diagnostics.map((item) => item.message).join('\n')
    expect(said).toContain('2024-02-30')
  }, 120_000)
})
