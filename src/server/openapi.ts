import { z } from 'zod'
import {
  ClaimsQuery,
  ControlQuery,
  DisputesQuery,
  DocumentsQuery,
  EntitiesQuery,
  EventsQuery,
  NewArticleBody,
  OutletsQuery,
  ResponseSchemas,
  SearchQuery,
  StoriesQuery,
  TimelineQuery,
} from './schemas.js'

type SchemaName = keyof typeof ResponseSchemas

interface RouteDoc {
  readonly method: 'get' | 'post'
  /** OpenAPI path template (`{id}`, not Hono's `:id`). */
  readonly path: string
  readonly summary: string
  readonly query?: z.ZodType
  readonly body?: z.ZodType
  /** `page` wraps the item schema in `{ total, limit, offset, items }`. */
  readonly response: {
    readonly schema: SchemaName | 'Analysis' | 'Search' | 'Stream'
    readonly page?: boolean
    readonly status?: number
  }
  readonly notFound?: boolean
}

/**
 * Every route, once, for the OpenAPI document. Hand-written rather than `@hono/zod-openapi`:
 * zod 4 renders JSON Schema itself (`z.toJSONSchema`), so the parameters below come from the
 * very schemas the routes validate with, without a second routing layer or a dependency whose
 * zod-version range we would have to track. A test requests every path listed here, so a route
 * missing from the app fails it.
 */
export const ROUTE_DOCS: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/api/analysis',
    summary: 'The whole analysis (contract triangulate.analysis/1); ETag by version',
    response: { schema: 'Analysis' },
  },
  {
    method: 'get',
    path: '/api/stories',
    summary: 'Stories the claims are grouped into',
    query: StoriesQuery,
    response: { schema: 'Story', page: true },
  },
  {
    method: 'get',
    path: '/api/documents',
    summary: 'Documents without their text',
    query: DocumentsQuery,
    response: { schema: 'Document', page: true },
  },
  {
    method: 'get',
    path: '/api/documents/{id}',
    summary: 'One document with its text and events',
    response: { schema: 'DocumentWithText' },
    notFound: true,
  },
  {
    method: 'get',
    path: '/api/events',
    summary: 'Events, one per report per article',
    query: EventsQuery,
    response: { schema: 'Event', page: true },
  },
  {
    method: 'get',
    path: '/api/claims',
    summary: 'Claims with their sources grouped by independent origin',
    query: ClaimsQuery,
    response: { schema: 'Claim', page: true },
  },
  {
    method: 'get',
    path: '/api/claims/{id}',
    summary: 'One claim with its origins',
    response: { schema: 'Claim' },
    notFound: true,
  },
  {
    method: 'get',
    path: '/api/disputes',
    summary: 'Disputes between claims or reports',
    query: DisputesQuery,
    response: { schema: 'Dispute', page: true },
  },
  {
    method: 'get',
    path: '/api/control',
    summary: 'Control of places, grouped by day (paging counts days)',
    query: ControlQuery,
    response: { schema: 'ControlDay', page: true },
  },
  {
    method: 'get',
    path: '/api/timeline',
    summary: 'Claims ordered by resolved date',
    query: TimelineQuery,
    response: { schema: 'TimelineEntry', page: true },
  },
  {
    method: 'get',
    path: '/api/entities',
    summary: 'Places, actors, people and organisations with their aliases',
    query: EntitiesQuery,
    response: { schema: 'Entity', page: true },
  },
  {
    method: 'get',
    path: '/api/entities/{id}',
    summary: 'One entity with its mentions',
    response: { schema: 'Entity' },
    notFound: true,
  },
  {
    method: 'get',
    path: '/api/outlets',
    summary: 'Outlets with their framing terms, names for actors and cited sources',
    query: OutletsQuery,
    response: { schema: 'Outlet', page: true },
  },
  {
    method: 'get',
    path: '/api/search',
    summary: 'Documents, claims and entities matching all words of q',
    query: SearchQuery,
    response: { schema: 'Search' },
  },
  {
    method: 'get',
    path: '/api/stream',
    summary: 'Server-Sent Events: `ready` on connect, `update` whenever the analysis changes',
    response: { schema: 'Stream' },
  },
  {
    method: 'post',
    path: '/api/documents',
    summary: 'Add an article (text or HTML); only with --allow-write',
    body: NewArticleBody,
    response: { schema: 'Added', status: 201 },
  },
]

/** The OpenAPI 3.1 document served at `/openapi.json`. */
export function buildOpenApi(): Record<string, unknown> {
  const components: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(ResponseSchemas))
    components[name] = toSchema(schema, 'output')
  components.Analysis = {
    type: 'object',
    description: 'The analysis contract, triangulate.analysis/1 (see docs/contract.md)',
    required: [
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
    ],
    additionalProperties: true,
  }
  components.Search = {
    type: 'object',
    properties: {
      q: { type: 'string' },
      documents: pageOf({ type: 'object' }),
      claims: pageOf(ref('Claim')),
      entities: pageOf(ref('Entity')),
    },
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const route of ROUTE_DOCS) {
    const parameters: unknown[] = []
    for (const name of route.path.matchAll(/\{(\w+)\}/g))
      parameters.push({ name: name[1], in: 'path', required: true, schema: { type: 'string' } })
    if (route.query) {
      const schema = toSchema(route.query, 'input') as {
        properties?: Record<string, { description?: string }>
        required?: string[]
      }
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const { description, ...rest } = property
        parameters.push({
          name,
          in: 'query',
          required: schema.required?.includes(name) ?? false,
          ...(description && { description }),
          schema: rest,
        })
      }
    }
    const item = route.response.schema === 'Stream' ? null : ref(route.response.schema)
    const content =
      item === null
        ? { 'text/event-stream': { schema: { type: 'string' } } }
        : { 'application/json': { schema: route.response.page ? pageOf(item) : item } }
    const responses: Record<string, unknown> = {
      [String(route.response.status ?? 200)]: { description: 'OK', content },
    }
    if (route.query || route.body)
      responses['400'] = errorResponse('Invalid query or body (unknown parameter, bad value)')
    if (route.notFound) responses['404'] = errorResponse('No such id')
    if (route.method === 'post') {
      responses['200'] = {
        description: 'Already present (same text)',
        content: { 'application/json': { schema: ref('Added') } },
      }
      responses['403'] = errorResponse(
        'The server is read-only (started without --allow-write) or the origin is not allowed',
      )
      responses['413'] = errorResponse('Body too large')
      responses['415'] = errorResponse('Body is not JSON')
      responses['429'] = errorResponse('Too many writes; see Retry-After')
    }
    responses['500'] = errorResponse('Internal error (no details are given)')
    paths[route.path] = {
      ...paths[route.path],
      [route.method]: {
        summary: route.summary,
        ...(parameters.length > 0 && { parameters }),
        ...(route.body && {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toSchema(route.body, 'input') } },
          },
        }),
        responses,
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'triangulate API',
      version: '1.0.0',
      description:
        'Source-attributed events, claims, disputes and control states fused from news reports. Read-only unless the server runs with --allow-write.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: { schemas: components },
  }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>
  return rest
}

function ref(name: string): Record<string, unknown> {
  return { $ref: `#/components/schemas/${name}` }
}

function pageOf(item: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    required: ['total', 'limit', 'offset', 'items'],
    properties: {
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      items: { type: 'array', items: item },
    },
  }
}

function errorResponse(description: string): Record<string, unknown> {
  return { description, content: { 'application/json': { schema: ref('Error') } } }
}
