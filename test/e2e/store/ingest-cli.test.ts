import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/command.js'
import { main } from '../../../src/cli/main.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'

const TEXT_DIR = resolve(import.meta.dirname, '../../../examples/fall-of-the-south')

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'triangulate-cli-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `triangulate <args>` in process and captures what it prints. */
async function run(
  args: string[],
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY: false,
    stdin: Readable.from([Buffer.from(stdin)]),
  }
  const code = await main(args, io)
  return { code, stdout, stderr }
}

async function snapshot(db: string) {
  const store = await openSqliteStore(db)
  try {
    return {
      counts: await store.counts(),
      version: await store.lastUpdate(),
      documents: (await store.listDocuments({ includeSuperseded: true })).map(
        (stored) => stored.contentHash,
      ),
    }
  } finally {
    await store.close()
  }
}

const articles = () =>
  readdirSync(TEXT_DIR)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(TEXT_DIR, name))

describe('triangulate ingest / status / search / reanalyze', () => {
  it('ingests, is idempotent, reports status and finds articles and claims', async () => {
    const db = join(dir, 'library.db')
    const first = await run(['ingest', ...articles(), '--db', db])
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^ingested: 10 new documents, 0 already stored\n/)

    const before = await snapshot(db)
    const again = await run(['ingest', ...articles(), '--db', db])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/^ingested: 0 new documents, 10 already stored\n/)
    expect(await snapshot(db)).toEqual(before)

    const status = await run(['status', '--db', db, '--json'])
    expect(status.code).toBe(0)
    const counts = JSON.parse(status.stdout) as Record<string, unknown>
    expect(Object.keys(counts)).toEqual(
      expect.arrayContaining([
        'documents',
        'events',
        'claims',
        'stories',
        'disputes',
        'lastUpdate',
      ]),
    )
    expect(counts).toMatchObject({ documents: 10, history: 1 })
    expect(counts.events).toBe(before.counts.events)
    expect(counts.lastUpdate).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect((await run(['status', '--db', db])).stdout).toMatch(/documents {2}10\n/)

    const search = await run(['search', 'Nasib crossing', '--db', db, '--json'])
    const hits = JSON.parse(search.stdout) as {
      documents: { id: string; snippet: string }[]
      claims: { summary: string }[]
    }
    expect(hits.documents.map((hit) => hit.id)).toContain('meridian-nasib-crossing')
    expect(hits.documents[0]!.snippet).toContain('«Nasib»')
    expect(hits.claims.length).toBeGreaterThan(0)
    expect((await run(['search', 'Nasib', '--db', db])).stdout).toMatch(/^Articles \(\d+\)\n/)

    const reanalyze = await run(['reanalyze', '--db', db])
    expect(reanalyze.code).toBe(0)
    expect(reanalyze.stdout).toMatch(/^reanalyzed 10 documents: \+0 claims, -0, 0 status changes/)
    const after = await snapshot(db)
    expect(after.counts).toEqual({ ...before.counts, history: 2 })
  }, 60_000)

  it('stores a changed version of the same URL as a linked revision', async () => {
    const db = join(dir, 'revisions.db')
    const file = join(dir, 'live.txt')
    const header =
      'outlet: Ridge Times\nurl: https://ridge.example.org/live\npublished: 2024-12-07\n\n'
    writeFileSync(file, `${header}Opposition fighters entered Homs on Saturday, residents said.\n`)
    expect((await run(['ingest', file, '--db', db])).code).toBe(0)
    writeFileSync(
      file,
      `${header}Opposition fighters entered Homs on Saturday, residents said. The army denied it.\n`,
    )
    const second = await run(['ingest', file, '--db', db])
    expect(second.stdout).toMatch(/^ingested: 1 new document \(1 revision\), 0 already stored/)
    const store = await openSqliteStore(db)
    const all = await store.listDocuments({ includeSuperseded: true })
    expect(
      all.map((stored) => [stored.document.id, stored.revisionOf, stored.supersededBy]),
    ).toEqual([
      ['live', null, 'live-2'],
      ['live-2', 'live', null],
    ])
    const analysis = await store.getAnalysis()
    expect(analysis.documents.map((doc) => doc.id)).toEqual(['live-2'])
    expect(new Set(analysis.events.map((event) => event.doc))).toEqual(new Set(['live-2']))
    await store.close()

    // The same story as a page (other bytes, same URL, same text): not a new version.
    writeFileSync(
      join(dir, 'live.html'),
      '<!DOCTYPE html><html><head><link rel="canonical" href="https://ridge.example.org/live"><meta property="og:site_name" content="Ridge Times"></head>' +
        '<body><nav>Home</nav><article><p>Opposition fighters entered Homs on Saturday, residents said. The army denied it.</p></article></body></html>',
    )
    const page = await run(['ingest', join(dir, 'live.html'), '--db', db])
    expect(page.stdout).toMatch(/^ingested: 0 new documents, 1 already stored/)
    const reopened = await openSqliteStore(db)
    expect((await reopened.listDocuments({ includeSuperseded: true })).length).toBe(2)
    await reopened.close()
  }, 30_000)

  it('reads pasted text from standard input', async () => {
    const db = join(dir, 'stdin.db')
    const result = await run(
      ['ingest', '-', '--db', db, '--published', '2024-12-07', '--outlet', 'Pasted'],
      'Government troops withdrew from Hama on Friday, a monitor said.\n',
    )
    expect(result.code).toBe(0)
    const store = await openSqliteStore(db)
    const [stored] = await store.listDocuments()
    expect(stored!.document).toMatchObject({
      source: '-',
      outlet: 'Pasted',
      published: '2024-12-07',
      publishedFrom: 'option',
    })
    await store.close()
  }, 30_000)

  it('hostile and broken inputs: one line naming each, nothing stored for them, the rest of the batch stored', async () => {
    const db = join(dir, 'hostile.db')
    expect((await run(['ingest', articles()[0]!, '--db', db])).code).toBe(0)
    const bad = join(dir, 'bad')
    mkdirSync(bad)
    writeFileSync(join(bad, 'empty.txt'), '')
    writeFileSync(join(bad, 'empty-feed.xml'), '')
    writeFileSync(
      join(bad, 'binary.txt'),
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]),
    )
    writeFileSync(join(bad, 'not-xml.rss'), '<rss version="2.0"><channel><item><title>Cut off')
    writeFileSync(
      join(bad, 'truncated.xml'),
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><content>Troops left',
    )
    writeFileSync(
      join(bad, 'klingon.html'),
      '<!DOCTYPE html><html><head><meta charset="klingon-8"></head><body><p>Troops left Homs.</p></body></html>',
    )
    writeFileSync(
      join(bad, 'huge.html'),
      `<!DOCTYPE html><html><body><p>${'Shelling was reported. '.repeat(2_300_000)}</p></body></html>`,
    )
    writeFileSync(
      join(bad, 'deep.html'),
      `<!DOCTYPE html><html><body>${'<div>'.repeat(60_000)}Troops left.${'</div>'.repeat(60_000)}</body></html>`,
    )
    writeFileSync(
      join(bad, 'bad-date.txt'),
      'outlet: Ridge Times\npublished: 2024-02-30\n\nTroops left Homs on Friday.\n',
    )
    writeFileSync(
      join(bad, 'zz-good.txt'),
      'outlet: Ridge Times\npublished: 2024-12-06\n\nGovernment troops withdrew from Hama on Friday, a monitor said.\n',
    )
    const before = await snapshot(db)

    const result = await run(['ingest', bad, '--db', db])
    expect(result.code).toBe(2)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(9)
    for (const line of lines)
      expect(line).toMatch(
        new RegExp(
          `^triangulate: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[\\w-]+\\.\\w+: \\S`,
        ),
      )
    expect(result.stderr).toMatch(/empty\.txt: empty file/)
    expect(result.stderr).toMatch(/binary\.txt: binary file/)
    expect(result.stderr).toMatch(/not-xml\.rss: not well-formed XML/)
    expect(result.stderr).toMatch(/truncated\.xml: not well-formed XML/)
    expect(result.stderr).toMatch(/klingon\.html: unknown character encoding "klingon-8"/)
    expect(result.stderr).toMatch(/huge\.html: (page|file) too large/)
    expect(result.stderr).toMatch(
      /not-xml\.rss: not well-formed XML, truncated or broken \(line 1: unclosed <rss> <channel> <item> <title>\)/,
    )
    expect(result.stderr).toMatch(/deep\.html: page nested too deeply/)
    expect(result.stderr).toMatch(/bad-date\.txt: unparsable published value "2024-02-30"/)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/)
    expect(result.stdout).toMatch(/^ingested: 1 new document, 0 already stored, 9 unreadable/)
    const after = await snapshot(db)
    expect(after.documents).toEqual([...before.documents, expect.any(String)])
    expect(after.counts.documents).toBe(before.counts.documents + 1)

    // Only bad inputs: the store does not change at all.
    rmSync(join(bad, 'zz-good.txt'))
    const unchanged = await snapshot(db)
    const onlyBad = await run(['ingest', bad, '--db', db])
    expect(onlyBad.code).toBe(2)
    expect(await snapshot(db)).toEqual(unchanged)

    // --strict: one bad input and nothing is stored, not even the good ones.
    writeFileSync(
      join(bad, 'zz-other-good.txt'),
      'outlet: Ridge Times\npublished: 2024-12-06\n\nAir strikes hit Idlib on Friday, residents said.\n',
    )
    const strict = await run(['ingest', bad, '--db', db, '--strict'])
    expect(strict.code).toBe(2)
    expect(await snapshot(db)).toEqual(unchanged)
  }, 60_000)

  it('names the store and the option when they are wrong', async () => {
    const missing = await run(['status', '--db', join(dir, 'absent.db')])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/absent\.db: no store here/)
    const noDir = await run(['ingest', articles()[0]!, '--db', join(dir, 'no-such-dir', 'x.db')])
    expect(noDir.code).toBe(2)
    expect(noDir.stderr).toMatch(/x\.db: the directory for the store does not exist\n$/)
    writeFileSync(join(dir, 'not-a-store.db'), 'plain text, not SQLite\n'.repeat(100))
    const notStore = await run(['status', '--db', join(dir, 'not-a-store.db')])
    expect(notStore.code).toBe(2)
    expect(notStore.stderr).toMatch(/not-a-store\.db: not a triangulate store/)
    const url = await run(['ingest', 'https://example.org/x', '--db', join(dir, 'net.db')])
    expect(url.code).toBe(2)
    expect(url.stderr).toBe(
      'triangulate: https://example.org/x: URL inputs need --allow-network (network access is off by default)\n',
    )
    const date = await run([
      'ingest',
      articles()[0]!,
      '--db',
      join(dir, 'date.db'),
      '--published',
      'soon',
    ])
    expect(date.stderr).toBe(
      'triangulate: --published: unparsable date "soon" (expected YYYY-MM-DD)\n',
    )
    const search = await run(['search', '--db', join(dir, 'date.db')])
    expect(search.stderr).toMatch(/no query given/)
  }, 30_000)
})
