import { fuse } from '../fusion/fuse.js'
import type { FusionOptions, OutletAffiliation } from '../fusion/fusion-types.js'
import type { Gazetteer } from '../lexicon/gazetteer.js'
import type { Lexicon } from '../lexicon/lexicon.js'
import {
  ANALYSIS_SCHEMA,
  type Analysis,
  type AnalysisEvent,
  type Entity,
} from '../model/analysis.js'
import type { Diagnostic } from '../model/diagnostic.js'
import type { SourceDocument } from '../model/document.js'
import { analyzeDocument } from './analyze-document.js'
import { placeDisplayNames } from './place-display-names.js'

/** What the per-document pipeline found in one document, as fusion and the store keep it. */
export interface DocumentFacts {
  readonly events: readonly AnalysisEvent[]
  /** Entities of this document alone, before cross-document resolution. */
  readonly entities: readonly Entity[]
  readonly diagnostics: readonly Diagnostic[]
}

export interface CorpusOptions {
  readonly lexicon: Lexicon
  readonly affiliations?: readonly OutletAffiliation[]
  /** The caller's clock: the core reads none. */
  readonly generatedAt: string
  /** Called after each document the pipeline runs on: (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void
  /**
   * Facts already read from some documents (a store's earlier ingests). The pipeline is pure, so
   * reusing them gives the picture a full run gives; only the other documents are analysed.
   */
  readonly known?: ReadonlyMap<string, DocumentFacts>
}

/**
 * Per-document analysis of every document, then fusion across them, as the contract document.
 * Documents with the same id keep the first; ids are the contract's join key.
 */
export function analyzeCorpus(
  documents: readonly SourceDocument[],
  options: CorpusOptions,
): Analysis {
  return analyzeCorpusWithFacts(documents, options).analysis
}

/** `analyzeCorpus`, also returning each document's facts and how many documents were analysed. */
export function analyzeCorpusWithFacts(
  documents: readonly SourceDocument[],
  options: CorpusOptions,
): { analysis: Analysis; facts: Map<string, DocumentFacts>; analysed: number } {
  const { lexicon } = options
  const unique = [...new Map(documents.map((document) => [document.id, document])).values()]
  const toRun = unique.filter((document) => !options.known?.has(document.id)).length
  const facts = new Map<string, DocumentFacts>()
  let analysed = 0
  for (const document of unique) {
    let found = options.known?.get(document.id)
    if (!found) {
      const { events, entities, diagnostics } = analyzeDocument(document, lexicon)
      found = { events, entities, diagnostics }
      analysed++
      options.onProgress?.(analysed, toRun)
    }
    facts.set(document.id, found)
  }
  const all = [...facts.values()]
  const gazetteer = lexicon.gazetteer
  // Places are shown under the name the articles use, before fusion writes its summaries.
  const displayNames = placeDisplayNames(
    all.flatMap((found) => found.entities),
    gazetteer,
  )
  const events: AnalysisEvent[] = all
    .flatMap((found) => found.events)
    .map((event) => {
      const name = event.place ? displayNames.get(event.place.entity) : undefined
      return name && event.place ? { ...event, place: { ...event.place, name } } : event
    })
  const entities: Entity[] = all
    .flatMap((found) => found.entities)
    .map((entity) => {
      const name = displayNames.get(entity.id)
      return name ? { ...entity, name } : entity
    })
  const fused = fuse({
    documents: unique,
    events,
    entities,
    ...gazetteerFusionOptions(gazetteer, options.affiliations),
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
      ...(document.author && { author: document.author }),
      ...(document.language && { language: document.language }),
      text: document.text,
      duplicateOf: document.duplicateOf ?? null,
      syndicationGroup: document.syndicationGroup ?? null,
      ...(Object.keys(document.metadata).length > 0 && { metadata: document.metadata }),
    })),
    entities: fused.entities,
    events,
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
  return { analysis, facts, analysed }
}

/**
 * What fusion knows from the gazetteer besides the articles: the regions and country that contain
 * a place, and which region a city is the capital of. Every caller that fuses uses this one.
 */
export function gazetteerFusionOptions(
  gazetteer: Gazetteer,
  affiliations?: readonly OutletAffiliation[],
): FusionOptions {
  return {
    ...(affiliations && { affiliations }),
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
  }
}
