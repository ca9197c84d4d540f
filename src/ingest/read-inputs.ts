import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { SourceDocument } from '../core/model/document.js'
import { InputError } from './input-error.js'
import { type DocumentDefaults, parseTextDocument } from './text-document.js'

/** File extensions a directory walk picks up as text articles. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text'])

/** Largest file read as one article; bigger inputs are refused, not truncated silently. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024

export interface ReadResult {
  readonly documents: SourceDocument[]
  readonly problems: InputError[]
}

/**
 * Reads every path (files, or directories walked recursively in name order) into documents.
 * A bad input becomes a problem naming it; the others are still read.
 */
export async function readInputs(paths: readonly string[], defaults: DocumentDefaults = {}): Promise<ReadResult> {
  const documents: SourceDocument[] = []
  const problems: InputError[] = []
  for (const path of paths) {
    let files: string[]
    try {
      files = await expandPath(path)
    } catch (error) {
      problems.push(asInputError(path, error))
      continue
    }
    for (const file of files) {
      try {
        documents.push(await readTextFile(file, defaults))
      } catch (error) {
        problems.push(asInputError(file, error))
      }
    }
  }
  return { documents, problems }
}

async function expandPath(path: string): Promise<string[]> {
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
    if (entry.name.startsWith('.')) continue
    const full = join(path, entry.name)
    if (entry.isDirectory()) files.push(...(await expandPath(full)))
    else if (entry.isFile() && TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(full)
  }
  return files
}

/** Reads one text article, refusing binary, empty and oversized files with a clear reason. */
export async function readTextFile(file: string, defaults: DocumentDefaults = {}): Promise<SourceDocument> {
  const info = await stat(file)
  if (info.size > MAX_INPUT_BYTES) throw new InputError(file, `file too large (${info.size} bytes; limit ${MAX_INPUT_BYTES})`)
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(file, error.code === 'EACCES' ? 'permission denied' : `unreadable (${error.code ?? error.message})`)
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
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const byte of sample) {
    if (byte === 0) throw new InputError(input, 'binary file (contains NUL bytes), not text')
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  if (control > sample.length * 0.1) throw new InputError(input, 'binary file (too many control characters), not text')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

function asInputError(input: string, error: unknown): InputError {
  if (error instanceof InputError) return error
  return new InputError(input, error instanceof Error ? error.message : String(error))
}
