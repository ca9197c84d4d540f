import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const ARTICLES = resolve(import.meta.dirname, 'fixtures', 'articles')

/**
 * `triangulate serve` as a user starts it: a child process running the CLI on the hand-written
 * articles with the real pipeline, listening on a free loopback port (port 0), read-write.
 */
describe('triangulate serve (real server on loopback)', () => {
  let child: ChildProcess
  let base = ''
  let stderr = ''

  beforeAll(async () => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/run.ts', 'serve', ARTICLES, '--port', '0', '--allow-write'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let stdout = ''
    base = await new Promise<string>((done, fail) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
        if (match) done(match[1]!)
      })
      child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)))
    })
  })

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGINT')
      await once(child, 'exit')
    }
  })

  it('prints its loopback URL and serves /api/claims with sources grouped by origin', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const response = await fetch(`${base}/api/claims`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const body = (await response.json()) as {
      total: number
      items: { id: string; origins: { origin: string; outlets: string[] }[] }[]
    }
    expect(body.total).toBeGreaterThan(0)
    for (const claim of body.items) expect(claim.origins.length).toBeGreaterThan(0)
    expect(
      body.items.flatMap((claim) => claim.origins.flatMap((origin) => origin.outlets)),
    ).toContain('Valley Herald')
  })

  it('pushes an SSE `update` after an article is posted, and serves the new document', async () => {
    const controller = new AbortController()
    const stream = await fetch(`${base}/api/stream`, { signal: controller.signal })
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let received = ''
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`stream ended before "${needle}": ${received}`)
        received += value
      }
    }
    await readUntil('event: ready')

    const posted = await fetch(`${base}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        outlet: 'Ridge Monitor',
        published: '2024-12-09',
        text: 'Rebel fighters took control of the town of Inkhil on Monday, residents said.\n',
      }),
    })
    expect(posted.status).toBe(201)
    const added = (await posted.json()) as { id: string; version: number }

    await readUntil('event: update')
    expect(received).toContain(`data: {"version":${added.version}}`)
    controller.abort()

    const documents = (await (await fetch(`${base}/api/documents`)).json()) as {
      total: number
      items: { id: string; outlet: string }[]
    }
    expect(documents.total).toBe(3)
    expect(documents.items.find((doc) => doc.id === added.id)?.outlet).toBe('Ridge Monitor')
  })

  it('stops cleanly on SIGINT', async () => {
    child.kill('SIGINT')
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
    expect(stderr).not.toMatch(/internal error|at .*\.ts:\d+/)
  })
})
