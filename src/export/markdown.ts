import type { Analysis, AnalysisEvent, Claim, DateValue, Dispute } from '../core/model/analysis.js'
import { groupClaimOrigins } from './claim-origins.js'

/** How many quotes each side of a dispute shows: enough to see the clash, short enough for chat. */
const QUOTES_PER_SIDE = 2
/** Longest quote kept whole; longer ones are cut at a word boundary with an ellipsis. */
const MAX_QUOTE = 240

/**
 * A brief an editor can paste into a newsroom chat (CommonMark/GFM): what is disputed first,
 * each dispute with both sides, their sources and their sentences; then what is corroborated and
 * by how many independent origins; then the timeline; then the outlets read. Every piece of article text (quotes,
 * titles, outlet and place names) goes through `escapeMarkdown`, so an article cannot add links,
 * HTML, headings or emphasis to the brief. Deterministic: no clock, analysis order throughout.
 */
export function renderMarkdown(analysis: Analysis): string {
  const events = new Map(analysis.events.map((event) => [event.id, event]))
  const claims = new Map(analysis.claims.map((claim) => [claim.id, claim]))
  const outletOf = new Map(analysis.documents.map((doc) => [doc.id, doc.outlet ?? doc.id]))
  const publishedOf = new Map(analysis.documents.map((doc) => [doc.id, doc.published]))
  const lines: string[] = []

  const outlets = new Set(analysis.documents.map((doc) => doc.outlet ?? doc.id))
  const days = analysis.documents
    .map((doc) => doc.published)
    .filter((day) => day !== null)
    .sort()
  const span = days.length > 0 ? `, published ${formatRange(days[0]!, days[days.length - 1]!)}` : ''
  lines.push('# Brief')
  lines.push('')
  lines.push(
    `${analysis.documents.length} articles from ${outlets.size} outlets${span}: ${analysis.claims.length} claims, ${count(analysis.claims, 'corroborated')} corroborated, ${analysis.disputes.length} disputes.`,
  )

  /** “quote” (Outlet, 2025-03-10) */
  const quote = (event: AnalysisEvent): string => {
    const published = publishedOf.get(event.doc)
    return `“${escapeMarkdown(shorten(event.evidence.text))}” (${escapeMarkdown(outletOf.get(event.doc) ?? event.doc)}${published ? `, ${published}` : ''})`
  }

  lines.push('', '## Disputed', '')
  const disputedClaims = new Set(analysis.disputes.flatMap((dispute) => dispute.claims))
  const looseDisputed = analysis.claims.filter(
    (claim) => claim.status === 'disputed' && !disputedClaims.has(claim.id),
  )
  if (analysis.disputes.length === 0 && looseDisputed.length === 0) lines.push('Nothing disputed.')
  for (const dispute of analysis.disputes) {
    lines.push(`- **${escapeMarkdown(dispute.summary)}** _(${escapeMarkdown(dispute.kind)})_`)
    for (const side of sidesOf(dispute, claims, events)) {
      const sources =
        side.sources.length > 0 ? side.sources.map(escapeMarkdown).join(', ') : 'unattributed'
      lines.push(`  - ${escapeMarkdown(side.label)}: ${sources}`)
      for (const event of side.events.slice(0, QUOTES_PER_SIDE)) lines.push(`    - ${quote(event)}`)
    }
  }
  for (const claim of looseDisputed) {
    lines.push(`- **${describeClaim(claim)}**`)
    for (const side of sidesOfClaim(claim, events)) {
      lines.push(
        `  - ${escapeMarkdown(side.label)}: ${side.sources.map(escapeMarkdown).join(', ') || 'unattributed'}`,
      )
      for (const event of side.events.slice(0, QUOTES_PER_SIDE)) lines.push(`    - ${quote(event)}`)
    }
  }

  lines.push('', '## Corroborated', '')
  const corroborated = analysis.claims
    .filter((claim) => claim.status === 'corroborated')
    // Most independent origins first; ties keep analysis order (sort is stable).
    .sort((a, b) => b.independentGroups - a.independentGroups)
  if (corroborated.length === 0) lines.push('Nothing corroborated by independent sources yet.')
  for (const claim of corroborated) {
    const origins = groupClaimOrigins(claim, analysis, events)
      .filter((origin) => origin.stance !== 'denied')
      .map(
        (origin) =>
          `${escapeMarkdown(origin.origin)} (${origin.outlets.map(escapeMarkdown).join(', ')})`,
      )
    lines.push(
      `- **${describeClaim(claim)}**: ${claim.independentGroups} independent origins: ${origins.join('; ')}`,
    )
    const first = claim.events
      .map((id) => events.get(id))
      .find((event) => event !== undefined && event.stance !== 'denied')
    if (first) lines.push(`  - ${quote(first)}`)
  }

  lines.push('', '## Timeline', '')
  if (analysis.timeline.length === 0) lines.push('No dated claims.')
  for (const entry of analysis.timeline) {
    const flag =
      entry.status === 'disputed'
        ? ' ⚠ disputed'
        : entry.status === 'corroborated'
          ? ' ✓ corroborated'
          : ''
    const conflict = entry.dateConflict ? ' (reports disagree on the date)' : ''
    lines.push(`- ${formatDate(entry.date)}: ${escapeMarkdown(entry.summary)}${flag}${conflict}`)
  }
  lines.push('', '## Outlets read', '')
  // Who the brief rests on: each outlet with its article count and publication days, so an
  // editor sees at a glance whether one voice dominates.
  const byOutlet = new Map<string, (string | null)[]>()
  for (const doc of analysis.documents) {
    const outlet = doc.outlet ?? doc.id
    byOutlet.set(outlet, [...(byOutlet.get(outlet) ?? []), doc.published])
  }
  for (const [outlet, published] of [...byOutlet].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  )) {
    const dated = published.filter((day) => day !== null).sort()
    const when = dated.length > 0 ? `, ${formatRange(dated[0]!, dated[dated.length - 1]!)}` : ''
    lines.push(
      `- ${escapeMarkdown(outlet)}: ${published.length} article${published.length === 1 ? '' : 's'}${when}`,
    )
  }
  return lines.join('\n') + '\n'
}

interface Side {
  readonly label: string
  readonly sources: readonly string[]
  readonly events: readonly AnalysisEvent[]
}

/** The dispute's own sides when fusion gave them, else asserting vs denying reports of its claims. */
function sidesOf(
  dispute: Dispute,
  claims: ReadonlyMap<string, Claim>,
  events: ReadonlyMap<string, AnalysisEvent>,
): Side[] {
  if (dispute.sides && dispute.sides.length > 0) {
    return dispute.sides.map((side) => ({
      label: side.label,
      sources: side.sources,
      events: pick(side.events, events),
    }))
  }
  const sides: Side[] = []
  for (const id of dispute.claims) {
    const claim = claims.get(id)
    if (claim) sides.push(...sidesOfClaim(claim, events))
  }
  return sides
}

function sidesOfClaim(claim: Claim, events: ReadonlyMap<string, AnalysisEvent>): Side[] {
  const reports = pick(claim.events, events)
  const sides: Side[] = [
    {
      label: `says ${claim.summary ?? claim.type.replace(/_/g, ' ')}`,
      sources: claim.asserting,
      events: reports.filter((event) => event.stance !== 'denied'),
    },
  ]
  if (claim.denying.length > 0)
    sides.push({
      label: 'denies it',
      sources: claim.denying,
      events: reports.filter((event) => event.stance === 'denied'),
    })
  return sides
}

function pick(ids: readonly string[], events: ReadonlyMap<string, AnalysisEvent>): AnalysisEvent[] {
  return ids.map((id) => events.get(id)).filter((event) => event !== undefined)
}

/** "Opposition took control of Valmora (2025-03-09)" or "control, Valmora", as escaped Markdown. */
function describeClaim(claim: Claim): string {
  const when = claim.date ? ` (${formatDate(claim.date)})` : ''
  if (claim.summary) return `${escapeMarkdown(claim.summary)}${when}`
  const parts: string[] = [claim.type.replace(/_/g, ' ')]
  if (claim.place) parts.push(claim.place.name)
  return `${escapeMarkdown(parts.join(', '))}${when}`
}

function formatDate(date: Pick<DateValue, 'start' | 'end'>): string {
  return formatRange(date.start, date.end)
}

function formatRange(start: string, end: string): string {
  return start === end ? start : `${start} to ${end}`
}

function count(claims: readonly Claim[], status: Claim['status']): number {
  return claims.filter((claim) => claim.status === status).length
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= MAX_QUOTE) return flat
  const cut = flat.lastIndexOf(' ', MAX_QUOTE)
  return `${flat.slice(0, cut > MAX_QUOTE / 2 ? cut : MAX_QUOTE)}…`
}

// Characters that open inline markup in CommonMark/GFM: emphasis [*_~], code [`], links and
// images [[]] (without brackets, "(…)" and "!" are plain text), raw HTML and autolinks [<>],
// entities [&], tables [|], escapes [\].
const INLINE_MARKUP = /[\\`*_~[\]<>&|]/g
const ENTITIES: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' }

/**
 * Article-derived text as inert Markdown: one line (line breaks would start blocks), every
 * markup character escaped, `<`, `>` and `&` as entities, and the starts of bare autolinks
 * broken (`http\://`, `www\.`, `name\@host`) so GFM and chat clients do not turn them into
 * links. The rendered text reads exactly as the article did.
 */
export function escapeMarkdown(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
  let out = flat.replace(INLINE_MARKUP, (char) => ENTITIES[char] ?? `\\${char}`)
  // The [https]://evil.example link is kept as text: escape the colon after a scheme.
  out = out.replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
  // Visit [www.]evil.example and write to [x@evil].example: break the autolink triggers.
  out = out.replace(/\b(www)\./gi, '$1\\.').replace(/@/g, '\\@')
  // A line-start marker would only matter at the start of a line; our lines never start with
  // article text, but a leading [#] or [-] inside a list item still opens a heading or a list.
  out = out.replace(/^[#+\-=]/, '\\$&').replace(/^(\d+)\./, '$1\\.')
  return out
}
