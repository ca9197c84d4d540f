/**
 * The hand-written fixture copied `copies` times with fresh ids and shifted places, to measure
 * the app on a story of realistic size (200 copies = 1,000 articles, 1,600 events).
 */
import type { Analysis } from '../../../src/core/model/analysis.js'
import type { Span } from '../../../src/core/model/span.js'
import { fixtureAnalysis } from './fixture.js'

export function scaledAnalysis(copies: number): Analysis {
  const base = fixtureAnalysis()
  const parts = Array.from({ length: copies }, (_, k) => copy(base, k))
  return {
    ...base,
    documents: parts.flatMap((part) => part.documents),
    entities: parts.flatMap((part) => part.entities),
    events: parts.flatMap((part) => part.events),
    claims: parts.flatMap((part) => part.claims),
    disputes: parts.flatMap((part) => part.disputes),
    control: parts.flatMap((part) => part.control),
    timeline: parts.flatMap((part) => part.timeline),
  }
}

function copy(base: Analysis, k: number): Analysis {
  const id = (value: string): string => `${value}-${k}`
  const span = (s: Span): Span => ({ ...s, doc: id(s.doc) })
  // Spread the copies over a grid of about 4° so the clusterer has work at every zoom.
  const shift = { lat: (k % 15) * 0.27, lon: Math.floor(k / 15) * 0.3 }
  const place = <
    P extends { entity: string; name: string; lat: number | null; lon: number | null },
  >(
    p: P,
  ): P => ({
    ...p,
    entity: id(p.entity),
    name: `${p.name} ${k}`,
    lat: p.lat === null ? null : p.lat + shift.lat,
    lon: p.lon === null ? null : p.lon + shift.lon,
  })
  return {
    ...base,
    documents: base.documents.map((doc) => ({
      ...doc,
      id: id(doc.id),
      outlet: `${doc.outlet} ${k % 40}`,
    })),
    entities: base.entities.map((entity) => ({
      ...entity,
      id: entity.kind === 'place' ? id(entity.id) : entity.id,
      name: entity.kind === 'place' ? `${entity.name} ${k}` : entity.name,
      mentions: entity.mentions.map(span),
      ...(entity.lat != null && entity.lon != null
        ? { lat: entity.lat + shift.lat, lon: entity.lon + shift.lon }
        : {}),
    })),
    events: base.events.map((event) => ({
      ...event,
      id: id(event.id),
      doc: id(event.doc),
      place: event.place ? place(event.place) : null,
      evidence: span(event.evidence),
      ...(event.trigger ? { trigger: span(event.trigger) } : {}),
    })),
    claims: base.claims.map((claim) => ({
      ...claim,
      id: id(claim.id),
      place: claim.place ? place(claim.place) : null,
      events: claim.events.map(id),
      ...(claim.origins
        ? { origins: claim.origins.map((o) => ({ ...o, events: o.events.map(id) })) }
        : {}),
    })),
    disputes: base.disputes.map((dispute) => ({
      ...dispute,
      id: id(dispute.id),
      claims: dispute.claims.map(id),
      events: dispute.events.map(id),
      ...(dispute.sides
        ? { sides: dispute.sides.map((side) => ({ ...side, events: side.events.map(id) })) }
        : {}),
    })),
    control: base.control.map((state) => ({
      ...state,
      place: place(state.place),
      claims: state.claims.map(id),
    })),
    timeline: base.timeline.map((entry) => ({ ...entry, claim: id(entry.claim) })),
  }
}
