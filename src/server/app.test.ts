import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Analysis, AnalysisDocument } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import type { AnalysisSource } from './analysis-source.js'
import { type AppOptions, createApp } from './app.js'
import { createMemorySource } from './memory-source.js'
import { ROUTE_DOCS } from './openapi.js'
import { createStaticSource } from './static-source.js'

/**
 * The sample analysis plus, as documents, whatever was posted: the write path (validation,
 * parsing, ids, versions) is real; only the pipeline is replaced by the fixed sample, so these
 * tests pin the HTTP layer. test/e2e/server runs the real pipeline behind a real socket.
 */
function sampleWithPosts(documents: readonly SourceDocument[]): Analysis {
  const posted: AnalysisDocument[] = documents.map((doc) => ({
    id: doc.id,
    source: doc.source,
    outlet: doc.outlet,
    url: doc.url,
    published: doc.published,
    publishedFrom: doc.publishedFrom,
    title: doc.title,
    text: doc.text,
  }))
  return { ...SAMPLE_ANALYSIS, documents: [...SAMPLE_ANALYSIS.documents, ...posted] }
}

function makeApp(
  options: AppOptions = {},
  source: AnalysisSource = createMemorySource([], { analyze: sampleWithPosts }),
) {
  return createApp(source, { webRoot: null, ...options })
}

async function getJson(
  app: ReturnType<typeof makeApp>,
  path: string,
): Promise<{ status: number; body: any; response: Response }> {
  const response = await app.request(path)
  return { status: response.status, body: await response.json(), response }
}

function post(
  app: ReturnType<typeof makeApp>,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request('/api/documents', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const app = makeApp()

describe('read routes', () => {
  it('GET /api/analysis returns the whole contract with an ETag by version', async () => {
    const { status, body, response } = await getJson(app, '/api/analysis')
    expect(status).toBe(200)
    expect(body).toEqual(JSON.parse(JSON.stringify(SAMPLE_ANALYSIS)))
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{8}-v1"$/)
    const again = await app.request('/api/analysis', { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)
  })

  it('GET /api/documents lists documents without their text, with totals', async () => {
    const { body } = await getJson(app, '/api/documents')
    expect(body).toMatchObject({ total: 3, limit: 50, offset: 0 })
    expect(body.items.map((doc: any) => doc.id)).toEqual([
      'north-wire',
      'coast-daily',
      'river-post',
    ])
    expect(body.items[0]).not.toHaveProperty('text')
    expect(body.items[0]).toMatchObject({
      length: SAMPLE_ANALYSIS.documents[0]!.text.length,
      events: 2,
    })
  })

  it('GET /api/documents/{id} returns the text and the events to highlight', async () => {
    const { status, body } = await getJson(app, '/api/documents/coast-daily')
    expect(status).toBe(200)
    expect(body.text).toBe(SAMPLE_ANALYSIS.documents[1]!.text)
    expect(body.events.map((event: any) => event.id)).toEqual(['coast-daily#1', 'coast-daily#2'])
    const missing = await getJson(app, '/api/documents/nope')
    expect(missing).toMatchObject({
      status: 404,
      body: { error: 'not found', detail: 'no document "nope"' },
    })
  })

  it('GET /api/events adds outlet, claim and status to each event', async () => {
    const { body } = await getJson(app, '/api/events?limit=2&offset=1')
    expect(body).toMatchObject({ total: 7, limit: 2, offset: 1 })
    expect(
      body.items.map((event: any) => [event.id, event.outlet, event.claim, event.status]),
    ).toEqual([
      ['north-wire#2', 'North Wire', 'claim:redeployment-valmora', 'single-source'],
      ['coast-daily#1', 'Coast <b>Daily</b>', 'claim:control-valmora', 'disputed'],
    ])
  })

  it('GET /api/claims groups sources by independent origin', async () => {
    const { body } = await getJson(app, '/api/claims?status=disputed')
    expect(body.total).toBe(1)
    expect(body.items[0].origins).toEqual([
      {
        origin: 'Observatory',
        stance: 'asserted',
        outlets: ['North Wire', 'River Post'],
        events: ['north-wire#1', 'river-post#1'],
      },
      {
        origin: 'defence ministry',
        stance: 'denied',
        outlets: ['Coast <b>Daily</b>'],
        events: ['coast-daily#1'],
      },
      {
        origin: 'residents',
        stance: 'asserted',
        outlets: ['Coast <b>Daily</b>'],
        events: ['coast-daily#2'],
      },
    ])
    expect(body.items[0].outlets).toEqual(['Coast <b>Daily</b>', 'North Wire', 'River Post'])
    expect((await getJson(app, '/api/claims/claim:strike-dersa')).body.origins).toEqual([
      {
        origin: 'River Post',
        stance: 'asserted',
        outlets: ['River Post'],
        events: ['river-post#2'],
      },
    ])
  })

  it('GET /api/disputes, /api/timeline and /api/stories answer with their lists', async () => {
    expect(
      (await getJson(app, '/api/disputes')).body.items.map((d: any) => [d.id, d.places]),
    ).toEqual([['dispute:1', ['Valmora']]])
    expect(
      (await getJson(app, '/api/timeline')).body.items.map((t: any) => [t.claim, t.type, t.place]),
    ).toEqual([
      ['claim:control-valmora', 'control', 'Valmora'],
      ['claim:strike-dersa', 'strike', 'Dersa'],
    ])
    expect((await getJson(app, '/api/stories')).body.items.map((s: any) => s.id)).toEqual([
      'story:valmora',
      'story:dersa',
    ])
  })

  it('GET /api/control groups control states by day', async () => {
    const { body } = await getJson(app, '/api/control')
    expect(body.total).toBe(2)
    expect(
      body.items.map((day: any) => [day.date, day.states.map((state: any) => state.controller)]),
    ).toEqual([
      ['2025-03-09', ['opposition']],
      ['2025-03-10', ['opposition']],
    ])
  })

  it('GET /api/entities lists aliases and mention counts; /api/entities/{id} has the mentions', async () => {
    const { body } = await getJson(app, '/api/entities?kind=actor')
    expect(
      body.items.map((entity: any) => [entity.id, entity.aliases, entity.mentionCount]),
    ).toEqual([
      ['actor:opposition', ['Rebel fighters', 'Opposition fighters', 'Insurgents'], 3],
      ['actor:government', ['army'], 1],
    ])
    const start = SAMPLE_ANALYSIS.documents[2]!.text.indexOf('Dersa')
    expect((await getJson(app, '/api/entities/place:dersa')).body.mentions).toEqual([
      { doc: 'river-post', start, end: start + 5, text: 'Dersa' },
    ])
  })

  it('GET /api/outlets shows each outlet with its framing terms and names for actors', async () => {
    const { body } = await getJson(app, '/api/outlets')
    expect(body.items.map((outlet: any) => outlet.outlet)).toEqual([
      'Coast <b>Daily</b>',
      'North Wire',
      'River Post',
    ])
    const river = body.items[2]
    expect(river).toMatchObject({
      documents: ['river-post'],
      events: 3,
      framing: { insurgents: 1 },
      sources: { Observatory: 1, 'River Post': 2 },
    })
    expect(river.names.opposition).toEqual(['Insurgents'])
    expect(river.table).toEqual([
      { kind: 'actor', key: 'opposition', terms: [{ term: 'insurgents', count: 1 }] },
    ])
    expect(body.items[1].table.map((cell: any) => cell.key)).toEqual(['opposition', 'redeployment'])
  })

  it('GET /api/search finds documents (with match offsets), claims and entities', async () => {
    const { body } = await getJson(app, '/api/search?q=valmora%20denied')
    expect(body.documents.items.map((hit: any) => hit.id)).toEqual(['coast-daily'])
    const hit = body.documents.items[0]
    expect(SAMPLE_ANALYSIS.documents[1]!.text.slice(hit.match.start, hit.match.end)).toBe('Valmora')
    expect(
      (await getJson(app, '/api/search?q=insurgents')).body.entities.items.map((e: any) => e.id),
    ).toEqual(['actor:opposition'])
    expect(
      (await getJson(app, '/api/search?q=dersa')).body.claims.items.map((c: any) => c.id),
    ).toEqual(['claim:strike-dersa'])
  })
})

describe('filters and pagination', () => {
  const ids = async (path: string) =>
    ((await getJson(app, path)).body.items as { id: string }[]).map((item) => item.id)
  const cases: [string, string[]][] = [
    ['/api/events?type=strike', ['river-post#2']],
    ['/api/events?stance=denied', ['coast-daily#1']],
    ['/api/events?place=dersa', ['river-post#2']],
    // An alias and an entity id select the same place.
    ['/api/events?place=the%20town&type=redeployment', ['north-wire#2']],
    ['/api/events?place=place:dersa', ['river-post#2']],
    ['/api/events?actor=government', ['north-wire#2']],
    [
      '/api/events?actor=Insurgents&outlet=coast%20%3Cb%3Edaily%3C/b%3E',
      ['coast-daily#1', 'coast-daily#2'],
    ],
    ['/api/events?from=2025-03-10&to=2025-03-31', ['river-post#2']],
    ['/api/events?status=single-source', ['north-wire#2', 'river-post#2', 'river-post#3']],
    ['/api/events?story=story:dersa', ['river-post#2']],
    ['/api/events?doc=north-wire', ['north-wire#1', 'north-wire#2']],
    ['/api/claims?type=strike', ['claim:strike-dersa']],
    ['/api/claims?outlet=north%20wire', ['claim:control-valmora', 'claim:redeployment-valmora']],
    ['/api/claims?actor=government', ['claim:redeployment-valmora']],
    ['/api/claims?from=2025-03-01&to=2025-03-09', ['claim:control-valmora']],
    ['/api/claims?limit=1&offset=3', ['claim:diplomacy']],
    ['/api/documents?outlet=River%20Post', ['river-post']],
    ['/api/documents?from=2025-03-11', ['river-post']],
    ['/api/documents?place=Dersa', ['river-post']],
    ['/api/documents?story=story:valmora', ['north-wire', 'coast-daily', 'river-post']],
    ['/api/disputes?place=Dersa', []],
    ['/api/disputes?kind=stance&outlet=river%20post', ['dispute:1']],
    ['/api/entities?q=fighters', ['actor:opposition']],
    ['/api/entities?outlet=coast%20%3Cb%3Edaily%3C/b%3E&kind=place', ['place:valmora']],
  ]
  it.each(cases)('GET %s selects %j', async (path, expected) => {
    expect(await ids(path)).toEqual(expected)
  })

  it('control, timeline and outlets filter too', async () => {
    expect(
      (await getJson(app, '/api/control?from=2025-03-10')).body.items.map((d: any) => d.date),
    ).toEqual(['2025-03-10'])
    expect((await getJson(app, '/api/control?actor=government&place=Valmora')).body.total).toBe(2)
    expect((await getJson(app, '/api/control?status=corroborated')).body.total).toBe(0)
    expect(
      (await getJson(app, '/api/timeline?status=disputed')).body.items.map((t: any) => t.claim),
    ).toEqual(['claim:control-valmora'])
    expect(
      (await getJson(app, '/api/timeline?place=Dersa')).body.items.map((t: any) => t.claim),
    ).toEqual(['claim:strike-dersa'])
    expect(
      (await getJson(app, '/api/outlets?from=2025-03-11')).body.items.map((o: any) => o.outlet),
    ).toEqual(['River Post'])
  })

  it('paging past the end gives an empty page with the total', async () => {
    expect((await getJson(app, '/api/events?offset=100')).body).toEqual({
      total: 7,
      limit: 50,
      offset: 100,
      items: [],
    })
  })
})

describe('validation errors', () => {
  const bad: [string, string, string][] = [
    ['/api/events?limit=0', 'limit', 'Too small'],
    ['/api/events?limit=abc', 'limit', 'expected number'],
    ['/api/events?limit=501', 'limit', 'Too big'],
    ['/api/events?offset=-1', 'offset', 'Too small'],
    ['/api/claims?status=maybe', 'status', 'Invalid option'],
    ['/api/events?type=picnic', 'type', 'Invalid option'],
    ['/api/control?status=single-source', 'status', 'Invalid option'],
    ['/api/events?stauts=disputed', '', 'unknown parameter "stauts"'],
    ['/api/events?from=2025-02-30', 'from', 'not a real calendar date'],
    ['/api/events?from=yesterday', 'from', 'expected a date as YYYY-MM-DD'],
    ['/api/events?from=2025-03-10&to=2025-03-01', 'from', '"from" is after "to"'],
    ['/api/events?limit=1&limit=2', 'limit', 'given more than once'],
    ['/api/search', 'q', 'expected string'],
    ['/api/search?q=%20%20', 'q', 'Too small'],
    ['/api/documents/north-wire?x=1', '', 'unknown parameter "x"'],
  ]
  it.each(bad)('GET %s is a 400 naming %j', async (path, field, message) => {
    const { status, body } = await getJson(app, path)
    expect(status).toBe(400)
    expect(body.error).toBe('invalid query')
    expect(body.detail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: field, message: expect.stringContaining(message) }),
      ]),
    )
  })

  it('an unknown route is a JSON 404', async () => {
    expect(await getJson(app, '/api/nothing')).toMatchObject({
      status: 404,
      body: { error: 'not found' },
    })
  })

  it('an internal error is a 500 without a stack, reported to onInternalError', async () => {
    const seen: unknown[] = []
    const broken: AnalysisSource = {
      getAnalysis: () => Promise.reject(new Error('disk on fire at /secret/path')),
      version: async () => 1,
    }
    const failing = makeApp({ onInternalError: (error) => seen.push(error) }, broken)
    const response = await failing.request('/api/claims')
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('{"error":"internal error"}')
    expect(seen).toHaveLength(1)
  })
})

describe('POST /api/documents', () => {
  const article =
    'outlet: Hill Gazette\npublished: 2025-03-12\n\nResidents said rebels entered Dersa on Tuesday.\n'

  it('is refused with 403 when the server is read-only', async () => {
    const response = await post(makeApp(), { text: article })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: 'read-only',
      detail: 'start the server with --allow-write to add documents',
    })
    expect(
      (
        await post(makeApp({ allowWrite: true }, createStaticSource(SAMPLE_ANALYSIS)), {
          text: article,
        })
      ).status,
    ).toBe(403)
  })

  it('adds an article, bumps the version and serves it; the same text again changes nothing', async () => {
    const writable = makeApp({ allowWrite: true })
    // Read (and so cache) the list before the write: the new version must not serve it stale.
    expect((await getJson(writable, '/api/documents')).body.total).toBe(3)
    const response = await post(writable, { text: article })
    expect(response.status).toBe(201)
    expect((await getJson(writable, '/api/documents')).body.total).toBe(4)
    const added = await response.json()
    expect(added).toMatchObject({ unchanged: false, version: 2 })
    expect(added.id).toMatch(/^api-[0-9a-f]{12}$/)
    const { body } = await getJson(writable, `/api/documents/${added.id}`)
    expect(body).toMatchObject({
      outlet: 'Hill Gazette',
      published: '2025-03-12',
      text: 'Residents said rebels entered Dersa on Tuesday.\n',
    })
    // The analysis ETag follows the version, so clients holding the old one get the new body.
    const etag = (await writable.request('/api/analysis')).headers.get('etag')!
    expect(etag).toMatch(/-v2"$/)
    expect(
      (
        await writable.request('/api/analysis', {
          headers: { 'if-none-match': etag.replace('-v2', '-v1') },
        })
      ).status,
    ).toBe(200)
    const again = await post(writable, { text: article })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ id: added.id, unchanged: true, version: 2 })
  })

  it('extracts the main text of an HTML page, dropping scripts and navigation', async () => {
    const writable = makeApp({ allowWrite: true })
    const html = `<html><head><title>Dersa</title><meta property="og:site_name" content="Hill Gazette"><meta property="article:published_time" content="2025-03-12T09:00:00Z"></head>
      <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><script>track()</script>
      <article><h1>Rebels enter Dersa</h1><p>Residents said rebels entered Dersa on Tuesday.</p><p>The army did not comment.</p></article>
      <footer>Copyright</footer></body></html>`
    const added = await (await post(writable, { html })).json()
    const { body } = await getJson(writable, `/api/documents/${added.id}`)
    expect(body.text).toContain(
      'Residents said rebels entered Dersa on Tuesday.\n\nThe army did not comment.',
    )
    expect(body.text).not.toContain('track()')
    expect(body.text).not.toContain('Home')
    expect(body).toMatchObject({ outlet: 'Hill Gazette', published: '2025-03-12' })
  })

  const invalid: [string, unknown, number, string][] = [
    ['neither text nor html', { outlet: 'X' }, 400, 'give exactly one of "text" or "html"'],
    [
      'both text and html',
      { text: 'a', html: '<p>a</p>' },
      400,
      'give exactly one of "text" or "html"',
    ],
    ['an unknown field', { text: 'a', author: 'me' }, 400, 'unknown parameter "author"'],
    ['a bad date', { text: 'a', published: '12/03/2025' }, 400, 'expected a date as YYYY-MM-DD'],
    ['a non-http url', { text: 'a', url: 'javascript:alert(1)' }, 400, 'Invalid URL'],
    ['malformed JSON', '{"text": ', 400, 'Malformed JSON'],
    ['an empty article', { text: '   \n' }, 400, 'empty file'],
  ]
  it.each(invalid)('refuses %s', async (_name, body, status, message) => {
    const response = await post(makeApp({ allowWrite: true }), body)
    expect(response.status).toBe(status)
    const { detail } = (await response.json()) as { detail: string | { message: string }[] }
    expect(
      typeof detail === 'string' ? detail : detail.map((issue) => issue.message).join('; '),
    ).toContain(message)
  })

  it('refuses non-JSON bodies (no CORS-free text/plain writes) and foreign origins', async () => {
    const writable = makeApp({ allowWrite: true })
    expect(
      (await post(writable, JSON.stringify({ text: article }), { 'content-type': 'text/plain' }))
        .status,
    ).toBe(415)
    expect(
      (await post(writable, { text: article }, { origin: 'http://evil.example' })).status,
    ).toBe(403)
    expect((await post(writable, { text: article }, { origin: 'http://localhost' })).status).toBe(
      201,
    )
  })

  it('refuses bodies over the size limit with 413', async () => {
    const small = makeApp({ allowWrite: true, maxBodyBytes: 1000 })
    const response = await post(small, { text: 'x'.repeat(2000) })
    expect(response.status).toBe(413)
    expect((await response.json()).error).toBe('payload too large')
  })

  it('limits the rate of writes with 429 and Retry-After', async () => {
    const limited = makeApp({ allowWrite: true, writeLimit: { max: 2, windowMs: 60_000 } })
    const statuses: number[] = []
    for (const n of [1, 2, 3])
      statuses.push((await post(limited, { text: `Article number ${n} about Dersa.` })).status)
    expect(statuses).toEqual([201, 201, 429])
    const refused = await post(limited, { text: 'Another article.' })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('security', () => {
  it('article text with <script> comes back as JSON data, escaped, never as markup', async () => {
    const response = await app.request('/api/documents/coast-daily')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const raw = await response.text()
    expect(raw).not.toContain('<script>')
    expect(raw).toContain('\\u003cscript\\u003ealert(\\"x\\")\\u003c/script\\u003e')
    expect(JSON.parse(raw).text).toBe(SAMPLE_ANALYSIS.documents[1]!.text)
  })

  it('every response carries the security headers and a CSP without inline script', async () => {
    for (const path of ['/api/claims', '/api/nothing', '/openapi.json', '/']) {
      const response = await app.request(path)
      const csp = response.headers.get('content-security-policy')!
      expect(csp).toContain("default-src 'self'; ")
      expect(csp).toContain("script-src 'self'; ")
      expect(csp).toContain("style-src 'self'; ")
      expect(csp).toContain("img-src 'self' data:")
      expect(csp).not.toContain('unsafe-inline')
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('x-frame-options')).toBe('DENY')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('strict-transport-security')).toBeNull()
    }
  })

  it('CORS is closed by default and open only to the configured origins', async () => {
    const closed = await app.request('/api/claims', {
      headers: { origin: 'http://elsewhere.example' },
    })
    expect(closed.headers.get('access-control-allow-origin')).toBeNull()
    const open = makeApp({ corsOrigins: ['http://desk.example'] })
    expect(
      (
        await open.request('/api/claims', { headers: { origin: 'http://desk.example' } })
      ).headers.get('access-control-allow-origin'),
    ).toBe('http://desk.example')
    expect(
      (
        await open.request('/api/claims', { headers: { origin: 'http://elsewhere.example' } })
      ).headers.get('access-control-allow-origin'),
    ).toBeNull()
  })

  it('requests for a foreign Host are refused (DNS rebinding)', async () => {
    const response = await app.request('http://evil.example/api/claims')
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: 'forbidden host' })
    expect((await app.request('http://127.0.0.1:8080/api/claims')).status).toBe(200)
    expect(
      (await makeApp({ allowedHosts: null }).request('http://evil.example/api/claims')).status,
    ).toBe(200)
  })
})

describe('OpenAPI, stream and web app', () => {
  it('/openapi.json is an OpenAPI 3.1 document listing every route with its parameters', async () => {
    const { body } = await getJson(app, '/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/claims', '/api/documents/{id}', '/api/stream', '/api/search']),
    )
    const status = body.paths['/api/claims'].get.parameters.find((p: any) => p.name === 'status')
    expect(status).toMatchObject({
      in: 'query',
      required: false,
      schema: { enum: ['corroborated', 'single-source', 'disputed'] },
    })
    expect(body.paths['/api/search'].get.parameters.find((p: any) => p.name === 'q').required).toBe(
      true,
    )
    expect(
      body.paths['/api/documents'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('html')
  })

  it.each(ROUTE_DOCS.filter((route) => route.method === 'get' && route.path !== '/api/stream'))(
    '$path documented in OpenAPI answers',
    async (route) => {
      const ids: Record<string, string> = {
        '/api/documents/{id}': 'north-wire',
        '/api/claims/{id}': 'claim:strike-dersa',
        '/api/entities/{id}': 'place:dersa',
      }
      const path =
        route.path.replace('{id}', encodeURIComponent(ids[route.path] ?? '')) +
        (route.path === '/api/search' ? '?q=valmora' : '')
      expect((await app.request(path)).status).toBe(200)
    },
  )

  it('/api/stream sends `ready`, then `update` when the version changes', async () => {
    const live = makeApp({ allowWrite: true, pollIntervalMs: 10 })
    const response = await live.request('/api/stream')
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
    let received = ''
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`stream ended before ${needle}`)
        received += value
      }
    }
    await readUntil('event: ready')
    expect(received).toContain('data: {"version":1}')
    expect((await post(live, { text: 'Rebels entered Dersa, residents said.' })).status).toBe(201)
    await readUntil('event: update')
    expect(received).toContain('data: {"version":2}')
    await reader.cancel()
  })

  it('/api/stream ends with an `error` event, not a crash, when the source fails', async () => {
    let calls = 0
    const seen: unknown[] = []
    const flaky: AnalysisSource = {
      getAnalysis: async () => SAMPLE_ANALYSIS,
      version: async () => {
        calls += 1
        if (calls > 1) throw new Error('store closed')
        return 1
      },
    }
    const response = await makeApp(
      { pollIntervalMs: 5, onInternalError: (error) => seen.push(error) },
      flaky,
    ).request('/api/stream')
    const text = await response.text()
    expect(text).toContain('event: ready')
    expect(text).toContain('event: error\ndata: {"error":"internal error"}')
    expect(text).not.toContain('store closed')
    expect(seen).toHaveLength(1)
  })

  it('serves the built web app at / with the CSP, and says how to build it when absent', async () => {
    const root = mkdtempSync(join(tmpdir(), 'triangulate-web-'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><script src="app.js"></script>')
    writeFileSync(join(root, 'app.js'), 'console.log(1)')
    const served = createApp(createStaticSource(SAMPLE_ANALYSIS), { webRoot: root })
    const index = await served.request('/')
    expect(index.status).toBe(200)
    expect(await index.text()).toContain('<script src="app.js">')
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await served.request('/app.js')).headers.get('content-type')).toMatch(/javascript/)
    expect((await served.request('/../package.json')).status).toBe(404)
    const bare = await app.request('/')
    expect(bare.status).toBe(503)
    expect(await bare.text()).toContain('npm run build')
  })
})
