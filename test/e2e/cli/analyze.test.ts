import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main.js'
import type { CliIo } from '../../../src/cli/command.js'
import type { Analysis } from '../../../src/core/model/analysis.js'

const repoRoot = resolve(import.meta.dirname, '../../..')
const examples = join(repoRoot, 'examples/fall-of-the-south')

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    isTTY: false,
    stdin: process.stdin,
  }
  return io
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'triangulate-cli-'))
}

describe('triangulate analyze', () => {
  it('writes the contract JSON for the example corpus, every span quoting its document', async () => {
    const out = join(scratch(), 'out.json')
    const io = captureIo()
    const code = await main(['analyze', examples, '--json', out], io)
    expect(code).toBe(0)
    const analysis = JSON.parse(readFileSync(out, 'utf8')) as Analysis
    expect(analysis.schema).toBe('triangulate.analysis/1')
    expect(analysis.documents.length).toBe(10)
    expect(analysis.events.length).toBeGreaterThan(20)
    const texts = new Map(analysis.documents.map((document) => [document.id, document.text]))
    for (const event of analysis.events) {
      expect(texts.get(event.doc)!.slice(event.evidence.start, event.evidence.end)).toBe(
        event.evidence.text,
      )
    }
  })

  it('prints a readable summary without --json', async () => {
    const io = captureIo()
    expect(await main(['analyze', examples], io)).toBe(0)
    expect(io.out).toMatch(/^\d+ documents, \d+ events, \d+ claims, \d+ disputes/)
    expect(io.out).toContain('Disputed')
    expect(io.out).toContain('Corroborated')
  })

  it('names a missing path, an empty file and a binary file in one line each, exits 2, and still analyses the rest', async () => {
    const dir = scratch()
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))
    writeFileSync(
      join(dir, 'good.txt'),
      'outlet: Test Wire\npublished: 2024-12-06\n\nRebels captured Hama on Thursday, the monitor said.\n',
    )
    const out = join(dir, 'out.json')
    const io = captureIo()
    const code = await main(['analyze', join(dir, 'missing.txt'), dir, '--json', out], io)
    expect(code).toBe(2)
    const lines = io.err.trim().split('\n')
    expect(lines).toEqual([
      expect.stringMatching(/missing\.txt: no such file or directory$/),
      expect.stringMatching(/binary\.txt: binary file/),
      expect.stringMatching(/empty\.txt: empty file/),
    ])
    const analysis = JSON.parse(readFileSync(out, 'utf8')) as Analysis
    expect(analysis.documents.map((document) => document.id)).toEqual(['good'])
  })

  it('refuses an unparsable published header and --strict makes any problem fatal', async () => {
    const dir = scratch()
    writeFileSync(
      join(dir, 'bad-date.txt'),
      'published: 7th of Decembre\n\nRebels captured Hama.\n',
    )
    writeFileSync(join(dir, 'good.txt'), 'published: 2024-12-06\n\nRebels captured Hama.\n')
    const io = captureIo()
    expect(await main(['analyze', dir, '--strict', '--json', join(dir, 'out.json')], io)).toBe(2)
    expect(io.err).toMatch(/bad-date\.txt: unparsable published value "7th of Decembre"/)
  })

  it('takes --published and --outlet for documents without a header', async () => {
    const dir = scratch()
    writeFileSync(
      join(dir, 'plain.txt'),
      'Opposition fighters entered Homs late on Friday, residents said.\n',
    )
    const out = join(dir, 'out.json')
    expect(
      await main(
        ['analyze', dir, '--published', '2024-12-07', '--outlet', 'Desk', '--json', out],
        captureIo(),
      ),
    ).toBe(0)
    const analysis = JSON.parse(readFileSync(out, 'utf8')) as Analysis
    expect(analysis.documents[0]).toMatchObject({
      published: '2024-12-07',
      publishedFrom: 'option',
      outlet: 'Desk',
    })
    expect(analysis.events[0]?.date).toMatchObject({ start: '2024-12-06', end: '2024-12-06' })
  })

  it('a bad option or a bad --published value is one line and exit 2, never a stack trace (real process)', async () => {
    const run = promisify(execFile)
    const tsx = join(repoRoot, 'node_modules/.bin/tsx')
    const result = await run(
      tsx,
      [join(repoRoot, 'src/cli/run.ts'), 'analyze', examples, '--published', 'yesterday'],
      { cwd: repoRoot },
    ).catch((error: { code: number; stderr: string }) => error)
    expect('code' in result ? result.code : 0).toBe(2)
    const stderr = 'stderr' in result ? result.stderr : ''
    expect(stderr.trim().split('\n')).toEqual([
      'triangulate: --published: unparsable date "yesterday" (expected YYYY-MM-DD)',
    ])
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/)
  })
})
