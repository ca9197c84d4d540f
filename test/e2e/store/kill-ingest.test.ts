import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { analyzeDocuments } from '../../../src/app/analyze.js'
import { claimKey } from '../../../src/app/diff-picture.js'
import { ingestInputs } from '../../../src/app/ingest.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'
import { syntheticArticle } from './synthetic-articles.js'

const CHILD = resolve(import.meta.dirname, 'ingest-child.ts')
const BATCHES = 6
const PER_BATCH = 30

const dir = mkdtempSync(join(tmpdir(), 'triangulate-kill-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function writeBatches(): string[] {
  const dirs: string[] = []
  for (let batch = 0; batch < BATCHES; batch++) {
    const batchDir = join(dir, `batch-${batch}`)
    mkdirSync(batchDir, { recursive: true })
    for (let i = 0; i < PER_BATCH; i++) {
      const article = syntheticArticle(i, batch)
      writeFileSync(join(batchDir, `${article.name}.txt`), article.text)
    }
    dirs.push(batchDir)
  }
  return dirs
}

/**
 * Runs the child ingesting `dirs`, and kills it with SIGKILL as soon as `shouldKill` says so
 * for a line it printed (after `delayMs`). Resolves with the lines it printed.
 */
function runChild(
  db: string,
  dirs: string[],
  shouldKill: (line: string) => boolean,
  delayMs = 0,
): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, ...dirs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const lines: string[] = []
    let buffer = ''
    let stderr = ''
    let killing = false
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk
      let newline = buffer.indexOf('\n')
      while (newline >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        lines.push(line)
        if (!killing && shouldKill(line)) {
          killing = true
          setTimeout(() => child.kill('SIGKILL'), delayMs)
        }
        newline = buffer.indexOf('\n')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolveRun({ lines, killed: true })
      else if (code === 0) resolveRun({ lines, killed: false })
      else reject(new Error(`child exited with ${code}: ${stderr}`))
    })
  })
}

/** Everything a crash must not break; returns the number of stored documents. */
async function checkStore(db: string): Promise<number> {
  const raw = new BetterSqlite3(db)
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    const one = <T>(query: string) => raw.prepare(query).pluck().get() as T
    const documents = one<number>('SELECT count(*) FROM documents')
    // Whole ingests only: each batch is one transaction.
    expect(documents % PER_BATCH).toBe(0)
    expect(one<number>('SELECT count(DISTINCT source) FROM documents')).toBe(documents)
    expect(one<number>('SELECT count(DISTINCT content_hash) FROM documents')).toBe(documents)
    // Every stored document was recorded by exactly one committed ingest.
    expect(
      one<number>('SELECT coalesce(sum(json_array_length(documents_added)), 0) FROM history'),
    ).toBe(documents)
    // No fact without its document, no claim without its events.
    expect(
      one<number>(
        'SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)',
      ),
    ).toBe(0)
    expect(
      one<number>(
        'SELECT count(*) FROM mentions WHERE document_id NOT IN (SELECT id FROM documents)',
      ),
    ).toBe(0)
    expect(
      one<number>(
        'SELECT count(*) FROM claim_events WHERE event_id NOT IN (SELECT id FROM events)',
      ),
    ).toBe(0)
    expect(
      one<number>(
        'SELECT count(*) FROM claims WHERE id NOT IN (SELECT claim_id FROM claim_events)',
      ),
    ).toBe(0)
    if (documents > 0) {
      expect(one<number>('SELECT count(DISTINCT document_id) FROM events')).toBe(documents)
      expect(one<number>('SELECT count(*) FROM picture')).toBe(1)
    }
    return documents
  } finally {
    raw.close()
  }
}

describe('kill -9 during ingest', () => {
  it('leaves whole ingests only; ingesting again gives every document once and a complete picture', async () => {
    const dirs = writeBatches()
    const db = join(dir, 'library.db')

    // 1. Killed inside the third ingest's transaction, while it analyses.
    const first = await runChild(db, dirs, (line) => line === 'analyzing batch-2')
    expect(first.killed).toBe(true)
    expect(first.lines).toContain('committed batch-1')
    expect(first.lines).not.toContain('committed batch-2')
    expect(await checkStore(db)).toBe(2 * PER_BATCH)

    // 2. Restarted over everything, killed again at a moment of the fifth ingest left to chance.
    const second = await runChild(
      db,
      dirs,
      (line) => line === 'begin batch-4',
      Math.floor(Math.random() * 400),
    )
    const committed = second.lines.filter((line) => line.startsWith('committed ')).length
    const afterSecond = await checkStore(db)
    expect(afterSecond).toBeGreaterThanOrEqual(4 * PER_BATCH)
    if (second.killed) expect([4 * PER_BATCH, 5 * PER_BATCH]).toContain(afterSecond)
    expect(committed).toBeGreaterThanOrEqual(4)

    // 3. Ingest everything again: nothing doubled, nothing missing.
    const store = await openSqliteStore(db)
    try {
      const report = await ingestInputs(store, dirs)
      expect(report.problems).toEqual([])
      expect(report.added.length + report.unchanged.length).toBe(BATCHES * PER_BATCH)
      expect(report.unchanged.length).toBe(afterSecond)
      const stored = await store.listDocuments()
      expect(stored).toHaveLength(BATCHES * PER_BATCH)
      expect(new Set(stored.map((doc) => doc.document.source)).size).toBe(BATCHES * PER_BATCH)

      // The stored picture is the one a fresh in-memory analysis of the same documents draws.
      const picture = await store.getAnalysis()
      const fresh = analyzeDocuments(
        stored.map((doc) => doc.document),
        { generatedAt: picture.generatedAt },
      )
      expect(picture.events).toHaveLength(fresh.events.length)
      expect(picture.claims.map(claimKey).sort()).toEqual(fresh.claims.map(claimKey).sort())
      expect(picture.claims.map((claim) => claim.status)).toEqual(
        fresh.claims.map((claim) => claim.status),
      )
      const texts = new Map(picture.documents.map((doc) => [doc.id, doc.text]))
      for (const event of picture.events)
        expect(texts.get(event.doc)!.slice(event.evidence.start, event.evidence.end)).toBe(
          event.evidence.text,
        )
    } finally {
      await store.close()
    }
    expect(await checkStore(db)).toBe(BATCHES * PER_BATCH)
  }, 240_000)
})
