import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { REPO_ROOT } from './run-cli.js'

const CHILD = resolve(import.meta.dirname, 'cli-child.ts')

export interface ServeChild {
  readonly url: string
  readonly child: ChildProcess
  /** What the server printed on stderr so far (internal errors are reported there). */
  stderr(): string
  stop(): Promise<void>
}

/**
 * Starts `triangulate serve <args> --port 0` as a real child process and resolves with its
 * loopback URL once it prints it.
 */
export async function startServeChild(args: readonly string[]): Promise<ServeChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CHILD, 'serve', ...args, '--port', '0'],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)
      if (match) resolveUrl(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGINT')
      await once(child, 'exit')
    },
  }
}
