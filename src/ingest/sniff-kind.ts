/** What an input is, read from its first bytes. */
export type InputKind = 'html' | 'rss' | 'atom' | 'text'

/** Bytes looked at: enough for an XML declaration, a doctype and a few comments. */
const SNIFF_BYTES = 4096

/** Tags that begin an HTML page or fragment ("<div class=…>" saved from a browser). */
const HTML_START =
  /^<(html|head|body|meta|title|link|base|div|article|main|section|header|p|h[1-6]|table|span|script|style|!--)[\s>/]/i

/**
 * Recognises an input by content, not by its name: after a byte order mark, white space, an
 * XML declaration, comments and processing instructions, the first element decides.
 * `<rss` or `<rdf:RDF` is an RSS feed, `<feed` an Atom feed, `<!doctype html`, `<html` or
 * another HTML element a page, anything else text. An XML document with another root element
 * is reported as `{ xmlRoot }` so the caller can say what it was.
 */
export function sniffKind(bytes: Uint8Array): InputKind | { readonly xmlRoot: string } {
  let head = decodeHead(bytes.subarray(0, SNIFF_BYTES))
  let sawXmlDeclaration = false
  for (;;) {
    head = head.replace(/^[\s\uFEFF]+/, '')
    if (head.startsWith('<?')) {
      sawXmlDeclaration ||= /^<\?xml[\s?]/i.test(head)
      const end = head.indexOf('?>')
      if (end < 0) break
      head = head.slice(end + 2)
    } else if (head.startsWith('<!--')) {
      const end = head.indexOf('-->')
      if (end < 0) break
      head = head.slice(end + 3)
    } else if (/^<!doctype\s/i.test(head)) {
      if (/^<!doctype\s+html/i.test(head)) return 'html'
      const end = head.indexOf('>')
      if (end < 0) break
      head = head.slice(end + 1)
    } else break
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(head)?.[1]
  if (root === undefined) return 'text'
  const local = root.toLowerCase()
  if (local === 'rss' || local === 'rdf:rdf') return 'rss'
  if (local === 'feed' || local.endsWith(':feed')) return 'atom'
  if (local === 'html' || local.endsWith(':html')) return 'html'
  if (sawXmlDeclaration) return { xmlRoot: root }
  return HTML_START.test(head) ? 'html' : 'text'
}

/** The head as text: UTF-16 when a BOM says so, else Latin-1 (every ASCII tag reads the same). */
function decodeHead(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head)
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head)
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3)
  return new TextDecoder('latin1').decode(head)
}
