import type { EventSource } from '../model/analysis.js'
import type { AffiliationMatcher } from './affiliation-matcher.js'
import { foldText } from './fold-text.js'

/** An independent origin of reports: the first voice behind a claim. */
export interface Origin {
  /** Stable key: reports with one key are one origin. */
  readonly key: string
  /** Display name: the source, the ecosystem or the outlet. */
  readonly label: string
}

// Reported speech without a name [local sources, two security sources, witnesses, reports] does
// not make a new origin: the outlet that printed it vouches for it.
const GENERIC_HEADS =
  /(^| )(sources?|witness(es)?|residents?|activists?|reports?|observers?|footage|videos?|images|media|social media|accounts?|officials?|source close)$/
const GENERIC_START = /^(a |an |one |two |three |several |some |many |other )?(sources?|reports?) /

const genericCache = new Map<string, boolean>()

/** True when a source names nobody in particular (`local sources`, `reports`). */
export function isGenericSource(source: EventSource): boolean {
  if (source.unnamed === true) return true
  let generic = genericCache.get(source.name)
  if (generic === undefined) {
    if (genericCache.size > 100_000) genericCache.clear()
    generic = isGenericName(source.name)
    genericCache.set(source.name, generic)
  }
  return generic
}

function isGenericName(name: string): boolean {
  const folded = foldText(name)
  if (folded === '') return true
  if (GENERIC_START.test(folded)) return true
  return folded.split(' ').length <= 4 && GENERIC_HEADS.test(folded)
}

/** What the resolver needs to know about documents and entities. */
export interface OriginContext {
  readonly affiliations: AffiliationMatcher
  /** The canonical name of a source entity merged into another (`Hassan Abdel Ghani` → `Hassan Abdul Ghani`), else undefined. */
  readonly entityName: (entityId: string) => string | undefined
  /** The first document of a document's syndication group (itself when alone). */
  readonly syndicationRoot: (docId: string) => string
  /** The outlet of a document, or null. */
  readonly outletOf: (docId: string) => string | null
}

/**
 * The origin of one report, in rule order:
 * 1. a named source is the origin, however many outlets relay it ("the Al-Qaim mayor via
 *    Reuters via outlet X" counts the mayor);
 * 2. else the innermost named link of the `via` chain ("sources told Reuters" counts Reuters);
 * 3. else the outlet, taken from the first document of its syndication group (a wire story
 *    republished by five sites is one origin);
 * and at every step a name in the affiliations data becomes its ecosystem (a state agency and
 * the outlets that repeat it count once).
 */
export function resolveOrigin(
  doc: string,
  source: EventSource | null,
  context: OriginContext,
): Origin {
  if (source !== null && !isGenericSource(source)) {
    return named(context.entityName(source.entity) ?? source.name, context)
  }
  const via = source?.via ?? []
  for (let i = via.length - 1; i >= 0; i--) {
    const link = via[i]
    if (link !== undefined && foldText(link) !== '') return named(link, context)
  }
  const root = context.syndicationRoot(doc)
  const outlet = context.outletOf(root)
  if (outlet === null || foldText(outlet) === '') {
    return { key: `doc:${root}`, label: context.outletOf(doc) ?? root }
  }
  return outletOrigin(outlet, context)
}

// A header note saying whose copy the outlet prints [reposting an RT report], [TASS wire],
// [citing Reuters]; "[reposted by] X" says the reverse and is no relay.
const RELAY_CUE = /\b(repost|reposting|reposts|citing|cites|via|wire)\b/i
const NOT_RELAY = /\breposted by\b/i
const RELAYED_NAME =
  /\b(?:reposting|reposts|citing|cites|via)\s+(?:an?\s+|the\s+)?(.+?)(?:\s+(?:report|story|article|copy|wire))?$/i

/**
 * The origin of an outlet's own voice: the agency its header says it relays ("Big News Network
 * (reposting an RT report)" → RT), else the outlet named without its notes in parentheses, each
 * through the affiliations data.
 */
export function outletOrigin(outlet: string, context: OriginContext): Origin {
  const relayed = relayedAgency(outlet, context.affiliations)
  if (relayed !== null) return named(relayed, context)
  const base = outlet.replace(/\s*\([^)]*\)/g, ' ').trim()
  const affiliation = context.affiliations.match(base) ?? context.affiliations.match(outlet)
  if (affiliation !== null) return { key: `eco:${affiliation.ecosystem}`, label: affiliation.owner }
  return { key: `name:${foldText(base === '' ? outlet : base)}`, label: outlet }
}

/** The agency named by a relay note in an outlet's parentheses, or null. */
export function relayedAgency(outlet: string, affiliations: AffiliationMatcher): string | null {
  for (const [, note = ''] of outlet.matchAll(/\(([^)]*)\)/g)) {
    for (const segment of note.split(/[;,]/)) {
      if (NOT_RELAY.test(segment) || !RELAY_CUE.test(segment)) continue
      // The earliest words naming a known outlet ("RT-style" → RT, "AFP/dpa-based" → AFP).
      const tokens = segment
        .split(/[\s/]+/)
        .map((token) => token.replace(/-(style|based)$/i, ''))
        .filter((token) => token !== '')
      for (let i = 0; i < tokens.length; i++) {
        for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
          const phrase = tokens.slice(i, i + n).join(' ')
          if (affiliations.match(phrase) !== null) return phrase
        }
      }
      const name = RELAYED_NAME.exec(segment.trim())?.[1]
      if (name !== undefined && !isGenericName(name)) return name
    }
  }
  return null
}

/** The name a report is attributed to in a claim's asserting/denying list. */
export function attributionOf(
  doc: string,
  source: EventSource | null,
  context: OriginContext,
): string {
  if (source !== null && !isGenericSource(source))
    return context.entityName(source.entity) ?? source.name
  const outlet = context.outletOf(doc) ?? doc
  // [local sources] told outlet X: keep the words, name the outlet that vouches for them.
  if (source !== null && foldText(source.name) !== '') return `${source.name} (${outlet})`
  return outlet
}

/** Who speaks in a report, for summaries: a named source, else the outlet that printed it. */
export function speakerOf(doc: string, source: EventSource | null, context: OriginContext): string {
  if (source !== null && !isGenericSource(source)) {
    return context.entityName(source.entity) ?? source.name
  }
  return context.outletOf(doc) ?? doc
}

function named(name: string, context: OriginContext): Origin {
  const affiliation = context.affiliations.match(name)
  if (affiliation !== null) return { key: `eco:${affiliation.ecosystem}`, label: affiliation.owner }
  return { key: `name:${foldText(name)}`, label: name }
}
