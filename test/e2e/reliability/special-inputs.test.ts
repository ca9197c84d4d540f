/**
 * Inputs that are not ordinary files, through the real CLI: device files, a named pipe (which
 * would block a naive reader forever), a directory that links to itself, standard input that
 * is empty, binary or larger than the limit, and a file name with a line break in it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintDb } from './db-fingerprint.js'
import { runCli, STACK_LINE } from './run-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'triangulate-special-'))
const db = join(dir, 'store.db')
const GOOD =
  'outlet: Ridge Times\npublished: 2024-12-06\n\nGovernment troops withdrew from Hama on Thursday, residents said.\n'

beforeAll(async () => {
  const seed = await runCli(['ingest', '-', '--db', db, '--published', '2024-12-05'], {
    stdin: 'Air strikes hit the outskirts of Idlib on Thursday, residents said.\n',
  })
  expect(seed.code).toBe(0)
}, 60_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('special inputs through the CLI', () => {
  it.each([
    ['/dev/zero', 'not a regular file or directory'],
    ['/dev/urandom', 'not a regular file or directory'],
    ['/proc/self/mem', 'not a regular file or directory|permission denied|unreadable|empty file'],
  ])(
    'refuses %s in one line, without reading it',
    async (path, reason) => {
      const before = fingerprintDb(db)
      const run = await runCli(['ingest', path, '--db', db])
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(new RegExp(`^triangulate: ${path}: (${reason})`))
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(fingerprintDb(db)).toEqual(before)
    },
    60_000,
  )

  it('refuses a named pipe given by name, skips one inside a directory, and follows no directory loop', async () => {
    const folder = join(dir, 'odd')
    mkdirSync(folder)
    execFileSync('mkfifo', [join(folder, 'pipe.txt')])
    symlinkSync(folder, join(folder, 'loop'))
    writeFileSync(join(folder, 'good.txt'), GOOD)
    const before = fingerprintDb(db)
    const pipe = await runCli(['ingest', join(folder, 'pipe.txt'), '--db', db])
    expect(pipe.code).toBe(2)
    expect(pipe.stderr).toBe(
      `triangulate: ${join(folder, 'pipe.txt')}: not a regular file or directory\n`,
    )
    expect(fingerprintDb(db)).toEqual(before)
    const walk = await runCli(['ingest', folder, '--db', db, '--json'])
    expect(walk.stderr).toBe('')
    expect(walk.code).toBe(0)
    expect((JSON.parse(walk.stdout) as { added: unknown[] }).added).toHaveLength(1)
  }, 60_000)

  it.each([
    ['empty', Buffer.alloc(0), /^triangulate: -: standard input is empty\n$/],
    [
      'binary',
      Buffer.alloc(4096, 0),
      /^triangulate: -: binary file \(contains NUL bytes\), not text\n$/,
    ],
    [
      'larger than 50 MB',
      Buffer.alloc(50 * 1024 * 1024 + 1, 'a'),
      /^triangulate: -: standard input too large \(more than 52428800 bytes\)\n$/,
    ],
  ])(
    'refuses %s standard input in one line, store unchanged',
    async (_name, stdin, message) => {
      const before = fingerprintDb(db)
      const run = await runCli(['ingest', '-', '--db', db], { stdin })
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(STACK_LINE)
      expect(fingerprintDb(db)).toEqual(before)
    },
    120_000,
  )

  // Was defect 3 (docs/reliability.md): input names were printed raw, so a file name with a
  // line break turned the one-line message into two lines.
  it('names a file whose name holds a line break in one line', async () => {
    const folder = join(dir, 'names')
    mkdirSync(folder)
    writeFileSync(join(folder, 'bad\nname.txt'), '')
    const run = await runCli(['ingest', folder, '--db', db])
    expect(run.code).toBe(2)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  }, 60_000)
})
