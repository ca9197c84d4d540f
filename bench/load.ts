// The read API under load while another process ingests: `npx tsx bench/load.ts [--seconds 20]
// [--connections 10] [--batch 20] [--batches 50]`. Seeds a temporary store with the example
// corpus, serves it with `triangulate serve --db` in one process, loops `triangulate ingest`
// of synthetic batches in another, and runs autocannon over the read routes on loopback for a
// bounded time. Prints requests, errors, non-2xx and latency percentiles; asserts nothing
// (test/e2e/reliability/load-smoke.test.ts is the short, asserting version).
import { parseArgs } from 'node:util'
import { runLoadUnderIngest } from '../test/e2e/reliability/load-under-ingest.js'

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    batch: { type: 'string', default: '20' },
    batches: { type: 'string', default: '50' },
  },
})
const options = {
  seconds: Number(values.seconds),
  connections: Number(values.connections),
  batchSize: Number(values.batch),
  maxBatches: Number(values.batches),
}
const started = performance.now()
const figures = await runLoadUnderIngest(options)
const wall = (performance.now() - started) / 1000
const lines = [
  `read API load while ingesting: ${options.seconds} s, ${options.connections} connections, ingest batches of ${options.batchSize}`,
  `requests     ${figures.requests} (${figures.perSecond.toFixed(0)}/s)`,
  `errors       ${figures.errors}   timeouts ${figures.timeouts}   non-2xx ${figures.non2xx}`,
  `latency ms   p50 ${figures.p50}   p90 ${figures.p90}   p99 ${figures.p99}   max ${figures.max}`,
  `ingests      ${figures.ingests} committed during the run; documents ${figures.documentsBefore} -> ${figures.documentsAfter}`,
  `wall         ${wall.toFixed(1)} s (store seeding and server start included)`,
]
if (figures.serverStderr.trim() !== '') lines.push(`server said: ${figures.serverStderr.trim()}`)
console.log(lines.join('\n'))
