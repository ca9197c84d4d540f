import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
  lstatSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { getIssues } from '@placemarkio/check-geojson'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { ingestInputs } from '../../app/ingest.js'
import { openStore } from '../../store/open-store.js'
import { main } from '../main.js'
import type { CliIo } from '../command.js'
import { schemaErrors } from '../../../test/schema/validate-analysis.js'

const ARTICLES = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test',
  'e2e',
  'server',
  'fixtures',
  'articles',
)

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    isTTY: false,
    stdin: process.stdin,
  }
  const code = await main(args, io)
  return { code, stdout, stderr }
}

const temporary = () => mkdtempSync(join(tmpdir(), 'triangulate-export-'))

describe('triangulate export', () => {
  it('export --format json twice with --generated-at gives byte-identical files', async () => {
    const dir = temporary()
    const fixed = ['--generated-at', '2025-01-01T00:00:00.000Z']
    expect(
      (await run(['export', '--format', 'json', ARTICLES, '-o', join(dir, 'a.json'), ...fixed]))
        .code,
    ).toBe(0)
    expect(
      (await run(['export', '--format', 'json', ARTICLES, '-o', join(dir, 'b.json'), ...fixed]))
        .code,
    ).toBe(0)
    const a = readFileSync(join(dir, 'a.json'), 'utf8')
    expect(a).toBe(readFileSync(join(dir, 'b.json'), 'utf8'))
    expect(JSON.parse(a)).toMatchObject({
      schema: 'triangulate.analysis/1',
      generatedAt: '2025-01-01T00:00:00.000Z',
    })
    expect(JSON.parse(a).documents).toHaveLength(2)
    expect(schemaErrors(JSON.parse(a))).toEqual([])
  })

  it('export --format geojson writes a valid FeatureCollection from the real pipeline', async () => {
    const dir = temporary()
    const { code } = await run([
      'export',
      '--format',
      'geojson',
      ARTICLES,
      '-o',
      join(dir, 'map.geojson'),
    ])
    expect(code).toBe(0)
    const text = readFileSync(join(dir, 'map.geojson'), 'utf8')
    expect(getIssues(text)).toEqual([])
    expect(JSON.parse(text).features.length).toBeGreaterThan(0)
  })

  it('export --format csv writes the five tables into the directory, parseable', async () => {
    const dir = join(temporary(), 'tables')
    const { code, stderr } = await run(['export', '--format', 'csv', ARTICLES, '-o', dir])
    expect(code).toBe(0)
    expect(stderr).toContain(
      'wrote documents.csv, events.csv, claims.csv, disputes.csv, sources.csv',
    )
    expect(readdirSync(dir).sort()).toEqual([
      'claims.csv',
      'disputes.csv',
      'documents.csv',
      'events.csv',
      'sources.csv',
    ])
    const documents = parse(readFileSync(join(dir, 'documents.csv')), {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(documents.map((row) => row.outlet).sort()).toEqual(['Plain Times', 'Valley Herald'])
  })

  it('export --format md -o - prints the brief', async () => {
    const { code, stdout } = await run(['export', '--format', 'md', ARTICLES, '-o', '-'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# Brief\n\n2 articles from 2 outlets/)
  })

  it('export --format csv replaces a planted symlink instead of writing through it', async () => {
    const dir = temporary()
    const outside = join(dir, 'outside.txt')
    writeFileSync(outside, 'keep me')
    const tables = join(dir, 'tables')
    mkdirSync(tables)
    symlinkSync(outside, join(tables, 'events.csv'))
    expect((await run(['export', '--format', 'csv', ARTICLES, '-o', tables])).code).toBe(0)
    expect(readFileSync(outside, 'utf8')).toBe('keep me')
    expect(lstatSync(join(tables, 'events.csv')).isSymbolicLink()).toBe(false)
  })

  const refusals: [string, string[], string][] = [
    [
      'no format',
      ['export', ARTICLES, '-o', 'x'],
      'triangulate: export: no format given (add --format json|geojson|csv|md)\n',
    ],
    [
      'an unknown format',
      ['export', '--format', 'xlsx', ARTICLES, '-o', 'x'],
      'triangulate: --format: unknown format "xlsx" (expected json, geojson, csv or md)\n',
    ],
    [
      'no output',
      ['export', '--format', 'md', ARTICLES],
      'triangulate: export: no output given (add -o FILE)\n',
    ],
    [
      'csv to standard output',
      ['export', '--format', 'csv', ARTICLES, '-o', '-'],
      'triangulate: -o: csv writes several files: give a directory, not "-"\n',
    ],
    [
      'both --db and inputs',
      ['export', '--format', 'md', '--db', 'x.db', ARTICLES, '-o', '-'],
      'triangulate: export: give either --db or input files, not both\n',
    ],
    [
      'a bad --generated-at',
      ['export', '--format', 'json', ARTICLES, '-o', '-', '--generated-at', 'soon'],
      'triangulate: --generated-at: not an ISO date-time: "soon"\n',
    ],
  ]
  it.each(refusals)('refuses %s with one line and exit 2', async (_name, args, message) => {
    const { code, stderr } = await run(args)
    expect(code).toBe(2)
    expect(stderr).toBe(message)
  })

  it('refuses to write a file format over a directory', async () => {
    const dir = temporary()
    const { code, stderr } = await run(['export', '--format', 'md', ARTICLES, '-o', dir])
    expect(code).toBe(2)
    expect(stderr).toBe(`triangulate: ${dir}: is a directory (give a file name)\n`)
  })

  it('export --db reads the picture from a store', async () => {
    const db = join(temporary(), 'library.db')
    const store = await openStore(db)
    await ingestInputs(store, [ARTICLES])
    await store.close()
    const { code, stdout } = await run(['export', '--format', 'md', '--db', db, '-o', '-'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^# Brief\n\n2 articles from 2 outlets/)
  })

  it('refuses a --db that is not there', async () => {
    const missing = join(temporary(), 'none.db')
    const { code, stderr } = await run(['export', '--format', 'md', '--db', missing, '-o', '-'])
    expect(code).toBe(2)
    expect(stderr).toContain(`triangulate: ${missing}: `)
  })
})
