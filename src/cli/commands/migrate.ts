import { storeLocation } from '../../app/library.js'
import { InputError } from '../../ingest/input-error.js'
import { redactUrl } from '../../store/open-store.js'
import { type Command, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate migrate [--db postgres://…]

Brings a PostgreSQL library's schema up to date: the store's tables (migrations in
src/store/postgres/migrations) and the job queue's (pg-boss). Run it once per deploy, before
starting new workers; running it twice, or on two machines at once, is harmless.
SQLite stores need no command: they migrate when opened.
  --db URL    the database (default $TRIANGULATE_DATABASE_URL)`

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or upgrade the PostgreSQL schema and job queues',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs('migrate', args, { db: { type: 'string' } })
    const location = storeLocation(values.db)
    if (!/^postgres(ql)?:\/\//i.test(location))
      throw new InputError(
        location,
        'migrate is for PostgreSQL (pass --db postgres://… or set TRIANGULATE_DATABASE_URL); SQLite stores migrate when opened',
      )
    // Loaded here so that commands on SQLite never load pg and pg-boss.
    const { migratePostgres } = await import('../../store/postgres/postgres-store.js')
    const { installQueues } = await import('../../worker/queues.js')
    const applied = await migratePostgres(location)
    try {
      await installQueues(location)
    } catch (error) {
      throw new InputError(
        redactUrl(location),
        `setting up the job queue failed (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      )
    }
    io.stdout(
      applied.length > 0
        ? `migrated ${redactUrl(location)}: ${applied.join(', ')}; job queues ready\n`
        : `${redactUrl(location)} is up to date; job queues ready\n`,
    )
    return EXIT_OK
  },
}
