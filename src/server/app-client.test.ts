import { hc } from 'hono/client'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { type AppType, createApp } from './app.js'
import { createStaticSource } from './static-source.js'

// The web app talks to the server through `hc<AppType>`: these tests pin that the route types
// reach a client (tsc checks the expectTypeOf lines) and that the client works against the app.
describe('hc<AppType>() typed client', () => {
  const app = createApp(createStaticSource(SAMPLE_ANALYSIS), { webRoot: null })
  const client = hc<AppType>('http://localhost', {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init),
  })

  it('client.api.claims.$get() returns typed claims with their origins', async () => {
    const response = await client.api.claims.$get({ query: { status: 'disputed' } })
    expect(response.status).toBe(200)
    const body = await response.json()
    expectTypeOf(body.total).toEqualTypeOf<number>()
    expectTypeOf(body.items[0]!.origins[0]!.origin).toEqualTypeOf<string>()
    expect(body.items.map((claim) => claim.id)).toEqual(['claim:control-valmora'])
  })

  it('client.api.documents[":id"].$get() returns the document text', async () => {
    const response = await client.api.documents[':id'].$get({ param: { id: 'north-wire' } })
    const body = await response.json()
    expectTypeOf(body.text).toEqualTypeOf<string>()
    expect(body.text).toBe(SAMPLE_ANALYSIS.documents[0]!.text)
  })
})
