/**
 * Sentence templates of the generated corpus. `{slot}` names a value the generator fills:
 *   {X} {Y}            the incumbent's and the challenger's forces, in the outlet's words
 *   {yTakes} {xLeaves} {xRetakes}   the moves, in the outlet's words (past tense verb phrases)
 *   {place} {province} {when}        a place spelling, its province, a time expression
 *   {n} {m} {big}      casualty and displacement figures
 *   {group}            a named armed group of the challenger side
 *   {xVoice} {yVoice} {voice}        a voice of either side, or a neutral one
 *   {outlet} {wire}    the outlet writing, a wire agency
 * A clause has no attribution and no final stop: the generator adds "…, X said." or
 * "According to X, …" around it, or leaves it in the outlet's own voice.
 */

/** Kinds of incident the world model produces; each has clauses below. */
export type IncidentKind = 'capture' | 'withdrawal' | 'retake' | 'strike' | 'clash' | 'displacement'

export const CLAUSES: Readonly<Record<IncidentKind, readonly string[]>> = {
  capture: [
    '{Y} {yTakes} {place} {when}',
    '{Y} {yTakes} the town of {place} in {province} province {when}',
    '{Y} {yTakes} most of {place} {when} after days of fighting',
    '{group} said its fighters {yTakes} {place} {when}',
    '{Y} {yTakes} {place} {when}, cutting a main supply road',
  ],
  withdrawal: [
    '{X} {xLeaves} {place} {when}',
    '{X} {xLeaves} {place} {when} to avoid fighting inside the city',
    'columns of {X} {xLeaves} {place} {when}, heading south',
    '{X} {xLeaves} positions around {place} {when}',
  ],
  retake: [
    '{X} {xRetakes} {place} {when}',
    '{X} {xRetakes} several villages near {place} {when}',
    '{X} {xRetakes} the eastern districts of {place} {when} after a counterattack',
  ],
  strike: [
    'air strikes hit {place} {when}, killing at least {n} people',
    'a drone attack on a market in {place} {when} killed {n} civilians and wounded {m}',
    'shelling of residential areas of {place} {when} killed {n} people, among them {m} children',
    'at least {n} people were killed when missiles struck {place} {when}',
  ],
  clash: [
    'heavy fighting broke out between {X} and {Y} on the outskirts of {place} {when}',
    'at least {n} fighters and {m} civilians were killed in clashes around {place} {when}',
    '{Y} and {X} fought for control of the road to {place} {when}',
    '{n} members of {X} were killed in an ambush near {place} {when}',
  ],
  displacement: [
    'more than {big} people fled {place} {when}',
    'about {big} people were displaced from {place} and nearby villages {when}',
    'thousands of families left {place} {when}, many of them on foot',
  ],
}

/** The incumbent denies a loss the others report. */
export const DENIALS: readonly string[] = [
  '{xVoice} denied reports that {X} {xLeaves} {place}, calling them baseless',
  '{xVoice} denied that {place} had fallen, saying {X} were still in their positions',
  '{xVoice} rejected reports that {Y} {yTakes} {place} as fabricated',
  '{xVoice} said reports of a withdrawal from {place} were false',
]

/** The incumbent's own version: an attack repelled rather than a town lost. */
export const REPELLED: readonly string[] = [
  '{X} repelled an attack by {Y} on {place} {when}, inflicting heavy losses',
  '{X} thwarted an attempt by {Y} to advance on {place} {when}',
]

/** Hedged reports: the outlet cannot confirm. */
export const HEDGES: readonly string[] = [
  '{Y} reportedly {yTakes} {place} {when}, though the claim could not be independently verified',
  '{voice} claimed that {Y} {yTakes} {place} {when}',
  'it was not immediately clear whether {X} still held {place}',
]

/** Direct quotes, with who said them. */
export const QUOTES: readonly string[] = [
  '"We had no choice but to leave everything behind," a woman who fled {place} told {outlet}.',
  '"The shelling did not stop all night," said a resident of {place} reached by telephone.',
  '"Our forces are holding their lines and the situation is under control," {xVoice} said in a statement.',
  '"This is only the beginning," {yVoice} said in a video posted online.',
  '"Hospitals in {place} are overwhelmed and running out of fuel," an aid worker said.',
  '"Nobody knows who is in charge of the streets now," a shopkeeper in {place} said.',
]

/** Reactions from abroad and from agencies. */
export const REACTIONS: readonly string[] = [
  'The UN secretary-general called on all parties to protect civilians and allow aid to reach {place}.',
  'The European Union said it was following the situation closely and urged restraint.',
  'Neighbouring states closed border crossings and reinforced their troops, officials said.',
  'Aid agencies suspended operations in {province} province, citing the fighting.',
  'Oil prices rose slightly on the news, traders said.',
  'The International Committee of the Red Cross said its teams could not reach the wounded in {place}.',
]

/** Attribution chains, each wrapped around a clause: ", X said" etc. `{src}` is a voice. */
export const TRAILING_ATTRIBUTIONS: readonly string[] = [
  ', {src} said',
  ', {src} told {outlet}',
  ', according to {src}',
  ', {src} said, citing sources on the ground',
  ', {wire} reported, citing {src}',
  ', {src} was quoted as saying by {wire}',
]

/** Titles: `{Yc}` and `{Xc}` are the forces with a capital letter. */
export const TITLES: Readonly<Record<IncidentKind, readonly string[]>> = {
  capture: [
    '{Yc} {yTakes} {place}',
    '{place} changes hands as {Y} push on',
    'Battle for {place}: {Y} claim gains',
  ],
  withdrawal: [
    '{Xc} {xLeaves} {place}',
    'Pullback from {place} as {Y} advance',
    'What the retreat from {place} means',
  ],
  retake: [
    '{Xc} {xRetakes} {place}',
    'Counterattack near {place}',
    '{place}: the front moves again',
  ],
  strike: [
    'Strikes on {place} kill {n}',
    'Deadly attack hits {place}',
    '{n} dead in {place} strikes',
  ],
  clash: [
    'Fighting rages around {place}',
    'Clashes near {place} leave {n} dead',
    'Battle for the road to {place}',
  ],
  displacement: [
    'Thousands flee {place}',
    'Exodus from {place} as fighting nears',
    'Families leave {place} on foot',
  ],
}

/** Wire sign-off lines and short editor's notes on republished copy. */
export const SIGNOFFS: readonly string[] = [
  '(Reporting by the {city} bureau; editing by the foreign desk)',
  '(Writing by the regional desk; additional reporting from {city})',
  '(This story has been corrected to fix the spelling of {place} in the second paragraph)',
]

/** Short lines a republishing paper puts above wire copy. */
export const REPUBLISH_INTROS: readonly string[] = [
  'This report is from {wire}.',
  'The following is a wire report, updated with details from our correspondents.',
  'Updated at 18:00 with the latest figures.',
]
