/**
 * The summary: what is corroborated, what is disputed, who says what. The first screen an
 * editor sees; every line opens its evidence.
 */
import type { Claim } from '../../../core/model/analysis.js'
import { describeClaim, formatDay, originsOf, speakerOf } from '../analysis-index.js'
import { chip, statusBadge } from '../components/badge.js'
import { h } from '../components/dom.js'
import {
  claimEvidence,
  disputeEvidence,
  documentEvidence,
} from '../components/evidence-requests.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const summaryView: ViewDefinition = {
  id: 'summary',
  label: 'Summary',
  render: renderSummary,
}

const LIST_LIMIT = 12

function renderSummary(context: ViewContext): View {
  const { index, openEvidence } = context
  const { analysis } = index
  const outlets = new Set(analysis.documents.map((doc) => doc.outlet ?? doc.id))
  const byStatus = (status: Claim['status']): Claim[] =>
    analysis.claims.filter((claim) => claim.status === status)
  const corroborated = byStatus('corroborated').sort(
    (a, b) => b.independentGroups - a.independentGroups,
  )
  const disputed = byStatus('disputed')
  const single = byStatus('single-source')
  const range =
    index.days.length > 0
      ? `${formatDay(index.days[0]!)} – ${formatDay(index.days[index.days.length - 1]!)}`
      : 'undated'

  const claimButton = (claim: Claim): HTMLElement =>
    h(
      'li',
      null,
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: (event: Event) =>
            openEvidence(claimEvidence(index, claim), event.currentTarget as HTMLElement),
        },
        describeClaim(claim),
      ),
      ' ',
      h(
        'span',
        { class: 'muted' },
        `${claim.independentGroups} independent origin${claim.independentGroups === 1 ? '' : 's'}`,
      ),
    )

  const element = h(
    'section',
    { class: 'view summary-view', 'aria-labelledby': 'summary-title' },
    h('h2', { id: 'summary-title' }, 'What the reports say'),
    h(
      'dl',
      { class: 'figures' },
      figure(analysis.documents.length, 'articles'),
      figure(outlets.size, 'outlets'),
      figure(analysis.claims.length, 'claims'),
      figure(corroborated.length, 'corroborated'),
      figure(analysis.disputes.length, 'disputes'),
      figure(single.length, 'single source'),
    ),
    h('p', { class: 'muted' }, `Dates covered: ${range}.`),
    h(
      'div',
      { class: 'summary-columns' },
      h(
        'section',
        { class: 'card' },
        h('h3', null, 'Corroborated'),
        corroborated.length === 0
          ? h('p', { class: 'empty' }, 'No claim is confirmed by two independent origins yet.')
          : h('ul', { class: 'plain' }, corroborated.slice(0, LIST_LIMIT).map(claimButton)),
        more(corroborated.length),
      ),
      h(
        'section',
        { class: 'card' },
        h('h3', null, 'Disputed'),
        analysis.disputes.length === 0 && disputed.length === 0
          ? h('p', { class: 'empty' }, 'No disputes found.')
          : h(
              'ul',
              { class: 'plain' },
              analysis.disputes.slice(0, LIST_LIMIT).map((dispute) =>
                h(
                  'li',
                  null,
                  statusBadge('disputed'),
                  ' ',
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'link',
                      onclick: (event: Event) =>
                        openEvidence(
                          disputeEvidence(index, dispute),
                          event.currentTarget as HTMLElement,
                        ),
                    },
                    dispute.summary,
                  ),
                ),
              ),
            ),
        more(analysis.disputes.length),
      ),
      h('section', { class: 'card' }, h('h3', null, 'Who says what'), whoSaysWhat(context)),
    ),
    articleList(context),
  )
  return { element }
}

function figure(value: number, label: string): HTMLElement {
  return h('div', { class: 'figure' }, h('dt', null, label), h('dd', null, String(value)))
}

function more(count: number): HTMLElement | null {
  return count > LIST_LIMIT
    ? h('p', { class: 'muted' }, `… and ${count - LIST_LIMIT} more in the ledger.`)
    : null
}

/** Each origin with how many claims it asserts and denies, and the outlets that carry it. */
function whoSaysWhat(context: ViewContext): HTMLElement {
  const { index } = context
  const rows = new Map<string, { asserts: number; denies: number; outlets: Set<string> }>()
  for (const claim of index.analysis.claims) {
    for (const origin of originsOf(index, claim)) {
      const row = rows.get(origin.origin) ?? { asserts: 0, denies: 0, outlets: new Set<string>() }
      if (origin.stance === 'denied') row.denies++
      else row.asserts++
      for (const outlet of origin.outlets) row.outlets.add(outlet)
      rows.set(origin.origin, row)
    }
  }
  if (rows.size === 0) {
    // No fused claims yet: fall back to the speakers of the per-article events.
    for (const event of index.analysis.events) {
      const speaker = speakerOf(index, event)
      const row = rows.get(speaker) ?? { asserts: 0, denies: 0, outlets: new Set<string>() }
      if (event.stance === 'denied') row.denies++
      else row.asserts++
      rows.set(speaker, row)
    }
  }
  const sorted = [...rows.entries()].sort(
    (a, b) => b[1].asserts + b[1].denies - (a[1].asserts + a[1].denies),
  )
  return h(
    'table',
    { class: 'who-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Origin'),
        h('th', { scope: 'col' }, 'Asserts'),
        h('th', { scope: 'col' }, 'Denies'),
        h('th', { scope: 'col' }, 'Carried by'),
      ),
    ),
    h(
      'tbody',
      null,
      sorted.slice(0, 20).map(([origin, row]) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, origin),
          h('td', null, String(row.asserts)),
          h('td', null, String(row.denies)),
          h(
            'td',
            null,
            [...row.outlets].sort().map((outlet) => chip(outlet)),
          ),
        ),
      ),
    ),
  )
}

/**
 * Every article, newest first, each opening its text; drawn when first expanded, so a story of a
 * thousand articles costs nothing until someone asks for the list.
 */
function articleList(context: ViewContext): HTMLElement {
  const { index, openEvidence } = context
  const list = h('ol', { class: 'plain article-list', id: 'article-list' })
  const details = h(
    'details',
    { class: 'card articles' },
    h('summary', null, `All ${index.analysis.documents.length} articles`),
    list,
  )
  details.addEventListener('toggle', () => {
    if (!details.open || list.childElementCount > 0) return
    const docs = [...index.analysis.documents].sort(
      (a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.id.localeCompare(b.id),
    )
    for (const doc of docs) {
      list.appendChild(
        h(
          'li',
          { 'data-doc': doc.id },
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: (event: Event) =>
                openEvidence(documentEvidence(index, doc), event.currentTarget as HTMLElement),
            },
            doc.title ?? doc.id,
          ),
          h(
            'span',
            { class: 'muted' },
            ` — ${doc.outlet ?? 'unknown outlet'}, ${doc.published ? formatDay(doc.published) : 'undated'}`,
            doc.duplicateOf
              ? `, a copy of ${index.documents.get(doc.duplicateOf)?.outlet ?? doc.duplicateOf}`
              : '',
          ),
        ),
      )
    }
  })
  return details
}
