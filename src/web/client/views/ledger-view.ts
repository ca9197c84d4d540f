/**
 * The claim ledger: every fused claim with its status, the independent origins asserting and
 * denying it, and the outlets that repeat each origin (so ten copies of one wire story read as
 * one voice carried ten times, not ten confirmations).
 */
import type { Claim } from '../../../core/model/analysis.js'
import type { Origin } from '../analysis-index.js'
import { describeClaim, originsOf } from '../analysis-index.js'
import { chip, statusBadge } from '../components/badge.js'
import { h, replaceChildren } from '../components/dom.js'
import { claimEvidence, entityEvidence } from '../components/evidence-requests.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const ledgerView: ViewDefinition = { id: 'ledger', label: 'Claims', render: renderLedger }

const FILTERS: readonly { id: string; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'disputed', label: 'Disputed' },
  { id: 'corroborated', label: 'Corroborated' },
  { id: 'single-source', label: 'Single source' },
]

/** Disputed first, then by independent origins, so the contested and the solid lead. */
const STATUS_ORDER: Readonly<Record<string, number>> = {
  disputed: 0,
  corroborated: 1,
  'single-source': 2,
}

function renderLedger(context: ViewContext): View {
  const { index, state } = context
  const list = h('ol', { class: 'ledger plain', id: 'ledger-list' })
  const count = h('p', { class: 'muted', 'aria-live': 'polite' })
  const search = h('input', {
    type: 'search',
    placeholder: 'Filter by place, type or source',
    'aria-label': 'Filter claims',
    value: state.ledgerQuery,
  })
  const filterButtons = FILTERS.map((filter) =>
    h(
      'button',
      {
        type: 'button',
        class: 'filter',
        'aria-pressed': String(state.ledgerFilter === filter.id),
        onclick: () => {
          state.ledgerFilter = filter.id
          filterButtons.forEach((button, i) =>
            button.setAttribute('aria-pressed', String(FILTERS[i]!.id === filter.id)),
          )
          draw()
        },
      },
      filter.label,
    ),
  )
  const sorted = [...index.analysis.claims].sort(
    (a, b) =>
      (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) ||
      b.independentGroups - a.independentGroups ||
      a.id.localeCompare(b.id),
  )
  const draw = (): void => {
    const query = state.ledgerQuery.trim().toLowerCase()
    const shown = sorted.filter(
      (claim) =>
        (state.ledgerFilter === 'all' || claim.status === state.ledgerFilter) &&
        (query === '' || searchText(claim).includes(query)),
    )
    count.textContent = `${shown.length} of ${sorted.length} claims`
    replaceChildren(
      list,
      shown.map((claim) => renderClaim(context, claim)),
    )
  }
  search.addEventListener('input', () => {
    state.ledgerQuery = search.value
    draw()
  })
  draw()
  const element = h(
    'section',
    { class: 'view ledger-view', 'aria-labelledby': 'ledger-title' },
    h('h2', { id: 'ledger-title' }, 'Claim ledger'),
    h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': 'Filter by status' },
      filterButtons,
      search,
    ),
    count,
    list,
  )
  return { element }
}

function searchText(claim: Claim): string {
  return [
    claim.type,
    claim.place?.name ?? '',
    claim.summary ?? '',
    ...claim.asserting,
    ...claim.denying,
  ]
    .join(' ')
    .toLowerCase()
}

function renderClaim(context: ViewContext, claim: Claim): HTMLElement {
  const { index, openEvidence } = context
  const origins = originsOf(index, claim)
  const asserting = origins.filter((origin) => origin.stance !== 'denied')
  const denying = origins.filter((origin) => origin.stance === 'denied')
  return h(
    'li',
    { class: `claim card status-${claim.status}`, 'data-claim': claim.id },
    h(
      'div',
      { class: 'claim-head' },
      h('h3', null, describeClaim(claim)),
      statusBadge(claim.status),
      h(
        'span',
        { class: 'muted' },
        `${claim.independentGroups} independent origin${claim.independentGroups === 1 ? '' : 's'}`,
      ),
    ),
    claim.summary ? h('p', null, claim.summary) : null,
    placeLink(context, claim),
    h(
      'div',
      { class: 'claim-sides' },
      originList('Asserting', asserting, claim.asserting),
      denying.length > 0 || claim.denying.length > 0
        ? originList('Denying', denying, claim.denying)
        : null,
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'evidence-button',
        onclick: (event: Event) =>
          openEvidence(claimEvidence(index, claim), event.currentTarget as HTMLElement),
      },
      `Show the ${claim.events.length} report${claim.events.length === 1 ? '' : 's'}`,
    ),
  )
}

/** Each origin, then the outlets repeating it; names the fusion listed but gave no origin for follow. */
function originList(
  label: string,
  origins: readonly Origin[],
  names: readonly string[],
): HTMLElement {
  const covered = new Set(origins.map((origin) => origin.origin))
  const rest = names.filter((name) => !covered.has(name))
  return h(
    'div',
    { class: `origins ${label.toLowerCase()}` },
    h('h4', null, label),
    h(
      'ul',
      { class: 'plain' },
      origins.map((origin) =>
        h(
          'li',
          null,
          h('strong', null, origin.origin),
          origin.outlets.length > 0 &&
            !(origin.outlets.length === 1 && origin.outlets[0] === origin.origin)
            ? [
                h('span', { class: 'muted' }, ' repeated by '),
                origin.outlets.map((outlet) => chip(outlet)),
              ]
            : null,
        ),
      ),
      rest.map((name) => h('li', null, h('strong', null, name))),
      origins.length === 0 && rest.length === 0 ? h('li', { class: 'empty' }, 'none') : null,
    ),
  )
}

/** The claim's place, opening every mention of it (how each outlet names it). */
function placeLink(context: ViewContext, claim: Claim): HTMLElement | null {
  const entity = claim.place ? context.index.entities.get(claim.place.entity) : undefined
  if (!entity) return null
  return h(
    'p',
    { class: 'muted place-line' },
    'Place: ',
    h(
      'button',
      {
        type: 'button',
        class: 'link',
        onclick: (event: Event) =>
          context.openEvidence(
            entityEvidence(context.index, entity),
            event.currentTarget as HTMLElement,
          ),
      },
      entity.name,
    ),
    entity.country ? ` (${entity.country})` : '',
    ` · ${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`,
  )
}
