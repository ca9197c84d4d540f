import {
  migratePostgres,
  openPostgresStore,
  type PostgresStore,
} from '../../../src/store/postgres/postgres-store.js'
import { installQueues } from '../../../src/worker/queues.js'
import type { TestPostgres } from './start-postgres.js'

/** A fresh database on the test server, migrated, with the job queues installed, opened as a store. */
export async function openQueueLibrary(
  postgres: TestPostgres,
  name: string,
): Promise<PostgresStore> {
  const url = await postgres.createDatabase(name)
  await migratePostgres(url)
  await installQueues(url)
  return openPostgresStore(url)
}
