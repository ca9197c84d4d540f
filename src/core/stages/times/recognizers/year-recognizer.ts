import type { TimeCandidate, TimeContext, TimeRecognizer } from '../time-mention.js'
import { matchPattern } from './match-pattern.js'

/**
 * Words after which a bare four-digit number is a year: prepositions and determiners of time
 * ("[in 2016]", "since 2011", "the 2011 uprising", "fiscal 2009").
 */
const YEAR_BEFORE =
  /(?:\b(?:in|since|of|by|until|till|from|during|before|after|through|between|and|to|early|late|mid|the|its|their|his|her|a|this|that|fiscal|year|around|circa|as of|spring|summer|autumn|fall|winter)|['’]s|-)\s*$/i

/** Nouns that make a preceding number a count, not a year ("2011 people", "2000 troops"). */
const COUNT_NOUN =
  /^\s*(?:people|persons|troops|soldiers|fighters|civilians|families|refugees|residents|dead|killed|wounded|injured|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|units|vehicles|shares|dollars|euros|pounds|jobs|workers|employees|cars|planes|aircraft|homes|houses|times|votes|seats|cases|deaths|members|children|men|women|rounds|rockets|missiles|shells|others|more|of\s+them|[%$€£])/i

/** Nouns for which the year is an attribute of a thing, not the time of the clause. */
const ATTRIBUTIVE_NOUN = /^\s*(?:-\s*)?[a-z][a-z-]+/

/**
 * A bare year as a date of year precision. Counts, amounts and other numbers are near misses:
 * the number must sit in the plausible range and after a word of time, and must not be
 * followed by a counted noun.
 */
export const yearRecognizer: TimeRecognizer = {
  rule: 'times/year',
  recognize(context: TimeContext): TimeCandidate[] {
    const text = context.text
    // In [2016], since [2011]; the [2011] uprising; ['90s are decades and are left out]
    return matchPattern(
      text,
      /(?<![\d,.$€£:/]|\d-)\b(1[89]\d\d|20\d\d)\b(?![\d,.]\d|:\d|\/|-\d|%)/g,
      (m, start, end) => {
        const before = text.slice(Math.max(0, start - 20), start)
        const after = text.slice(end, end + 24)
        if (COUNT_NOUN.test(after)) return null
        const year = Number(m[1])
        const prepositional = YEAR_BEFORE.test(before)
        // A month or day name just before belongs to a date chrono reads whole ("June 2008").
        // WWDC [2005], the World Cup 2010: a year naming an edition of an event.
        const edition =
          /[A-Z][A-Za-z]+\s+$/.test(before) && !/\b(?:In|On|By|Since|Until)\s+$/.test(before)
        if (!prepositional && !edition) return null
        // The [2011] uprising: a year qualifying a noun describes the thing, not the clause's time.
        const attributive =
          edition || (/(?:\bthe|['’]s)\s*$/i.test(before) && ATTRIBUTIVE_NOUN.test(after))
        return {
          start,
          end,
          rule: attributive ? 'times/year-attributive' : 'times/year',
          reading: { kind: 'year', year },
        }
      },
    )
  },
}
