import * as chrono from 'chrono-node'
import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { SourceDocument } from '../../src/core/model/document.js'

/** What the plain-library pipeline finds in one document. */
export interface BaselineFindings {
  readonly sentences: number
  readonly entities: number
  readonly dates: number
}

let nlp: ReturnType<typeof winkNLP> | null = null

/**
 * The reference pipeline the benchmark times beside ours: wink-nlp's sentence splitting and
 * named entities (its English lite model: dates, cardinals, ordinals, etc.; it has no person or
 * place types) and chrono-node's date parsing against the publication date. No gazetteer, no
 * attribution, no events, no fusion: what you get from libraries alone, as a speed floor.
 */
export function runBaseline(document: SourceDocument): BaselineFindings {
  nlp ??= winkNLP(model)
  const its = nlp.its
  const doc = nlp.readDoc(document.text)
  const entities = doc.entities().out(its.detail) as unknown[]
  const sentences = doc.sentences().length()
  const reference = document.published ? new Date(`${document.published}T12:00:00Z`) : new Date(0)
  const dates = chrono.parse(document.text, reference, { forwardDate: false }).length
  return { sentences, entities: entities.length, dates }
}
