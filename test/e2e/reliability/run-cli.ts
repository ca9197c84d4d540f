import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
const CHILD = resolve(import.meta.dirname, 'cli-child.ts')

/** Heap ceiling of every CLI child: an input that needs more crashes the child, and the test. */
export const CHILD_HEAP_MB = 1536

export interface CliRun {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  /** Wall time of the whole child, start-up (about 1 s of module loading) included. */
  readonly seconds: number
  /** Peak resident memory of the child, MB (null when it died before reporting). */
  readonly maxRssMb: number | null
  readonly cpuSeconds: number | null
}

/**
 * Runs `triangulate <args>` as a real child process (the CLI entry under tsx, with a bounded
 * heap) and reports what it printed, its exit code, its wall time and its peak memory.
 */
export function runCli(
  args: readonly string[],
  options: { stdin?: string | Buffer; env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const usageDir = mkdtempSync(join(tmpdir(), 'triangulate-usage-'))
  const usageFile = join(usageDir, 'usage.json')
  const started = performance.now()
  return new Promise((resolveRun, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', CHILD, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, ...options.env, RELIABILITY_USAGE: usageFile },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdin.on('error', () => {})
    child.stdin.end(options.stdin ?? '')
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const usage = readUsage(usageFile)
      rmSync(usageDir, { recursive: true, force: true })
      resolveRun({
        code,
        signal,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
        maxRssMb: usage?.maxRssMb ?? null,
        cpuSeconds: usage?.cpuSeconds ?? null,
      })
    })
  })
}

/** A stack frame line, the thing a user must never see (`    at parse (src/x.ts:10:3)`). */
export const STACK_LINE = /^\s+at .+[:(]\d+/m

function readUsage(file: string): { maxRssMb: number; cpuSeconds: number } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { maxRssMb: number; cpuSeconds: number }
  } catch {
    return null
  }
}
