/**
 * The timeline: one row per claim along a day axis. A claim pinned to one day is a dot; an
 * uncertain date ("last week", "early December") is a range bar as wide as the uncertainty.
 * Disputed claims and dates that cannot all hold are marked.
 */
import type { TimelineEntry } from '../../../core/model/analysis.js'
import { daysBetween, describeClaim, formatDateValue, formatDay } from '../analysis-index.js'
import { statusBadge } from '../components/badge.js'
import { h } from '../components/dom.js'
import { claimEvidence } from '../components/evidence-requests.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const timelineView: ViewDefinition = {
  id: 'timeline',
  label: 'Timeline',
  render: renderTimeline,
}

function renderTimeline(context: ViewContext): View {
  const { index, openEvidence } = context
  const entries = timelineEntries(context)
  const days = index.days
  const element = h(
    'section',
    { class: 'view timeline-view', 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, 'Timeline'),
    h(
      'p',
      { class: 'muted' },
      'A dot is a claim fixed to one day; a bar is the range its date could fall in. ',
      h('span', { class: 'flag' }, '⚑'),
      ' marks a disputed claim, ',
      h('span', { class: 'flag date-flag' }, '≠'),
      ' reports whose dates cannot both hold.',
    ),
  )
  if (entries.length === 0 || days.length === 0) {
    element.appendChild(h('p', { class: 'empty' }, 'No dated claims.'))
    return { element }
  }
  const first = days[0]!
  const total = days.length
  const position = (day: string): number =>
    (Math.min(Math.max(daysBetween(first, day), 0), total - 1) / total) * 100

  // Axis ticks: every day when few, else about eight evenly spaced days.
  const every = Math.max(1, Math.ceil(total / 8))
  const axis = h(
    'div',
    { class: 'timeline-axis', 'aria-hidden': 'true' },
    days
      .filter((_, i) => i % every === 0)
      .map((day) => {
        const tick = h('span', { class: 'tick' }, formatDay(day).replace(/ \d{4}$/, ''))
        tick.style.left = `${position(day)}%`
        return tick
      }),
  )
  const rows = h('ol', { class: 'timeline-rows plain' })
  for (const entry of entries) {
    const claim = index.claims.get(entry.claim)
    if (!claim) continue
    const single = entry.date.start === entry.date.end
    const bar = h('span', { class: `bar status-${entry.status}${single ? ' point' : ' range'}` })
    bar.style.left = `${position(entry.date.start)}%`
    if (!single)
      bar.style.width = `${((daysBetween(entry.date.start, entry.date.end) + 1) / total) * 100}%`
    rows.appendChild(
      h(
        'li',
        { class: 'timeline-row', 'data-claim': claim.id },
        h(
          'button',
          {
            type: 'button',
            class: 'timeline-label',
            onclick: (event: Event) =>
              openEvidence(claimEvidence(index, claim), event.currentTarget as HTMLElement),
          },
          entry.status === 'disputed'
            ? h('span', { class: 'flag', title: 'disputed' }, '⚑ ')
            : null,
          entry.dateConflict
            ? h('span', { class: 'flag date-flag', title: 'dates conflict' }, '≠ ')
            : null,
          h('span', null, entry.summary || describeClaim(claim)),
          h(
            'span',
            { class: 'muted when' },
            ` ${formatDateValue(entry.date)} (${entry.date.precision})`,
          ),
        ),
        h('div', { class: 'track', 'aria-hidden': 'true' }, bar),
        statusBadge(entry.status),
      ),
    )
  }
  element.append(h('div', { class: 'timeline' }, axis, rows))
  return { element }
}

/** The analysis' timeline, or one built from dated claims when the analysis has none. */
function timelineEntries(context: ViewContext): TimelineEntry[] {
  const { analysis } = context.index
  if (analysis.timeline.length > 0) return [...analysis.timeline]
  return analysis.claims
    .filter((claim) => claim.date)
    .map((claim) => ({
      date: claim.date!,
      claim: claim.id,
      summary: describeClaim(claim),
      status: claim.status,
    }))
    .sort((a, b) => a.date.start.localeCompare(b.date.start))
}
