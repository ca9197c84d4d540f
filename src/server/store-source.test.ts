import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ingestInputs } from '../app/ingest.js'
import { openStore } from '../store/open-store.js'
import { createApp } from './app.js'
import { createStoreSource } from './store-source.js'

const ARTICLES = resolve(
  import.meta.dirname,
  '..',
  '..',
  'test',
  'e2e',
  'server',
  'fixtures',
  'articles',
)
const dir = mkdtempSync(join(tmpdir(), 'triangulate-store-source-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('createStoreSource()', () => {
  it('serves a SQLite store and streams `update` when another connection ingests', async () => {
    const path = join(dir, 'library.db')
    const writer = await openStore(path)
    await ingestInputs(writer, [ARTICLES])
    // The server's own connection, as a separate `triangulate serve` process would hold.
    const source = createStoreSource(await openStore(path, { mustExist: true }))
    const app = createApp(source, { webRoot: null, pollIntervalMs: 10 })

    const claims = (await (await app.request('/api/claims')).json()) as { total: number }
    expect(claims.total).toBeGreaterThan(0)
    const before = await source.version()

    const stream = await app.request('/api/stream')
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    let received = ''
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`stream ended before ${needle}`)
        received += value
      }
    }
    await readUntil('event: ready')

    const extra = join(dir, 'ridge-monitor.txt')
    writeFileSync(
      extra,
      'outlet: Ridge Monitor\npublished: 2024-12-09\n\nRebel fighters took control of the town of Inkhil on Monday, residents said.\n',
    )
    await ingestInputs(writer, [extra])
    await readUntil('event: update')
    await reader.cancel()
    expect(await source.version()).not.toBe(before)

    const documents = (await (
      await app.request('/api/documents?outlet=ridge%20monitor')
    ).json()) as { total: number }
    expect(documents.total).toBe(1)
    await writer.close()
    await source.close!()
  })

  it('stores posted articles through the ingest use case, once per content', async () => {
    const path = join(dir, 'posted.db')
    await (await openStore(path)).close()
    const source = createStoreSource(await openStore(path, { mustExist: true }), { writable: true })
    const app = createApp(source, { webRoot: null, allowWrite: true })
    const post = () =>
      app.request('/api/documents', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          outlet: 'Ridge Monitor',
          published: '2024-12-09',
          text: 'Rebel fighters took control of the town of Inkhil on Monday, residents said.\n',
        }),
      })
    const first = await post()
    expect(first.status).toBe(201)
    const added = (await first.json()) as { id: string; version: number }
    const stored = (await (await app.request(`/api/documents/${added.id}`)).json()) as {
      outlet: string
      published: string
    }
    expect(stored).toMatchObject({ outlet: 'Ridge Monitor', published: '2024-12-09' })
    const second = await post()
    expect(second.status).toBe(200)
    expect(await second.json()).toMatchObject({ id: added.id, unchanged: true })
    await source.close!()
  })

  it('is read-only unless made writable', async () => {
    const path = join(dir, 'readonly.db')
    await (await openStore(path)).close()
    const source = createStoreSource(await openStore(path, { mustExist: true }))
    expect(source.addDocument).toBeUndefined()
    const app = createApp(source, { webRoot: null, allowWrite: true })
    const response = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text":"x"}',
    })
    expect(response.status).toBe(403)
    await source.close!()
  })
})
