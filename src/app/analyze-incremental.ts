import { fuse } from '../core/fusion/fuse.js'
import {
  ANALYSIS_SCHEMA,
  type Analysis,
  type AnalysisEvent,
  type Entity,
} from '../core/model/analysis.js'
import type { Diagnostic } from '../core/model/diagnostic.js'
import type { SourceDocument } from '../core/model/document.js'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { loadAffiliations } from '../datasets/affiliations/load-affiliations.js'
import { loadLexicon } from '../datasets/load-lexicon.js'

/** What the per-document pipeline found in one document, as fusion consumes it. */
export interface DocumentFacts {
  readonly events: readonly AnalysisEvent[]
  /** Entities of this document alone, before cross-document resolution. */
  readonly entities: readonly Entity[]
  readonly diagnostics: readonly Diagnostic[]
}

export interface IncrementalOptions {
  readonly generatedAt: string
  /** Called after each document the pipeline actually runs on: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * `analyzeDocuments` for a store: the per-document pipeline runs only on documents whose facts
 * are not known yet (the new ones), fusion then runs over all of them. The per-document
 * pipeline is pure (same document and engine, same facts), so reusing stored facts gives the
 * picture a full run gives; `incremental.test.ts` checks that against `analyzeDocuments`.
 * After an engine upgrade, `reanalyze` passes no known facts.
 *
 * This mirrors `analyzeCorpus` (core/pipeline/analyze-corpus.ts) step for step; if that gains
 * a hook for precomputed per-document analyses, call it instead.
 */
export function analyzeIncrementally(
  documents: readonly SourceDocument[],
  known: ReadonlyMap<string, DocumentFacts>,
  options: IncrementalOptions,
): { analysis: Analysis; facts: Map<string, DocumentFacts>; analysed: number } {
  const lexicon = loadLexicon()
  const unique = [...new Map(documents.map((document) => [document.id, document])).values()]
  const toRun = unique.filter((document) => !known.has(document.id)).length
  let done = 0
  const facts = new Map<string, DocumentFacts>()
  for (const document of unique) {
    let found = known.get(document.id)
    if (!found) {
      const analysis = analyzeDocument(document, lexicon)
      found = {
        events: analysis.events,
        entities: analysis.entities,
        diagnostics: analysis.diagnostics,
      }
      done++
      options.onProgress?.(done, toRun)
    }
    facts.set(document.id, found)
  }
  const all = [...facts.values()]
  const gazetteer = lexicon.gazetteer
  const fused = fuse({
    documents: unique,
    events: all.flatMap((found) => found.events),
    entities: all.flatMap((found) => found.entities),
    affiliations: loadAffiliations(),
    containment: (id) => {
      const entry = gazetteer.get(id)
      if (!entry) return []
      return [...(entry.admin1 ? [entry.admin1] : []), `country:${entry.country}`].filter(
        (parent) => parent !== id,
      )
    },
    capitalOf: (id) => {
      const entry = gazetteer.get(id)
      if (!entry?.admin1) return null
      return gazetteer.get(entry.admin1)?.capital === id ? entry.admin1 : null
    },
  })
  const analysis: Analysis = {
    schema: ANALYSIS_SCHEMA,
    generatedAt: options.generatedAt,
    documents: fused.documents.map((document) => ({
      id: document.id,
      source: document.source,
      outlet: document.outlet,
      url: document.url,
      published: document.published,
      publishedFrom: document.publishedFrom,
      title: document.title,
      text: document.text,
      duplicateOf: document.duplicateOf ?? null,
      syndicationGroup: document.syndicationGroup ?? null,
      ...(Object.keys(document.metadata).length > 0 && { metadata: document.metadata }),
    })),
    entities: fused.entities,
    events: all.flatMap((found) => found.events),
    claims: fused.claims,
    disputes: fused.disputes,
    control: fused.control,
    timeline: fused.timeline,
    diagnostics: all.flatMap((found) => found.diagnostics),
    stories: fused.stories,
    framing: fused.framing,
    history: fused.history,
    regionControl: fused.regionControl,
  }
  return { analysis, facts, analysed: done }
}
