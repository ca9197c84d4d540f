import { lookup as dnsLookup } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import type { Readable } from 'node:stream'
import { InputError } from './input-error.js'

export interface FetchOptions {
  /** Allow loopback, private, link-local and metadata addresses (tests, intranets). Off by default. */
  readonly allowPrivate?: boolean
  /** Whole request, redirects included. */
  readonly timeoutMs?: number
  /** Largest body accepted, after decompression. */
  readonly maxBytes?: number
  readonly maxRedirects?: number
  /**
   * The address policy (default `isBlockedAddress`). Tests on loopback pass one that treats
   * one loopback address as public and another as private, to show every hop is checked.
   */
  readonly isBlocked?: (address: string) => boolean
}

export interface FetchedPage {
  /** The address the body came from, after redirects. */
  readonly url: string
  readonly contentType: string | null
  readonly bytes: Uint8Array
}

export const FETCH_DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
} as const

/**
 * Addresses a fetch must not reach unless `allowPrivate`: the host itself, private networks,
 * link-local (where cloud metadata services live, 169.254.169.254 and fd00:ec2::254), CGNAT,
 * multicast and reserved ranges. Checked on the resolved address of every connection, so a
 * DNS name that points inside, or a redirect to one, is refused too.
 */
const BLOCKED = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['64:ff9b::', 96],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6')
}

/** True when the address is one `fetchUrl` refuses without `allowPrivate`. */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 4) return BLOCKED.check(address, 'ipv4')
  if (family === 6) {
    // IPv4-mapped (::ffff:127.0.0.1) and -compatible forms reach IPv4 hosts: check those.
    const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
    if (mapped) return BLOCKED.check(mapped, 'ipv4')
    return BLOCKED.check(address, 'ipv6')
  }
  return true
}

/**
 * Fetches one page or feed over http(s) with limits: a total time limit, a size limit counted
 * on the decompressed body, at most `maxRedirects` redirects, each target checked again, and
 * refusal of private, loopback, link-local and metadata addresses after DNS resolution (the
 * connection goes to the very address that was checked, so DNS rebinding cannot slip past).
 * Failures are InputErrors naming the URL.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs
  const maxBytes = options.maxBytes ?? FETCH_DEFAULTS.maxBytes
  const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects
  const deadline = AbortSignal.timeout(timeoutMs)
  let current = url
  for (let redirects = 0; ; redirects++) {
    const target = parseHttpUrl(url, current)
    const blocked = options.allowPrivate ? () => false : (options.isBlocked ?? isBlockedAddress)
    const response = await request(url, target, blocked, deadline, timeoutMs)
    const status = response.statusCode ?? 0
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume()
      if (redirects >= maxRedirects)
        throw new InputError(url, `too many redirects (more than ${maxRedirects})`)
      current = new URL(response.headers.location, target).href
      continue
    }
    if (status < 200 || status >= 300) {
      response.resume()
      throw new InputError(
        url,
        `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`,
      )
    }
    const declared = Number(response.headers['content-length'])
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.destroy()
      throw new InputError(url, `response too large (${declared} bytes; limit ${maxBytes})`)
    }
    const bytes = await readBody(url, decompress(url, response), maxBytes, deadline, timeoutMs)
    return { url: current, contentType: response.headers['content-type'] ?? null, bytes }
  }
}

function parseHttpUrl(input: string, value: string): URL {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new InputError(input, `not a valid URL (${value})`)
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError(input, `only http and https URLs can be fetched (got ${parsed.protocol})`)
  }
  if (parsed.username || parsed.password)
    throw new InputError(input, 'URLs with credentials are refused')
  return parsed
}

function request(
  input: string,
  target: URL,
  isBlocked: (address: string) => boolean,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<http.IncomingMessage> {
  // Resolve, check every answer, and hand the connection the checked address.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const list = addresses as { address: string; family: number }[]
      const refused = list.find((entry) => isBlocked(entry.address))
      if (refused) return callback(new BlockedAddressError(refused.address), '', 0)
      const first = list[0]
      if (!first) return callback(new Error(`no address for ${hostname}`), '', 0)
      if (lookupOptions.all) return callback(null, list as never, 0)
      callback(null, first.address, first.family)
    })
  }
  return new Promise((resolve, reject) => {
    const host = target.hostname.replace(/^\[|\]$/g, '')
    // A literal IP is not looked up by Node: check it here.
    if (isIP(host) && isBlocked(host)) {
      reject(
        new InputError(
          input,
          `refused: ${host} is a private, loopback or link-local address (use --allow-private to allow)`,
        ),
      )
      return
    }
    const client = target.protocol === 'https:' ? https : http
    const req = client.get(
      target,
      {
        lookup,
        signal: deadline,
        timeout: timeoutMs,
        headers: {
          'user-agent': 'triangulate/0.1 (+offline news fusion)',
          accept:
            'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      resolve,
    )
    req.on('timeout', () => req.destroy(new InputError(input, `timed out after ${timeoutMs} ms`)))
    req.on('error', (error) => reject(toInputError(input, error, timeoutMs)))
  })
}

class BlockedAddressError extends Error {
  constructor(readonly address: string) {
    super(`blocked address ${address}`)
  }
}

function toInputError(input: string, error: unknown, timeoutMs: number): InputError {
  if (error instanceof InputError) return error
  if (error instanceof BlockedAddressError) {
    return new InputError(
      input,
      `refused: resolves to ${error.address}, a private, loopback or link-local address (use --allow-private to allow)`,
    )
  }
  const err = error as NodeJS.ErrnoException
  if (err.name === 'AbortError' || err.name === 'TimeoutError')
    return new InputError(input, `timed out after ${timeoutMs} ms`)
  if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN')
    return new InputError(input, 'host not found')
  if (err.code === 'ECONNREFUSED') return new InputError(input, 'connection refused')
  return new InputError(input, `fetch failed (${err.code ?? err.message})`)
}

function decompress(input: string, response: http.IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? 'identity').toLowerCase()
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip())
  if (encoding === 'deflate') return response.pipe(createInflate())
  if (encoding === 'br') return response.pipe(createBrotliDecompress())
  if (encoding === 'identity' || encoding === '') return response
  response.destroy()
  throw new InputError(input, `unsupported content encoding "${encoding}"`)
}

async function readBody(
  input: string,
  body: Readable,
  maxBytes: number,
  deadline: AbortSignal,
  timeoutMs: number,
): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let total = 0
  try {
    for await (const chunk of body) {
      if (deadline.aborted) throw new InputError(input, `timed out after ${timeoutMs} ms`)
      const buffer = chunk as Buffer
      total += buffer.length
      if (total > maxBytes) {
        body.destroy()
        throw new InputError(input, `response too large (more than ${maxBytes} bytes)`)
      }
      chunks.push(buffer)
    }
  } catch (error) {
    throw toInputError(input, error, timeoutMs)
  }
  return new Uint8Array(Buffer.concat(chunks))
}
