import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { CliIo } from '../command.js'
import { reportCommand } from './report.js'

const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', '..', 'examples', 'fall-of-the-south')
const TEXTS = readdirSync(EXAMPLE)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => path.join(EXAMPLE, name))

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTTY: false,
    stdin: Readable.from([]),
  }
}

describe('triangulate report', () => {
  it('writes one self-contained HTML file with every example article in it', async () => {
    const file = path.join(
      mkdtempSync(path.join(os.tmpdir(), 'triangulate-cli-report-')),
      'report.html',
    )
    const io = captureIo()
    expect(await reportCommand.run([...TEXTS, '-o', file], io)).toBe(0)
    const html = readFileSync(file, 'utf8')
    const data = /<script type="application\/json" id="triangulate-data">(.*?)<\/script>/s.exec(
      html,
    )
    expect(data).not.toBeNull()
    expect(JSON.parse(data![1]!).documents).toHaveLength(TEXTS.length)
    expect(html).not.toMatch(/<script[^>]+src=/)
    expect(io.err.join('')).toMatch(/^triangulate: wrote .*report\.html \(\d+ KiB: 10 documents/)
  })

  it('refuses to run without an output file or without inputs, naming what is missing', async () => {
    await expect(reportCommand.run(TEXTS, captureIo())).rejects.toThrow(
      'report: no output file given (add -o report.html)',
    )
    await expect(reportCommand.run(['-o', 'x.html'], captureIo())).rejects.toThrow(
      /^report: no input given/,
    )
    await expect(reportCommand.run(['--outputs', 'x.html', ...TEXTS], captureIo())).rejects.toThrow(
      /^report: .*--outputs/,
    )
  })

  it('reports an unreadable input in one line and exits 2, writing nothing under --strict', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'triangulate-cli-report-'))
    const file = path.join(dir, 'report.html')
    const io = captureIo()
    const missing = path.join(dir, 'missing.txt')
    expect(await reportCommand.run([TEXTS[0]!, missing, '-o', file, '--strict'], io)).toBe(2)
    expect(io.err).toHaveLength(1)
    expect(io.err[0]).toContain(missing)
    expect(readdirSync(dir)).toEqual([])
  })
})
