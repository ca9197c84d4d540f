/**
 * Checks a value against the analysis contract: the JSON Schema (schema/analysis.schema.json,
 * ajv draft 2020-12 with formats) and the invariants a schema cannot express (span quotes,
 * references between sections). Shared by the schema tests and any test that produces
 * `triangulate analyze` output.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SCHEMA_PATH = path.join(REPO_ROOT, 'schema', 'analysis.schema.json')

// ajv-formats is CommonJS: under NodeNext the default import is `module.exports`, whose
// `default` property is the plugin.
const addFormats = addFormatsModule.default

/** The schema as parsed JSON. */
export function readAnalysisSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
}

let compiled: ValidateFunction | undefined

/** Compiles the schema once, in strict mode so a typo in a keyword fails loudly. */
export function compileAnalysisSchema(): ValidateFunction {
  if (compiled) return compiled
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
  addFormats(ajv)
  compiled = ajv.compile(readAnalysisSchema())
  return compiled
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`
}

/** Schema errors of `value`, one readable line each (empty when valid). */
export function schemaErrors(value: unknown): string[] {
  const validate = compileAnalysisSchema()
  if (validate(value)) return []
  return (validate.errors ?? []).map(describeError)
}

/** A `{doc, start, end, text}` object found somewhere in the output, with its JSON path. */
export interface FoundSpan {
  readonly path: string
  readonly doc: string
  readonly start: number
  readonly end: number
  readonly text: string
}

function isSpanShape(value: Record<string, unknown>): boolean {
  return (
    typeof value['doc'] === 'string' &&
    typeof value['start'] === 'number' &&
    typeof value['end'] === 'number' &&
    typeof value['text'] === 'string'
  )
}

/** Walks the whole value and returns every span-shaped object in it, wherever it sits. */
export function findSpans(value: unknown, at = ''): FoundSpan[] {
  const found: FoundSpan[] = []
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${where}/${i}`))
      return
    }
    if (node === null || typeof node !== 'object') return
    const record = node as Record<string, unknown>
    if (isSpanShape(record)) {
      found.push({
        path: where || '/',
        doc: record['doc'] as string,
        start: record['start'] as number,
        end: record['end'] as number,
        text: record['text'] as string,
      })
    }
    for (const [key, child] of Object.entries(record)) walk(child, `${where}/${key}`)
  }
  walk(value, at)
  return found
}

/**
 * Spans whose quote does not match their document: the document is missing, the range is
 * outside the text or reversed, or `text.slice(start, end) !== quote`. One line per problem.
 */
export function spanErrors(analysis: {
  documents: readonly { id: string; text: string }[]
}): string[] {
  const texts = new Map(analysis.documents.map((d) => [d.id, d.text]))
  const errors: string[] = []
  for (const span of findSpans(analysis)) {
    const text = texts.get(span.doc)
    if (text === undefined) {
      errors.push(`${span.path}: document "${span.doc}" is not in documents`)
    } else if (!(Number.isInteger(span.start) && Number.isInteger(span.end))) {
      errors.push(`${span.path}: offsets ${span.start}, ${span.end} are not integers`)
    } else if (span.start < 0 || span.start > span.end || span.end > text.length) {
      errors.push(
        `${span.path}: [${span.start}, ${span.end}) is outside "${span.doc}" (length ${text.length})`,
      )
    } else if (text.slice(span.start, span.end) !== span.text) {
      const actual = JSON.stringify(text.slice(span.start, span.end))
      errors.push(
        `${span.path}: quote ${JSON.stringify(span.text)} but the text there is ${actual}`,
      )
    }
  }
  return errors
}

interface Referable {
  readonly documents: readonly { id: string }[]
  readonly entities: readonly { id: string }[]
  readonly events: readonly { id: string; doc: string; place: { entity: string } | null }[]
  readonly claims: readonly { id: string; events: readonly string[] }[]
  readonly disputes: readonly { id: string; claims: readonly string[]; events: readonly string[] }[]
  readonly control: readonly { claims: readonly string[] }[]
  readonly timeline: readonly { claim: string }[]
}

/**
 * Broken references between sections: ids that must be unique are, and every id an object
 * points to (event → document and place entity, claim → events, dispute → claims and events,
 * control and timeline → claims) exists.
 */
export function referenceErrors(analysis: Referable): string[] {
  const errors: string[] = []
  const index = (section: string, items: readonly { id: string }[]): Set<string> => {
    const ids = new Set<string>()
    for (const item of items) {
      if (ids.has(item.id)) errors.push(`${section}: id "${item.id}" is used twice`)
      ids.add(item.id)
    }
    return ids
  }
  const documents = index('documents', analysis.documents)
  const entities = index('entities', analysis.entities)
  const events = index('events', analysis.events)
  const claims = index('claims', analysis.claims)
  index('disputes', analysis.disputes)
  const expect = (ids: Set<string>, id: string, where: string, what: string): void => {
    if (!ids.has(id)) errors.push(`${where}: ${what} "${id}" does not exist`)
  }
  analysis.events.forEach((e, i) => {
    expect(documents, e.doc, `/events/${i}/doc`, 'document')
    if (e.place) expect(entities, e.place.entity, `/events/${i}/place/entity`, 'entity')
  })
  analysis.claims.forEach((c, i) =>
    c.events.forEach((id) => expect(events, id, `/claims/${i}/events`, 'event')),
  )
  analysis.disputes.forEach((d, i) => {
    d.claims.forEach((id) => expect(claims, id, `/disputes/${i}/claims`, 'claim'))
    d.events.forEach((id) => expect(events, id, `/disputes/${i}/events`, 'event'))
  })
  analysis.control.forEach((c, i) =>
    c.claims.forEach((id) => expect(claims, id, `/control/${i}/claims`, 'claim')),
  )
  analysis.timeline.forEach((t, i) => expect(claims, t.claim, `/timeline/${i}/claim`, 'claim'))
  return errors
}
