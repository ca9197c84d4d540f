/**
 * The browser app's built files: the bundle (`app.js`), its stylesheet (`app.css`), the page
 * that loads them (`index.html`, no inline script, so it runs under `script-src 'self'`) and
 * the finer base map (`basemap.json`). The server serves them from `dist/web/`; the static
 * report inlines them.
 */
import { writeAdmin1Files } from './admin1-boundaries.js'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface WebAssets {
  readonly js: string
  readonly css: string
}

/** The repository root: the nearest folder above this module holding triangulate's package.json. */
export function findRepoRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && /"name":\s*"triangulate"/.test(readFileSync(manifest, 'utf8')))
      return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`web assets: no triangulate package.json above ${from}`)
    dir = parent
  }
}

const CLIENT_DIR = path.join('src', 'web', 'client')
export const WEB_OUT_DIR = path.join('dist', 'web')

/** Bundles the client with esbuild, in memory. Needs the sources and esbuild (a dev dependency). */
export function bundleWebAssets(root = findRepoRoot()): WebAssets {
  const require = createRequire(import.meta.url)
  const esbuild = require('esbuild') as typeof import('esbuild')
  const common = {
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    logLevel: 'silent',
  } as const
  const js = esbuild.buildSync({
    ...common,
    entryPoints: [path.join(root, CLIENT_DIR, 'main.ts')],
    outfile: 'app.js',
    format: 'iife',
    target: 'es2020',
  })
  const css = esbuild.buildSync({
    ...common,
    entryPoints: [path.join(root, CLIENT_DIR, 'styles', 'app.css')],
    outfile: 'app.css',
    // Leaflet's stylesheet points at a few small images; inline them so nothing is fetched.
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
  })
  return { js: js.outputFiles[0]!.text, css: css.outputFiles[0]!.text }
}

let cached: WebAssets | null = null

/**
 * The app bundle for the static report: built fresh from the sources when they and esbuild are
 * present (a checkout), else read from `dist/web/` (an installed build). Cached per process.
 */
export function loadWebAssets(root = findRepoRoot()): WebAssets {
  if (cached) return cached
  const sources = path.join(root, CLIENT_DIR, 'main.ts')
  if (existsSync(sources)) {
    try {
      cached = bundleWebAssets(root)
      return cached
    } catch (error) {
      if (!isMissingModule(error)) throw error
    }
  }
  const out = path.join(root, WEB_OUT_DIR)
  if (!existsSync(path.join(out, 'app.js'))) {
    throw new Error(`web assets: ${out}/app.js is missing; run npm run build`)
  }
  cached = {
    js: readFileSync(path.join(out, 'app.js'), 'utf8'),
    css: readFileSync(path.join(out, 'app.css'), 'utf8'),
  }
  return cached
}

function isMissingModule(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND'
}

/** The 1:50m Natural Earth borders as TopoJSON text (from the `world-atlas` package). */
export function readBasemap(): string {
  const require = createRequire(import.meta.url)
  return readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')
}

/** The served page: styles and script from the same origin, nothing inline. */
export const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'">
<title>Triangulate</title>
<link rel="stylesheet" href="app.css">
</head>
<body>
<div id="app"><p>Loading the analysis…</p></div>
<script src="app.js" defer></script>
</body>
</html>
`

/** Writes `app.js`, `app.css`, `index.html` and `basemap.json` into `outDir`; returns their sizes. */
export function writeWebAssets(outDir: string, root = findRepoRoot()): Record<string, number> {
  const assets = bundleWebAssets(root)
  mkdirSync(outDir, { recursive: true })
  const files: Record<string, string> = {
    'app.js': assets.js,
    'app.css': assets.css,
    'index.html': INDEX_HTML,
    'basemap.json': readBasemap(),
  }
  const sizes: Record<string, number> = {}
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(path.join(outDir, name), text)
    sizes[name] = Buffer.byteLength(text)
  }
  // Province and governorate borders, one file per country, fetched by the served app as needed.
  sizes['admin1/*.json'] = writeAdmin1Files(path.join(outDir, 'admin1'))
  return sizes
}
