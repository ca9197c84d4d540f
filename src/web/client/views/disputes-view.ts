/**
 * Disputes: for each, its plain summary and the two sides side by side, every report shown as
 * its sentence with the disputed words highlighted. "Compare in articles" opens both articles.
 */
import type { Dispute } from '../../../core/model/analysis.js'
import { labelEventType } from '../analysis-index.js'
import { h } from '../components/dom.js'
import { disputeEvidence, disputeSides } from '../components/evidence-requests.js'
import type { EvidenceItem } from '../components/evidence-panel.js'
import { renderMarkedText, sentenceAround } from '../components/highlight.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const disputesView: ViewDefinition = {
  id: 'disputes',
  label: 'Disputes',
  render: renderDisputes,
}

function renderDisputes(context: ViewContext): View {
  const disputes = context.index.analysis.disputes
  const element = h(
    'section',
    { class: 'view disputes-view', 'aria-labelledby': 'disputes-title' },
    h('h2', { id: 'disputes-title' }, 'Disputes'),
    disputes.length === 0
      ? h('p', { class: 'empty' }, 'The reports do not contradict each other on anything found.')
      : h(
          'ol',
          { class: 'plain disputes' },
          disputes.map((dispute) => renderDispute(context, dispute)),
        ),
  )
  return { element }
}

function renderDispute(context: ViewContext, dispute: Dispute): HTMLElement {
  const { index, openEvidence } = context
  const sides = disputeSides(index, dispute)
  return h(
    'li',
    { class: 'dispute card', 'data-dispute': dispute.id },
    h(
      'div',
      { class: 'dispute-head' },
      h('span', { class: 'badge status-disputed' }, `${labelEventType(dispute.kind)} dispute`),
      h(
        'button',
        {
          type: 'button',
          class: 'link dispute-open',
          onclick: (event: Event) =>
            openEvidence(disputeEvidence(index, dispute), event.currentTarget as HTMLElement),
        },
        dispute.summary,
      ),
    ),
    h(
      'div',
      { class: 'sides' },
      sides.map((side) =>
        h(
          'section',
          { class: 'side' },
          h('h3', null, side.label),
          h(
            'ul',
            { class: 'plain' },
            sameWords(side.items)
              .slice(0, 6)
              .map((items) => renderQuote(context, items)),
          ),
          sameWords(side.items).length > 6
            ? h('p', { class: 'muted' }, '… more reports in the articles.')
            : null,
        ),
      ),
    ),
  )
}

/** Reports with the same words (syndicated copies) shown once, with every outlet carrying them. */
function sameWords(items: readonly EvidenceItem[]): EvidenceItem[][] {
  const groups = new Map<string, EvidenceItem[]>()
  for (const item of items)
    groups.set(item.span.text, [...(groups.get(item.span.text) ?? []), item])
  return [...groups.values()]
}

/** The sentence around the evidence, the evidence itself marked, and who said it. */
function renderQuote(context: ViewContext, items: readonly EvidenceItem[]): HTMLElement {
  const item = items[0]!
  const doc = context.index.documents.get(item.span.doc)
  if (!doc) return h('li', null, item.span.text)
  const around = sentenceAround(doc.text, item.span.start, item.span.end)
  const sentence = h('blockquote', null)
  sentence.appendChild(
    renderMarkedText(
      doc.text,
      [{ start: item.span.start, end: item.span.end, id: 'quote' }],
      'quote',
      around.start,
      around.end,
    ),
  )
  const outlets = items.map((each) => {
    const outlet = context.index.documents.get(each.span.doc)?.outlet
    return outlet && !each.label.startsWith(outlet) ? `${each.label} — ${outlet}` : each.label
  })
  return h('li', { class: 'quote' }, sentence, h('p', { class: 'muted' }, outlets.join('; ')))
}
