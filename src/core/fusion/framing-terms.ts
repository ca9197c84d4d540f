import { foldText } from './fold-text.js'

/** How a word for an armed actor leans: delegitimising, or neutral-to-sympathetic. */
export type TermLean = 'pejorative' | 'sympathetic'

// Words that deny an armed group political standing [terrorists, armed gangs, takfiris].
const PEJORATIVE =
  /^(terrorist|terror|jihadist|extremist|takfiri|gang|armed gang|mercenar|militia|radical|insurgent group|bandit|thug|criminal)/
// Words that grant it [rebels, revolutionaries, freedom fighters]; "the opposition" is the
// plain name both camps use, so it leans neither way.
const SYMPATHETIC = /^(rebel|revolutionar|freedom fighter|resistance|liberation|anti government)/

/**
 * The lean of a term used for an actor, or null for words that lean neither way ("militants",
 * "forces", "groups" are used by both camps). Matches the folded term's start, so plurals and
 * "terrorist elements" count.
 */
export function leanOf(term: string): TermLean | null {
  // Disputes ask again for every report of a claim at every add: remember the few words used.
  const known = LEANS.get(term)
  if (known !== undefined) return known
  if (LEANS.size >= 10_000) LEANS.clear()
  const lean = leanOfWords(term)
  LEANS.set(term, lean)
  return lean
}

/** Terms already classified (a pure function's memo, bounded). */
const LEANS = new Map<string, TermLean | null>()

function leanOfWords(term: string): TermLean | null {
  const folded = foldText(term)
  if (folded === '') return null
  // Compounds: [opposition fighters] is sympathetic, [terrorist organizations] pejorative.
  if (PEJORATIVE.test(folded) || / (terrorists?|gangs?|mercenaries)$/.test(folded))
    return 'pejorative'
  if (SYMPATHETIC.test(folded)) return 'sympathetic'
  return null
}

// Words for what happened [withdrew, redeployment, liberated, fell]: they frame the action.
const ACTION_WORDS =
  /(withdr|retreat|pull|redeploy|reposition|liberat|captur|seiz|took|take|taken|fell|fall|control|regain|recaptur|advance|encircl|storm|enter|attack|offensive|operation|strike|shell|bomb|clash|fight|massacre|kill|dead|casualt|defect|flee|fled|displac|evacuat|protest|rally|riot|tactical|cordon|security belt)/

/** True when a framing term names an action rather than an actor. */
export function isActionTerm(term: string): boolean {
  return ACTION_WORDS.test(foldText(term)) && leanOf(term) === null
}
