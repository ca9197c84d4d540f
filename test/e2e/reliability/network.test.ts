/**
 * URL ingest through the real CLI (child processes) against a real HTTP server listening on
 * every local interface: off by default, and when on, every spelling of a loopback, private,
 * link-local or metadata address is refused before a single byte reaches the server; the
 * store does not change. With --allow-private the limits (redirect schemes and count, size,
 * decompression bombs, time) still hold.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestInputs } from '../../../src/app/ingest.js'
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js'
import { fingerprintDb } from './db-fingerprint.js'
import { runCli, STACK_LINE } from './run-cli.js'

const PAGE = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Loopback Probe"><meta property="article:published_time" content="2024-12-06T08:00:00Z"></head>
<body><article><p>Government troops withdrew from the hill positions around Hama overnight, a monitor said on Friday.</p></article></body></html>`

let server: Server
let port: number
const requests: string[] = []
const dir = mkdtempSync(join(tmpdir(), 'triangulate-net-'))
const db = join(dir, 'store.db')

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    requests.push(`${request.headers.host ?? ''}${request.url ?? ''}`)
    const url = new URL(request.url ?? '/', 'http://x')
    switch (url.pathname) {
      case '/page':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return response.end(PAGE)
      case '/to-file':
        response.writeHead(302, { location: 'file:///etc/passwd' })
        return response.end()
      case '/to-gopher':
        response.writeHead(302, { location: 'gopher://127.0.0.1:70/' })
        return response.end()
      case '/to-credentials':
        response.writeHead(302, { location: `http://user:secret@127.0.0.1:${port}/page` })
        return response.end()
      case '/loop':
        response.writeHead(302, { location: '/loop' })
        return response.end()
      case '/bomb':
        // 64 MB of zeros, 64 KB on the wire.
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        return response.end(gzipSync(Buffer.alloc(64 * 1024 * 1024)))
      case '/endless': {
        // A body that never ends, without a Content-Length: only the size limit stops it.
        response.writeHead(200, { 'content-type': 'text/html' })
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const pump = () => {
          while (response.write(chunk)) if (response.destroyed) return
          response.once('drain', pump)
        }
        response.on('error', () => {})
        return pump()
      }
      case '/hang':
        return // never answers
      default:
        response.writeHead(404)
        return response.end()
    }
  })
  // Every interface, IPv4 and IPv6: whichever address a refused URL names, it would arrive here.
  await new Promise<void>((resolve) => server.listen(0, '::', resolve))
  port = (server.address() as AddressInfo).port
  // An empty store with one article, so "unchanged" is about real content.
  const store = await openSqliteStore(db)
  await store.close()
  const seeded = await runCli(
    ['ingest', '-', '--db', db, '--published', '2024-12-05', '--outlet', 'Seed Wire'],
    { stdin: 'Air strikes hit the outskirts of Idlib on Thursday, residents said.\n' },
  )
  expect(seeded.code).toBe(0)
}, 60_000)

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

/** The refused URLs: every way we know to write "this machine" or "the network inside". */
const refusedUrls = () => [
  `http://127.0.0.1:${port}/page`,
  `http://localhost:${port}/page`,
  `HTTP://LOCALHOST:${port}/page`,
  `http://127.1:${port}/page`,
  `http://2130706433:${port}/page`,
  `http://0x7f000001:${port}/page`,
  `http://0177.0.0.1:${port}/page`,
  `http://[::1]:${port}/page`,
  `http://[::ffff:127.0.0.1]:${port}/page`,
  `http://[::ffff:7f00:1]:${port}/page`,
  `http://0.0.0.0:${port}/page`,
  `http://[::]:${port}/page`,
  // This machine's own interface addresses in the test container (TEST-NET and ULA ranges).
  `http://192.0.2.2:${port}/page`,
  `http://[fd00::2]:${port}/page`,
  // Cloud metadata services: link-local IPv4 and the AWS IPv6 address.
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
]

describe('URL ingest through the CLI', () => {
  it('is off by default: a URL is one line, no request is made, the store is unchanged', async () => {
    const before = fingerprintDb(db)
    const seen = requests.length
    const url = `http://127.0.0.1:${port}/page`
    const result = await runCli(['ingest', url, '--db', db])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `triangulate: ${url}: URL inputs need --allow-network (network access is off by default)\n`,
    )
    expect(requests.length).toBe(seen)
    expect(fingerprintDb(db)).toEqual(before)
  }, 30_000)

  it('with --allow-network refuses loopback, private, link-local and metadata addresses in every spelling, before connecting', async () => {
    const before = fingerprintDb(db)
    const seen = requests.length
    const urls = refusedUrls()
    const result = await runCli(['ingest', ...urls, '--db', db, '--allow-network'])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toMatch(STACK_LINE)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(urls.length)
    urls.forEach((url, index) => {
      expect(lines[index]!.startsWith(`triangulate: ${url}: refused: `), lines[index]).toBe(true)
      expect(lines[index]).toMatch(/private, loopback or link-local address \(use --allow-private/)
    })
    // A trailing-dot name is refused after resolution, or not found where the resolver has none.
    const dotted = await runCli([
      'ingest',
      `http://localhost.:${port}/page`,
      '--db',
      db,
      '--allow-network',
    ])
    expect(dotted.stderr).toMatch(/: (refused: resolves to|host not found)/)
    // Not one request reached the server listening on all of those addresses.
    expect(requests.slice(seen)).toEqual([])
    expect(fingerprintDb(db)).toEqual(before)
  }, 60_000)

  it('with --allow-private still refuses bad redirects, loops, bombs and endless bodies, one line each', async () => {
    const before = fingerprintDb(db)
    const base = `http://127.0.0.1:${port}`
    const cases: [string, RegExp][] = [
      [`${base}/to-file`, /only http and https URLs can be fetched \(got file:\)/],
      [`${base}/to-gopher`, /only http and https URLs can be fetched \(got gopher:\)/],
      [`${base}/to-credentials`, /URLs with credentials are refused/],
      [`${base}/loop`, /too many redirects \(more than 5\)/],
      [`${base}/bomb`, /response too large \(more than 10485760 bytes\)/],
      [`${base}/endless`, /response too large \(more than 10485760 bytes\)/],
      [`${base}/missing`, /HTTP 404/],
      ['ftp://127.0.0.1/x', /no such file or directory|only http/],
    ]
    const result = await runCli([
      'ingest',
      ...cases.map(([url]) => url),
      '--db',
      db,
      '--allow-network',
      '--allow-private',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).not.toMatch(STACK_LINE)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(cases.length)
    cases.forEach(([url, reason], index) => {
      expect(lines[index]!.startsWith(`triangulate: ${url}: `), lines[index]).toBe(true)
      expect(lines[index]).toMatch(reason)
    })
    expect(result.maxRssMb ?? 0).toBeLessThan(1024)
    expect(fingerprintDb(db)).toEqual(before)
  }, 60_000)

  it('with --allow-private fetches and stores a page, once', async () => {
    const url = `http://127.0.0.1:${port}/page`
    const first = await runCli(['ingest', url, '--db', db, '--allow-network', '--allow-private'])
    expect(first.stderr).toBe('')
    expect(first.stdout).toMatch(/^ingested: 1 new document, 0 already stored/)
    const stored = fingerprintDb(db)
    const again = await runCli(['ingest', url, '--db', db, '--allow-network', '--allow-private'])
    expect(again.stdout).toMatch(/^ingested: 0 new documents, 1 already stored/)
    expect(fingerprintDb(db).counts.documents).toBe(stored.counts.documents)
  }, 60_000)

  it('a server that never answers times out with one problem, and the store is unchanged', async () => {
    const before = fingerprintDb(db)
    const store = await openSqliteStore(db)
    try {
      const report = await ingestInputs(store, [`http://127.0.0.1:${port}/hang`], {
        allowNetwork: true,
        allowPrivate: true,
        fetch: { timeoutMs: 500 },
      })
      expect(report.added).toEqual([])
      expect(report.problems.map((problem) => problem.message)).toEqual([
        `http://127.0.0.1:${port}/hang: timed out after 500 ms`,
      ])
    } finally {
      await store.close()
    }
    expect(fingerprintDb(db)).toEqual(before)
  }, 30_000)
})
