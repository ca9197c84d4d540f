import { InputError } from './input-error.js'

/** Bytes of a page searched for a `<meta charset>` (the HTML standard's prescan reads 1,024). */
const PRESCAN_BYTES = 4096

/**
 * Decodes an HTML page or an XML feed, finding its character set the way browsers do, in this
 * order: a byte order mark; the `charset` of an HTTP Content-Type; an XML declaration's
 * `encoding`; a `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`;
 * else UTF-8 when the bytes are valid UTF-8 and Windows-1252 (the web's legacy default)
 * otherwise. A declared encoding the platform does not know is an InputError naming it.
 */
export function decodeMarkup(
  input: string,
  bytes: Uint8Array,
  options: { readonly contentType?: string | null } = {},
): string {
  if (bytes.length === 0) throw new InputError(input, 'empty file (0 bytes)')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeWith(input, 'utf-8', bytes.subarray(3))
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return decodeWith(input, 'utf-16le', bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return decodeWith(input, 'utf-16be', bytes.subarray(2))

  const declared = declaredCharset(options.contentType ?? null, bytes)
  if (declared !== null) {
    // A page cannot really be UTF-16 without a BOM (its ASCII prescan just succeeded): the
    // HTML standard reads such a declaration as UTF-8.
    const label = /^utf-?16/i.test(declared) ? 'utf-8' : declared
    return decodeWith(input, label, bytes)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

/** The charset label the HTTP header, the XML declaration or a meta element gives, if any. */
export function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const fromHeader = contentType ? /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1] : undefined
  if (fromHeader) return fromHeader
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES))
  const fromXml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]
  if (fromXml) return fromXml
  // <meta charset="windows-1256"> and <meta http-equiv=Content-Type content="text/html; charset=koi8-r">
  const fromMeta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'>;/]+)/i.exec(head)?.[1]
  return fromMeta ?? null
}

function decodeWith(input: string, label: string, bytes: Uint8Array): string {
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label.trim().toLowerCase())
  } catch {
    throw new InputError(
      input,
      `unknown character encoding "${label}" (declared in the page; cannot decode it)`,
    )
  }
  if (decoder.encoding === 'windows-1252') return decodeWindows1252(bytes)
  // Not fatal: a page that mislabels a few bytes still reads, the bad bytes become U+FFFD.
  return decoder.decode(bytes)
}

/**
 * The characters Windows-1252 puts at 0x80–0x9F (curly quotes, dashes, the euro sign), where
 * ISO-8859-1 has control codes. Node 20's TextDecoder('windows-1252') decodes these bytes as
 * the control codes, so a page's "–" would silently vanish: we map them ourselves. The five
 * bytes Windows-1252 leaves undefined stay as their control codes, as the WHATWG table says.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

/** Decodes Windows-1252 (and the labels that mean it: latin1, iso-8859-1, ascii) correctly. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  // Chunked: String.fromCharCode over a huge array would overflow the argument limit.
  for (let offset = 0; offset < bytes.length; offset += 8192) {
    const chunk = bytes.subarray(offset, offset + 8192)
    const codes = new Array<number>(chunk.length)
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!
      codes[i] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte
    }
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}
