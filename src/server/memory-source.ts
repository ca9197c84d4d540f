import { createHash } from 'node:crypto'
import type { Analysis } from '../core/model/analysis.js'
import type { SourceDocument } from '../core/model/document.js'
import { InputError } from '../ingest/input-error.js'
import { parseTextDocument } from '../ingest/text-document.js'
import type { AddedArticle, AnalysisSource, NewArticle } from './analysis-source.js'
import { extractHtmlText } from './extract-html-text.js'

export interface MemorySourceOptions {
  /** Turns documents into an analysis: the pipeline (`createInputsSource` passes it). */
  readonly analyze: (documents: readonly SourceDocument[]) => Analysis
  /** Defaults for posted articles that name no outlet or date (`--outlet`, `--published`). */
  readonly outlet?: string
  readonly published?: string
}

/**
 * Documents held in memory, analysed on first read and again after each added article. The
 * version counts the changes; it is per process (nothing else can write here).
 */
export function createMemorySource(
  initial: readonly SourceDocument[],
  options: MemorySourceOptions,
): AnalysisSource {
  const analyze = options.analyze
  const documents = [...initial]
  let version = 1
  let cached: { version: number; analysis: Analysis } | null = null
  // Writes run one at a time, so two posts never analyse the same snapshot twice.
  let queue: Promise<unknown> = Promise.resolve()

  return {
    async getAnalysis() {
      if (!cached || cached.version !== version) cached = { version, analysis: analyze(documents) }
      return cached.analysis
    },
    async version() {
      return version
    },
    addDocument(input: NewArticle): Promise<AddedArticle> {
      const run = queue.then(() => {
        const document = toSourceDocument(input, options)
        const existing = documents.find((candidate) => candidate.id === document.id)
        if (existing) return { id: existing.id, unchanged: true, version }
        documents.push(document)
        version += 1
        return { id: document.id, unchanged: false, version }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}

/**
 * A posted article as a SourceDocument. The id is a hash of the text, so the same article sent
 * twice is one document. Fields given in the request win over what the text or page says.
 */
function toSourceDocument(input: NewArticle, options: MemorySourceOptions): SourceDocument {
  const defaults = {
    ...((input.published ?? options.published) !== undefined && {
      published: (input.published ?? options.published)!,
    }),
    ...((input.outlet ?? options.outlet) !== undefined && {
      outlet: (input.outlet ?? options.outlet)!,
    }),
  }
  let raw: string
  let fromPage: {
    title: string | null
    outlet: string | null
    url: string | null
    published: string | null
  } | null = null
  if (input.text !== undefined) {
    raw = input.text
  } else if (input.html !== undefined) {
    const page = extractHtmlText(input.html)
    if (!page) throw new InputError('html', 'no readable article text in the page')
    raw = page.text
    fromPage = page
  } else {
    throw new InputError('body', 'give the article as "text" or "html"')
  }
  const id = `api-${createHash('sha256').update(raw).digest('hex').slice(0, 12)}`
  const pageDefaults = {
    ...defaults,
    ...(defaults.published === undefined &&
      fromPage?.published && { published: fromPage.published }),
    ...(defaults.outlet === undefined && fromPage?.outlet && { outlet: fromPage.outlet }),
  }
  const document = parseTextDocument(raw, { id, source: input.url ?? `api:${id}` }, pageDefaults)
  return {
    ...document,
    outlet: input.outlet ?? document.outlet,
    title: input.title ?? document.title ?? fromPage?.title ?? null,
    url: input.url ?? document.url ?? fromPage?.url ?? null,
    ...(input.published !== undefined && {
      published: input.published,
      publishedFrom: 'option' as const,
    }),
  }
}
