import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util'
import { InputError } from '../ingest/input-error.js'

type OptionSpec = NonNullable<ParseArgsConfig['options']>

/**
 * Parses a command's arguments with Node's own parser, turning its exceptions into one-line
 * usage errors (`analyze: unknown option --jsn`).
 */
export function parseArgs<T extends OptionSpec>(
  command: string,
  args: string[],
  options: T,
): ReturnType<
  typeof nodeParseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
> {
  try {
    return nodeParseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    const message =
      error instanceof Error
        ? error.message.split('\n')[0]!.replace(/^TypeError \[[A-Z_]+\]: /, '')
        : String(error)
    throw new InputError(command, message.replace(/\. To specify a positional argument.*$/, ''))
  }
}
