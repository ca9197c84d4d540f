/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): self time and total (inclusive) time
 * per function, as shares of the sampled time. `npx tsx bench/lib/summarize-profile.ts FILE
 * [--top N] [--filter TEXT]`. Prints a table; asserts nothing.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { functionName: string; url: string; lineNumber: number }
  readonly children?: readonly number[]
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

export interface FunctionCost {
  /** `name (file:line)`, the file relative to the repository. */
  readonly name: string
  readonly selfMs: number
  readonly totalMs: number
  readonly selfShare: number
  readonly totalShare: number
}

/** Self and inclusive time per function; recursion is counted once per sample. */
export function summarizeProfile(profile: CpuProfile, root = ''): FunctionCost[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const label = (node: ProfileNode): string => {
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.replace(/^file:\/\//, '').replace(root, '')
    return `${functionName || '(anonymous)'} (${file || 'native'}:${lineNumber + 1})`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  let all = 0
  profile.samples.forEach((sample, index) => {
    const delta = (profile.timeDeltas[index] ?? 0) / 1000
    all += delta
    const node = byId.get(sample)
    if (!node) return
    const own = label(node)
    self.set(own, (self.get(own) ?? 0) + delta)
    const seen = new Set<string>()
    for (let at: number | undefined = sample; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at) as ProfileNode)
      if (seen.has(name)) continue
      seen.add(name)
      total.set(name, (total.get(name) ?? 0) + delta)
    }
  })
  return [...total.entries()].map(([name, totalMs]) => ({
    name,
    selfMs: self.get(name) ?? 0,
    totalMs,
    selfShare: (self.get(name) ?? 0) / all,
    totalShare: totalMs / all,
  }))
}

function main(): void {
  const [file, ...rest] = process.argv.slice(2)
  if (file === undefined) {
    console.error(
      'summarize-profile: usage: summarize-profile.ts FILE.cpuprofile [--top N] [--filter TEXT]',
    )
    process.exit(2)
  }
  const top = Number(rest[rest.indexOf('--top') + 1] ?? 30) || 30
  const filterAt = rest.indexOf('--filter')
  const filter = filterAt >= 0 ? rest[filterAt + 1] : undefined
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..') + '/'
  const costs = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, root).filter(
    (cost) => filter === undefined || cost.name.includes(filter),
  )
  const row = (cost: FunctionCost): string =>
    `${(100 * cost.selfShare).toFixed(1).padStart(6)} ${(100 * cost.totalShare).toFixed(1).padStart(6)}  ${cost.name}`
  console.log('  self  total  function (by self time)')
  for (const cost of [...costs].sort((a, b) => b.selfMs - a.selfMs).slice(0, top))
    console.log(row(cost))
  console.log('\n  self  total  function (by total time)')
  for (const cost of [...costs].sort((a, b) => b.totalMs - a.totalMs).slice(0, top))
    console.log(row(cost))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
