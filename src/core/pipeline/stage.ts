import type { Diagnostic } from '../model/diagnostic.js'
import type { SourceDocument } from '../model/document.js'
import type { Lexicon } from '../lexicon/lexicon.js'

/** What every stage may read besides its input. No clock, no I/O. */
export interface StageContext {
  /** Includes `published`: the reference for relative dates. */
  readonly document: SourceDocument
  readonly lexicon: Lexicon
  readonly report: (diagnostic: Diagnostic) => void
}

/** One per-document analysis step. Pure: same input, same output. */
export interface Stage<Input, Output> {
  /** Stable id: names the stage in diagnostics and in every fact it creates. */
  readonly name: string
  run(input: Input, context: StageContext): Output
}
