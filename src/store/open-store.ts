import { InputError } from '../ingest/input-error.js'
import { DEFAULT_DB_PATH, openSqliteStore } from './sqlite/sqlite-store.js'
import type { Store } from './store.js'

export { DEFAULT_DB_PATH }

export interface OpenStoreOptions {
  /** For read-only commands: a missing SQLite file is an error, not a new empty store. */
  readonly mustExist?: boolean
}

/**
 * Opens the store a `--db` value names: a `postgres://` / `postgresql://` URL selects the
 * PostgreSQL backend, anything else is a SQLite file path (default `./triangulate.db`).
 * Problems the user can fix (missing file, unreadable path) are InputErrors naming the value.
 *
 * @example
 * const store = await openStore(process.env.TRIANGULATE_DATABASE_URL ?? './triangulate.db')
 */
export async function openStore(
  dbPathOrUrl: string = DEFAULT_DB_PATH,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(dbPathOrUrl)) return openPostgres(dbPathOrUrl)
  try {
    return await openSqliteStore(dbPathOrUrl, options)
  } catch (error) {
    const code = (error as { code?: string }).code
    if (options.mustExist && /unable to open|does not exist|SQLITE_CANTOPEN/i.test(String(error))) {
      throw new InputError(
        dbPathOrUrl,
        'no store here (run `triangulate ingest` first, or pass --db PATH)',
      )
    }
    if (/directory does not exist/i.test(String(error))) {
      throw new InputError(dbPathOrUrl, 'the directory for the store does not exist')
    }
    if (code === 'SQLITE_NOTADB')
      throw new InputError(dbPathOrUrl, 'not a triangulate store (not a SQLite database)')
    if (code === 'SQLITE_CANTOPEN')
      throw new InputError(
        dbPathOrUrl,
        'cannot open the store file (check the directory exists and is writable)',
      )
    throw error
  }
}

/**
 * The PostgreSQL backend (issue 9) is loaded only when asked for, so SQLite users never load
 * `pg`. It must export `openPostgresStore(url: string): Promise<Store>` from
 * `src/store/postgres/postgres-store.ts`.
 */
async function openPostgres(url: string): Promise<Store> {
  const modulePath = './postgres/postgres-store.js'
  let loaded: { openPostgresStore?: (url: string) => Promise<Store> }
  try {
    loaded = (await import(modulePath)) as typeof loaded
  } catch {
    throw new InputError(redactUrl(url), 'the PostgreSQL backend is not available in this build')
  }
  if (typeof loaded.openPostgresStore !== 'function') {
    throw new InputError(redactUrl(url), 'the PostgreSQL backend is not available in this build')
  }
  return loaded.openPostgresStore(url)
}

/** A connection URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@')
}
