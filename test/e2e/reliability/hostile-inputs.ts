import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Hostile and broken inputs, generated at test time from sentences we wrote. Each says what
 * the CLI must do with it: refuse it with one line naming it, or read it (and store it).
 */
export interface HostileInput {
  /** File name inside the test's directory. */
  readonly name: string
  readonly what: string
  /** `refused`: exit 2, one line naming the file, store unchanged. `read`: stored, spans valid. */
  readonly expect: 'refused' | 'read'
  /** For refused inputs: the reason the line must give. */
  readonly reason?: RegExp
  /** Documents a read input yields. */
  readonly documents?: number
  readonly bytes: () => Buffer
}

const SENTENCE =
  'Opposition fighters took control of Homs on Friday, a war monitor said, after government troops withdrew overnight.'

const header = (published = '2024-12-06', outlet = 'Ridge Times') =>
  `outlet: ${outlet}\npublished: ${published}\ntitle: Reliability probe\n\n`

/** A feed of `count` items, each a short report we wrote. */
export function feedOf(count: number): Buffer {
  const items: string[] = []
  for (let i = 0; i < count; i++) {
    items.push(
      `<item><title>Report ${i}</title><link>https://wire.example.org/r/${i}</link><guid>https://wire.example.org/r/${i}</guid><pubDate>Fri, 06 Dec 2024 10:00:00 GMT</pubDate><description>Shelling hit the outskirts of Hama on Thursday, residents said (item ${i}).</description></item>`,
    )
  }
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Probe Wire</title><link>https://wire.example.org/</link>${items.join('')}</channel></rss>`,
  )
}

function windows1256Arabic(): Buffer {
  // "قال المرصد" and "حمص" in Windows-1256 bytes, inside an HTML page that declares the charset.
  const arabic = Buffer.from([
    0xe1, 0xc7, 0xde, 0x20, 0xc7, 0xe1, 0xe3, 0xd1, 0xd5, 0xcf, 0x20, 0xcd, 0xe3, 0xd5,
  ])
  return Buffer.concat([
    Buffer.from(
      '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><meta property="article:published_time" content="2024-12-06T09:00:00Z"><meta property="og:site_name" content="Levant Probe"></head><body><article><p>',
    ),
    arabic,
    Buffer.from(`</p><p>${SENTENCE}</p></article></body></html>`),
  ])
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: 'binary.txt',
    what: 'binary file (PNG header and random bytes) named .txt',
    expect: 'refused',
    reason: /binary file/,
    bytes: () => {
      const bytes = Buffer.alloc(64 * 1024)
      let seed = 7
      for (let i = 0; i < bytes.length; i++)
        bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes)
      return bytes
    },
  },
  {
    name: 'empty.txt',
    what: 'empty file (0 bytes)',
    expect: 'refused',
    reason: /empty file/,
    bytes: () => Buffer.alloc(0),
  },
  {
    name: 'blank.txt',
    what: 'only a header and white space',
    expect: 'refused',
    reason: /empty file \(no text/,
    bytes: () => Buffer.from(`${header()}   \n\n\t\n`),
  },
  {
    name: 'empty-feed.rss',
    what: '0-byte feed',
    expect: 'refused',
    reason: /empty file/,
    bytes: () => Buffer.alloc(0),
  },
  {
    name: 'feed-no-items.xml',
    what: 'a feed with a channel and no items',
    expect: 'refused',
    reason: /feed has no items/,
    bytes: () =>
      Buffer.from(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Nothing</title></channel></rss>',
      ),
  },
  {
    name: 'page-50mb.html',
    what: '50 MB HTML page',
    expect: 'refused',
    reason: /too large/,
    bytes: () => {
      const paragraph = Buffer.from(`<p>${SENTENCE}</p>\n`)
      const count = Math.ceil((50 * 1024 * 1024) / paragraph.length)
      return Buffer.concat([
        Buffer.from('<!DOCTYPE html><html><body><article>'),
        Buffer.alloc(paragraph.length * count, paragraph),
        Buffer.from('</article></body></html>'),
      ])
    },
  },
  {
    name: 'page-9mb.html',
    what: '9 MB HTML page (under the 10 MB page limit: parsed)',
    expect: 'read',
    documents: 1,
    bytes: () => {
      const paragraph = Buffer.from(`<p>${SENTENCE}</p>\n`)
      const count = Math.floor((9 * 1024 * 1024) / paragraph.length)
      return Buffer.concat([
        Buffer.from(
          '<!DOCTYPE html><html><head><meta property="article:published_time" content="2024-12-06"><meta property="og:site_name" content="Big Page Daily"></head><body><article>',
        ),
        Buffer.alloc(paragraph.length * count, paragraph),
        Buffer.from('</article></body></html>'),
      ])
    },
  },
  {
    name: 'deep-100k.html',
    what: 'HTML nested 100,000 levels deep',
    expect: 'refused',
    reason: /nested too deeply/,
    bytes: () =>
      Buffer.from(
        `<!DOCTYPE html><html><body>${'<div>'.repeat(100_000)}${SENTENCE}${'</div>'.repeat(100_000)}</body></html>`,
      ),
  },
  {
    name: 'deep-unclosed.html',
    what: 'HTML with 100,000 unclosed <b> tags',
    expect: 'refused',
    reason: /nested too deeply/,
    bytes: () =>
      Buffer.from(
        `<!DOCTYPE html><html><body><p>${SENTENCE}</p>${'<b>x'.repeat(100_000)}</body></html>`,
      ),
  },
  {
    name: 'invalid-utf8.txt',
    what: 'invalid UTF-8 (stray continuation bytes, overlong forms, a lone surrogate encoded)',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.concat([
        Buffer.from(header()),
        Buffer.from('Troops withdrew from Hama '),
        Buffer.from([0x80, 0xbf, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
        Buffer.from(` on Friday. ${SENTENCE}\n`),
      ]),
  },
  {
    name: 'latin1-legacy.txt',
    what: 'Windows-1252 text (curly quotes, dashes, accented names)',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.concat([
        Buffer.from(header()),
        Buffer.from([0x93]),
        Buffer.from('We have left the town'),
        Buffer.from([0x94]),
        Buffer.from(', said Jos'),
        Buffer.from([0xe9, 0x20, 0x96, 0x20]),
        Buffer.from(`${SENTENCE}\n`),
      ]),
  },
  {
    name: 'arabic-1256.html',
    what: 'Windows-1256 Arabic page declared by http-equiv',
    expect: 'read',
    documents: 1,
    bytes: windows1256Arabic,
  },
  {
    name: 'utf16le-bom.txt',
    what: 'UTF-16LE text file with a byte order mark',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(`${header()}${SENTENCE}\n`, 'utf16le'),
      ]),
  },
  {
    name: 'impossible-date.txt',
    what: 'header published: 2024-02-30',
    expect: 'refused',
    reason: /unparsable published value "2024-02-30"/,
    bytes: () => Buffer.from(`${header('2024-02-30')}${SENTENCE}\n`),
  },
  {
    name: 'impossible-date.html',
    what: 'page whose article:published_time is 2024-02-30',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.from(
        `<!DOCTYPE html><html><head><meta property="article:published_time" content="2024-02-30T10:00:00Z"><meta property="og:site_name" content="Probe Daily"></head><body><article><p>${SENTENCE}</p></article></body></html>`,
      ),
  },
  {
    name: 'feed-10000.xml',
    what: 'RSS feed with 10,000 items (the limit)',
    expect: 'read',
    documents: 10_000,
    bytes: () => feedOf(10_000),
  },
  {
    name: 'feed-10001.xml',
    what: 'RSS feed with 10,001 items (one over the limit)',
    expect: 'refused',
    reason: /more than 10000 items|10,?000/,
    bytes: () => feedOf(10_001),
  },
  {
    name: 'sentence-1mb.txt',
    what: 'one sentence of 1 MB (no full stop)',
    expect: 'read',
    documents: 1,
    bytes: () => {
      const clause = 'and the shelling of the villages around Homs went on through the night '
      return Buffer.from(
        `${header()}Opposition fighters took control of Hama on Friday ${clause.repeat(Math.ceil(1_048_576 / clause.length))}\n`,
      )
    },
  },
  {
    name: 'token-1mb.txt',
    what: 'one 1 MB word (no space at all)',
    expect: 'read',
    documents: 1,
    bytes: () => Buffer.from(`${header()}${SENTENCE} ${'Homs'.repeat(262_144)}\n`),
  },
  {
    name: 'control-chars.txt',
    what: 'control characters: ANSI escapes in the outlet and title, BEL, VT, NEL, U+2028, bidi overrides',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.from(
        `outlet: Evil\u001b[2J\u001b]0;owned\u0007 Times\npublished: 2024-12-06\ntitle: \u001b[31mRed\u001b[0m alert\u0008\u0008\n\nTroops\u000b withdrew\u0085 from Hama\u2028 on Friday.\u0007 ${SENTENCE}\n`,
      ),
  },
  {
    name: 'rtl.txt',
    what: 'right-to-left text: Arabic and Hebrew paragraphs with RLO/PDF marks',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.from(
        `${header()}قال المرصد السوري إن فصائل المعارضة سيطرت على مدينة حمص يوم الجمعة.\n\nדובר הצבא אמר כי הכוחות נסוגו מהעיר.\n\n\u202eTroops withdrew from Hama\u202c on Friday, residents said.\n`,
      ),
  },
  {
    name: 'mixed.txt',
    what: 'mixed: RTL, emoji, combining marks, zero-width joiners, a NUL-free control soup and English',
    expect: 'read',
    documents: 1,
    bytes: () =>
      Buffer.from(
        `${header()}🚀🔥 Breaking\u200d: قوات in Ḥoms̈ — \u200bfighters \u2066took\u2069 control of Aleppo on Friday; ‏שלום‎, residents said.\r\n\r\n${SENTENCE}\u000c\n`,
      ),
  },
]

/** Writes every hostile input into `dir`; returns their paths by name. */
export function writeHostileInputs(
  dir: string,
  inputs: readonly HostileInput[] = HOSTILE_INPUTS,
): Map<string, string> {
  mkdirSync(dir, { recursive: true })
  const paths = new Map<string, string>()
  for (const input of inputs) {
    const path = join(dir, input.name)
    writeFileSync(path, input.bytes())
    paths.set(input.name, path)
  }
  return paths
}
