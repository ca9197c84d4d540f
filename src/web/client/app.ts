/**
 * The app shell: header, view navigation (by URL hash, so it also works from a `file://`
 * report), the current view and the evidence panel. Data comes from a DataSource; when it
 * announces an update the analysis is reloaded and the current view redrawn in place.
 */
import type { Analysis } from '../../core/model/analysis.js'
import type { AnalysisIndex } from './analysis-index.js'
import { formatDay, indexAnalysis } from './analysis-index.js'
import { EvidencePanel } from './components/evidence-panel.js'
import { h, replaceChildren } from './components/dom.js'
import type { DataSource } from './data-source.js'
import { disputesView } from './views/disputes-view.js'
import { framingView } from './views/framing-view.js'
import { ledgerView } from './views/ledger-view.js'
import { mapView } from './views/map-view.js'
import { summaryView } from './views/summary-view.js'
import { timelineView } from './views/timeline-view.js'
import type { View, ViewDefinition, ViewState } from './views/view.js'

/** The views, in navigation order. */
export const VIEWS: readonly ViewDefinition[] = [
  summaryView,
  mapView,
  timelineView,
  ledgerView,
  disputesView,
  framingView,
]

export async function startApp(root: HTMLElement, source: DataSource): Promise<void> {
  const subtitle = h('p', { class: 'subtitle' }, 'Loading…')
  const status = h(
    'p',
    { class: 'live-status', 'aria-live': 'polite' },
    source.live ? 'Live' : 'Read-only report',
  )
  const links = VIEWS.map((view) =>
    h('a', { href: `#${view.id}`, 'data-view': view.id }, view.label),
  )
  const main = h('main', { id: 'view', tabindex: '-1' })
  const aside = h('aside', {
    id: 'evidence',
    class: 'evidence',
    role: 'dialog',
    'aria-labelledby': 'evidence-title',
  })
  replaceChildren(
    root,
    h('a', { class: 'skip', href: '#view' }, 'Skip to content'),
    h(
      'header',
      { class: 'top' },
      h('div', { class: 'brand' }, h('h1', null, 'Triangulate'), subtitle),
      h('nav', { 'aria-label': 'Views' }, links),
      status,
    ),
    main,
    aside,
  )

  let index: AnalysisIndex | null = null
  let current: View | null = null
  const state: ViewState = {
    day: null,
    followLatest: true,
    ledgerFilter: 'all',
    ledgerQuery: '',
    mapView: null,
  }
  const panel = new EvidencePanel(aside, () => index!)

  const show = (): void => {
    if (!index) return
    const id = location.hash.replace(/^#/, '')
    const definition = VIEWS.find((view) => view.id === id) ?? VIEWS[0]!
    for (const link of links) {
      if (link.dataset['view'] === definition.id) link.setAttribute('aria-current', 'page')
      else link.removeAttribute('aria-current')
    }
    current?.destroy?.()
    current = definition.render({
      index,
      state,
      openEvidence: (request, opener) => panel.open(request, opener ?? null),
    })
    replaceChildren(main, current.element)
    current.mounted?.()
    document.title = `${definition.label} · Triangulate`
  }

  const load = async (): Promise<void> => {
    const analysis: Analysis = await source.getAnalysis()
    index = indexAnalysis(analysis)
    const outlets = new Set(analysis.documents.map((doc) => doc.outlet ?? doc.id)).size
    const range =
      index.days.length > 0
        ? `, ${formatDay(index.days[0]!)} – ${formatDay(index.days[index.days.length - 1]!)}`
        : ''
    subtitle.textContent = `${analysis.documents.length} articles from ${outlets} outlets${range}`
    show()
  }

  window.addEventListener('hashchange', () => {
    if (panel.isOpen) panel.close()
    show()
    main.focus({ preventScroll: true })
  })
  try {
    await load()
  } catch (error) {
    replaceChildren(
      main,
      h(
        'p',
        { class: 'error', role: 'alert' },
        `Could not load the analysis: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
    return
  }
  source.onUpdate(() => {
    load().then(
      () => {
        status.textContent = `Live · updated ${new Date().toLocaleTimeString()}`
      },
      (error: unknown) => {
        status.textContent = `Live · update failed: ${error instanceof Error ? error.message : String(error)}`
      },
    )
  })
}
