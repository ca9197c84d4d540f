/**
 * The HTTP API as a client on the network sees it: the real `triangulate serve` process over a
 * real store, raw HTTP on loopback (node:http, so paths reach the server unnormalised). Every
 * route takes garbage parameters with a 4xx JSON answer and never a 500; static files cannot
 * be read outside the app's folder; the server is read-only by default, closed to other
 * origins, and every answer carries the security headers. With --allow-write: size limit on
 * chunked bodies, media type, origin and rate limits. (src/server/app.test.ts covers each
 * rule in process; this file proves them over the wire, with fuzzed input.)
 */
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintDb } from './db-fingerprint.js'
import { runCli } from './run-cli.js'
import { type ServeChild, startServeChild } from './serve-child.js'

const EXAMPLES = resolve(import.meta.dirname, '../../../examples/fall-of-the-south')
const dir = mkdtempSync(join(tmpdir(), 'triangulate-api-'))
const db = join(dir, 'store.db')
let readOnly: ServeChild
let writable: ServeChild

interface RawResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: string
}

/** One raw HTTP request; the path is sent exactly as given. */
function raw(
  base: string,
  path: string,
  options: {
    method?: string
    headers?: Record<string, string>
    body?: Buffer | string
    chunks?: number
  } = {},
): Promise<RawResponse> {
  const { hostname, port } = new URL(base)
  return new Promise((resolveResponse, reject) => {
    const req = httpRequest(
      { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () =>
          resolveResponse({ status: response.statusCode ?? 0, headers: response.headers, body }),
        )
      },
    )
    req.on('error', reject)
    if (options.chunks !== undefined && options.body !== undefined) {
      // Chunked, no Content-Length: the size is known only as the bytes arrive.
      for (let i = 0; i < options.chunks; i++) req.write(options.body)
      req.end()
    } else req.end(options.body)
  })
}

/** Writes `text` on a raw socket and returns what the server sent back within 5 s. */
function rawSocket(base: string, text: string): Promise<string> {
  const { hostname, port } = new URL(base)
  return new Promise((resolveText) => {
    const socket = connect(Number(port), hostname)
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('error', () => {})
    const timer = setTimeout(() => socket.destroy(), 5000)
    socket.on('close', () => {
      clearTimeout(timer)
      resolveText(received)
    })
    socket.write(text)
  })
}

const ROUTES = [
  '/api/analysis',
  '/api/stories',
  '/api/documents',
  '/api/events',
  '/api/claims',
  '/api/disputes',
  '/api/control',
  '/api/timeline',
  '/api/entities',
  '/api/outlets',
  '/api/search',
]
const PARAMS = [
  'limit',
  'offset',
  'from',
  'to',
  'story',
  'place',
  'actor',
  'outlet',
  'q',
  'status',
  'type',
  'stance',
  'doc',
  'kind',
  'day',
  'evil',
  '__proto__',
  'constructor',
]

beforeAll(async () => {
  const ingest = await runCli(['ingest', EXAMPLES, '--db', db])
  expect(ingest.code).toBe(0)
  readOnly = await startServeChild(['--db', db])
  writable = await startServeChild(['--db', db, '--allow-write'])
}, 180_000)

afterAll(async () => {
  await readOnly?.stop()
  await writable?.stop()
  rmSync(dir, { recursive: true, force: true })
})

function expectSecurityHeaders(response: RawResponse, what: string): void {
  const csp = String(response.headers['content-security-policy'] ?? '')
  expect(csp, what).toMatch(/script-src 'self'(;|$)/)
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/)
  expect(csp, what).toMatch(/frame-ancestors 'none'/)
  expect(response.headers['x-content-type-options'], what).toBe('nosniff')
  expect(response.headers['x-frame-options'], what).toBe('DENY')
  expect(response.headers['access-control-allow-origin'], what).toBeUndefined()
}

describe('the API over real HTTP', () => {
  it('answers fuzzed parameters on every route with 200 or a 4xx JSON reason, never a 500', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom(
        '-1',
        '0',
        '1e309',
        'NaN',
        '9'.repeat(400),
        '2024-02-30',
        '2024-12-06',
        'x'.repeat(5000),
        "'; DROP TABLE claims; --",
        '%00',
        '../../etc/passwd',
        'disputed',
        'control',
      ),
    )
    const query = fc.array(fc.tuple(fc.constantFrom(...PARAMS), value), { maxLength: 4 })
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), query, async (route, pairs) => {
        const search = new URLSearchParams(pairs).toString()
        const response = await raw(readOnly.url, `${route}${search ? `?${search}` : ''}`, {
          headers: { origin: 'http://evil.example' },
        })
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        expect([200, 400, 404, 414, 431], `${route}?${search}`).toContain(response.status)
        expectSecurityHeaders(response, route)
        if (response.status === 200 || response.status === 400) {
          expect(response.headers['content-type']).toMatch(/^application\/json/)
          const body = JSON.parse(response.body) as { error?: string }
          if (response.status === 400) expect(typeof body.error).toBe('string')
        }
      }),
      { numRuns: 150 },
    )
    console.log(`fuzzed API statuses: ${JSON.stringify(Object.fromEntries(statuses))}`)
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0)
    expect(readOnly.stderr()).not.toMatch(/internal error/)
  }, 300_000)

  it('answers hostile ids with a JSON 404, and never reads a file outside the web app', async () => {
    const paths = [
      '/api/documents/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/claims/%00',
      `/api/entities/${'x'.repeat(6000)}`,
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/static/..%5c..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/index.html%00.js',
      '/.%2e/.%2e/package.json',
      '/..;/..;/etc/passwd',
    ]
    for (const path of paths) {
      const response = await raw(readOnly.url, path)
      expect(response.status, path).not.toBe(500)
      expect(response.body, path).not.toMatch(/root:.*:0:0:|"name": "triangulate"/)
      if (path.startsWith('/api/')) expect([404, 414, 431], path).toContain(response.status)
      expectSecurityHeaders(response, path)
    }
  }, 60_000)

  it('is read-only by default: every write is refused and the store does not change', async () => {
    const before = fingerprintDb(db)
    const body = JSON.stringify({ text: 'Rebels entered Hama on Friday, residents said.' })
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/api/documents', '/api/documents/x', '/api/claims']) {
        const response = await raw(readOnly.url, path, {
          method,
          headers: { 'content-type': 'application/json' },
          body,
        })
        expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400)
        expect(response.status, `${method} ${path}`).toBeLessThan(500)
      }
    }
    expect(fingerprintDb(db)).toEqual(before)
  }, 60_000)

  it('is closed to other origins: no CORS grant, preflights included; foreign Host refused', async () => {
    const preflight = await raw(readOnly.url, '/api/claims', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
    expect(preflight.headers['access-control-allow-methods']).toBeUndefined()
    const rebound = await raw(readOnly.url, '/api/claims', { headers: { host: 'evil.example' } })
    expect(rebound.status).toBe(403)
    const page = await raw(readOnly.url, '/')
    expectSecurityHeaders(page, '/')
  }, 30_000)

  it('with --allow-write: limits size (chunked too), media type, origin and rate; stores only the good articles', async () => {
    const before = fingerprintDb(db)
    const json = { 'content-type': 'application/json' }
    // 5 MB sent in chunks with no Content-Length.
    const big = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: json,
      body: Buffer.alloc(64 * 1024, 'a'),
      chunks: 80,
    })
    expect(big.status).toBe(413)
    // A declared length over the limit is refused from the headers, before any body arrives.
    const declared = await rawSocket(
      writable.url,
      `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{}`,
    )
    expect(declared).toMatch(/^HTTP\/1\.1 413 /)
    const malformed = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: json,
      body: '{"text": ',
    })
    expect(malformed.status).toBe(400)
    const plain = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ text: 'Rebels entered Hama on Friday.' }),
    })
    expect(plain.status).toBe(415)
    const foreign = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: { ...json, origin: 'http://evil.example' },
      body: JSON.stringify({ text: 'Rebels entered Hama on Friday.' }),
    })
    expect(foreign.status).toBe(403)
    const emptyText = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: '' }),
    })
    expect(emptyText.status).toBe(400)
    const wrongTypes = await raw(writable.url, '/api/documents', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ text: ['x'], published: '2024-02-30', __proto__: { admin: true } }),
    })
    expect(wrongTypes.status).toBe(400)
    expect(fingerprintDb(db)).toEqual(before)

    // The write budget (30 a minute per client) also counts the refused writes above.
    const statuses: number[] = []
    let retryAfter: string | undefined
    for (let i = 0; i < 30; i++) {
      const response = await raw(writable.url, '/api/documents', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          text: `Shelling hit the outskirts of Hama on Thursday, residents said (note ${i}).`,
          outlet: 'Rate Wire',
          published: '2024-12-06',
        }),
      })
      statuses.push(response.status)
      if (response.status === 429) retryAfter = String(response.headers['retry-after'])
    }
    expect(statuses).toContain(429)
    expect(Number(retryAfter)).toBeGreaterThan(0)
    const created = statuses.filter((status) => status === 201).length
    expect(created).toBeGreaterThan(0)
    expect(statuses.every((status) => status === 201 || status === 429)).toBe(true)
    expect(fingerprintDb(db).counts.documents).toBe(before.counts.documents! + created)
    expect(writable.stderr()).not.toMatch(/internal error/)
  }, 300_000)
})
