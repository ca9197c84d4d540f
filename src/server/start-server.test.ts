import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { InputError } from '../ingest/input-error.js'
import { createApp } from './app.js'
import { startServer } from './start-server.js'
import { createStaticSource } from './static-source.js'

describe('startServer()', () => {
  const app = createApp(createStaticSource(SAMPLE_ANALYSIS), { webRoot: null })

  it('startServer() binds a free loopback port with port 0 and closes open event streams on close()', async () => {
    const server = await startServer(app, { port: 0, host: '127.0.0.1' })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect((await fetch(`${server.url}/api/disputes`)).status).toBe(200)
    const stream = await fetch(`${server.url}/api/stream`)
    const reader = stream.body!.getReader()
    await reader.read()
    await server.close()
    // The stream ends (its socket is closed) with the server instead of keeping close() waiting.
    const ended = await reader.read().then(
      (chunk) => chunk.done,
      (error: Error) => error.message === 'terminated',
    )
    expect(ended).toBe(true)
  })

  it('startServer() reports a port in use as an InputError naming the address', async () => {
    const first = await startServer(app, { port: 0, host: '127.0.0.1' })
    const second = startServer(app, { port: first.port, host: '127.0.0.1' })
    await expect(second).rejects.toBeInstanceOf(InputError)
    await expect(second).rejects.toThrow(
      `127.0.0.1:${first.port}: port ${first.port} is in use (choose another with --port)`,
    )
    await first.close()
  })
})
