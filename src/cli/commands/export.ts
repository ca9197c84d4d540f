import { lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve, sep } from 'node:path'
import { loadAnalysis } from '../../app/load-analysis.js'
import type { Analysis } from '../../core/model/analysis.js'
import { renderCsv } from '../../export/csv.js'
import { renderGeoJson } from '../../export/geojson.js'
import { renderJson } from '../../export/json.js'
import { renderMarkdown } from '../../export/markdown.js'
import { InputError } from '../../ingest/input-error.js'
import { type Command, EXIT_BAD_INPUT, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate export --format json|geojson|csv|md (--db PATH | <file|dir>...) -o PATH

Writes the analysis in another format. Same input, same bytes: diff two runs to see what
changed (JSON carries the generation time unless --generated-at fixes it).
  --format F        json     the analysis contract (stable key order)
                    geojson  RFC 7946 points for events and daily control states (QGIS)
                    csv      a directory of documents, events, claims, disputes, sources .csv
                    md       a Markdown brief: disputed, then corroborated, then the timeline
  -o, --output P    the file to write ("-" for standard output), a directory for csv
  --db PATH         read the picture from a store instead of analysing inputs
  --generated-at T  ISO date-time written as generatedAt (json), for byte-identical runs
  --published D     publication date for files that carry none
  --outlet NAME     outlet for files that name none
  --strict          any unreadable input is fatal (exit 2, nothing written)`

const FORMATS = ['json', 'geojson', 'csv', 'md'] as const
type Format = (typeof FORMATS)[number]

export const exportCommand: Command = {
  name: 'export',
  summary: 'write the analysis as JSON, GeoJSON, CSV files or a Markdown brief',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs('export', args, {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      db: { type: 'string' },
      'generated-at': { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      strict: { type: 'boolean' },
    })
    const format = values.format
    if (format === undefined)
      throw new InputError('export', 'no format given (add --format json|geojson|csv|md)')
    if (!isFormat(format))
      throw new InputError(
        '--format',
        `unknown format "${format}" (expected json, geojson, csv or md)`,
      )
    if (values.output === undefined)
      throw new InputError(
        'export',
        `no output given (add -o ${format === 'csv' ? 'DIR' : 'FILE'})`,
      )
    const output = values.output
    if (output === '-' && format === 'csv')
      throw new InputError('-o', 'csv writes several files: give a directory, not "-"')
    const generatedAt = values['generated-at']
    if (generatedAt !== undefined && Number.isNaN(Date.parse(generatedAt))) {
      throw new InputError('--generated-at', `not an ISO date-time: "${generatedAt}"`)
    }
    const { analysis, problems: problemList } = await loadAnalysis('export', {
      inputs: positionals,
      ...(values.db !== undefined && { db: values.db }),
      ...(values.published !== undefined && { published: values.published }),
      ...(values.outlet !== undefined && { outlet: values.outlet }),
    })
    for (const problem of problemList) io.stderr(`triangulate: ${problem.message}\n`)
    const problems = problemList.length
    if (problems > 0 && values.strict) return EXIT_BAD_INPUT
    if (analysis.documents.length === 0 && values.db === undefined) {
      io.stderr('triangulate: export: no document could be read\n')
      return EXIT_BAD_INPUT
    }

    if (format === 'csv') {
      const files = renderCsv(analysis)
      await writeFilesInto(output, files)
      io.stderr(`triangulate: wrote ${files.map((file) => file.name).join(', ')} into ${output}\n`)
    } else {
      const text = renderSingle(format, analysis, generatedAt)
      if (output === '-') io.stdout(text)
      else {
        await writeOneFile(output, text)
        io.stderr(
          `triangulate: wrote ${output} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB)\n`,
        )
      }
    }
    return problems > 0 ? EXIT_BAD_INPUT : EXIT_OK
  },
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value)
}

function renderSingle(
  format: Exclude<Format, 'csv'>,
  analysis: Analysis,
  generatedAt: string | undefined,
): string {
  switch (format) {
    case 'json':
      return renderJson(analysis, generatedAt !== undefined ? { generatedAt } : {})
    case 'geojson':
      return renderGeoJson(analysis)
    case 'md':
      return renderMarkdown(analysis)
  }
}

/**
 * Writes the CSV files into `directory` (created when missing) and nowhere else: each target is
 * checked to sit directly inside it, and is replaced by rename, so a symlink planted at
 * `events.csv` is replaced rather than followed.
 */
async function writeFilesInto(
  directory: string,
  files: readonly { name: string; text: string }[],
): Promise<void> {
  const root = resolve(directory)
  const existing = await lstat(root).catch(() => null)
  if (existing && !existing.isDirectory())
    throw new InputError(
      directory,
      'exists and is not a directory (csv writes a directory of files)',
    )
  await mkdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(directory, `cannot create the directory (${error.code ?? error.message})`)
  })
  for (const file of files) {
    const target = resolve(root, file.name)
    if (dirname(target) !== root || !target.startsWith(root + sep))
      throw new InputError(file.name, `would be written outside ${directory}`)
    await replaceFile(target, file.text, directory)
  }
}

/** Writes exactly `path` (never a directory), atomically. */
async function writeOneFile(path: string, text: string): Promise<void> {
  const target = resolve(path)
  const existing = await lstat(target).catch(() => null)
  if (existing?.isDirectory()) throw new InputError(path, 'is a directory (give a file name)')
  await replaceFile(target, text, path)
}

/** Temporary file beside the target, then rename: readers never see half a file. */
async function replaceFile(target: string, text: string, shown: string): Promise<void> {
  const temporary = join(dirname(target), `.${process.pid}-${Date.now()}.tmp`)
  try {
    await writeFile(temporary, text, { flag: 'wx' })
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(shown, `cannot write (${code ?? String(error)})`)
  }
}
