// CPU and memory of processes the bench does not own in-process (PostgreSQL's server and its
// backends), and of the whole machine, read from /proc. On a machine shared with other jobs,
// wall time says how long we waited; CPU time says how much work we did. Linux only: elsewhere
// every reading is null and the bench prints "?".
import { readdirSync, readFileSync } from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux we run on). */
const TICKS = 100

/** CPU seconds of `pid` itself, plus its reaped children, plus its live children. */
export function treeCpuSeconds(pid: number): number | null {
  const own = statFields(pid)
  if (!own) return null
  // utime, stime, cutime, cstime: fields 14-17 (1-based); reaped children are in cutime/cstime.
  let ticks = own[13]! + own[14]! + own[15]! + own[16]!
  for (const child of childrenOf(pid)) {
    const fields = statFields(child)
    if (fields) ticks += fields[13]! + fields[14]! + fields[15]! + fields[16]!
  }
  return ticks / TICKS
}

/** Busy and total CPU seconds of the whole machine since boot (all cores), from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    const ticks = line.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const total = ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0)
    const idle = ticks[3]! + ticks[4]!
    return { busy: (total - idle) / TICKS, total: total / TICKS }
  } catch {
    return null
  }
}

/**
 * Memory of a process tree now, in MiB: `private` is the sum of anonymous resident memory of
 * every process (what each adds), `shared` the largest shared-memory residency of one
 * (PostgreSQL's shared buffers, counted once), `largest` the largest RSS of one process.
 */
export function treeMemoryMiB(
  pid: number,
): { private: number; shared: number; largest: number } | null {
  const pids = [pid, ...childrenOf(pid)]
  let anon = 0
  let shmem = 0
  let largest = 0
  let seen = false
  for (const one of pids) {
    const status = statusFields(one)
    if (!status) continue
    seen = true
    anon += status.get('RssAnon') ?? 0
    shmem = Math.max(shmem, status.get('RssShmem') ?? 0)
    largest = Math.max(largest, status.get('VmRSS') ?? 0)
  }
  return seen ? { private: anon / 1024, shared: shmem / 1024, largest: largest / 1024 } : null
}

/** The parent process of `pid` (PostgreSQL: a backend's parent is the postmaster). */
export function parentOf(pid: number): number | null {
  const fields = statFields(pid)
  return fields ? fields[3]! : null
}

/**
 * Samples `read` every `ms` and keeps the peak of each field; `stop()` returns the peaks.
 * Used for PostgreSQL's memory during a phase (its backends come and go with connections).
 */
export function samplePeaks<K extends string>(
  read: () => Record<K, number> | null,
  ms = 1000,
): { stop(): Record<K, number> | null } {
  let peaks: Record<K, number> | null = null
  const take = () => {
    const now = read()
    if (!now) return
    if (!peaks) peaks = { ...now }
    else for (const key of Object.keys(now) as K[]) peaks[key] = Math.max(peaks[key], now[key])
  }
  take()
  const timer = setInterval(take, ms)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      take()
      return peaks
    },
  }
}

function childrenOf(pid: number): number[] {
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return []
  }
  const children: number[] = []
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    const fields = statFields(Number(entry))
    if (fields && fields[3] === pid) children.push(Number(entry))
  }
  return children
}

/**
 * Fields of /proc/<pid>/stat as numbers, 0-based (field 1 is the pid). The command name (field
 * 2) may hold spaces and parentheses, so fields are read after its closing parenthesis.
 */
function statFields(pid: number): number[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = text
      .slice(text.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number)
    return [pid, 0, ...rest]
  } catch {
    return null
  }
}

/** The `kB` fields of /proc/<pid>/status (VmRSS, RssAnon, RssShmem, …). */
function statusFields(pid: number): Map<string, number> | null {
  try {
    const fields = new Map<string, number>()
    for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const match = line.match(/^(\w+):\s+(\d+) kB$/)
      if (match) fields.set(match[1]!, Number(match[2]))
    }
    return fields
  } catch {
    return null
  }
}
