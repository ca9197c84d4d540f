/**
 * Crash safety of the SQLite store with the real CLI as the writer (child processes):
 * - power cut: while `triangulate ingest` runs, the writer is frozen at an arbitrary moment
 *   (SIGSTOP), the database and its WAL are copied as they are on disk (the shared-memory
 *   index is not: a power cut loses it), and the writer resumes. Every copy must open, pass
 *   integrity_check and hold whole ingests only: no lost, doubled or half-written document,
 *   event or claim;
 * - kill -9 of `triangulate ingest` at a random moment of one large ingest: the store is
 *   either exactly as before or holds the whole batch; ingesting again completes it, once.
 * (test/e2e/store/kill-ingest.test.ts already kills a library-level ingest loop at known
 * points; this file uses the binary's own process and unknown points.)
 */
import { type ChildProcess, spawn } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { syntheticArticle } from '../store/synthetic-articles.js'
import { fingerprintDb } from './db-fingerprint.js'
import { REPO_ROOT, runCli } from './run-cli.js'

const CHILD = resolve(import.meta.dirname, 'cli-child.ts')
const dir = mkdtempSync(join(tmpdir(), 'triangulate-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** `count` synthetic articles (sentences we wrote) in a new directory. */
function writeBatch(name: string, count: number, batch: number): string {
  const batchDir = join(dir, name)
  mkdirSync(batchDir, { recursive: true })
  for (let i = 0; i < count; i++) {
    const article = syntheticArticle(i, batch)
    writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
  }
  return batchDir
}

/** Starts `triangulate <args>` as a child we can freeze and kill. */
function startCli(args: string[]): { child: ChildProcess; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const done = new Promise<number | null>((resolveDone) =>
    child.on('close', (code, signal) => {
      if (code !== 0 && signal === null) console.error(stderr)
      resolveDone(code)
    }),
  )
  return { child, done }
}

const sleep = (ms: number) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms))

/**
 * Everything a crash must not break, checked on a raw connection (opening it replays the
 * WAL as SQLite does after a power cut). Returns the number of documents.
 */
function checkConsistent(db: string, batchSize: number): number {
  const raw = new BetterSqlite3(db)
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(raw.pragma('foreign_key_check')).toEqual([])
    const tables = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[]
    // Cut while the very first ingest was creating the store: each migration is its own
    // transaction, recorded in schema_migrations, so "not yet migrated" is a clean state (the
    // next open applies the rest); a documents table without its fellows would not be.
    if (!tables.includes('documents')) {
      expect(tables.filter((name) => name !== 'schema_migrations')).toEqual([])
      return 0
    }
    expect(tables).toEqual(expect.arrayContaining(['documents', 'events', 'claims', 'history']))
    const one = (query: string) => raw.prepare(query).pluck().get() as number
    const documents = one('SELECT count(*) FROM documents')
    // Whole ingests only: each batch is one transaction.
    expect(documents % batchSize).toBe(0)
    expect(one('SELECT count(DISTINCT content_hash) FROM documents')).toBe(documents)
    expect(one('SELECT count(DISTINCT source) FROM documents')).toBe(documents)
    expect(one('SELECT coalesce(sum(json_array_length(documents_added)), 0) FROM history')).toBe(
      documents,
    )
    expect(
      one('SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)'),
    ).toBe(0)
    expect(
      one('SELECT count(*) FROM claim_events WHERE event_id NOT IN (SELECT id FROM events)'),
    ).toBe(0)
    expect(
      one('SELECT count(*) FROM claims WHERE id NOT IN (SELECT claim_id FROM claim_events)'),
    ).toBe(0)
    if (documents > 0) {
      // Every document analysed, and one picture for all of them.
      expect(one('SELECT count(DISTINCT document_id) FROM events')).toBe(documents)
      expect(one('SELECT count(*) FROM picture')).toBe(1)
    }
    // No half-written fact: every stored quote is the slice of its stored document.
    const texts = new Map(
      (raw.prepare('SELECT id, text FROM documents').all() as { id: string; text: string }[]).map(
        (row) => [row.id, row.text],
      ),
    )
    const events = raw.prepare('SELECT document_id, start, "end", quote FROM events').all() as {
      document_id: string
      start: number
      end: number
      quote: string
    }[]
    for (const event of events)
      expect(texts.get(event.document_id)!.slice(event.start, event.end)).toBe(event.quote)
    return documents
  } finally {
    raw.close()
  }
}

describe('crash safety of the SQLite store', () => {
  it('a power cut at arbitrary moments of running ingests leaves a consistent store', async () => {
    const PER_BATCH = 25
    const BATCHES = 3
    const batches = Array.from({ length: BATCHES }, (_, batch) =>
      writeBatch(`cut-${batch}`, PER_BATCH, batch),
    )
    const db = join(dir, 'cut.db')
    const copies: { path: string; walBytes: number }[] = []
    for (const [index, batch] of batches.entries()) {
      const { child, done } = startCli(['ingest', batch, '--db', db])
      let running = true
      void done.then(() => (running = false))
      // Cut the power at the moment the commit is being written: poll the WAL's size and
      // freeze the writer as soon as it grows, copying the database with that WAL, and with
      // the WAL torn at a random byte (the last frames half on disk).
      const watcher = (async () => {
        let lastSize = 0
        let commitCuts = 0
        while (running && commitCuts < 3) {
          await sleep(1)
          const size = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0
          if (size > lastSize && existsSync(db)) {
            child.kill('SIGSTOP')
            const copy = join(dir, `commit-copy-${index}-${commitCuts}.db`)
            copyFileSync(db, copy)
            copyFileSync(`${db}-wal`, `${copy}-wal`)
            const torn = join(dir, `torn-copy-${index}-${commitCuts}.db`)
            copyFileSync(db, torn)
            const wal = readFileSync(`${db}-wal`)
            writeFileSync(`${torn}-wal`, wal.subarray(0, Math.floor(Math.random() * wal.length)))
            child.kill('SIGCONT')
            copies.push({ path: copy, walBytes: wal.length }, { path: torn, walBytes: -1 })
            commitCuts++
          }
          lastSize = size
        }
      })()
      // And freeze it again and again at moments left to chance, through start-up, the
      // analysis inside the transaction, the commit and the exit; copy what is on disk.
      for (let cut = 0; running; cut++) {
        await sleep(300 + Math.floor(Math.random() * 900))
        if (!running || !existsSync(db)) continue
        child.kill('SIGSTOP')
        const copy = join(dir, `cut-copy-${index}-${cut}.db`)
        copyFileSync(db, copy)
        const walBytes = existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0
        if (walBytes > 0) copyFileSync(`${db}-wal`, `${copy}-wal`)
        child.kill('SIGCONT')
        copies.push({ path: copy, walBytes })
      }
      await watcher
      expect(await done).toBe(0)
    }
    expect(copies.length).toBeGreaterThan(BATCHES)
    const seen = copies.map((copy) => checkConsistent(copy.path, PER_BATCH))
    console.log(
      `power-cut copies: ${copies.length}; documents in each: ${seen.join(', ')}; WAL bytes (-1: torn): ${copies.map((copy) => copy.walBytes).join(', ')}`,
    )
    // The copies are snapshots of a growing store: never more than everything.
    for (const documents of seen) expect(documents).toBeLessThanOrEqual(BATCHES * PER_BATCH)
    expect(checkConsistent(db, PER_BATCH)).toBe(BATCHES * PER_BATCH)

    // Copies taken mid-run are usable stores: ingesting everything into one completes it.
    for (const copy of [copies[0]!.path, copies[Math.floor(copies.length / 2)]!.path]) {
      const again = await runCli(['ingest', ...batches, '--db', copy])
      expect(again.code).toBe(0)
      expect(checkConsistent(copy, PER_BATCH)).toBe(BATCHES * PER_BATCH)
    }
  }, 600_000)

  it('kill -9 of `triangulate ingest` mid-batch: all or nothing, and a rerun completes it once', async () => {
    const PER_BATCH = 60
    const seed = writeBatch('kill-seed', 6, 9)
    const big = writeBatch('kill-big', PER_BATCH, 4)
    const db = join(dir, 'kill.db')
    expect((await runCli(['ingest', seed, '--db', db])).code).toBe(0)
    const before = fingerprintDb(db)

    const { child, done } = startCli(['ingest', big, '--db', db])
    // Somewhere between start-up and the end of the analysis.
    await sleep(1500 + Math.floor(Math.random() * 4000))
    child.kill('SIGKILL')
    await done
    const after = fingerprintDb(db)
    const documents = after.counts.documents!
    console.log(
      `kill -9 of ingest: ${documents - before.counts.documents!} of ${PER_BATCH} documents committed`,
    )
    if (documents === before.counts.documents) expect(after).toEqual(before)
    else expect(documents).toBe(before.counts.documents! + PER_BATCH)

    const rerun = await runCli(['ingest', seed, big, '--db', db])
    expect(rerun.code).toBe(0)
    const raw = new BetterSqlite3(db, { readonly: true })
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(raw.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(6 + PER_BATCH)
      expect(raw.prepare('SELECT count(DISTINCT content_hash) FROM documents').pluck().get()).toBe(
        6 + PER_BATCH,
      )
    } finally {
      raw.close()
    }
  }, 600_000)
})
