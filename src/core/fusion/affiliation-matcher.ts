import { foldText } from './fold-text.js'
import type { OutletAffiliation } from './fusion-types.js'

/**
 * Finds the ecosystem of an outlet or source name in the affiliations data: state agencies and
 * the outlets that repeat them count as one origin. First matching row wins (rows are ordered).
 */
export class AffiliationMatcher {
  private readonly rules: readonly { readonly regex: RegExp; readonly row: OutletAffiliation }[]
  private readonly cache = new Map<string, OutletAffiliation | null>()

  constructor(affiliations: readonly OutletAffiliation[] = []) {
    this.rules = affiliations.map((row) => ({ regex: compileGlob(row.pattern), row }))
  }

  /** The affiliation row of a name (`TASS`, `RT Arabic`), or null. */
  match(name: string | null | undefined): OutletAffiliation | null {
    if (name === null || name === undefined) return null
    const folded = foldText(name)
    if (folded === '') return null
    const cached = this.cache.get(folded)
    if (cached !== undefined) return cached
    const found = this.rules.find((rule) => rule.regex.test(folded))?.row ?? null
    this.cache.set(folded, found)
    return found
  }
}

/** `rt *` → /^rt .*$/ over folded names; the pattern is folded the same way, `*` kept. */
export function compileGlob(pattern: string): RegExp {
  const parts = pattern.split('*').map((part) => escapeRegex(foldGlobPart(part)))
  return new RegExp(`^${parts.join('.*')}$`)
}

// Folding drops edge spaces; keep the space that separates a word from the wildcard ("rt *").
function foldGlobPart(part: string): string {
  const lead = /^\s/.test(part) ? ' ' : ''
  const trail = /\s$/.test(part) ? ' ' : ''
  const folded = foldText(part)
  return folded === '' ? lead || trail : `${lead}${folded}${trail}`
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
