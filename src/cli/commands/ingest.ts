import cliProgress from 'cli-progress'
import { ingestInputs } from '../../app/ingest.js'
import { storeLocation, withLibrary } from '../../app/library.js'
import { InputError } from '../../ingest/input-error.js'
import type { PostgresStore } from '../../store/postgres/postgres-store.js'
import { type Command, EXIT_BAD_INPUT, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate ingest <file|dir|url|->... [--db PATH] [--published D] [--outlet NAME]
                          [--allow-network] [--allow-private] [--strict] [--json]

Adds articles to the store and updates the fused picture, in one transaction. Inputs are text
files (with an optional "key: value" header), HTML pages, RSS or Atom feeds (one document per
item), recognised by content, in any mix, directories walked; "-" reads standard input. The
same content twice is stored once; a changed version of a known URL is a linked revision.
  --db PATH         the store (default ./triangulate.db, or $TRIANGULATE_DATABASE_URL)
  --published D     publication date for documents that carry none
  --outlet NAME     outlet for documents that name none
  --allow-network   fetch http(s) URLs (off by default)
  --allow-private   with --allow-network: allow loopback, private and link-local addresses
  --strict          any unreadable input is fatal: nothing is stored (exit 2)
  --json            print the report as JSON`

const PROGRESS_THRESHOLD = 5

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'add articles, pages and feeds to the store and update the picture',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs('ingest', args, {
      db: { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      'allow-network': { type: 'boolean' },
      'allow-private': { type: 'boolean' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
    })
    if (positionals.length === 0)
      throw new InputError(
        'ingest',
        'no input given (usage: triangulate ingest <file|dir|url|->...)',
      )
    const location = storeLocation(values.db)
    let bar: cliProgress.SingleBar | null = null
    let queued: number | null = null
    // What messages show: a PostgreSQL URL without its password (the store redacts it).
    let shown = location
    const report = await withLibrary(location, {}, async (store) => {
      shown = store.location
      // PostgreSQL: store and queue one extraction job per new document; workers draw the
      // picture (loaded only here, so SQLite runs never load pg).
      if (store.backend === 'postgres') {
        const { ingestToQueue } = await import('../../worker/ingest-to-queue.js')
        const queuedReport = await ingestToQueue(store as PostgresStore, positionals, {
          ...(values.published !== undefined && { published: values.published }),
          ...(values.outlet !== undefined && { outlet: values.outlet }),
          allowNetwork: values['allow-network'] ?? false,
          allowPrivate: values['allow-private'] ?? false,
          strict: values.strict ?? false,
          stdin: io.stdin,
        })
        queued = queuedReport.queued
        return queuedReport
      }
      return ingestInputs(store, positionals, {
        ...(values.published !== undefined && { published: values.published }),
        ...(values.outlet !== undefined && { outlet: values.outlet }),
        allowNetwork: values['allow-network'] ?? false,
        allowPrivate: values['allow-private'] ?? false,
        strict: values.strict ?? false,
        stdin: io.stdin,
        onProgress: (done, total) => {
          if (!io.isTTY || total <= PROGRESS_THRESHOLD) return
          if (!bar) {
            bar = new cliProgress.SingleBar(
              {
                stream: process.stderr,
                clearOnComplete: true,
                format: 'analyzing [{bar}] {value}/{total} documents',
              },
              cliProgress.Presets.shades_classic,
            )
            bar.start(total, 0)
          }
          bar.update(done)
          if (done === total) bar.stop()
        },
      })
    })
    for (const problem of report.problems) io.stderr(`triangulate: ${problem.message}\n`)
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            db: shown,
            added: report.added,
            unchanged: report.unchanged,
            problems: report.problems.map((problem) => ({
              input: problem.input,
              reason: problem.reason,
            })),
            changes: report.changes,
            counts: report.counts,
            ...(queued !== null && { queued }),
          },
          null,
          2,
        ) + '\n',
      )
    } else {
      const revisions = report.added.filter((document) => document.revisionOf !== null).length
      const parts = [
        `${report.added.length} new document${report.added.length === 1 ? '' : 's'}${revisions > 0 ? ` (${revisions} revision${revisions === 1 ? '' : 's'})` : ''}`,
        `${report.unchanged.length} already stored`,
        ...(report.problems.length > 0 ? [`${report.problems.length} unreadable`] : []),
      ]
      io.stdout(`ingested: ${parts.join(', ')}\n`)
      if (queued !== null && queued > 0)
        io.stdout(
          `queued: ${queued} extraction jobs (run \`triangulate worker\` to draw the picture)\n`,
        )
      if (report.changes) {
        const c = report.changes
        io.stdout(
          `picture: +${c.claimsAdded} claims, -${c.claimsRemoved}, ${c.statusChanged} status changes, +${c.disputesAdded} disputes\n`,
        )
      }
      const n = report.counts
      io.stdout(
        `store ${shown}: ${n.documents} documents, ${n.events} events, ${n.claims} claims, ${n.disputes} disputes, ${n.stories} stories\n`,
      )
    }
    if (
      report.problems.length > 0 &&
      (values.strict || report.added.length + report.unchanged.length === 0)
    )
      return EXIT_BAD_INPUT
    return report.problems.length > 0 ? EXIT_BAD_INPUT : EXIT_OK
  },
}
