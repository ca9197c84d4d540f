import autocannon from 'autocannon'
import { describe, expect, it } from 'vitest'
import { createApp } from '../../../src/server/app.js'
import { startServer } from '../../../src/server/start-server.js'
import { createStaticSource } from '../../../src/server/static-source.js'
import { SAMPLE_ANALYSIS } from './fixtures/sample-analysis.js'

// A short smoke of the read API under concurrent load on loopback: every request answered, no
// errors. Speed is measured by bench/api.ts, never asserted here.
describe('read API under load (smoke)', () => {
  it.each([
    '/api/claims',
    '/api/analysis',
    '/api/events?status=disputed&limit=10',
    '/api/search?q=valmora',
  ])('%s answers 300 concurrent requests with no error', async (path) => {
    const server = await startServer(
      createApp(createStaticSource(SAMPLE_ANALYSIS), { webRoot: null }),
      { port: 0, host: '127.0.0.1' },
    )
    try {
      const result = await autocannon({ url: `${server.url}${path}`, connections: 10, amount: 300 })
      expect(result.errors).toBe(0)
      expect(result.timeouts).toBe(0)
      expect(result.non2xx).toBe(0)
      expect(result['2xx']).toBe(300)
    } finally {
      await server.close()
    }
  })
})
