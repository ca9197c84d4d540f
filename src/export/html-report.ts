/**
 * The static HTML report: one file holding the app bundle, its styles, the base map and the
 * analysis, opening offline from disk with the same views as the served app, read-only.
 *
 * Article text is data: the analysis travels as JSON in a `<script type="application/json">`
 * block with every `<` written as `\u003c`, so a `</script>` in an article cannot close the
 * block, and the app only ever turns it into text nodes. A Content-Security-Policy allows the
 * one bundled script and stylesheet by hash and nothing else, no network included.
 */
import { createHash } from 'node:crypto'
import type { Analysis } from '../core/model/analysis.js'
import type { WebAssets } from '../web/web-assets.js'
import { admin1Boundaries } from '../web/admin1-boundaries.js'
import { loadWebAssets, readBasemap } from '../web/web-assets.js'

export interface HtmlReportOptions {
  /** The built app; defaults to the bundle of this checkout or of `dist/web/`. */
  readonly assets?: WebAssets
  /** TopoJSON of the finer borders; defaults to world-atlas' 1:50m countries; null leaves it out. */
  readonly basemap?: string | null
  /** Admin-1 borders of the countries on the map (GeoJSON); defaults to Natural Earth's; null leaves them out. */
  readonly admin1?: string | null
  readonly title?: string
}

/** Countries of the analysis' places: the ones whose province borders the map draws. */
export function placeCountries(analysis: Analysis): string[] {
  const countries = new Set<string>()
  for (const entity of analysis.entities)
    if (entity.kind === 'place' && entity.country) countries.add(entity.country)
  return [...countries].sort()
}

/** Renders the analysis as one self-contained HTML file. */
export function renderHtmlReport(analysis: Analysis, options: HtmlReportOptions = {}): string {
  const assets = options.assets ?? loadWebAssets()
  const basemap = options.basemap === undefined ? readBasemap() : options.basemap
  const admin1 =
    options.admin1 === undefined
      ? JSON.stringify(admin1Boundaries(placeCountries(analysis)))
      : options.admin1
  assertInlineSafe(assets.js, 'app.js')
  const title = options.title ?? defaultTitle(analysis)
  const policy = [
    "default-src 'none'",
    `script-src '${sha256(assets.js)}'`,
    `style-src '${sha256(assets.css)}'`,
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${assets.css}</style>`,
    '</head>',
    '<body>',
    '<div id="app"><noscript>This report needs JavaScript to draw its views.</noscript></div>',
    `<script type="application/json" id="triangulate-data">${embedJson(JSON.stringify(analysis))}</script>`,
    basemap
      ? `<script type="application/json" id="triangulate-basemap">${embedJson(basemap)}</script>`
      : '',
    admin1
      ? `<script type="application/json" id="triangulate-admin1">${embedJson(admin1)}</script>`
      : '',
    `<script>${assets.js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/**
 * JSON text made safe inside a `<script>` element: `<` becomes `\u003c`, which JSON.parse reads
 * back as `<`, so neither `</script>` nor `<!--` can appear in the element's content.
 */
export function embedJson(json: string): string {
  return json.replace(/</g, '\\u003c')
}

function assertInlineSafe(js: string, name: string): void {
  // esbuild escapes these in string literals; if one slipped through, inlining would break the page.
  if (/<\/script|<!--/i.test(js))
    throw new Error(`html report: ${name} contains '</script' or '<!--' and cannot be inlined`)
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`
}

function defaultTitle(analysis: Analysis): string {
  const outlets = new Set(analysis.documents.map((doc) => doc.outlet ?? doc.id)).size
  return `Triangulate report: ${analysis.documents.length} articles, ${outlets} outlets`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
