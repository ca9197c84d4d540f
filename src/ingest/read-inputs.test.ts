import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_HTML_BYTES, readInputItems, readInputs } from './read-inputs.js'

const ARTICLE = `outlet: Valley Courier
published: 2024-12-05

Opposition fighters reached the old bridge at Tal Hamra on Thursday evening, residents said.
`
const PAGE = `<!DOCTYPE html><html><head><meta property="og:site_name" content="Ridge Times">
<meta property="article:published_time" content="2024-12-06T10:00:00Z"><link rel="canonical" href="https://ridge.example.org/a"></head>
<body><nav>Home World</nav><article><p>Government troops left the hill positions overnight, a monitor said on Friday.</p></article></body></html>`
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Plain Wire</title>
<item><title>One</title><link>https://wire.example.net/1</link><pubDate>Sat, 07 Dec 2024 09:00:00 GMT</pubDate><description>Shelling hit the eastern quarter, residents said.</description></item>
<item><title>Two</title><link>https://wire.example.net/2</link><pubDate>Sat, 07 Dec 2024 10:00:00 GMT</pubDate><description>The ministry denied the report.</description></item>
</channel></rss>`

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'triangulate-read-'))
  mkdirSync(join(dir, 'mixed', 'nested'), { recursive: true })
  writeFileSync(join(dir, 'mixed', 'a-article.txt'), ARTICLE)
  writeFileSync(join(dir, 'mixed', 'b-page.html'), PAGE)
  // A feed saved under a misleading name is still read as a feed.
  writeFileSync(join(dir, 'mixed', 'nested', 'c-feed.txt'), FEED)
  writeFileSync(join(dir, 'mixed', 'd-empty.txt'), '')
  writeFileSync(
    join(dir, 'mixed', 'e-binary.txt'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
  )
  writeFileSync(join(dir, 'mixed', 'f-truncated.xml'), FEED.slice(0, 200))
  writeFileSync(
    join(dir, 'mixed', 'g-big.html'),
    `<!DOCTYPE html><html><body><p>${'x'.repeat(MAX_HTML_BYTES)}</p></body></html>`,
  )
  writeFileSync(
    join(dir, 'mixed', 'h-encoding.html'),
    '<html><head><meta charset="x-unknown-9"></head><body><p>Text</p></body></html>',
  )
  writeFileSync(join(dir, 'mixed', 'i-image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
  writeFileSync(
    join(dir, 'mixed', 'j-svg.xml'),
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>',
  )
  writeFileSync(join(dir, 'page-without-extension'), PAGE)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('readInputItems()', () => {
  it('reads text, HTML and feeds mixed in one directory, by content, and reports each bad file by name', async () => {
    const { items, problems } = await readInputItems([join(dir, 'mixed')])
    expect(
      items.map((item) => [
        item.document.id.replace(/^item-.*/, 'item'),
        item.document.outlet,
        item.document.published,
      ]),
    ).toEqual([
      ['a-article', 'Valley Courier', '2024-12-05'],
      ['b-page', 'Ridge Times', '2024-12-06'],
      ['item', 'Plain Wire', '2024-12-07'],
      ['item', 'Plain Wire', '2024-12-07'],
    ])
    expect(items.every((item) => /^[0-9a-f]{64}$/.test(item.contentHash))).toBe(true)
    expect(items[0]!.revisionKey).toBe(join(dir, 'mixed', 'a-article.txt'))
    expect(items[1]!.revisionKey).toBe('https://ridge.example.org/a')
    expect(items.map((item) => item.input)).toEqual(Array(4).fill(join(dir, 'mixed')))
    const messages = problems.map((problem) => problem.message.replace(dir, 'DIR'))
    expect(messages).toEqual([
      'DIR/mixed/d-empty.txt: empty file (0 bytes)',
      'DIR/mixed/e-binary.txt: binary file (contains NUL bytes), not text',
      expect.stringMatching(
        /^DIR\/mixed\/f-truncated\.xml: not well-formed XML, truncated or broken/,
      ),
      `DIR/mixed/g-big.html: page too large (${MAX_HTML_BYTES + 48} bytes; limit ${MAX_HTML_BYTES})`,
      'DIR/mixed/h-encoding.html: unknown character encoding "x-unknown-9" (declared in the page; cannot decode it)',
      'DIR/mixed/j-svg.xml: not an article, page or feed (XML with root element <svg>)',
    ])
  })

  it('reads a file named on the command line whatever its name, and a missing path is a problem', async () => {
    const { items, problems } = await readInputItems([
      join(dir, 'page-without-extension'),
      join(dir, 'absent.txt'),
    ])
    expect(items.map((item) => item.document.id)).toEqual(['page-without-extension'])
    expect(problems.map((problem) => problem.message.replace(dir, 'DIR'))).toEqual([
      'DIR/absent.txt: no such file or directory',
    ])
  })

  it('reads pasted text from standard input as "-"', async () => {
    const stdin = Readable.from([
      Buffer.from('Troops entered the town on Friday, residents said.\n'),
    ])
    const { items, problems } = await readInputItems(['-'], { published: '2024-12-06' }, { stdin })
    expect(problems).toEqual([])
    expect(items[0]!.document).toMatchObject({
      source: '-',
      published: '2024-12-06',
      publishedFrom: 'option',
      text: 'Troops entered the town on Friday, residents said.\n',
    })
    expect(items[0]!.document.id).toMatch(/^stdin-[0-9a-f]{12}$/)
    expect(items[0]!.revisionKey).toBeNull()
    const empty = await readInputItems(['-'], {}, { stdin: Readable.from([]) })
    expect(empty.problems.map((problem) => problem.message)).toEqual(['-: standard input is empty'])
  })

  it('refuses URLs unless the network is allowed', async () => {
    const { items, problems } = await readInputItems(['https://example.org/news'])
    expect(items).toEqual([])
    expect(problems.map((problem) => problem.message)).toEqual([
      'https://example.org/news: URL inputs need --allow-network (network access is off by default)',
    ])
  })

  it('readInputs() keeps its shape: documents and problems', async () => {
    const { documents, problems } = await readInputs([join(dir, 'mixed', 'a-article.txt')])
    expect(documents.map((document) => document.id)).toEqual(['a-article'])
    expect(problems).toEqual([])
  })
})
