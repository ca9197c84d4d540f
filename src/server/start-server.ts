import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { InputError } from '../ingest/input-error.js'

export interface RunningServer {
  /** `http://127.0.0.1:PORT` with the port actually bound (useful with port 0). */
  readonly url: string
  readonly port: number
  /** Stops accepting connections, ends open ones (event streams included) and resolves. */
  close(): Promise<void>
}

export interface ListenOptions {
  /** 0 picks a free port. */
  readonly port: number
  /** Interface to bind; the loopback interface unless the user asks otherwise. */
  readonly host: string
}

/**
 * Serves a fetch handler (the Hono app) on Node's HTTP server. A port in use or an address that
 * cannot be bound is an InputError naming the option, not a stack trace.
 */
export function startServer(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: ListenOptions,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host })
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${options.port} is in use (choose another with --port)`
          : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
            ? `cannot listen on ${options.host} (not an address of this machine)`
            : error.code === 'EACCES'
              ? `not allowed to listen on port ${options.port}`
              : error.message
      reject(new InputError(`${options.host}:${options.port}`, reason))
    })
    server.once('listening', () => {
      const address = server.address() as AddressInfo
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            // Event streams never end on their own: close them so close() can finish.
            if ('closeAllConnections' in server) server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
