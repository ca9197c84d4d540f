import { writeFile } from 'node:fs/promises'
import { loadAnalysis } from '../../app/load-analysis.js'
import { renderHtmlReport } from '../../export/html-report.js'
import { InputError } from '../../ingest/input-error.js'
import { type Command, EXIT_BAD_INPUT, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate report (<file|dir>... | --db PATH) -o report.html [--published YYYY-MM-DD] [--outlet NAME] [--title TEXT] [--strict]

Analyses the articles and writes one self-contained HTML file: summary, map with a date
slider, timeline, claim ledger, disputes and framing, every claim linked to its highlighted
sentence. It opens offline from disk (the app, styles, base map and data are inside it).
  -o, --output F  the HTML file to write (required)
  --db PATH       report the picture stored by \`triangulate ingest\` instead of analysing inputs
  --published D   publication date for files that carry none
  --outlet NAME   outlet for files that name none
  --title TEXT    the page title (default: counts of articles and outlets)
  --strict        any unreadable input is fatal (exit 2, nothing written)`

export const reportCommand: Command = {
  name: 'report',
  summary: 'write a self-contained HTML report (map, timeline, claims, disputes, framing)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs('report', args, {
      output: { type: 'string', short: 'o' },
      db: { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      title: { type: 'string' },
      strict: { type: 'boolean' },
    })
    if (values.output === undefined)
      throw new InputError('report', 'no output file given (add -o report.html)')
    const output = values.output

    const { analysis, problems } = await loadAnalysis('report', {
      inputs: positionals,
      ...(values.db !== undefined && { db: values.db }),
      ...(values.published !== undefined && { published: values.published }),
      ...(values.outlet !== undefined && { outlet: values.outlet }),
    })
    for (const problem of problems) io.stderr(`triangulate: ${problem.message}\n`)
    if (problems.length > 0 && values.strict) return EXIT_BAD_INPUT
    if (analysis.documents.length === 0) {
      io.stderr('triangulate: report: no document could be read\n')
      return EXIT_BAD_INPUT
    }

    const html = renderHtmlReport(
      analysis,
      values.title !== undefined ? { title: values.title } : {},
    )
    await writeFile(output, html).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(output, `cannot write (${error.code ?? error.message})`)
    })
    io.stderr(
      `triangulate: wrote ${output} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB: ${analysis.documents.length} documents, ${analysis.claims.length} claims, ${analysis.disputes.length} disputes)\n`,
    )
    return problems.length > 0 ? EXIT_BAD_INPUT : EXIT_OK
  },
}
