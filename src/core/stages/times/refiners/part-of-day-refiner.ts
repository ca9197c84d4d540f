import type { PartOfDay, TimeCandidate, TimeContext, TimeRefiner } from '../time-mention.js'

interface Affix {
  readonly pattern: RegExp
  readonly part: (m: RegExpExecArray) => PartOfDay
}

/** Words before a day that name part of it. Order: longer phrasings first. */
const PREFIXES: readonly Affix[] = [
  // Shelling resumed [in the early hours of] Sunday
  { pattern: /\b(?:in\s+)?the\s+early\s+hours\s+of\s+$/i, part: () => 'early' },
  // Fighting raged [overnight into] Saturday / [overnight on] Friday
  { pattern: /\bovernight\s+(?:on\s+|into\s+|between\s+|to\s+)?$/i, part: () => 'overnight' },
  // Strikes hit [on the night of] December 6
  {
    pattern: /\b(?:on\s+|in\s+)?the\s+(morning|afternoon|evening|night)\s+of\s+$/i,
    part: (m) => m[1]!.toLowerCase() as PartOfDay,
  },
  // Rebels entered the city [late on] Friday / [early] Saturday / [late in the day on] Friday
  {
    pattern: /\b(late|early)\s+(?:in\s+the\s+day\s+)?(?:on\s+)?$/i,
    part: (m) => m[1]!.toLowerCase() as PartOfDay,
  },
]

/** Words after a day that name part of it: "Friday [night]", "Saturday [morning]". */
const SUFFIX = /^\s+(morning|afternoon|evening|night)\b/i

/**
 * Extends a dated expression to the words that put it in part of a day, recording the part;
 * the resolve refiner turns a day into a part-of-day interval (overnight spans two days).
 * Only day-like readings take a part: "[late] 2011" stays a year, with part `late`.
 */
export const partOfDayRefiner: TimeRefiner = {
  rule: 'times/part-of-day',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    const text = context.text
    return candidates.map((c) => {
      if (c.reading.kind === 'anchored' || c.reading.kind === 'unresolvable') return c
      let next = c
      const before = text.slice(Math.max(0, c.start - 40), c.start)
      for (const { pattern, part } of PREFIXES) {
        const m = pattern.exec(before)
        if (m === null) continue
        const into = /\binto\s+$/i.test(m[0])
        next = {
          ...next,
          start: c.start - m[0].length,
          part: into ? 'overnight' : part(m),
          rule: into ? 'times/overnight-into' : next.rule,
        }
        break
      }
      const m = SUFFIX.exec(text.slice(c.end, c.end + 20))
      if (m !== null && isDayLike(c)) {
        next = {
          ...next,
          end: c.end + m[0].length,
          part: next.part ?? (m[1]!.toLowerCase() as PartOfDay),
        }
      }
      return next
    })
  },
}

function isDayLike(c: TimeCandidate): boolean {
  return c.reading.kind === 'weekday' || c.reading.kind === 'date' || c.reading.kind === 'relative'
}
