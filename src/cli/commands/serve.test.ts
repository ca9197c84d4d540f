import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../../test/e2e/server/fixtures/sample-analysis.js'
import type { CliIo } from '../command.js'
import { main } from '../main.js'
import { startServe } from './serve.js'

function collect(): { io: CliIo; out: () => string; err: () => string } {
  let stdout = ''
  let stderr = ''
  return {
    io: {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      isTTY: false,
      stdin: process.stdin,
    },
    out: () => stdout,
    err: () => stderr,
  }
}

describe('triangulate serve', () => {
  it('serve --analysis FILE serves a finished analysis read-only on loopback', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'triangulate-serve-')), 'analysis.json')
    writeFileSync(file, JSON.stringify(SAMPLE_ANALYSIS))
    const { io, out } = collect()
    const running = await startServe(['--analysis', file, '--port', '0', '--allow-write'], io)
    try {
      expect(out()).toBe(
        `triangulate: serving 3 documents from ${file} at ${running!.url}/ (read-only)\n`,
      )
      const claims = (await (await fetch(`${running!.url}/api/claims`)).json()) as { total: number }
      expect(claims.total).toBe(4)
      const write = await fetch(`${running!.url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"x"}',
      })
      expect(write.status).toBe(403)
    } finally {
      await running!.close()
    }
  })

  const refusals: [string, string[], RegExp][] = [
    [
      'a bad port',
      ['serve', '--analysis', 'x.json', '--port', 'http'],
      /^triangulate: --port: "http" is not a port number \(0-65535\)\n$/,
    ],
    [
      'two sources',
      ['serve', '--db', 'x.db', 'articles/'],
      /^triangulate: serve: give one of --db, --analysis or input files\n$/,
    ],
    [
      'a bad --cors value',
      ['serve', '--cors', 'evil', 'articles/'],
      /^triangulate: --cors: "evil" is not an origin like http:\/\/localhost:3000\n$/,
    ],
    [
      'a file that is not an analysis',
      ['serve', '--analysis', 'package.json'],
      /^triangulate: package\.json: not a triangulate\.analysis\/1 analysis \(schema is null\)\n$/,
    ],
    [
      'a missing analysis file',
      ['serve', '--analysis', 'no-such.json'],
      /^triangulate: no-such\.json: cannot read \(ENOENT\)\n$/,
    ],
  ]
  it.each(refusals)('refuses %s with one line and exit 2', async (_name, args, message) => {
    const { io, err } = collect()
    expect(await main(args, io)).toBe(2)
    expect(err()).toMatch(message)
  })
})
