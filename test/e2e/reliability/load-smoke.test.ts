/**
 * A short smoke run of bench/load.ts: the read API under autocannon for 3 s while another
 * process ingests. Asserts that every request succeeded, not how fast (the benchmark prints
 * the latencies).
 */
import { describe, expect, it } from 'vitest'
import { runLoadUnderIngest } from './load-under-ingest.js'

describe('read API under load while ingest runs', () => {
  it('answers every request with a 2xx, no error, no timeout', async () => {
    const figures = await runLoadUnderIngest({
      seconds: 3,
      connections: 4,
      batchSize: 5,
      maxBatches: 2,
    })
    console.log(
      `load smoke: ${figures.requests} requests, p99 ${figures.p99} ms, ${figures.ingests} ingests during the run`,
    )
    expect(figures.requests).toBeGreaterThan(0)
    expect(figures.errors).toBe(0)
    expect(figures.timeouts).toBe(0)
    expect(figures.non2xx).toBe(0)
    expect(figures.serverStderr).not.toMatch(/internal error/)
    // Whatever the writer committed is visible to readers afterwards.
    expect(figures.documentsAfter).toBeGreaterThanOrEqual(figures.documentsBefore)
  }, 300_000)
})
