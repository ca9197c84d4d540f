import { describe, expect, it } from 'vitest'
import { decodeMarkup, decodeWindows1252, declaredCharset } from './decode-markup.js'
import { isInputError } from './input-error.js'

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]))

describe('decodeMarkup()', () => {
  it('decodes Windows-1252 dashes and quotes that Node 20 would turn into control codes', () => {
    // <meta charset="windows-1252"> … "Damascus – “the army”"
    const bytes = concat(
      ascii('<meta charset="windows-1252"><p>Damascus '),
      Uint8Array.of(0x96, 0x20, 0x93),
      ascii('the army'),
      Uint8Array.of(0x94, 0x80),
    )
    expect(decodeMarkup('x.html', bytes)).toBe(
      '<meta charset="windows-1252"><p>Damascus – “the army”€',
    )
  })

  it('reads http-equiv Content-Type charsets (Arabic and Cyrillic legacy pages)', () => {
    const arabic = concat(
      ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>'),
      Uint8Array.of(0xc7, 0xe1, 0xdf),
    )
    expect(decodeMarkup('ar.html', arabic)).toMatch(/<p>الك$/)
    const russian = concat(
      ascii("<meta http-equiv='content-type' content='text/html;charset=koi8-r'><p>"),
      Uint8Array.of(0xf3, 0xc9, 0xd2, 0xc9, 0xd1),
    )
    expect(decodeMarkup('ru.html', russian)).toMatch(/<p>Сирия$/)
  })

  it('takes the byte order mark first, then the HTTP header, then the XML declaration', () => {
    const utf8 = new TextEncoder().encode('<meta charset="koi8-r"><p>Dera’a')
    expect(decodeMarkup('bom.html', concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8))).toBe(
      '<meta charset="koi8-r"><p>Dera’a',
    )
    expect(decodeMarkup('header.html', utf8, { contentType: 'text/html; charset=UTF-8' })).toBe(
      '<meta charset="koi8-r"><p>Dera’a',
    )
    const xml = concat(
      ascii('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Caf'),
      Uint8Array.of(0xe9),
      ascii('</title></rss>'),
    )
    expect(decodeMarkup('feed.xml', xml)).toBe(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café</title></rss>',
    )
  })

  it('without a declaration: UTF-8 when valid, else Windows-1252', () => {
    expect(decodeMarkup('a.html', new TextEncoder().encode('<p>Şanamayn</p>'))).toBe(
      '<p>Şanamayn</p>',
    )
    expect(
      decodeMarkup('b.html', concat(ascii('<p>Caf'), Uint8Array.of(0xe9, 0x96), ascii('</p>'))),
    ).toBe('<p>Café–</p>')
  })

  it('reads a declared UTF-16 without a BOM as UTF-8, as the HTML standard does', () => {
    expect(decodeMarkup('c.html', ascii('<meta charset="utf-16"><p>plain</p>'))).toBe(
      '<meta charset="utf-16"><p>plain</p>',
    )
  })

  it.each([
    [
      'an unknown encoding',
      ascii('<meta charset="x-klingon-8"><p>text</p>'),
      /unknown character encoding "x-klingon-8"/,
    ],
    ['an empty file', new Uint8Array(0), /empty file/],
  ])('refuses %s, naming the input', (_name, bytes, reason) => {
    let thrown: unknown
    try {
      decodeMarkup('pages/odd.html', bytes)
    } catch (error) {
      thrown = error
    }
    expect(isInputError(thrown)).toBe(true)
    expect((thrown as Error).message).toMatch(/^pages\/odd\.html: /)
    expect((thrown as Error).message).toMatch(reason)
  })
})

describe('declaredCharset()', () => {
  it.each([
    ['text/html; charset="Shift_JIS"', '<p>', 'Shift_JIS'],
    [null, '<META CHARSET=gb18030>', 'gb18030'],
    [null, '<meta name="description" content="charset talk"><p>', null],
    [null, '<p>no declaration</p>', null],
  ])('%j %j → %j', (header, head, expected) => {
    expect(declaredCharset(header, ascii(head))).toBe(expected)
  })
})

describe('decodeWindows1252()', () => {
  it('maps every byte, keeping the five undefined ones as control codes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const text = decodeWindows1252(all)
    expect(text).toHaveLength(256)
    expect(text.charCodeAt(0x80)).toBe(0x20ac)
    expect(text.charCodeAt(0x81)).toBe(0x81)
    expect(text.charCodeAt(0x9f)).toBe(0x178)
    expect(text.charCodeAt(0xe9)).toBe(0xe9)
  })
})
