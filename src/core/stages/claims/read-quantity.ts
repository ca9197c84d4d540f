import type { EventType } from '../../model/analysis.js'
import { NUMBER_WORDS } from '../../text/number-words.js'

/** A number a report states with its event: the toll, the wounded, the displaced. */
export interface QuantityFound {
  readonly value: number
  /** `killed`, `wounded` or `displaced`: what the number counts, so tolls compare like with like. */
  readonly unit: string
  readonly start: number
  readonly end: number
}

/** Types whose events carry a count of people; others report no number fusion can compare. */
const COUNTED_TYPES: ReadonlySet<EventType> = new Set(['casualties', 'displacement'])

// 1,500 / 20 000 / 12 / twelve, then "thousand|million" ("1.5 million", "two thousand").
const NUMBER = String.raw`(?:\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})(?:\s+(?:thousand|million))?`
// "at least", "more than": bounds still state the number the report gives.
const BOUND = String.raw`(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|roughly|an\s+estimated)\s+)?`
// "[12] villagers", "[30] people", "[1,500] Syrian soldiers and officers".
const COUNTED = String.raw`(?:\s+(?:[\p{L}-]+\s+){0,2}?(?:people|persons|civilians|villagers|residents|soldiers|troops|fighters|militants|rebels|children|women|men|policemen|officers|workers|members|combatants|refugees|families|migrants|others|Palestinians|Israelis|Ukrainians|Russians|Syrians|Sudanese))?`
/** A number, then what it counts, then (optionally) "were / have been": the words before the trigger. */
const NUMBER_BEFORE = new RegExp(
  String.raw`\b${BOUND}(${NUMBER})${COUNTED}(?:\s+(?:were|was|have\s+been|had\s+been|are|being|had|have))?(?:\s+(?:reportedly|also))?\s+$`,
  'iu',
)
/** The trigger, then the number: "killed [12]", "death toll rose to [120]", "displacing [5,000]". */
const NUMBER_AFTER = new RegExp(
  String.raw`^(?:\s+(?:in|from|among|across)\s+[^,.;\d]{1,40}?)?(?:\s+(?:has|had|have)\s+(?:risen|climbed|reached|hit|passed))?(?:\s+(?:rose|climbed|reached|hit|passed|stood|stands|is|was))?(?:\s+(?:to|at))?\s+${BOUND}(${NUMBER})\b`,
  'iu',
)

/**
 * The count a casualty or displacement report states next to its trigger ("at least 30 people
 * were [killed]", "[killing] 12 villagers", "the [death toll] rose to 120"), within the clause;
 * null when the report gives none or only a vague one ("dozens", "hundreds").
 */
export function readQuantity(
  text: string,
  type: EventType,
  triggerStart: number,
  triggerEnd: number,
  clauseStart: number,
  scopeEnd: number,
): QuantityFound | null {
  if (!COUNTED_TYPES.has(type)) return null
  const unit = unitOf(text.slice(triggerStart, triggerEnd))
  if (unit === null) return null
  const before = text.slice(Math.max(clauseStart, triggerStart - 80), triggerStart)
  const early = NUMBER_BEFORE.exec(before)
  if (early?.[1]) {
    const start = triggerStart - before.length + early.index + early[0].indexOf(early[1])
    return found(early[1], unit, start)
  }
  const after = text.slice(triggerEnd, Math.min(scopeEnd, triggerEnd + 60))
  const late = NUMBER_AFTER.exec(after)
  if (late?.[1]) {
    const start = triggerEnd + late.index + late[0].lastIndexOf(late[1])
    return found(late[1], unit, start)
  }
  return null
}

function found(quoted: string, unit: string, start: number): QuantityFound | null {
  const value = valueOf(quoted)
  if (value === null) return null
  return { value, unit, start, end: start + quoted.length }
}

/** What the trigger counts: the dead, the wounded or the displaced. */
function unitOf(trigger: string): string | null {
  const lower = trigger.toLowerCase()
  if (/kill|dead|died|death|toll|fatalit|casualt/.test(lower)) return 'killed'
  if (/wound|injur/.test(lower)) return 'wounded'
  if (/displac|fled|flee|refuge|cross|enter/.test(lower)) return 'displaced'
  return null
}

function valueOf(quoted: string): number | null {
  const match = /^(.*?)(?:\s+(thousand|million))?$/i.exec(quoted.trim())
  if (!match) return null
  const base = match[1]!.toLowerCase()
  const scale = match[2] ? (match[2].toLowerCase() === 'million' ? 1_000_000 : 1_000) : 1
  const word = NUMBER_WORDS[base]
  const number = word ?? Number(base.replace(/[,\u00a0 ]/g, ''))
  if (!Number.isFinite(number)) return null
  // A year is not a toll: "killed in 2023" is read by the time stage.
  if (word === undefined && scale === 1 && /^(?:19|20)\d\d$/.test(base)) return null
  return Math.round(number * scale)
}
