import { readFileSync } from 'node:fs'
import { InputError } from '../ingest/input-error.js'

/** One data row with its line number, for error messages that name file and line. */
export interface TsvRow {
  readonly line: number
  readonly cells: readonly string[]
}

/**
 * Reads a tab-separated data file: `#` lines are comments, blank lines are skipped, `\N` is an
 * empty cell. Throws an InputError naming the file when it cannot be read.
 */
export function readTsv(path: string, options: { header?: boolean } = {}): TsvRow[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new InputError(
      path,
      `cannot read data file (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    )
  }
  const rows: TsvRow[] = []
  let headerSkipped = !options.header
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '' || line.startsWith('#')) return
    if (!headerSkipped) {
      headerSkipped = true
      return
    }
    rows.push({
      line: index + 1,
      cells: line.split('\t').map((cell) => (cell === '\\N' ? '' : cell.trim())),
    })
  })
  return rows
}

/** Splits a `;`-separated list cell. */
export function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
}
