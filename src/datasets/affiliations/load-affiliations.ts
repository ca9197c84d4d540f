import { resolve } from 'node:path'
import type { OutletAffiliation } from '../../core/fusion/fusion-types.js'
import { InputError } from '../../ingest/input-error.js'
import { dataDir } from '../load-lexicon.js'
import { readTsv } from '../read-tsv.js'

/** The default affiliations file, `data/lexicons/outlet-affiliations.tsv`. */
export function affiliationsPath(): string {
  return resolve(dataDir(), 'lexicons/outlet-affiliations.tsv')
}

/**
 * Reads the outlet affiliations file (see data/lexicons/README-affiliations.md): one row per
 * name pattern, `pattern  ecosystem  owner  country  kind`, header line first. Bad rows throw an
 * InputError naming the file and line.
 *
 * @example
 * fuse({ documents, events, entities, affiliations: loadAffiliations() })
 */
export function loadAffiliations(path = affiliationsPath()): OutletAffiliation[] {
  return readTsv(path, { header: true }).map(({ line, cells }) =>
    parseAffiliationRow(cells, `${path}:${line}`),
  )
}

const KINDS = new Set([
  'state-agency',
  'state-broadcaster',
  'state-affiliated',
  'official-voice',
  'public-broadcaster',
  'wire',
])

/** Validates one row's cells; `where` (file:line) names the row in errors. */
export function parseAffiliationRow(cells: readonly string[], where: string): OutletAffiliation {
  const [pattern = '', ecosystem = '', owner = '', country = '', kind = ''] = cells
  if (cells.length !== 5) {
    throw new InputError(
      where,
      `expected 5 tab-separated columns (pattern, ecosystem, owner, country, kind), found ${cells.length}`,
    )
  }
  if (pattern.replace(/\*/g, '').trim() === '') {
    throw new InputError(where, 'empty pattern (a pattern of only "*" would match every outlet)')
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(ecosystem)) {
    throw new InputError(
      where,
      `bad ecosystem "${ecosystem}" (expected lower-case letters, digits and dashes, e.g. russia-state)`,
    )
  }
  if (owner === '') throw new InputError(where, 'empty owner (the display name of the ecosystem)')
  if (!/^([A-Z]{2}|-)$/.test(country)) {
    throw new InputError(
      where,
      `bad country "${country}" (expected an ISO 3166-1 alpha-2 code or -)`,
    )
  }
  if (!KINDS.has(kind)) {
    throw new InputError(where, `bad kind "${kind}" (expected one of ${[...KINDS].join(', ')})`)
  }
  return { pattern, ecosystem, owner, country, kind }
}
