/**
 * The evidence panel: opens the article behind a claim, event, entity or dispute with the
 * exact words highlighted and scrolled into view. Several groups (the two sides of a dispute,
 * asserting and denying reports) show side by side, each with its own article.
 */
import type { Span } from '../../../core/model/span.js'
import type { AnalysisIndex } from '../analysis-index.js'
import { formatDay } from '../analysis-index.js'
import { h, replaceChildren } from './dom.js'
import { renderMarkedText } from './highlight.js'

export interface EvidenceItem {
  readonly span: Span
  /** Who says it, e.g. "SOHR via Reuters · denied". */
  readonly label: string
}

export interface EvidenceGroup {
  readonly label: string
  readonly items: readonly EvidenceItem[]
}

export interface EvidenceRequest {
  readonly title: string
  readonly summary?: string
  readonly groups: readonly EvidenceGroup[]
}

export type OpenEvidence = (request: EvidenceRequest, opener?: HTMLElement | null) => void

export class EvidencePanel {
  private opener: HTMLElement | null = null

  constructor(
    private readonly root: HTMLElement,
    private readonly index: () => AnalysisIndex,
  ) {
    root.setAttribute('aria-hidden', 'true')
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close()
    })
  }

  open(request: EvidenceRequest, opener: HTMLElement | null = null): void {
    this.opener = opener
    const heading = h('h2', { id: 'evidence-title', tabindex: '-1' }, request.title)
    const groups = request.groups.filter((group) => group.items.length > 0)
    replaceChildren(
      this.root,
      h(
        'div',
        { class: 'evidence-head' },
        heading,
        h(
          'button',
          {
            class: 'close',
            type: 'button',
            'aria-label': 'Close evidence',
            onclick: () => this.close(),
          },
          '×',
        ),
      ),
      request.summary ? h('p', { class: 'evidence-summary' }, request.summary) : null,
      groups.length === 0
        ? h('p', { class: 'empty' }, 'No evidence spans recorded for this item.')
        : h(
            'div',
            { class: `evidence-groups count-${Math.min(groups.length, 2)}` },
            groups.map((group, groupIndex) => this.renderGroup(group, groupIndex)),
          ),
    )
    this.root.classList.add('open')
    this.root.setAttribute('aria-hidden', 'false')
    document.body.classList.add('evidence-open')
    heading.focus({ preventScroll: true })
    // On phones all groups share the panel's scroll box: the first group's mark decides.
    const scrolled = new Set<HTMLElement>()
    for (const text of this.root.querySelectorAll<HTMLElement>('.article-text')) {
      scrollToCurrent(text, scrolled)
    }
  }

  close(): void {
    this.root.classList.remove('open')
    this.root.setAttribute('aria-hidden', 'true')
    document.body.classList.remove('evidence-open')
    replaceChildren(this.root)
    this.opener?.focus()
    this.opener = null
  }

  get isOpen(): boolean {
    return this.root.classList.contains('open')
  }

  private renderGroup(group: EvidenceGroup, groupIndex: number): HTMLElement {
    const article = h('div', { class: 'article' })
    const list = h('ol', { class: 'evidence-items' })
    const buttons: HTMLButtonElement[] = []
    const select = (itemIndex: number): void => {
      buttons.forEach((button, i) => button.setAttribute('aria-pressed', String(i === itemIndex)))
      this.renderArticle(article, group, groupIndex, itemIndex)
    }
    group.items.forEach((item, itemIndex) => {
      const doc = this.index().documents.get(item.span.doc)
      const button = h(
        'button',
        {
          type: 'button',
          class: 'evidence-item',
          'aria-pressed': 'false',
          onclick: () => select(itemIndex),
        },
        h(
          'span',
          { class: 'who' },
          item.label,
          doc?.outlet && !item.label.startsWith(doc.outlet) ? ` — ${doc.outlet}` : '',
        ),
        item.span.text ? h('q', null, item.span.text) : null,
      )
      buttons.push(button)
      list.appendChild(h('li', null, button))
    })
    const pane = h(
      'section',
      { class: 'evidence-group', 'data-group': String(groupIndex) },
      h('h3', null, group.label),
      group.items.length > 1 ? list : null,
      article,
    )
    select(0)
    return pane
  }

  private renderArticle(
    target: HTMLElement,
    group: EvidenceGroup,
    groupIndex: number,
    itemIndex: number,
  ): void {
    const current = group.items[itemIndex]!
    const doc = this.index().documents.get(current.span.doc)
    if (!doc) {
      replaceChildren(
        target,
        h('p', { class: 'empty' }, `Document ${current.span.doc} is not in this analysis.`),
      )
      return
    }
    // Mark every span of this group that falls in the same article, the chosen one as current.
    const ranges = group.items
      .map((item, i) => ({ item, id: `${groupIndex}:${i}` }))
      .filter(({ item }) => item.span.doc === doc.id && item.span.end <= doc.text.length)
      .map(({ item, id }) => ({ start: item.span.start, end: item.span.end, id }))
    const meta = [doc.outlet, doc.published ? formatDay(doc.published) : null]
      .filter(Boolean)
      .join(' · ')
    const safeUrl = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null
    const text = h('div', { class: 'article-text' })
    text.appendChild(renderMarkedText(doc.text, ranges, `${groupIndex}:${itemIndex}`))
    replaceChildren(
      target,
      h('h4', { class: 'article-title' }, doc.title ?? doc.id),
      h(
        'p',
        { class: 'article-meta' },
        meta,
        safeUrl
          ? [
              ' · ',
              h('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer' }, 'original'),
            ]
          : null,
        h('span', { class: 'article-label' }, ` · ${current.label}`),
      ),
      text,
    )
    if (target.isConnected) scrollToCurrent(text, new Set())
  }
}

/**
 * Scrolls the current mark of an article to about a third of the way down its scroll box: the
 * article's own box on wide screens, the panel on phones. Only that box moves, so the panel's
 * title and the page behind it stay where they are (unlike `scrollIntoView`).
 */
function scrollToCurrent(text: HTMLElement, alreadyScrolled: Set<HTMLElement>): void {
  const mark = text.querySelector('mark.current')
  if (!mark) return
  let box: HTMLElement | null = text
  while (
    box &&
    !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))
  ) {
    box = box.parentElement
  }
  if (!box || alreadyScrolled.has(box)) return
  alreadyScrolled.add(box)
  const markBox = mark.getBoundingClientRect()
  const frame = box.getBoundingClientRect()
  // Already in sight: leave the box alone (on phones this keeps the panel's title visible).
  if (markBox.top >= frame.top && markBox.bottom <= Math.min(frame.bottom, window.innerHeight))
    return
  box.scrollTop += markBox.top - frame.top - box.clientHeight / 3
}
