import { reanalyzeStore } from '../../app/ingest.js'
import { storeLocation, withLibrary } from '../../app/library.js'
import { type Command, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate reanalyze [--db PATH]

Re-runs extraction and fusion over every stored document (after an engine upgrade), in one
transaction, and records the change in the store's history.
  --db PATH   the store (default ./triangulate.db, or $TRIANGULATE_DATABASE_URL)`

export const reanalyzeCommand: Command = {
  name: 'reanalyze',
  summary: 're-run extraction and fusion over the stored documents',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs('reanalyze', args, { db: { type: 'string' } })
    const location = storeLocation(values.db)
    const { changes, counts } = await withLibrary(location, { mustExist: true }, (store) =>
      reanalyzeStore(store),
    )
    io.stdout(
      `reanalyzed ${counts.documents} documents: +${changes.claimsAdded} claims, -${changes.claimsRemoved}, ${changes.statusChanged} status changes\n` +
        `store ${location}: ${counts.documents} documents, ${counts.events} events, ${counts.claims} claims, ${counts.disputes} disputes\n`,
    )
    return EXIT_OK
  },
}
