import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context, MiddlewareHandler } from 'hono'
import { RequestError } from './request-error.js'

/** Host names a browser uses for a server bound to the loopback interface. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]']

/**
 * Refuses requests whose `Host` is not one of ours (DNS rebinding: a page on evil.example
 * re-pointed at 127.0.0.1 would otherwise read the API as same-origin). `null` allows any host,
 * for `--host 0.0.0.0` behind a proxy.
 */
export function guardHost(allowed: readonly string[] | null): MiddlewareHandler {
  const names = allowed === null ? null : new Set(allowed.map((name) => name.toLowerCase()))
  return async (c, next) => {
    if (names !== null) {
      const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase()
      const name = host.startsWith('[')
        ? host.slice(0, host.indexOf(']') + 1)
        : host.replace(/:\d+$/, '')
      if (!names.has(name))
        throw new RequestError(403, 'forbidden host', `"${host}" is not a name of this server`)
    }
    await next()
  }
}

/**
 * Writes must come from our own pages or an allowed origin, and as JSON: a cross-site form or a
 * `text/plain` fetch (which browsers send without a CORS preflight) is refused before the body
 * is read.
 */
export function guardWriteOrigin(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    // The request URL is built from the Host header, which guardHost has already checked.
    if (
      origin !== undefined &&
      origin !== new URL(c.req.url).origin &&
      !allowedOrigins.includes(origin)
    ) {
      throw new RequestError(403, 'forbidden origin', `writes from ${origin} are not allowed`)
    }
    const type = c.req.header('content-type') ?? ''
    if (!/^application\/json\s*(;|$)/i.test(type))
      throw new RequestError(
        415,
        'unsupported media type',
        'send the article as JSON (Content-Type: application/json)',
      )
    await next()
  }
}

export interface RateLimit {
  /** Requests allowed per client in one window. */
  readonly max: number
  readonly windowMs: number
}

/**
 * A fixed-window limit per client address: enough to stop a runaway script from filling the
 * store, without a dependency. Over the limit: 429 with `Retry-After`.
 */
export function limitRate(limit: RateLimit, now: () => number = Date.now): MiddlewareHandler {
  const windows = new Map<string, { count: number; resetAt: number }>()
  return async (c, next) => {
    const key = clientAddress(c)
    const time = now()
    let window = windows.get(key)
    if (!window || window.resetAt <= time) {
      // Forget expired windows now and then so the map stays small.
      if (windows.size > 10_000)
        for (const [name, old] of windows) if (old.resetAt <= time) windows.delete(name)
      window = { count: 0, resetAt: time + limit.windowMs }
      windows.set(key, window)
    }
    window.count += 1
    if (window.count > limit.max) {
      const seconds = Math.max(1, Math.ceil((window.resetAt - time) / 1000))
      throw new RequestError(
        429,
        'too many requests',
        `at most ${limit.max} writes per ${Math.round(limit.windowMs / 1000)} s`,
        { 'retry-after': String(seconds) },
      )
    }
    await next()
  }
}

/** The peer address on a real socket; in-process requests (`app.request`) share one key. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local'
  } catch {
    return 'local'
  }
}
