import { storeLocation, withLibrary } from '../../app/library.js'
import type { PostgresStore } from '../../store/postgres/postgres-store.js'
import { type Command, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate status [--db PATH] [--json]

Shows what the store holds: documents, events, claims, disputes, stories, the last update.
  --db PATH   the store (default ./triangulate.db, or $TRIANGULATE_DATABASE_URL)
  --json      { "documents", "events", "claims", "stories", "disputes", "lastUpdate", … }`

export const statusCommand: Command = {
  name: 'status',
  summary: 'show counts, stories and the last update of the store',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs('status', args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
    })
    const location = storeLocation(values.db)
    await withLibrary(location, { mustExist: true }, async (store) => {
      const counts = await store.counts()
      const version = await store.lastUpdate()
      const [last] = await store.listHistory({ limit: 1 })
      // PostgreSQL libraries have a job queue: what waits, runs, and failed for good.
      const queue =
        store.backend === 'postgres'
          ? await (
              await import('../../worker/queue-status.js')
            ).readQueueStatus(store as PostgresStore)
          : null
      if (values.json) {
        io.stdout(
          JSON.stringify(
            {
              documents: counts.documents,
              events: counts.events,
              claims: counts.claims,
              stories: counts.stories,
              disputes: counts.disputes,
              lastUpdate: last?.at ?? version.at,
              revisions: counts.revisions,
              entities: counts.entities,
              diagnostics: counts.diagnostics,
              history: counts.history,
              version: version.version,
              db: store.location,
              ...(queue !== null && { queue }),
            },
            null,
            2,
          ) + '\n',
        )
        return
      }
      const analysis = await store.getAnalysis()
      const disputed = analysis.claims.filter((claim) => claim.status === 'disputed').length
      const corroborated = analysis.claims.filter((claim) => claim.status === 'corroborated').length
      const lines = [
        `store ${store.location} (${store.backend})`,
        `  documents  ${counts.documents}${counts.revisions > 0 ? ` (+${counts.revisions} older revisions)` : ''}`,
        `  events     ${counts.events}`,
        `  claims     ${counts.claims} (${corroborated} corroborated, ${disputed} disputed)`,
        `  disputes   ${counts.disputes}`,
        `  stories    ${counts.stories}`,
        `  last update ${last ? `${last.at} (${last.kind}${last.documentsAdded.length > 0 ? `, ${last.documentsAdded.length} documents added` : ''})` : (version.at ?? 'never')}`,
      ]
      if (queue !== null) {
        const line = (name: string, counts: typeof queue.extract) =>
          `  ${name.padEnd(10)} ${counts.queued} queued, ${counts.active} running, ${counts.retrying} retrying, ${counts.failed} failed`
        lines.push(
          '',
          'Jobs',
          line('extract', queue.extract),
          line('fuse', queue.fuse),
          `  dead-letter ${queue.deadLetter}${queue.deadLetter > 0 ? ' (failed every retry: see pgboss.job, name triangulate-dead-letter)' : ''}`,
        )
      }
      const stories = (analysis.stories ?? []).map(describeStory)
      if (stories.length > 0)
        lines.push('', 'Stories', ...stories.slice(0, 20).map((story) => `  ${story}`))
      if (stories.length > 20) lines.push(`  … and ${stories.length - 20} more`)
      io.stdout(lines.join('\n') + '\n')
    })
    return EXIT_OK
  },
}

/** One line per story, from whatever fields fusion gives it (id, title/label, documents). */
function describeStory(story: unknown): string {
  if (typeof story !== 'object' || story === null) return String(story)
  const record = story as Record<string, unknown>
  const id = typeof record.id === 'string' ? record.id : '?'
  const title = [record.title, record.label, record.summary, record.name].find(
    (value) => typeof value === 'string',
  )
  const documents = Array.isArray(record.documents) ? ` (${record.documents.length} documents)` : ''
  return `${id}${title ? `  ${String(title)}` : ''}${documents}`
}
