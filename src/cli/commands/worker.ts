import { type ChildProcess, fork } from 'node:child_process'
import { storeLocation } from '../../app/library.js'
import { InputError } from '../../ingest/input-error.js'
import { type Command, EXIT_INTERNAL, EXIT_OK } from '../command.js'
import { parseArgs } from '../parse-args.js'

const USAGE = `Usage: triangulate worker [--db postgres://…] [--concurrency N] [--exit-when-idle]
                          [--shutdown-timeout S]

Processes the PostgreSQL library's jobs: extraction of each ingested document, then fusion of
the stories new documents join (one fusion at a time). Run as many as you like, on as many
machines as you like, against one database. SIGTERM or Ctrl-C stops taking jobs and lets the current one
finish (or hands it back to the queue after the shutdown timeout).
  --db URL              the database (default $TRIANGULATE_DATABASE_URL)
  --concurrency N       worker processes to run here (default 1; about one per CPU core)
  --exit-when-idle      stop once no job is waiting or running (batch runs)
  --shutdown-timeout S  seconds the current job may take after a stop request (default 30)
Environment: TRIANGULATE_JOB_TIMEOUT_SECONDS, TRIANGULATE_FUSE_DELAY_SECONDS,
TRIANGULATE_QUEUE_MAINTENANCE_SECONDS, TRIANGULATE_PICTURE_MAX_LAG_SECONDS; NODE_OPTIONS=
--max-old-space-size=768 keeps a worker under 1 GiB (see docs/scale-out.md).`

export const workerCommand: Command = {
  name: 'worker',
  summary: 'process extraction and fusion jobs of a PostgreSQL library',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs('worker', args, {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      'exit-when-idle': { type: 'boolean' },
      'shutdown-timeout': { type: 'string' },
    })
    const location = storeLocation(values.db)
    if (!/^postgres(ql)?:\/\//i.test(location))
      throw new InputError(
        location,
        'workers need a PostgreSQL library (pass --db postgres://… or set TRIANGULATE_DATABASE_URL)',
      )
    const concurrency = wholeNumber('--concurrency', values.concurrency ?? '1', 1, 256)
    const shutdownSeconds = wholeNumber(
      '--shutdown-timeout',
      values['shutdown-timeout'] ?? '30',
      0,
      86_400,
    )
    if (concurrency > 1) return superviseWorkers(concurrency, args, io)

    const controller = new AbortController()
    const stop = () => controller.abort()
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
    try {
      const holdMs = process.env.TRIANGULATE_WORKER_TEST_HOLD_MS
      // Loaded here so that commands on SQLite never load pg and pg-boss.
      const { runWorker } = await import('../../worker/run-worker.js')
      const summary = await runWorker({
        url: location,
        exitWhenIdle: values['exit-when-idle'] ?? false,
        shutdownTimeoutMs: shutdownSeconds * 1000,
        signal: controller.signal,
        log: (line) => io.stdout(`${line}\n`),
        ...(holdMs ? { holdMs: Number(holdMs) } : {}),
      })
      // A released job's transaction is still open on this process's connection: exiting
      // closes it, and PostgreSQL rolls it back.
      if (summary.released) process.exit(EXIT_OK)
      return EXIT_OK
    } finally {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
    }
  },
}

/**
 * `--concurrency N`: N worker processes (the pipeline is CPU-bound, so processes, not async
 * tasks, give parallelism). Each child is this command with `--concurrency 1`; stop signals are
 * passed on; a child that crashes is restarted (its job is retried by the queue); the command
 * ends when every child has ended.
 */
function superviseWorkers(
  count: number,
  args: string[],
  io: Parameters<Command['run']>[1],
): Promise<number> {
  const childArgs = ['worker', ...withoutConcurrency(args), '--concurrency', '1']
  const children = new Set<ChildProcess>()
  let stopping = false
  let crashes = 0
  return new Promise((resolve) => {
    const forward = (signal: NodeJS.Signals) => () => {
      stopping = true
      for (const child of children) child.kill(signal)
    }
    const onTerm = forward('SIGTERM')
    const onInt = forward('SIGINT')
    process.on('SIGTERM', onTerm)
    process.on('SIGINT', onInt)
    const start = () => {
      const child = fork(process.argv[1]!, childArgs, { stdio: 'inherit' })
      children.add(child)
      child.on('exit', (code, signal) => {
        children.delete(child)
        const crashed = code !== 0 && !stopping
        if (crashed && crashes++ < 10) {
          io.stderr(
            `triangulate: worker ${child.pid} ended (${signal ?? code}); starting another\n`,
          )
          setTimeout(start, 1000)
          return
        }
        if (children.size === 0) {
          process.off('SIGTERM', onTerm)
          process.off('SIGINT', onInt)
          resolve(crashed ? EXIT_INTERNAL : EXIT_OK)
        }
      })
    }
    for (let i = 0; i < count; i++) start()
  })
}

function withoutConcurrency(args: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--concurrency') i++
    else if (!arg.startsWith('--concurrency=')) out.push(arg)
  }
  return out
}

function wholeNumber(option: string, value: string, min: number, max: number): number {
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < min || parsed > max)
    throw new InputError(option, `expected a whole number from ${min} to ${max}, got "${value}"`)
  return parsed
}
