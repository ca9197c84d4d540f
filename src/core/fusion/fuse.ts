import type { AnalysisEvent, Entity } from '../model/analysis.js'
import { FusionState } from './fusion-state.js'
import type { FusionInput, FusionResult } from './fusion-types.js'

/**
 * Fuses analysed articles into one source-attributed picture: syndication groups, stories,
 * merged entities, claims with their independent origins and status, disputes, the control map
 * by day, the timeline, framing per outlet and the revision history. Documents are taken in the
 * given (ingest) order; events and entities are matched to them by document id.
 *
 * @example
 * const picture = fuse({ documents, events, entities, affiliations, containment })
 * picture.disputes.map((dispute) => dispute.summary)
 */
export function fuse(input: FusionInput): FusionResult {
  const eventsByDoc = new Map<string, AnalysisEvent[]>()
  for (const event of input.events) {
    const list = eventsByDoc.get(event.doc)
    if (list === undefined) eventsByDoc.set(event.doc, [event])
    else list.push(event)
  }
  // An entity belongs to the first document that mentions it; one without mentions goes with
  // the first document so its aliases are still merged.
  const entitiesByDoc = new Map<string, Entity[]>()
  const firstDoc = input.documents[0]?.id ?? ''
  for (const entity of input.entities) {
    const doc = entity.mentions[0]?.doc ?? firstDoc
    const list = entitiesByDoc.get(doc)
    if (list === undefined) entitiesByDoc.set(doc, [entity])
    else list.push(entity)
  }
  const state = new FusionState(input)
  for (const document of input.documents) {
    state.add({
      document,
      events: eventsByDoc.get(document.id) ?? [],
      entities: entitiesByDoc.get(document.id) ?? [],
    })
  }
  return state.snapshot()
}
