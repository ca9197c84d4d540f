/**
 * Where the app's analysis comes from. One interface, two implementations: the static report
 * carries its analysis inline; the served app fetches it from the API and refetches when the
 * server announces an update over Server-Sent Events.
 */
import type { Analysis } from '../../core/model/analysis.js'

export interface DataSource {
  getAnalysis(): Promise<Analysis>
  /** Calls `callback` whenever newer data is available; returns a function that stops it. */
  onUpdate(callback: () => void): () => void
  /** True when the data can change while the page is open (shown in the header). */
  readonly live: boolean
}

/** The id of the `<script type="application/json">` element holding a report's analysis. */
export const INLINE_DATA_ID = 'triangulate-data'

/** Reads the analysis embedded in the page (the static report). Never changes. */
export class InlineDataSource implements DataSource {
  readonly live = false

  constructor(private readonly element: HTMLElement) {}

  async getAnalysis(): Promise<Analysis> {
    return parseAnalysis(this.element.textContent ?? '', `#${INLINE_DATA_ID}`)
  }

  onUpdate(): () => void {
    return () => {}
  }
}

/** Reads `GET /api/analysis` and listens to `/api/stream` (event `update`) for changes. */
export class ApiDataSource implements DataSource {
  readonly live = true

  constructor(private readonly base = 'api') {}

  async getAnalysis(): Promise<Analysis> {
    const response = await fetch(`${this.base}/analysis`, {
      headers: { accept: 'application/json' },
    })
    if (!response.ok)
      throw new Error(`${this.base}/analysis answered ${response.status} ${response.statusText}`)
    return parseAnalysis(await response.text(), `${this.base}/analysis`)
  }

  onUpdate(callback: () => void): () => void {
    if (typeof EventSource === 'undefined') return () => {}
    const stream = new EventSource(`${this.base}/stream`)
    stream.addEventListener('update', () => callback())
    return () => stream.close()
  }
}

/** The inline source when the page carries data, else the API. */
export function chooseDataSource(doc: Document): DataSource {
  const inline = doc.getElementById(INLINE_DATA_ID)
  return inline ? new InlineDataSource(inline) : new ApiDataSource()
}

function parseAnalysis(json: string, from: string): Analysis {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new Error(`${from}: not valid JSON`)
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as Analysis).documents)
  ) {
    throw new Error(`${from}: not a triangulate analysis (no documents array)`)
  }
  return value as Analysis
}
