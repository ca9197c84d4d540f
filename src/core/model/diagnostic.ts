import type { Span } from './span.js'

/**
 * A finding about content, as data (after vfile-message): it has a place, a stage and a rule.
 * Nothing the analysis says about a document is a thrown exception or a log line.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning' | 'info'
  readonly message: string
  readonly stage: string
  /** Stable kebab-case id prefixed by the stage, e.g. `places/unresolved`. */
  readonly rule: string
  readonly doc?: string
  readonly span?: Span
  /** The value the rule looked at, when that helps ("Sunday" vs "2024-12-06"). */
  readonly actual?: string
}
