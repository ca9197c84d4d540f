import { analyzeCommand } from './commands/analyze.js'
import { ingestCommand } from './commands/ingest.js'
import { reanalyzeCommand } from './commands/reanalyze.js'
import { searchCommand } from './commands/search.js'
import { statusCommand } from './commands/status.js'
import { serveCommand } from './commands/serve.js'
import { exportCommand } from './commands/export.js'
import { reportCommand } from './commands/report.js'
import { migrateCommand } from './commands/migrate.js'
import { workerCommand } from './commands/worker.js'
import { type CliIo, type Command, EXIT_BAD_INPUT, EXIT_INTERNAL } from './command.js'
import { isInputError } from '../ingest/input-error.js'

/** Every subcommand, in the order `triangulate --help` lists them. */
const COMMANDS: readonly Command[] = [
  analyzeCommand,
  ingestCommand,
  statusCommand,
  searchCommand,
  reanalyzeCommand,
  serveCommand,
  reportCommand,
  exportCommand,
  migrateCommand,
  workerCommand,
]

function helpText(): string {
  const lines = ['Usage: triangulate <command> [options]', '', 'Commands:']
  for (const command of COMMANDS) lines.push(`  ${command.name.padEnd(10)} ${command.summary}`)
  lines.push('', 'Run `triangulate <command> --help` for its options.')
  return lines.join('\n') + '\n'
}

/**
 * Text for a terminal: article-supplied strings may carry ESC, BEL or CSI sequences that would
 * rewrite the user's screen; every control character but line breaks and tabs is replaced.
 * JSON output is unaffected (JSON.stringify already escapes control characters).
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\uFFFD')
}

export function defaultIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(terminalSafe(text)),
    stderr: (text) => process.stderr.write(terminalSafe(text)),
    isTTY: Boolean(process.stderr.isTTY),
    stdin: process.stdin,
  }
}

/**
 * Runs one CLI invocation and returns its exit code. User errors print one line naming the
 * input and the reason (exit 2); anything else is an internal error (exit 1), with the stack
 * only under --debug.
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const debug = argv.includes('--debug')
  const args = argv.filter((arg) => arg !== '--debug')
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText())
    return name === undefined ? EXIT_BAD_INPUT : 0
  }
  if (name === '--version') {
    io.stdout('triangulate 0.1.0\n')
    return 0
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (!command) {
    io.stderr(`triangulate: unknown command "${name}" (try triangulate --help)\n`)
    return EXIT_BAD_INPUT
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`)
    return 0
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (isInputError(error)) {
      io.stderr(`triangulate: ${error.message}\n`)
      return EXIT_BAD_INPUT
    }
    io.stderr(
      `triangulate: internal error: ${error instanceof Error ? error.message : String(error)}${debug ? '' : ' (rerun with --debug for the stack)'}\n`,
    )
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return EXIT_INTERNAL
  }
}
