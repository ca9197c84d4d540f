import type { AnalysisEvent, DateValue, EventActor } from '../../model/analysis.js'

/**
 * One article often tells one event several times: the headline, the lead, and a later
 * paragraph ("Rebels took Hama on Thursday." … "The fall of Hama came despite air strikes.").
 * Those are one event of that article, not several: the first telling is kept, with the first
 * actors named and the framing of all tellings, and the later sentences listed as `restatements`
 * so every telling stays traceable. Tellings stay apart when they differ in what they claim: another type,
 * place, stance or source, dates that cannot be the same day, or different numbers. (Sides are
 * not compared: one telling's actor reading is often incomplete, so they would split one event.)
 *
 * @example
 * // "Rebels took Hama." + "The capture of Hama was confirmed." (same outlet voice)
 * mergeRestatements(events) // → one control(Hama) event with one restatement
 */
export function mergeRestatements(events: readonly AnalysisEvent[]): AnalysisEvent[] {
  const kept: Merged[] = []
  const byKey = new Map<string, Merged[]>()
  for (const event of events) {
    const key = restatementKey(event)
    const earlier = byKey.get(key)?.find((candidate) => sameTelling(candidate.event, event))
    if (earlier) {
      earlier.absorb(event)
      continue
    }
    const merged = new Merged(event)
    kept.push(merged)
    const list = byKey.get(key)
    if (list) list.push(merged)
    else byKey.set(key, [merged])
  }
  return kept.map((merged, index) => merged.result(index))
}

function restatementKey(event: AnalysisEvent): string {
  return `${event.doc}|${event.type}|${event.place?.entity ?? ''}|${event.stance}|${event.source?.entity ?? event.source?.name ?? ''}`
}

function sameTelling(first: AnalysisEvent, later: AnalysisEvent): boolean {
  if (first.date && later.date && !overlaps(first.date, later.date)) return false
  const a = first.quantity
  const b = later.quantity
  if (a && b && (a.value !== b.value || a.unit !== b.unit)) return false
  return true
}

function overlaps(a: DateValue, b: DateValue): boolean {
  return a.start <= b.end && b.start <= a.end
}

class Merged {
  private readonly actors: EventActor[]
  private readonly framing: string[]
  private readonly restatements: AnalysisEvent['evidence'][] = []
  private date: DateValue | null
  private quantity: AnalysisEvent['quantity']

  constructor(readonly event: AnalysisEvent) {
    this.actors = [...event.actors]
    this.framing = [...event.framing]
    this.date = event.date
    this.quantity = event.quantity
  }

  absorb(event: AnalysisEvent): void {
    // The first telling that names who acted names them; later ones add nothing or a paraphrase.
    if (this.actors.length === 0) this.actors.push(...event.actors)
    for (const term of event.framing) if (!this.framing.includes(term)) this.framing.push(term)
    this.date ??= event.date
    this.quantity ??= event.quantity
    if (
      event.evidence.start !== this.event.evidence.start &&
      !this.restatements.some((span) => span.start === event.evidence.start)
    )
      this.restatements.push(event.evidence)
  }

  result(index: number): AnalysisEvent {
    const event: AnalysisEvent = {
      ...this.event,
      id: `${this.event.doc}#e${index + 1}`,
      actors: this.actors,
      framing: this.framing,
      date: this.date,
    }
    const withQuantity = this.quantity !== undefined ? { ...event, quantity: this.quantity } : event
    return this.restatements.length > 0
      ? { ...withQuantity, restatements: this.restatements }
      : withQuantity
  }
}
