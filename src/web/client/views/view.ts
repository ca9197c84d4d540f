import type { AnalysisIndex } from '../analysis-index.js'
import type { OpenEvidence } from '../components/evidence-panel.js'

/** What every view receives: the indexed analysis, the way to open evidence, shared state. */
export interface ViewContext {
  readonly index: AnalysisIndex
  readonly openEvidence: OpenEvidence
  /** Survives re-renders (live updates, switching views): the map's day, the ledger filter. */
  readonly state: ViewState
}

export interface ViewState {
  day: string | null
  /** True while the slider sits on the last day: a live update then moves it to the new last day. */
  followLatest: boolean
  ledgerFilter: string
  ledgerQuery: string
  /** Where the map was left, so a live update or a trip to another view does not reset it. */
  mapView: { lat: number; lon: number; zoom: number } | null
}

/** A rendered view; `destroy` releases what the DOM does not (the Leaflet map). */
export interface View {
  readonly element: HTMLElement
  /** Called once the element is in the document (Leaflet needs its size). */
  mounted?(): void
  destroy?(): void
}

export interface ViewDefinition {
  readonly id: string
  readonly label: string
  render(context: ViewContext): View
}
