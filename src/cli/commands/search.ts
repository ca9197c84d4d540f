import { storeLocation, withLibrary } from '../../app/library.js'
import { InputError } from '../../ingest/input-error.js'
import { type Command, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate search "<words>" [--db PATH] [--json] [--limit N]

Finds stored articles (title and text) and claims (summary, place, sources) containing every
word; matches are marked «like this» in the snippets.
  --db PATH   the store (default ./triangulate.db, or $TRIANGULATE_DATABASE_URL)
  --limit N   hits per kind (default 20)
  --json      { "documents": [...], "claims": [...] }`

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over stored articles and claims',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs('search', args, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      limit: { type: 'string' },
    })
    const query = positionals.join(' ').trim()
    if (query === '')
      throw new InputError('search', 'no query given (usage: triangulate search "<words>")')
    const limit = values.limit === undefined ? 20 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new InputError('--limit', `not a number from 1 to 1000 ("${values.limit}")`)
    const result = await withLibrary(storeLocation(values.db), { mustExist: true }, (store) =>
      store.search(query, { limit }),
    )
    if (values.json) {
      io.stdout(JSON.stringify(result, null, 2) + '\n')
      return EXIT_OK
    }
    const lines = [`Articles (${result.documents.length})`]
    for (const hit of result.documents) {
      const about = [hit.outlet, hit.published].filter(Boolean).join(', ')
      lines.push(
        `  ${hit.id}  ${hit.title ?? '(untitled)'}${about ? ` — ${about}` : ''}`,
        `    ${oneLine(hit.snippet)}`,
      )
    }
    lines.push('', `Claims (${result.claims.length})`)
    for (const hit of result.claims)
      lines.push(`  ${hit.id}  [${hit.status}] ${hit.summary}`, `    ${oneLine(hit.snippet)}`)
    io.stdout(lines.join('\n') + '\n')
    return EXIT_OK
  },
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
