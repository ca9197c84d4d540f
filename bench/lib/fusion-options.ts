import { gazetteerFusionOptions } from '../../src/core/pipeline/analyze-corpus.js'
import type { FusionOptions, OutletAffiliation } from '../../src/core/fusion/fusion-types.js'
import type { Lexicon } from '../../src/core/lexicon/lexicon.js'

/** The knowledge fusion gets from outside the articles, exactly as the app gives it. */
export function fusionOptionsFor(
  lexicon: Lexicon,
  affiliations: readonly OutletAffiliation[],
): FusionOptions {
  return gazetteerFusionOptions(lexicon.gazetteer, affiliations)
}
