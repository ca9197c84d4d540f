import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ANALYSIS_SCHEMA, type Analysis } from '../../core/model/analysis.js'
import { InputError } from '../../ingest/input-error.js'
import type { AnalysisSource } from '../../server/analysis-source.js'
import { createApp } from '../../server/app.js'
import { createInputsSource } from '../../server/inputs-source.js'
import { LOOPBACK_HOSTS } from '../../server/request-guards.js'
import { type RunningServer, startServer } from '../../server/start-server.js'
import { createStaticSource } from '../../server/static-source.js'
import { createStoreSource } from '../../server/store-source.js'
import { DEFAULT_DB_PATH, openStore } from '../../store/open-store.js'
import { type CliIo, type Command, EXIT_BAD_INPUT, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate serve [--db PATH | --analysis FILE | <file|dir>...] [--port 8080] [--host 127.0.0.1] [--allow-write]

Starts the HTTP API (/api/…, OpenAPI at /openapi.json, live updates at /api/stream) and the web
app at /. With input files, they are analysed in memory; otherwise the store at --db (default
./triangulate.db) is served and changes made by \`triangulate ingest\` show up live.
--analysis serves a finished analysis (\`analyze --json\`, \`export --format json\`) read-only.
  --port N          port to listen on (default 8080; 0 picks a free one)
  --host H          interface to bind (default 127.0.0.1, this machine only)
  --allow-write     accept new articles at POST /api/documents (off: read-only)
  --cors ORIGIN     let pages from ORIGIN read the API (repeatable; closed by default)
  --published D     publication date for files and posted articles that carry none
  --outlet NAME     outlet for files and posted articles that name none`

const DEFAULT_PORT = 8080
const DEFAULT_HOST = '127.0.0.1'

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the HTTP API and the web app (read-only unless --allow-write)',
  usage: USAGE,
  async run(args, io) {
    const running = await startServe(args, io)
    if (running === null) return EXIT_BAD_INPUT
    // Run until interrupted; then close the server and the source cleanly.
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    await running.close()
    return EXIT_OK
  },
}

/**
 * Parses `serve` arguments, opens the source and starts listening; prints one line with the URL
 * (`triangulate: serving … at http://127.0.0.1:8080/`). Returns null when no document could be read.
 */
export async function startServe(args: string[], io: CliIo): Promise<RunningServer | null> {
  const { values, positionals } = parseArgs('serve', args, {
    db: { type: 'string' },
    analysis: { type: 'string' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    'allow-write': { type: 'boolean' },
    cors: { type: 'string', multiple: true },
    published: { type: 'string' },
    outlet: { type: 'string' },
  })
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535 || !/^\d+$/.test(values.port ?? '0')) {
    throw new InputError('--port', `"${values.port}" is not a port number (0-65535)`)
  }
  const host = values.host ?? DEFAULT_HOST
  for (const origin of values.cors ?? []) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new InputError('--cors', `"${origin}" is not an origin like http://localhost:3000`)
  }
  const sources = [values.db !== undefined, values.analysis !== undefined, positionals.length > 0]
  if (sources.filter(Boolean).length > 1)
    throw new InputError('serve', 'give one of --db, --analysis or input files')

  let source: AnalysisSource
  let what: string
  if (values.analysis !== undefined) {
    const analysis = await readAnalysisFile(values.analysis)
    source = createStaticSource(analysis)
    what = `${analysis.documents.length} documents from ${values.analysis}`
  } else if (positionals.length > 0) {
    const { source: memory, problems } = await createInputsSource(positionals, {
      ...(values.published !== undefined && { published: values.published }),
      ...(values.outlet !== undefined && { outlet: values.outlet }),
    })
    for (const problem of problems) io.stderr(`triangulate: ${problem.message}\n`)
    const analysis = await memory.getAnalysis()
    if (analysis.documents.length === 0) {
      io.stderr('triangulate: serve: no document could be read\n')
      return null
    }
    source = memory
    what = `${analysis.documents.length} documents in memory`
  } else {
    const db = values.db ?? DEFAULT_DB_PATH
    const store = await openStore(db, { mustExist: true })
    source = createStoreSource(store, {
      writable: values['allow-write'] === true,
      ...(values.published !== undefined && { published: values.published }),
      ...(values.outlet !== undefined && { outlet: values.outlet }),
    })
    what = `the store ${db}`
  }

  const loopback = LOOPBACK_HOSTS.includes(host) || host === '::1'
  const allowWrite = values['allow-write'] === true
  if (allowWrite && !source.addDocument)
    io.stderr('triangulate: serve: this source cannot take new articles; serving read-only\n')
  const app = createApp(source, {
    allowWrite,
    webRoot: findWebRoot(),
    corsOrigins: values.cors ?? [],
    // Bound to another interface, the server is reached by names we cannot know in advance.
    allowedHosts: loopback ? LOOPBACK_HOSTS : null,
    onInternalError: (error) =>
      io.stderr(
        `triangulate: serve: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      ),
  })
  const running = await startServer(app, { port, host })
  const mode = allowWrite && source.addDocument ? 'read-write' : 'read-only'
  if (!loopback)
    io.stderr(`triangulate: serve: listening on ${host}: other machines can reach this server\n`)
  io.stdout(`triangulate: serving ${what} at ${running.url}/ (${mode})\n`)
  return {
    ...running,
    close: async () => {
      await running.close()
      await source.close?.()
    },
  }
}

/** An analysis file, checked for the contract's version and a documents array. */
async function readAnalysisFile(path: string): Promise<Analysis> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(path, `cannot read (${error.code ?? error.message})`)
  })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new InputError(path, 'not JSON (expected the output of `triangulate analyze --json`)')
  }
  const schema = (value as { schema?: unknown } | null)?.schema
  if (schema !== ANALYSIS_SCHEMA || !Array.isArray((value as { documents?: unknown }).documents)) {
    throw new InputError(
      path,
      `not a ${ANALYSIS_SCHEMA} analysis (schema is ${JSON.stringify(schema ?? null)})`,
    )
  }
  return value as Analysis
}

/** `dist/web` of this package, whether running from `src/` (tsx) or from `dist/src/` (built). */
function findWebRoot(): string | null {
  let directory = dirname(fileURLToPath(import.meta.url))
  for (let depth = 0; depth < 6; depth++) {
    if (existsSync(join(directory, 'package.json'))) return join(directory, 'dist', 'web')
    directory = dirname(directory)
  }
  return null
}
