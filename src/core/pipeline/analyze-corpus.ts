import { fuse } from '../fusion/fuse.js'
import type { OutletAffiliation } from '../fusion/fusion-types.js'
import type { Lexicon } from '../lexicon/lexicon.js'
import { ANALYSIS_SCHEMA, type Analysis } from '../model/analysis.js'
import type { SourceDocument } from '../model/document.js'
import type { AnalysisEvent, Entity } from '../model/analysis.js'
import { analyzeDocument } from './analyze-document.js'
import { placeDisplayNames } from './place-display-names.js'

export interface CorpusOptions {
  readonly lexicon: Lexicon
  readonly affiliations?: readonly OutletAffiliation[]
  /** The caller's clock: the core reads none. */
  readonly generatedAt: string
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * Per-document analysis of every document, then fusion across them, as the contract document.
 * Documents with the same id keep the first; ids are the contract's join key.
 */
export function analyzeCorpus(documents: readonly SourceDocument[], options: CorpusOptions): Analysis {
  const { lexicon } = options
  const unique = [...new Map(documents.map((document) => [document.id, document])).values()]
  const analyses = unique.map((document, index) => {
    const analysis = analyzeDocument(document, lexicon)
    options.onProgress?.(index + 1, unique.length)
    return analysis
  })
  const gazetteer = lexicon.gazetteer
  // Places are shown under the name the articles use, before fusion writes its summaries.
  const displayNames = placeDisplayNames(analyses)
  const events: AnalysisEvent[] = analyses.flatMap((analysis) => analysis.events).map((event) => {
    const name = event.place ? displayNames.get(event.place.entity) : undefined
    return name && event.place ? { ...event, place: { ...event.place, name } } : event
  })
  const entities: Entity[] = analyses.flatMap((analysis) => analysis.entities).map((entity) => {
    const name = displayNames.get(entity.id)
    return name ? { ...entity, name } : entity
  })
  const fused = fuse({
    documents: unique,
    events,
    entities,
    ...(options.affiliations && { affiliations: options.affiliations }),
    containment: (id) => {
      const entry = gazetteer.get(id)
      if (!entry) return []
      return [...(entry.admin1 ? [entry.admin1] : []), `country:${entry.country}`].filter((parent) => parent !== id)
    },
    capitalOf: (id) => {
      const entry = gazetteer.get(id)
      if (!entry?.admin1) return null
      return gazetteer.get(entry.admin1)?.capital === id ? entry.admin1 : null
    },
  })
  return {
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
    diagnostics: analyses.flatMap((analysis) => analysis.diagnostics),
    stories: fused.stories,
    framing: fused.framing,
    history: fused.history,
    regionControl: fused.regionControl,
  }
}
