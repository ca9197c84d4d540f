import type { EventType } from '../model/analysis.js'
import type { WordPattern } from './patterns.js'

/** Roles a trigger takes (see data/lexicons/triggers.tsv). */
export type TriggerFlag =
  | 'loser'
  | 'place-before'
  | 'actor-after'
  | 'from-is-origin'
  | 'to-is-destination'
  | 'nominal'
  | 'no-actor'

export interface TriggerRule {
  readonly type: EventType
  readonly pattern: WordPattern
  readonly flags: ReadonlySet<TriggerFlag>
  /** `claims/trigger-<type>` plus the line, for provenance. */
  readonly rule: string
}

export type CueKind =
  | 'say'
  | 'hedge'
  | 'deny'
  | 'deny-after'
  | 'according'
  | 'citing'
  | 'quoted'
  | 'showed'
  | 'speaker'
  | 'negation'

export interface CueRule {
  readonly kind: CueKind
  readonly pattern: WordPattern
}

/** A loaded word and what it frames (an actor side or an action). */
export interface FramingTerm {
  readonly pattern: WordPattern
  readonly term: string
  readonly about: 'actor' | 'action'
}

export interface ClaimCues {
  readonly triggers: readonly TriggerRule[]
  readonly cues: readonly CueRule[]
  readonly framing: readonly FramingTerm[]
}
