import type { Analysis } from '../core/model/analysis.js'

/** Options shared by the renderers whose output carries the generation time. */
export interface RenderJsonOptions {
  /** Replaces `generatedAt`, so two runs over the same input give byte-identical files. */
  readonly generatedAt?: string
}

/** Top-level fields in the order the contract lists them; extensions follow, sorted. */
const TOP_LEVEL_ORDER = [
  'schema',
  'generatedAt',
  'documents',
  'entities',
  'events',
  'claims',
  'disputes',
  'control',
  'timeline',
  'diagnostics',
] as const

/**
 * The analysis contract as JSON text with a stable key order: the top level in contract order,
 * every nested object with its keys sorted. Arrays keep their order (the pipeline's order is
 * already deterministic), so the same analysis always gives the same bytes, whatever order a
 * store or another process built the objects in.
 */
export function renderJson(analysis: Analysis, options: RenderJsonOptions = {}): string {
  const source: Record<string, unknown> = { ...analysis }
  if (options.generatedAt !== undefined) source.generatedAt = options.generatedAt
  const ordered: Record<string, unknown> = {}
  for (const key of TOP_LEVEL_ORDER)
    if (source[key] !== undefined) ordered[key] = sortKeys(source[key])
  for (const key of Object.keys(source).sort()) {
    if (!(key in ordered) && source[key] !== undefined) ordered[key] = sortKeys(source[key])
  }
  return JSON.stringify(ordered, null, 2) + '\n'
}

/** A deep copy with object keys in code-unit order (stable across engines and locales). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const inner = (value as Record<string, unknown>)[key]
    if (inner !== undefined) out[key] = sortKeys(inner)
  }
  return out
}
