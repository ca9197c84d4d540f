/** What a command sees of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  /** True when stderr is an interactive terminal (progress bars are drawn only then). */
  readonly isTTY: boolean
  readonly stdin: NodeJS.ReadableStream
}

/** One `triangulate <name>` subcommand. Returns the exit code: 0 ok, 1 internal, 2 bad input. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly usage: string
  run(args: string[], io: CliIo): Promise<number>
}

export const EXIT_OK = 0
export const EXIT_INTERNAL = 1
export const EXIT_BAD_INPUT = 2
