import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchUrl, isBlockedAddress } from './fetch-url.js'
import { isInputError } from './input-error.js'
import { readInputItems } from './read-inputs.js'

const PAGE = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Loopback Daily"><link rel="canonical" href="/story"></head>
<body><article><p>Government troops left the hill positions overnight, a monitor said on Friday.</p></article></body></html>`

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname)
    if (hop) {
      const left = Number(hop[1])
      response.writeHead(302, { location: left > 0 ? `/hop/${left - 1}` : '/page' })
      return response.end()
    }
    switch (url.pathname) {
      case '/page':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return response.end(PAGE)
      case '/big':
        response.writeHead(200, { 'content-type': 'text/html' })
        return response.end('x'.repeat(2 * 1024 * 1024))
      case '/bomb':
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        return response.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)))
      case '/gzip':
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        return response.end(gzipSync(PAGE))
      case '/to-other-loopback':
        response.writeHead(302, {
          location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/page`,
        })
        return response.end()
      case '/to-file':
        response.writeHead(301, { location: 'file:///etc/passwd' })
        return response.end()
      case '/hang':
        return // never answers
      default:
        response.writeHead(404, { 'content-type': 'text/plain' })
        return response.end('not here')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    expect(isInputError(error)).toBe(true)
    return (error as Error).message
  }
  throw new Error('expected a failure')
}

describe('isBlockedAddress()', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.20.30.40', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['::1', true],
    ['::', true],
    ['fe80::1', true],
    ['fd00:ec2::254', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:169.254.169.254', true],
    ['not-an-ip', true],
    // near misses: public addresses next to the private ranges
    ['172.32.0.1', false],
    ['172.15.255.255', false],
    ['192.169.0.1', false],
    ['100.128.0.1', false],
    ['8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → %s', (address, blocked) => {
    expect(isBlockedAddress(address)).toBe(blocked)
  })
})

describe('fetchUrl()', () => {
  it('refuses a loopback address, literal or after DNS resolution, unless allowed', async () => {
    expect(await failure(fetchUrl(`${base}/page`))).toMatch(
      /refused: 127\.0\.0\.1 is a private, loopback or link-local address/,
    )
    const port = (server.address() as AddressInfo).port
    expect(await failure(fetchUrl(`http://localhost:${port}/page`))).toMatch(
      /refused: resolves to (127\.0\.0\.1|::1), a private/,
    )
  })

  it('fetches with --allow-private, following redirects up to the limit', async () => {
    const page = await fetchUrl(`${base}/hop/4`, { allowPrivate: true })
    expect(page.url).toBe(`${base}/page`)
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE)
    expect(await failure(fetchUrl(`${base}/hop/5`, { allowPrivate: true }))).toMatch(
      /too many redirects \(more than 5\)/,
    )
  })

  it.each([
    ['/missing', {}, /HTTP 404 Not Found/],
    ['/big', { maxBytes: 1024 * 1024 }, /response too large/],
    ['/bomb', { maxBytes: 1024 * 1024 }, /response too large \(more than 1048576 bytes\)/],
    ['/to-file', {}, /only http and https URLs can be fetched \(got file:\)/],
    ['/hang', { timeoutMs: 300 }, /timed out after 300 ms/],
  ])('refuses %s with a clear reason', async (path, options, reason) => {
    const message = await failure(fetchUrl(`${base}${path}`, { allowPrivate: true, ...options }))
    expect(message.startsWith(`${base}${path}: `)).toBe(true)
    expect(message).toMatch(reason)
  })

  it('checks the address of every redirect target, not only the first', async () => {
    // 127.0.0.1 plays a public host, 127.0.0.2 a private one.
    const isBlocked = (address: string) => address !== '127.0.0.1'
    const direct = await fetchUrl(`${base}/hop/1`, { isBlocked })
    expect(direct.url).toBe(`${base}/page`)
    expect(await failure(fetchUrl(`${base}/to-other-loopback`, { isBlocked }))).toMatch(
      /refused: 127\.0\.0\.2 is a private, loopback or link-local address/,
    )
  })

  it('decompresses gzip bodies', async () => {
    const page = await fetchUrl(`${base}/gzip`, { allowPrivate: true })
    expect(new TextDecoder().decode(page.bytes)).toBe(PAGE)
  })

  it('feeds a fetched page through the same readers, with a hash-based id and the page URL', async () => {
    const { items, problems } = await readInputItems(
      [`${base}/hop/1`],
      {},
      { allowNetwork: true, allowPrivate: true },
    )
    expect(problems).toEqual([])
    expect(items[0]!.document).toMatchObject({
      source: `${base}/hop/1`,
      url: `${base}/story`,
      outlet: 'Loopback Daily',
    })
    expect(items[0]!.document.id).toMatch(/^url-[0-9a-f]{12}$/)
    const refused = await readInputItems([`${base}/page`], {}, { allowNetwork: true })
    expect(refused.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/refused: 127\.0\.0\.1/),
    ])
  })
})
