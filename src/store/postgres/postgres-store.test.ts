import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestPostgres, startPostgres } from '../../../test/e2e/postgres/start-postgres.js'
import { runStoreContract } from '../store.contract.js'
import { migratePostgres, openPostgresStore } from './postgres-store.js'

// One throwaway cluster for this file; every store the contract asks for is a new database.
const started = await startPostgres()
if (!started.ok) console.warn(`PostgreSQL store tests skipped: ${started.reason}`)
const postgres: TestPostgres | null = started.ok ? started.postgres : null

afterAll(async () => {
  await postgres?.stop()
})

describe.skipIf(postgres === null)('PostgreSQL store', () => {
  runStoreContract('postgres', async () => {
    const url = await postgres!.createDatabase('contract')
    await migratePostgres(url)
    return openPostgresStore(url)
  })

  describe('migrations', () => {
    let url: string
    beforeAll(async () => {
      url = await postgres!.createDatabase('migrations')
    })

    it('openPostgresStore() refuses a database that was not migrated, naming the command', async () => {
      await expect(openPostgresStore(url)).rejects.toThrow(/triangulate migrate/)
    })

    it('migratePostgres() applies every migration once, also when two run at once', async () => {
      const [first, second] = await Promise.all([migratePostgres(url), migratePostgres(url)])
      expect([...first!, ...second!]).toEqual([
        '001-initial',
        '002-story-partitions',
        '003-stale-stories',
      ])
      expect(await migratePostgres(url)).toEqual([])
      const store = await openPostgresStore(url)
      expect(store.backend).toBe('postgres')
      expect(store.location).not.toContain('triangulate-test')
      await store.close()
    })
  })

  it('names the server in one line when nothing listens there', async () => {
    await expect(openPostgresStore('postgres://someone:secret@127.0.0.1:1/none')).rejects.toThrow(
      /^postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/none: cannot use the PostgreSQL database \(connect ECONNREFUSED/,
    )
  })
})
