import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The p-th percentile (0–100) of `values` by the nearest-rank rule; 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number
}

/** Peak resident set size of this process so far, in MiB (includes worker threads). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024
}

/** Rounds for the JSON report: figures, not noise. */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/**
 * The exponent b of cost ≈ a·n^b, fitted by least squares on log–log points: 1 is linear,
 * 2 quadratic. Null with fewer than two points.
 */
export function scalingExponent(points: readonly { n: number; seconds: number }[]): number | null {
  const usable = points.filter((point) => point.n > 0 && point.seconds > 0)
  if (usable.length < 2) return null
  const xs = usable.map((point) => Math.log(point.n))
  const ys = usable.map((point) => Math.log(point.seconds))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let sxy = 0
  let sxx = 0
  xs.forEach((x, k) => {
    sxy += (x - mx) * ((ys[k] as number) - my)
    sxx += (x - mx) ** 2
  })
  return sxx === 0 ? null : sxy / sxx
}

/** A stopwatch reading both clocks: wall time, and CPU time of the whole process (all threads). */
export interface Lap {
  readonly wallMs: number
  readonly cpuMs: number
}

/**
 * Starts a stopwatch; calling the result reads it. CPU time is what the work cost even when
 * other processes share the machine (wall time then overstates it); both are reported.
 */
export function startClock(): () => Lap {
  const wall = performance.now()
  const cpu = process.cpuUsage()
  return () => {
    const used = process.cpuUsage(cpu)
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }
  }
}

/**
 * Heap in use after a full garbage collection, in MiB, so two readings compare live data and
 * not collection timing. Turns on `gc` for this process (V8's documented flag) when needed.
 */
export function liveHeapMiB(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

let gc: (() => void) | null = null
function collectGarbage(): void {
  if (gc === null) {
    setFlagsFromString('--expose-gc')
    gc = runInNewContext('gc') as () => void
  }
  gc()
}
