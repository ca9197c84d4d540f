import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFeedDocuments } from './feed-documents.js'
import { parseHtmlDocument } from './html-document.js'
import { htmlToText } from './html-to-text.js'
import { isInputError } from './input-error.js'
import { itemsFromBytes } from './read-inputs.js'

/** Runs `read`; a failure must be an InputError naming the input, and a success real text. */
function readsOrRefuses(read: () => { text: string }[]): void {
  let documents: { text: string }[]
  try {
    documents = read()
  } catch (error) {
    expect(isInputError(error), String(error)).toBe(true)
    expect((error as Error).message.startsWith('hostile: ')).toBe(true)
    return
  }
  for (const document of documents) {
    expect(typeof document.text).toBe('string')
    expect(document.text.trim()).not.toBe('')
  }
}

const ORIGIN = {
  input: 'hostile',
  source: 'hostile',
  id: 'hostile',
  revisionKey: null,
  contentType: null,
  pageUrl: null,
}

/** Markup made of pieces that break parsers: unclosed tags, stray CDATA, entities, scripts. */
const markup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '<html>',
        '<body>',
        '</body>',
        '<article>',
        '</article>',
        '<p>',
        '</p>',
        '<div>',
        '</div>',
        '<br>',
        '<script>',
        '</script>',
        '<style>',
        '<nav>',
        '<time datetime="2024-13-45">',
        '</time>',
        '<meta charset="utf-8">',
        '<meta property="article:published_time" content="not a date">',
        '<script type="application/ld+json">{"datePublished":',
        '<link rel="canonical" href="javascript:x">',
        '<rss version="2.0">',
        '<channel>',
        '<item>',
        '</item>',
        '<title>',
        '</title>',
        '<description>',
        '</description>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '<entry>',
        '</entry>',
        '<content type="xhtml">',
        '</content>',
        '<![CDATA[',
        ']]>',
        '&amp;',
        '&lt;p&gt;',
        '&#0;',
        '&#xD800;',
        '&unknown;',
        '<!-- ',
        ' -->',
        '<?xml version="1.0"?>',
        '\u202eRTL override\u202c',
        '\u0000',
        '\u0007',
        '\uFEFF',
        'Troops left the town on Friday, residents said. ',
      ),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''))

describe('ingest adapters on hostile input', () => {
  it('htmlToText() never throws, whatever the markup', () => {
    fc.assert(
      fc.property(markup, (html) => {
        expect(typeof htmlToText(html)).toBe('string')
      }),
      { numRuns: 300 },
    )
  })

  it('parseHtmlDocument() reads or refuses with an InputError, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ maxLength: 200 })), (html) => {
        readsOrRefuses(() => [parseHtmlDocument(html, { id: 'hostile', source: 'hostile' })])
      }),
      { numRuns: 300 },
    )
  })

  it('parseFeedDocuments() reads or refuses with an InputError, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ maxLength: 200 })), (xml) => {
        readsOrRefuses(() =>
          parseFeedDocuments(xml, { source: 'hostile' }).items.map((item) => item.document),
        )
      }),
      { numRuns: 300 },
    )
  })

  it('itemsFromBytes() reads or refuses with an InputError, on any bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      markup.map((text) => new TextEncoder().encode(text)),
    )
    fc.assert(
      fc.property(bytes, (input) => {
        readsOrRefuses(() => itemsFromBytes(input, ORIGIN).items.map((item) => item.document))
      }),
      { numRuns: 300 },
    )
  })
})
