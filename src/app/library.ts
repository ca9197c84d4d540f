import { InputError } from '../ingest/input-error.js'
import { DEFAULT_DB_PATH, openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'

/**
 * Which store a command uses: `--db` when given, else `TRIANGULATE_DATABASE_URL` (the
 * PostgreSQL deployments of issue 9 set it), else `./triangulate.db`.
 */
export function storeLocation(
  dbOption: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return dbOption ?? (env.TRIANGULATE_DATABASE_URL || DEFAULT_DB_PATH)
}

/**
 * Opens the store, runs `fn`, and always closes it. Read commands pass `mustExist` so a typo
 * in `--db` is an error, not a new empty file.
 */
export async function withLibrary<T>(
  location: string,
  options: { readonly mustExist?: boolean },
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(location, options)
  try {
    return await fn(store)
  } catch (error) {
    // Another process held the write lock for longer than the busy timeout: say so plainly.
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new InputError(
        location,
        'the store is busy: another process is writing to it (try again when it has finished)',
        { cause: error },
      )
    }
    throw error
  } finally {
    await store.close()
  }
}
