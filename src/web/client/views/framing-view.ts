/**
 * Framing: outlets as columns, and for each actor and each kind of action the words each outlet
 * chose ("rebels" / "terrorists", "withdrew" / "redeployed"). Loaded terms the analysis flagged
 * are emphasised. Every term opens the sentences it was read from.
 */
import type { Span } from '../../../core/model/span.js'
import type { Entity } from '../../../core/model/analysis.js'
import type { AnalysisIndex } from '../analysis-index.js'
import { labelEventType, outletOf } from '../analysis-index.js'
import { h } from '../components/dom.js'
import type { OpenEvidence } from '../components/evidence-panel.js'
import { entityEvidence } from '../components/evidence-requests.js'
import type { View, ViewContext, ViewDefinition } from './view.js'

export const framingView: ViewDefinition = {
  id: 'framing',
  label: 'Framing',
  render: renderFraming,
}

interface Term {
  readonly display: string
  readonly spans: Span[]
  loaded: boolean
}

/** outlet → lower-cased term → its uses, for one row. */
type Cells = Map<string, Map<string, Term>>

interface Row {
  readonly label: string
  readonly cells: Cells
  /** The actor's entity, whose mentions the row header opens. */
  readonly entity?: Entity
}

const ROW_LIMIT = 25

function renderFraming(context: ViewContext): View {
  const { index, openEvidence } = context
  const outlets = outletsByArticles(index)
  const actors = actorRows(index)
  const actions = actionRows(index)
  const element = h(
    'section',
    { class: 'view framing-view', 'aria-labelledby': 'framing-title' },
    h('h2', { id: 'framing-title' }, 'Framing'),
    h(
      'p',
      { class: 'muted' },
      'The words each outlet uses for the same actors and actions. ',
      h('em', { class: 'loaded' }, 'Emphasised'),
      ' terms are loaded; the number counts uses.',
    ),
    outlets.length === 0 || (actors.length === 0 && actions.length === 0)
      ? h('p', { class: 'empty' }, 'No actor or action terms found.')
      : h(
          'div',
          { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Framing table' },
          h(
            'table',
            { class: 'framing-table' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, ''),
                outlets.map((outlet) => h('th', { scope: 'col' }, outlet)),
              ),
            ),
            section('Actors', actors, outlets, openEvidence, index),
            section('Actions', actions, outlets, openEvidence, index),
          ),
        ),
  )
  return { element }
}

function section(
  title: string,
  rows: readonly Row[],
  outlets: readonly string[],
  openEvidence: OpenEvidence,
  index: AnalysisIndex,
): HTMLElement {
  return h(
    'tbody',
    null,
    rows.length > 0
      ? h(
          'tr',
          { class: 'section' },
          h('th', { scope: 'rowgroup', colspan: outlets.length + 1 }, title),
        )
      : null,
    rows.map((row) =>
      h(
        'tr',
        null,
        h(
          'th',
          { scope: 'row' },
          row.entity
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: (event: Event) =>
                    openEvidence(
                      entityEvidence(index, row.entity!),
                      event.currentTarget as HTMLElement,
                    ),
                },
                row.label,
              )
            : row.label,
        ),
        outlets.map((outlet) => {
          const terms = row.cells.get(outlet)
          if (!terms || terms.size === 0) return h('td', { class: 'none' }, '—')
          return h(
            'td',
            null,
            [...terms.entries()]
              .sort((a, b) => b[1].spans.length - a[1].spans.length)
              .map(([, found]) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class: `term${found.loaded ? ' loaded' : ''}`,
                    onclick: (event: Event) =>
                      openEvidence(
                        {
                          title: `“${found.display}” in ${outlet}`,
                          summary: `${row.label}: ${found.spans.length} use(s).`,
                          groups: [
                            {
                              label: outlet,
                              items: found.spans.map((span) => ({ span, label: `“${span.text}”` })),
                            },
                          ],
                        },
                        event.currentTarget as HTMLElement,
                      ),
                  },
                  found.display,
                  found.spans.length > 1
                    ? h('span', { class: 'count' }, ` ${found.spans.length}`)
                    : null,
                ),
              ),
          )
        }),
      ),
    ),
  )
}

function outletsByArticles(index: AnalysisIndex): string[] {
  const counts = new Map<string, number>()
  for (const doc of index.analysis.documents) {
    const outlet = doc.outlet ?? doc.id
    counts.set(outlet, (counts.get(outlet) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([outlet]) => outlet)
}

function addTerm(
  cells: Cells,
  outlet: string,
  term: string,
  span: Span | null,
  loaded: boolean,
): void {
  const key = term.trim().toLowerCase()
  if (key === '') return
  const terms = cells.get(outlet) ?? new Map<string, Term>()
  // Grouped by lower case; shown as first written ("Jordan", not "jordan").
  const found = terms.get(key) ?? { display: term.trim(), spans: [], loaded: false }
  if (span) found.spans.push(span)
  found.loaded ||= loaded
  terms.set(key, found)
  cells.set(outlet, terms)
}

/** Actors by how often they are named; the cells are the names each outlet used. */
function actorRows(index: AnalysisIndex): Row[] {
  const acting = new Set(
    index.analysis.events.flatMap((event) => event.actors.map((actor) => actor.entity)),
  )
  return index.analysis.entities
    .filter((entity) => isFramedActor(entity, acting) && entity.mentions.length > 0)
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, ROW_LIMIT)
    .map((entity) => {
      const cells: Cells = new Map()
      for (const mention of entity.mentions)
        addTerm(cells, outletOf(index, mention.doc), mention.text, mention, false)
      return { label: entity.name, cells, entity }
    })
}

/** Event types; the cells are each outlet's trigger words and the loaded terms flagged on its events. */
function actionRows(index: AnalysisIndex): Row[] {
  const rows = new Map<string, Cells>()
  for (const event of index.analysis.events) {
    const cells = rows.get(event.type) ?? new Map()
    const outlet = outletOf(index, event.doc)
    if (event.trigger) addTerm(cells, outlet, event.trigger.text, event.trigger, false)
    for (const term of event.framing)
      addTerm(cells, outlet, term, findTerm(index, event.evidence, term) ?? event.evidence, true)
    rows.set(event.type, cells)
  }
  return [...rows.entries()]
    .filter(([, cells]) => cells.size > 0)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([type, cells]) => ({ label: labelEventType(type), cells }))
}

/** The span of a loaded term inside the evidence sentence, so the highlight lands on the word. */
function findTerm(index: AnalysisIndex, evidence: Span, term: string): Span | null {
  const at = evidence.text.toLowerCase().indexOf(term.toLowerCase())
  if (at < 0) return null
  const doc = index.documents.get(evidence.doc)
  const start = evidence.start + at
  const end = start + term.length
  return doc ? { doc: evidence.doc, start, end, text: doc.text.slice(start, end) } : null
}

/**
 * The parties whose naming is contested: actors, and anyone an event names as acting. Countries
 * and organisations named in passing ("Jordan said", the monitor) have no framing to compare.
 */
function isFramedActor(entity: Entity, acting: ReadonlySet<string>): boolean {
  return entity.kind === 'actor' || acting.has(entity.id)
}
