import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import autocannon from 'autocannon'
import type { Analysis } from '../../src/core/model/analysis.js'

export interface RouteFigures {
  readonly route: string
  readonly requests: number
  readonly requestsPerSec: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly non2xx: number
  readonly errors: number
}

export interface ApiFigures {
  readonly documents: number
  readonly routes: readonly RouteFigures[]
  /** Over the list routes (the ones a client polls): all requests / all seconds, worst p99. */
  readonly requestsPerSec: number
  readonly p99Ms: number
}

export interface ApiOptions {
  readonly dbPath: string
  /** Requests per route, at most. */
  readonly amount: number
  /** Seconds per route, at most. */
  readonly seconds: number
  readonly connections: number
  readonly repoRoot: string
}

/**
 * Serves a store with the real CLI (`triangulate serve --db`) in its own process on loopback,
 * as bench/api.ts does, and runs autocannon against the main read routes in turn, each bounded
 * by a request count and a time cap.
 */
export async function measureApi(options: ApiOptions): Promise<ApiFigures> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/run.ts', 'serve', '--db', options.dbPath, '--port', '0'],
    { cwd: options.repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      const listen = (chunk: Buffer): void => {
        output += chunk.toString()
        const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)
        if (match) resolve(match[1] as string)
      }
      child.stdout?.on('data', listen)
      child.stderr?.on('data', listen)
      child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output.trim()}`)))
    })
    const analysis = (await (await fetch(`${url}/api/analysis`)).json()) as Analysis
    const claim = analysis.claims[0]?.id ?? 'none'
    const routes = [
      '/api/claims?status=disputed',
      `/api/claims/${encodeURIComponent(claim)}`,
      '/api/events?limit=100',
      '/api/timeline',
      '/api/search?q=withdrew',
    ]
    const figures: RouteFigures[] = []
    for (const route of routes) {
      // Timed here, from the call to the result, stop at the cap included.
      const started = performance.now()
      const result = await runBounded(`${url}${route}`, options)
      const seconds = Math.max((performance.now() - started) / 1000, 0.001)
      const requests = result['2xx'] + result.non2xx
      figures.push({
        route,
        requests,
        requestsPerSec: requests / seconds,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
      })
    }
    const totalRequests = figures.reduce((sum, route) => sum + route.requests, 0)
    const totalSeconds = figures.reduce(
      (sum, route) => sum + route.requests / route.requestsPerSec,
      0,
    )
    return {
      documents: analysis.documents.length,
      routes: figures,
      requestsPerSec: totalRequests / Math.max(totalSeconds, 0.001),
      p99Ms: Math.max(...figures.map((route) => route.p99Ms)),
    }
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGINT')
      await once(child, 'exit')
    }
  }
}

/** One autocannon run ending at `amount` requests or at the time cap, whichever comes first. */
function runBounded(url: string, options: ApiOptions): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections: options.connections, amount: options.amount },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
    const timer = setTimeout(() => instance.stop(), options.seconds * 1000)
    instance.on('done', () => clearTimeout(timer))
  })
}
