import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { runStoreContract } from '../store.contract.js'
import { openSqliteStore } from './sqlite-store.js'

const dir = mkdtempSync(join(tmpdir(), 'triangulate-sqlite-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

runStoreContract('sqlite', () => openSqliteStore(join(dir, `${randomUUID()}.db`)))

describe('openSqliteStore()', () => {
  it('opens the file in WAL mode with synchronous=FULL and records the migrations it applied', async () => {
    const path = join(dir, 'settings.db')
    const store = await openSqliteStore(path)
    await store.close()
    const raw = new BetterSqlite3(path, { readonly: true })
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    const names = raw.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as {
      name: string
    }[]
    expect(names.map((row) => row.name)).toEqual([
      '001-initial',
      '002-rowid-fact-tables',
      '003-document-facts',
      '004-story-partitions',
      '005-stale-stories',
    ])
    raw.close()
    const again = await openSqliteStore(path)
    expect(await again.counts()).toMatchObject({ documents: 0 })
    await again.close()
  })

  it('keeps what was committed across a close and a reopen', async () => {
    const path = join(dir, 'reopen.db')
    const store = await openSqliteStore(path)
    await store.putDocument({
      document: {
        id: 'kept',
        source: 'kept.txt',
        outlet: null,
        url: null,
        published: null,
        publishedFrom: 'unknown',
        title: null,
        text: 'Shelling was reported near the bridge.',
        metadata: {},
      },
      contentHash: 'a'.repeat(64),
      byteLength: 38,
      revisionKey: 'kept.txt',
      ingestedAt: '2024-12-08T09:00:00.000Z',
    })
    const version = await store.lastUpdate()
    await store.close()
    const reopened = await openSqliteStore(path)
    expect((await reopened.getDocument('kept'))?.document.text).toBe(
      'Shelling was reported near the bridge.',
    )
    expect(await reopened.lastUpdate()).toEqual(version)
    await reopened.close()
  })

  it('lets another connection read the last committed picture while a write transaction is open', async () => {
    const path = join(dir, 'readers.db')
    const writer = await openSqliteStore(path)
    const reader = await openSqliteStore(path)
    const before = await reader.lastUpdate()
    await writer.withTransaction(async (tx) => {
      await tx.putDocument({
        document: {
          id: 'pending',
          source: 'p.txt',
          outlet: null,
          url: null,
          published: null,
          publishedFrom: 'unknown',
          title: null,
          text: 'Troops left the town.',
          metadata: {},
        },
        contentHash: 'b'.repeat(64),
        byteLength: 21,
        revisionKey: null,
        ingestedAt: '2024-12-08T09:00:00.000Z',
      })
      // WAL: the reader is not blocked and does not see uncommitted rows.
      expect((await reader.getAnalysis()).documents).toEqual([])
      expect(await reader.lastUpdate()).toEqual(before)
    })
    // After the commit, another connection (a server process polling) sees the new version.
    expect((await reader.lastUpdate()).version).toBeGreaterThan(before.version)
    expect((await reader.getAnalysis()).documents.map((doc) => doc.id)).toEqual(['pending'])
    await writer.close()
    await reader.close()
  })

  it('makes a second writer wait for the first, and fail with SQLITE_BUSY after its timeout', async () => {
    const path = join(dir, 'writers.db')
    const first = await openSqliteStore(path)
    const second = await openSqliteStore(path, { busyTimeoutMs: 50 })
    const document = (id: string, hash: string) => ({
      document: {
        id,
        source: `${id}.txt`,
        outlet: null,
        url: null,
        published: null,
        publishedFrom: 'unknown' as const,
        title: null,
        text: `Troops left ${id}.`,
        metadata: {},
      },
      contentHash: hash.repeat(64),
      byteLength: 16,
      revisionKey: null,
      ingestedAt: '2024-12-08T09:00:00.000Z',
    })
    await first.withTransaction(async (tx) => {
      await tx.putDocument(document('held', 'c'))
      await expect(second.putDocument(document('blocked', 'd'))).rejects.toMatchObject({
        code: 'SQLITE_BUSY',
      })
    })
    // Once the first commits, the second writes.
    expect((await second.putDocument(document('later', 'e'))).status).toBe('inserted')
    expect((await second.listDocuments()).map((stored) => stored.document.id)).toEqual([
      'held',
      'later',
    ])
    await first.close()
    await second.close()
  })

  it('refuses a missing file when asked to open an existing store only', async () => {
    await expect(openSqliteStore(join(dir, 'absent.db'), { mustExist: true })).rejects.toThrow()
  })
})
