/**
 * What the evidence panel shows for each kind of item. Every view opens evidence through these,
 * so a claim looks the same whether it was clicked on the map, the timeline or the ledger.
 */
import type {
  AnalysisDocument,
  AnalysisEvent,
  Claim,
  Dispute,
  Entity,
} from '../../../core/model/analysis.js'
import type { AnalysisIndex } from '../analysis-index.js'
import {
  describeClaim,
  formatDateValue,
  labelEventType,
  outletOf,
  speakerOf,
} from '../analysis-index.js'
import type { EvidenceGroup, EvidenceItem, EvidenceRequest } from './evidence-panel.js'

/** "SOHR via Reuters · denied". */
export function labelEvent(index: AnalysisIndex, event: AnalysisEvent): string {
  const via =
    event.source?.via && event.source.via.length > 0 ? ` via ${event.source.via.join(', ')}` : ''
  return `${speakerOf(index, event)}${via} · ${event.stance}`
}

export function eventItem(index: AnalysisIndex, event: AnalysisEvent): EvidenceItem {
  return { span: event.evidence, label: labelEvent(index, event) }
}

export function describeEvent(event: AnalysisEvent): string {
  const parts = [labelEventType(event.type)]
  if (event.place) parts.push(event.place.name)
  if (event.date) parts.push(formatDateValue(event.date))
  return parts.join(' · ')
}

export function eventEvidence(index: AnalysisIndex, event: AnalysisEvent): EvidenceRequest {
  return {
    title: describeEvent(event),
    groups: [{ label: outletOf(index, event.doc), items: [eventItem(index, event)] }],
  }
}

/** Several events (a map cluster): one group per stance. */
export function eventsEvidence(
  index: AnalysisIndex,
  title: string,
  events: readonly AnalysisEvent[],
): EvidenceRequest {
  return { title, groups: splitByStance(index, events) }
}

export function claimEvidence(index: AnalysisIndex, claim: Claim): EvidenceRequest {
  const events = claim.events.flatMap((id) => index.events.get(id) ?? [])
  return {
    title: describeClaim(claim),
    summary: claim.summary ?? claimLine(claim),
    groups: splitByStance(index, events),
  }
}

function claimLine(claim: Claim): string {
  const asserting =
    claim.asserting.length > 0 ? `Asserted by ${claim.asserting.join(', ')}` : 'No asserting source'
  const denying = claim.denying.length > 0 ? `; denied by ${claim.denying.join(', ')}` : ''
  return `${asserting}${denying}. ${claim.independentGroups} independent origin(s).`
}

function splitByStance(index: AnalysisIndex, events: readonly AnalysisEvent[]): EvidenceGroup[] {
  const asserting = events.filter((event) => event.stance !== 'denied')
  const denying = events.filter((event) => event.stance === 'denied')
  const groups: EvidenceGroup[] = [
    {
      label: `Reports asserting (${asserting.length})`,
      items: asserting.map((e) => eventItem(index, e)),
    },
  ]
  if (denying.length > 0) {
    groups.push({
      label: `Reports denying (${denying.length})`,
      items: denying.map((e) => eventItem(index, e)),
    })
  }
  return groups
}

/** The two sides of a dispute, each with its reports. */
export function disputeEvidence(index: AnalysisIndex, dispute: Dispute): EvidenceRequest {
  return {
    title: `Dispute: ${dispute.kind}`,
    summary: dispute.summary,
    groups: disputeSides(index, dispute),
  }
}

/**
 * The sides of a dispute: the fusion's `sides` when present; otherwise asserting against
 * denying reports of its events, the most common shape of a dispute.
 */
export function disputeSides(index: AnalysisIndex, dispute: Dispute): EvidenceGroup[] {
  if (dispute.sides && dispute.sides.length > 0) {
    return dispute.sides.map((side) => ({
      label: side.sources.length > 0 ? `${side.label} (${side.sources.join(', ')})` : side.label,
      items: side.events.flatMap((id) => {
        const event = index.events.get(id)
        return event ? [eventItem(index, event)] : []
      }),
    }))
  }
  const ids = new Set(dispute.events)
  for (const claimId of dispute.claims)
    for (const id of index.claims.get(claimId)?.events ?? []) ids.add(id)
  const events = [...ids].flatMap((id) => index.events.get(id) ?? [])
  return splitByStance(index, events)
}

export function entityEvidence(index: AnalysisIndex, entity: Entity): EvidenceRequest {
  const byOutlet = new Map<string, EvidenceItem[]>()
  for (const mention of entity.mentions) {
    const outlet = outletOf(index, mention.doc)
    const items = byOutlet.get(outlet) ?? []
    items.push({ span: mention, label: `“${mention.text}”` })
    byOutlet.set(outlet, items)
  }
  const aliases = entity.aliases.filter((alias) => alias !== entity.name)
  return {
    title: entity.name,
    summary: `${entity.kind}${aliases.length > 0 ? `, also called ${aliases.join(', ')}` : ''}; ${entity.mentions.length} mention(s) in ${byOutlet.size} outlet(s).`,
    groups: [{ label: 'Mentions', items: [...byOutlet.values()].flat() }],
  }
}

/** A whole article, nothing highlighted (the article list). */
export function documentEvidence(index: AnalysisIndex, doc: AnalysisDocument): EvidenceRequest {
  const events = index.analysis.events.filter((event) => event.doc === doc.id)
  return {
    title: doc.title ?? doc.id,
    summary: `${events.length} reported event(s) found in this article.`,
    groups: [
      {
        label: doc.outlet ?? doc.id,
        items: [
          { span: { doc: doc.id, start: 0, end: 0, text: '' }, label: 'the article' },
          ...events.map((e) => eventItem(index, e)),
        ],
      },
    ],
  }
}
