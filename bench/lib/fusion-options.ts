import type { FusionOptions, OutletAffiliation } from '../../src/core/fusion/fusion-types.js'
import type { Lexicon } from '../../src/core/lexicon/lexicon.js'

/**
 * The knowledge fusion gets from outside the articles, built exactly as analyzeCorpus
 * (src/core/pipeline/analyze-corpus.ts) builds it, so the benchmark fuses what the app fuses.
 */
export function fusionOptionsFor(
  lexicon: Lexicon,
  affiliations: readonly OutletAffiliation[],
): FusionOptions {
  const gazetteer = lexicon.gazetteer
  return {
    affiliations,
    containment: (id) => {
      const entry = gazetteer.get(id)
      if (!entry) return []
      return [...(entry.admin1 ? [entry.admin1] : []), `country:${entry.country}`].filter(
        (parent) => parent !== id,
      )
    },
    capitalOf: (id) => {
      const entry = gazetteer.get(id)
      if (!entry?.admin1) return null
      return gazetteer.get(entry.admin1)?.capital === id ? entry.admin1 : null
    },
  }
}
