import { writeFile } from 'node:fs/promises'
import cliProgress from 'cli-progress'
import { analyzeInputs } from '../../app/analyze.js'
import type { Analysis } from '../../core/model/analysis.js'
import { InputError } from '../../ingest/input-error.js'
import { type Command, EXIT_BAD_INPUT, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate analyze <file|dir>... [--json out.json] [--published YYYY-MM-DD] [--outlet NAME] [--strict]

Reads text articles (an optional "key: value" header block, then the text), runs the whole
pipeline and fusion in memory, and prints a summary, or writes the analysis contract
(triangulate.analysis/1) to --json ("-" for standard output).
  --published D   publication date for files that carry none
  --outlet NAME   outlet for files that name none
  --strict        any unreadable input is fatal (exit 2, nothing written)`

/** Progress is drawn for more than this many files, and only on a terminal. */
const PROGRESS_THRESHOLD = 5

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyse articles in memory; print a summary or write the contract JSON',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs('analyze', args, {
      json: { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      strict: { type: 'boolean' },
    })
    if (positionals.length === 0)
      throw new InputError('analyze', 'no input given (usage: triangulate analyze <file|dir>...)')

    let bar: cliProgress.SingleBar | null = null
    const { analysis, problems } = await analyzeInputs(positionals, {
      ...(values.published !== undefined && { published: values.published }),
      ...(values.outlet !== undefined && { outlet: values.outlet }),
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
    for (const problem of problems) io.stderr(`triangulate: ${problem.message}\n`)
    if (problems.length > 0 && values.strict) return EXIT_BAD_INPUT
    if (analysis.documents.length === 0) {
      io.stderr('triangulate: analyze: no document could be read\n')
      return EXIT_BAD_INPUT
    }

    if (values.json !== undefined) {
      const json = JSON.stringify(analysis, null, 2) + '\n'
      if (values.json === '-') io.stdout(json)
      else
        await writeFile(values.json, json).catch((error: NodeJS.ErrnoException) => {
          throw new InputError(values.json!, `cannot write (${error.code ?? error.message})`)
        })
    } else {
      io.stdout(formatSummary(analysis))
    }
    return problems.length > 0 ? EXIT_BAD_INPUT : EXIT_OK
  },
}

/** The readable summary: documents, disputes, corroborated and other top claims with sources. */
export function formatSummary(analysis: Analysis): string {
  const lines: string[] = []
  const byId = new Map(analysis.claims.map((claim) => [claim.id, claim]))
  lines.push(
    `${analysis.documents.length} documents, ${analysis.events.length} events, ${analysis.claims.length} claims, ${analysis.disputes.length} disputes`,
  )
  lines.push('')
  lines.push('Documents')
  for (const doc of analysis.documents) {
    lines.push(
      `  ${doc.id}  ${doc.outlet ?? '(unknown outlet)'}  ${doc.published ?? '(no date)'}${doc.duplicateOf ? `  copy of ${doc.duplicateOf}` : ''}`,
    )
  }
  lines.push('')
  lines.push('Disputed')
  if (analysis.disputes.length === 0) lines.push('  (none)')
  for (const dispute of analysis.disputes) lines.push(`  [${dispute.kind}] ${dispute.summary}`)
  lines.push('')
  const describe = (claimId: string): string => {
    const claim = byId.get(claimId)
    if (!claim) return claimId
    const when = claim.date
      ? ` (${claim.date.start === claim.date.end ? claim.date.start : `${claim.date.start}..${claim.date.end}`})`
      : ''
    const who = claim.asserting.length > 0 ? ` — ${claim.asserting.join(', ')}` : ''
    const denied = claim.denying.length > 0 ? `; denied by ${claim.denying.join(', ')}` : ''
    return `${claim.type} ${claim.place?.name ?? '(no place)'}${when}${who}${denied}`
  }
  const corroborated = analysis.claims.filter((claim) => claim.status === 'corroborated')
  lines.push(`Corroborated (${corroborated.length})`)
  for (const claim of [...corroborated].sort((a, b) => b.independentGroups - a.independentGroups)) {
    lines.push(`  ${describe(claim.id)} [${claim.independentGroups} independent]`)
  }
  lines.push('')
  const single = analysis.claims.filter((claim) => claim.status === 'single-source')
  lines.push(`Single-source (${single.length}, first 15)`)
  for (const claim of single.slice(0, 15)) lines.push(`  ${describe(claim.id)}`)
  return lines.join('\n') + '\n'
}
