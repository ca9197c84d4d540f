import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context, type Env, type MiddlewareHandler, type TypedResponse } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONParsed } from 'hono/utils/types'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { streamSSE } from 'hono/streaming'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { isInputError } from '../ingest/input-error.js'
import type { AnalysisSource } from './analysis-source.js'
import { buildOpenApi } from './openapi.js'
import {
  type AnalysisView,
  describeClaim,
  getDocument,
  listClaims,
  listControlDays,
  listDisputes,
  listDocuments,
  listEntities,
  listEvents,
  listOutlets,
  listTimeline,
  paginate,
  searchAnalysis,
  summariseDocument,
  viewAnalysis,
} from './query-analysis.js'
import { RequestError } from './request-error.js'
import {
  type RateLimit,
  guardHost,
  guardWriteOrigin,
  limitRate,
  LOOPBACK_HOSTS,
} from './request-guards.js'
import {
  ClaimsQuery,
  ControlQuery,
  DisputesQuery,
  DocumentsQuery,
  EntitiesQuery,
  EventsQuery,
  NewArticleBody,
  OutletsQuery,
  SearchQuery,
  StoriesQuery,
  TimelineQuery,
} from './schemas.js'

export interface AppOptions {
  /** Enables `POST /api/documents` (`--allow-write`); without it writes get 403. */
  readonly allowWrite?: boolean
  /** Folder of the built web app (`index.html`, `app.js`, `app.css`); null serves no app. */
  readonly webRoot?: string | null
  /** Origins allowed to read the API from other pages (CORS); none by default. */
  readonly corsOrigins?: readonly string[]
  /** Host names the server answers to; null for any. Defaults to the loopback names. */
  readonly allowedHosts?: readonly string[] | null
  /** Largest request body accepted, in bytes. */
  readonly maxBodyBytes?: number
  /** Writes allowed per client and window. */
  readonly writeLimit?: RateLimit
  /** How often `/api/stream` polls the source's version, in ms. */
  readonly pollIntervalMs?: number
  /** Most `/api/stream` connections open at once. */
  readonly maxStreams?: number
  /** Told about every internal (500) error; the response itself never carries the stack. */
  readonly onInternalError?: (error: unknown) => void
}

/** The web app built by `scripts/build-web.ts`, relative to the working directory. */
export const DEFAULT_WEB_ROOT = join('dist', 'web')
const DEFAULT_MAX_BODY = 4 * 1024 * 1024
const DEFAULT_WRITE_LIMIT: RateLimit = { max: 30, windowMs: 60_000 }
const HEARTBEAT_MS = 15_000

// The app's pages may load only their own files: no inline script, no third-party anything.
// 'data:' images are allowed for Leaflet's inline marker icons and small map sprites.
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/**
 * The HTTP app: a read API over one AnalysisSource under `/api/`, the OpenAPI document at
 * `/openapi.json`, Server-Sent Events at `/api/stream`, and the built web app at `/`.
 * Read-only unless `allowWrite`; every query is validated (unknown parameters included) and
 * every error is JSON `{ error, detail }` from one `onError`.
 *
 * @example
 * const { source } = await createInputsSource(['articles/'])
 * const app = createApp(source, { allowWrite: true })
 * const response = await app.request('/api/claims?status=disputed')
 */
export function createApp(source: AnalysisSource, options: AppOptions = {}) {
  const snapshot = cacheSnapshots(source)
  const pollMs = options.pollIntervalMs ?? 1000
  const maxStreams = options.maxStreams ?? 100
  let openStreams = 0
  // ETags name this process too: a restarted server's version 1 is not the old version 1.
  const bootId = randomUUID().slice(0, 8)

  const api = new Hono()
    .get('/analysis', refuseQuery, async (c) => {
      const snap = await snapshot()
      const { version, view } = snap
      const etag = `"${bootId}-v${String(version)}"`
      c.header('etag', etag)
      c.header('cache-control', 'no-cache')
      if (c.req.header('if-none-match') === etag) return c.body(null, 304)
      // Serialised once per version: the web app reads this on every update.
      return sendJsonText<typeof view.analysis>(
        c,
        (snap.analysisJson ??= new TextEncoder().encode(toSafeJson(view.analysis))),
      )
    })
    .get('/stories', validateQuery(StoriesQuery), async (c) => {
      const { view } = await snapshot()
      const stories = (view.analysis.stories ?? []).filter(
        (story): story is Record<string, unknown> => typeof story === 'object' && story !== null,
      )
      return sendJson(c, paginate(stories, c.req.valid('query')))
    })
    .get('/documents', validateQuery(DocumentsQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listDocuments(view, query))
    })
    .get('/documents/:id', refuseQuery, async (c) => {
      const id = c.req.param('id')
      const document = getDocument((await snapshot()).view, id)
      if (!document) throw new RequestError(404, 'not found', `no document "${id}"`)
      return sendJson(c, document)
    })
    .get('/events', validateQuery(EventsQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listEvents(view, query))
    })
    .get('/claims', validateQuery(ClaimsQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listClaims(view, query))
    })
    .get('/claims/:id', refuseQuery, async (c) => {
      const { view } = await snapshot()
      const claim = view.claims.get(c.req.param('id'))
      if (!claim) throw new RequestError(404, 'not found', `no claim "${c.req.param('id')}"`)
      return sendJson(c, describeClaim(view, claim))
    })
    .get('/disputes', validateQuery(DisputesQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listDisputes(view, query))
    })
    .get('/control', validateQuery(ControlQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listControlDays(view, query))
    })
    .get('/timeline', validateQuery(TimelineQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listTimeline(view, query))
    })
    .get('/entities', validateQuery(EntitiesQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listEntities(view, query))
    })
    .get('/entities/:id', refuseQuery, async (c) => {
      const { view } = await snapshot()
      const entity = view.entities.get(c.req.param('id'))
      if (!entity) throw new RequestError(404, 'not found', `no entity "${c.req.param('id')}"`)
      return sendJson(c, entity)
    })
    .get('/outlets', validateQuery(OutletsQuery), async (c) => {
      const query = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => listOutlets(view, query))
    })
    .get('/search', validateQuery(SearchQuery), async (c) => {
      const { q, ...paging } = c.req.valid('query')
      return sendCached(c, await snapshot(), (view) => searchAnalysis(view, q, paging))
    })
    .get('/stream', refuseQuery, async (c) => {
      if (openStreams >= maxStreams)
        throw new RequestError(503, 'too many streams', `at most ${maxStreams} open event streams`)
      c.header('cache-control', 'no-cache')
      return streamSSE(c, async (stream) => {
        openStreams += 1
        let closed = false
        stream.onAbort(() => {
          closed = true
        })
        try {
          let last = await source.version()
          await stream.writeSSE({
            event: 'ready',
            data: JSON.stringify({ version: last }),
            retry: 3000,
          })
          let quiet = 0
          while (!closed) {
            await stream.sleep(pollMs)
            if (closed) break
            // Poll rather than subscribe: another process (triangulate ingest) may write the store.
            const now = await source.version()
            if (now !== last) {
              last = now
              quiet = 0
              await stream.writeSSE({
                event: 'update',
                id: String(now),
                data: JSON.stringify({ version: now }),
              })
            } else if ((quiet += pollMs) >= HEARTBEAT_MS) {
              quiet = 0
              // A comment line keeps proxies and idle timeouts from closing the stream.
              await stream.write(': ping\n\n')
            }
          }
        } catch (error) {
          // A failing source (a closed store) ends this stream with one `error` event; the
          // client's EventSource reconnects after `retry` and gets `ready` again.
          if (!closed) {
            options.onInternalError?.(error)
            await stream
              .writeSSE({ event: 'error', data: JSON.stringify({ error: 'internal error' }) })
              .catch(() => undefined)
          }
        } finally {
          openStreams -= 1
        }
      })
    })
    .post(
      '/documents',
      async (_c, next) => {
        if (!options.allowWrite || !source.addDocument)
          throw new RequestError(
            403,
            'read-only',
            'start the server with --allow-write to add documents',
          )
        await next()
      },
      guardWriteOrigin(options.corsOrigins ?? []),
      limitRate(options.writeLimit ?? DEFAULT_WRITE_LIMIT),
      bodyLimit({
        maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY,
        onError: () => {
          throw new RequestError(
            413,
            'payload too large',
            `the body is larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes`,
          )
        },
      }),
      validator('json', (value) => parseOrThrow(NewArticleBody, value, 'invalid body')),
      async (c) => {
        const added = await source.addDocument!(c.req.valid('json'))
        return added.unchanged ? sendJson(c, added, 200) : sendJson(c, added, 201)
      },
    )

  const app = new Hono()
  app.use(
    '*',
    guardHost(options.allowedHosts === undefined ? LOOPBACK_HOSTS : options.allowedHosts),
  )
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      // Served over plain HTTP on loopback: HSTS there would pin localhost to HTTPS for every app.
      strictTransportSecurity: false,
      referrerPolicy: 'no-referrer',
    }),
  )
  if (options.corsOrigins && options.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...options.corsOrigins],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['content-type'],
        maxAge: 600,
      }),
    )
  }
  const routes = app.route('/api', api)
  app.get('/openapi.json', (c) => sendJsonText(c, openApiText()))
  mountWebApp(app, options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot)

  app.notFound((c) =>
    sendJson(
      c,
      { error: 'not found', detail: `no route for ${c.req.method} ${new URL(c.req.url).pathname}` },
      404,
    ),
  )
  app.onError((error, c) => respondToError(error, c, options.onInternalError))
  return routes
}

/**
 * Article text travels as JSON strings; on top of `nosniff` and the JSON content type, `<`, `>`
 * and `&` are written as `\\u003c`, `\\u003e`, `\\u0026` (and the JavaScript line separators
 * escaped) so no response byte sequence can ever read as `<script>`, whoever renders it. JSON
 * parsers read the same strings back.
 */
export function toSafeJson(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** `c.json` with `toSafeJson`, keeping the typed response for `hc<AppType>` clients. */
function sendJson<T, S extends ContentfulStatusCode = 200>(
  c: Context,
  data: T,
  status?: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return sendJsonText<T, S>(c, toSafeJson(data), status)
}

/** Sends JSON text already made by `toSafeJson` (cached bodies), typed as `T`. */
function sendJsonText<T, S extends ContentfulStatusCode = 200>(
  c: Context,
  text: string | Uint8Array<ArrayBuffer>,
  status?: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.body(text, status ?? 200, {
    'content-type': 'application/json; charset=UTF-8',
  }) as unknown as Response & TypedResponse<JSONParsed<T>, S, 'json'>
}

/** Largest total of cached response bodies per version, and largest single cached body. */
const RESPONSE_CACHE_BYTES = 64 * 1024 * 1024
const RESPONSE_CACHE_ITEM = 4 * 1024 * 1024

/**
 * Answers a GET from the version's response cache, computing and caching it on a miss. Keyed by
 * the full query string, so two spellings of one query are two entries; a new version starts an
 * empty cache, so nothing stale is ever served. Clients repeat the same queries (the web app on
 * every update), and a 1,000-article analysis makes some lists cost tens of milliseconds.
 */
function sendCached<T>(
  c: Context,
  snapshot: Snapshot,
  compute: (view: AnalysisView) => T,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const url = new URL(c.req.url)
  const key = `${url.pathname}?${url.searchParams.toString()}`
  let body = snapshot.responses.get(key)
  if (!body) {
    body = new TextEncoder().encode(toSafeJson(compute(snapshot.view)))
    if (
      body.byteLength <= RESPONSE_CACHE_ITEM &&
      snapshot.responseBytes + body.byteLength <= RESPONSE_CACHE_BYTES
    ) {
      snapshot.responses.set(key, body)
      snapshot.responseBytes += body.byteLength
    }
  }
  return sendJsonText<T>(c, body)
}

let openApiCache: string | null = null
/** The OpenAPI document never changes while the process runs: build it once. */
function openApiText(): string {
  return (openApiCache ??= toSafeJson(buildOpenApi()))
}

/** The typed shape of the API, for `hc<AppType>()` clients (the web app). */
export type AppType = ReturnType<typeof createApp>

/**
 * The one error mapping: refusals and bad input are 4xx JSON with a reason; anything else is a
 * 500 that says only "internal error" (the stack goes to `onInternalError`, never to clients).
 */
function respondToError(
  error: unknown,
  c: Context,
  onInternalError?: (error: unknown) => void,
): Response {
  if (error instanceof RequestError) {
    for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value)
    return sendJson(
      c,
      error.detail === undefined
        ? { error: error.error }
        : { error: error.error, detail: error.detail },
      error.status,
    )
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals, e.g. "Malformed JSON in request body".
    return sendJson(c, { error: 'bad request', detail: error.message }, error.status)
  }
  if (isInputError(error)) return sendJson(c, { error: 'bad input', detail: error.message }, 400)
  onInternalError?.(error)
  return sendJson(c, { error: 'internal error' }, 500)
}

/** For routes that take no parameters: any query string is a mistake worth a 400. */
const refuseQuery: MiddlewareHandler = async (c, next) => {
  const keys = Object.keys(c.req.queries())
  if (keys.length > 0) {
    const names = keys.map((key) => `"${key}"`).join(', ')
    throw new RequestError(400, 'invalid query', [
      { path: '', message: `unknown parameter${keys.length > 1 ? 's' : ''} ${names}` },
    ])
  }
  await next()
}

/** What a client may send for a query schema: its parameter names, every value a string. */
type QueryInput<Schema extends z.ZodType> = { [Key in keyof z.input<Schema>]?: string }

/**
 * A query validator whose output type flows into `c.req.valid('query')` and whose input type
 * (parameter names, string values) flows into `hc<AppType>` clients.
 */
function validateQuery<Schema extends z.ZodType>(
  schema: Schema,
): MiddlewareHandler<
  Env,
  string,
  { in: { query: QueryInput<Schema> }; out: { query: z.output<Schema> } }
> {
  return validator('query', (value) => {
    const single: Record<string, string> = {}
    for (const [key, given] of Object.entries(value)) {
      if (Array.isArray(given)) {
        if (given.length > 1)
          throw new RequestError(400, 'invalid query', [
            { path: key, message: 'given more than once' },
          ])
        single[key] = given[0] ?? ''
      } else {
        single[key] = given
      }
    }
    return parseOrThrow(schema, single, 'invalid query')
  }) as MiddlewareHandler
}

function parseOrThrow<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  error: string,
): z.output<Schema> {
  const result = schema.safeParse(value)
  if (!result.success) {
    const detail = result.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown parameter${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
          : issue.message,
    }))
    throw new RequestError(400, error, detail)
  }
  return result.data
}

/**
 * Reads the source once per version: every request asks for the (cheap) version and rebuilds the
 * lookups only when it changed. Concurrent requests share one rebuild.
 */
interface Snapshot {
  readonly version: number | string
  readonly view: AnalysisView
  /** Bodies of GET responses of this version, by path and query (see `sendCached`). */
  readonly responses: Map<string, Uint8Array<ArrayBuffer>>
  responseBytes: number
  /** `/api/analysis` body as UTF-8 bytes, made on first request (encoding 25 MB costs time). */
  analysisJson: Uint8Array<ArrayBuffer> | null
}

function cacheSnapshots(source: AnalysisSource): () => Promise<Snapshot> {
  let current: Snapshot | null = null
  let pending: { version: number | string; promise: Promise<Snapshot> } | null = null
  return async () => {
    const version = await source.version()
    if (current && current.version === version) return current
    if (pending && pending.version === version) return pending.promise
    const promise = source.getAnalysis().then((analysis) => {
      const built: Snapshot = {
        version,
        view: viewAnalysis(analysis),
        analysisJson: null,
        responses: new Map(),
        responseBytes: 0,
      }
      if (pending?.promise === promise) pending = null
      current = built
      return built
    })
    pending = { version, promise }
    promise.catch(() => {
      if (pending?.promise === promise) pending = null
    })
    return promise
  }
}

/** Serves the built web app, or says how to build it when it is missing. */
function mountWebApp(app: Hono, webRoot: string | null): void {
  if (webRoot !== null && existsSync(join(webRoot, 'index.html'))) {
    app.use('/*', async (c, next) => {
      if (c.req.path === '/' || c.req.path.endsWith('.html')) c.header('cache-control', 'no-cache')
      await next()
    })
    app.get('/*', serveStatic({ root: webRoot }))
    return
  }
  app.get('/', (c) =>
    c.text(
      'triangulate: the web app is not built (run `npm run build`); the API is at /api/ and /openapi.json\n',
      503,
    ),
  )
}
