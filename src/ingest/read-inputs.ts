import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import type { SourceDocument } from '../core/model/document.js'
import { decodeMarkup, decodeWindows1252 } from './decode-markup.js'
import { parseFeedDocuments } from './feed-documents.js'
import { type FetchOptions, fetchUrl } from './fetch-url.js'
import { parseHtmlDocument } from './html-document.js'
import { InputError } from './input-error.js'
import { sniffKind } from './sniff-kind.js'
import { type DocumentDefaults, parseTextDocument } from './text-document.js'

/**
 * File extensions a directory walk picks up; files named otherwise (images, JSON) are skipped
 * there, but any file named on the command line is read, and every file is recognised by its
 * content, whatever its extension.
 */
const WALKED_EXTENSIONS = new Set([
  '.txt',
  '.md',
  '.text',
  '.html',
  '.htm',
  '.xhtml',
  '.xml',
  '.rss',
  '.atom',
  '',
])

/** Largest file read as one article; bigger inputs are refused, not truncated silently. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024
/** Largest HTML page: real article pages stay under a few MB; bigger ones are refused, not parsed for minutes. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024
/** Largest feed. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024

export interface ReadResult {
  readonly documents: SourceDocument[]
  readonly problems: InputError[]
}

/** One document read from an input, with what the store needs to keep it idempotently. */
export interface InputItem {
  readonly document: SourceDocument
  /** SHA-256 (hex) of the original bytes (for a feed item: of the item as published). */
  readonly contentHash: string
  readonly byteLength: number
  /** Its URL, else its absolute file path; null for pasted text without a URL. */
  readonly revisionKey: string | null
  /** The command-line input it came from (a file inside a directory names the file). */
  readonly input: string
}

export interface ReadOptions {
  /** URLs are refused unless this is set (`--allow-network`). */
  readonly allowNetwork?: boolean
  /** With allowNetwork: allow loopback, private and link-local addresses (`--allow-private`). */
  readonly allowPrivate?: boolean
  /** Limits for URL inputs. */
  readonly fetch?: Omit<FetchOptions, 'allowPrivate'>
  /** Where `-` reads from (default: the process's standard input). */
  readonly stdin?: NodeJS.ReadableStream
}

/**
 * Reads every path (files, or directories walked recursively in name order) into documents.
 * A bad input becomes a problem naming it; the others are still read.
 */
export async function readInputs(
  paths: readonly string[],
  defaults: DocumentDefaults = {},
  options: ReadOptions = {},
): Promise<ReadResult> {
  const { items, problems } = await readInputItems(paths, defaults, options)
  return { documents: items.map((item) => item.document), problems }
}

/**
 * Reads inputs of every kind, mixed: files and directories (text with a header block, HTML
 * pages, RSS and Atom feeds, recognised by content), `-` for standard input, and http(s) URLs
 * when `options.allowNetwork`. Each bad input becomes one problem naming it; the rest are read.
 */
export async function readInputItems(
  inputs: readonly string[],
  defaults: DocumentDefaults = {},
  options: ReadOptions = {},
): Promise<{ items: InputItem[]; problems: InputError[] }> {
  const items: InputItem[] = []
  const problems: InputError[] = []
  const collect = (result: { items: InputItem[]; problems: InputError[] }) => {
    items.push(...result.items)
    problems.push(...result.problems)
  }
  for (const input of inputs) {
    try {
      if (input === '-') collect(await readStdin(options.stdin ?? process.stdin, defaults))
      else if (/^https?:\/\//i.test(input)) collect(await readUrl(input, defaults, options))
      else {
        for (const file of await expandPath(input)) {
          try {
            collect(await readFileItems(file, input, defaults))
          } catch (error) {
            problems.push(asInputError(file, error))
          }
        }
      }
    } catch (error) {
      problems.push(asInputError(input, error))
    }
  }
  return { items, problems }
}

/** Reads one file of any kind into items. */
export async function readFileItems(
  file: string,
  input: string = file,
  defaults: DocumentDefaults = {},
): Promise<{ items: InputItem[]; problems: InputError[] }> {
  const info = await stat(file)
  if (info.size > MAX_INPUT_BYTES)
    throw new InputError(file, `file too large (${info.size} bytes; limit ${MAX_INPUT_BYTES})`)
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      file,
      error.code === 'EACCES' ? 'permission denied' : `unreadable (${error.code ?? error.message})`,
    )
  })
  return itemsFromBytes(
    bytes,
    {
      input,
      source: file,
      id: basename(file, extname(file)),
      revisionKey: resolve(file),
      contentType: null,
      pageUrl: null,
    },
    defaults,
  )
}

/**
 * Turns the bytes of one input into items, dispatching on what the bytes are (see sniffKind).
 * `origin.revisionKey` is used when the document names no URL of its own.
 */
export function itemsFromBytes(
  bytes: Uint8Array,
  origin: {
    readonly input: string
    readonly source: string
    readonly id: string
    readonly revisionKey: string | null
    readonly contentType: string | null
    readonly pageUrl: string | null
  },
  defaults: DocumentDefaults = {},
): { items: InputItem[]; problems: InputError[] } {
  const name = origin.source
  if (bytes.length === 0) throw new InputError(name, 'empty file (0 bytes)')
  const contentHash = sha256(bytes)
  const kind = sniffKind(bytes)
  const single = (document: SourceDocument) => ({
    items: [
      {
        document,
        contentHash,
        byteLength: bytes.length,
        revisionKey: document.url ?? origin.revisionKey,
        input: origin.input,
      },
    ],
    problems: [],
  })
  if (kind === 'text') {
    return single(
      parseTextDocument(
        decodeText(name, bytes),
        { id: origin.id, source: origin.source },
        defaults,
      ),
    )
  }
  if (kind === 'html') {
    if (bytes.length > MAX_HTML_BYTES)
      throw new InputError(name, `page too large (${bytes.length} bytes; limit ${MAX_HTML_BYTES})`)
    const html = decodeMarkup(name, bytes, { contentType: origin.contentType })
    return single(
      parseHtmlDocument(
        html,
        { id: origin.id, source: origin.source, pageUrl: origin.pageUrl },
        defaults,
      ),
    )
  }
  if (kind === 'rss' || kind === 'atom') {
    if (bytes.length > MAX_FEED_BYTES)
      throw new InputError(name, `feed too large (${bytes.length} bytes; limit ${MAX_FEED_BYTES})`)
    const xml = decodeMarkup(name, bytes, { contentType: origin.contentType })
    const { items, problems } = parseFeedDocuments(xml, { source: origin.source }, defaults)
    return { items: items.map((item) => ({ ...item, input: origin.input })), problems }
  }
  throw new InputError(
    name,
    `not an article, page or feed (XML with root element <${kind.xmlRoot}>)`,
  )
}

/** Reads `-`: pasted text (or a page or feed piped in), up to MAX_INPUT_BYTES. */
async function readStdin(stream: NodeJS.ReadableStream, defaults: DocumentDefaults) {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    total += buffer.length
    if (total > MAX_INPUT_BYTES)
      throw new InputError('-', `standard input too large (more than ${MAX_INPUT_BYTES} bytes)`)
    chunks.push(buffer)
  }
  const bytes = new Uint8Array(Buffer.concat(chunks))
  if (bytes.length === 0) throw new InputError('-', 'standard input is empty')
  return itemsFromBytes(
    bytes,
    {
      input: '-',
      source: '-',
      id: `stdin-${sha256(bytes).slice(0, 12)}`,
      revisionKey: null,
      contentType: null,
      pageUrl: null,
    },
    defaults,
  )
}

async function readUrl(url: string, defaults: DocumentDefaults, options: ReadOptions) {
  if (!options.allowNetwork) {
    throw new InputError(url, 'URL inputs need --allow-network (network access is off by default)')
  }
  const page = await fetchUrl(url, {
    ...options.fetch,
    allowPrivate: options.allowPrivate ?? false,
  })
  return itemsFromBytes(
    page.bytes,
    {
      input: url,
      source: url,
      id: `url-${sha256(new TextEncoder().encode(page.url)).slice(0, 12)}`,
      revisionKey: page.url,
      contentType: page.contentType,
      pageUrl: page.url,
    },
    defaults,
  )
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The files an ingest of `path` reads, in the order it reads them: the path itself when it is a
 * file, else the directory walked in name order, skipping hidden files, a folder's own paperwork
 * and what is not an article. Listing names first lets a large directory be read in chunks.
 */
export async function expandPath(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new InputError(path, 'no such file or directory')
    if (error.code === 'EACCES') throw new InputError(path, 'permission denied')
    throw new InputError(path, error.message)
  })
  if (info.isFile()) return [path]
  if (!info.isDirectory()) throw new InputError(path, 'not a regular file or directory')
  const entries = await readdir(path, { withFileTypes: true })
  entries.sort((a, b) => a.name.localeCompare(b.name))
  const files: string[] = []
  for (const entry of entries) {
    // Hidden files and a folder's own paperwork (README, LICENSE, CHANGELOG) are not articles.
    if (
      entry.name.startsWith('.') ||
      /^(?:readme|license|licence|changelog|contributing)(?:\.|$)/i.test(entry.name)
    )
      continue
    const full = join(path, entry.name)
    if (entry.isDirectory()) files.push(...(await expandPath(full)))
    else if (entry.isFile() && WALKED_EXTENSIONS.has(extname(entry.name).toLowerCase()))
      files.push(full)
  }
  return files
}

/** Reads one text article, refusing binary, empty and oversized files with a clear reason. */
export async function readTextFile(
  file: string,
  defaults: DocumentDefaults = {},
): Promise<SourceDocument> {
  const info = await stat(file)
  if (info.size > MAX_INPUT_BYTES)
    throw new InputError(file, `file too large (${info.size} bytes; limit ${MAX_INPUT_BYTES})`)
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      file,
      error.code === 'EACCES' ? 'permission denied' : `unreadable (${error.code ?? error.message})`,
    )
  })
  const raw = decodeText(file, bytes)
  const id = basename(file, extname(file))
  return parseTextDocument(raw, { id, source: file }, defaults)
}

/**
 * Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8 (legacy pages and
 * files). Bytes that look binary (NUL bytes, many control characters) are refused.
 */
export function decodeText(input: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(input, 'empty file (0 bytes)')
  // UTF-16 text (Windows "Unicode") has NUL bytes but announces itself with a byte order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) throw new InputError(input, 'binary file (contains NUL bytes), not text')
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  if (control > sample.length * 0.1)
    throw new InputError(input, 'binary file (too many control characters), not text')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return decodeWindows1252(bytes)
  }
}

function asInputError(input: string, error: unknown): InputError {
  if (error instanceof InputError) return error
  return new InputError(input, error instanceof Error ? error.message : String(error))
}
