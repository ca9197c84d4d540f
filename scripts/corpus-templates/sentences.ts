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

/**
 * Direct quotes, put together from a first half, a second half and a speaker, so that two
 * articles rarely carry the same quote: `"{first}, {second}," {speaker}.`
 */
export const QUOTE_FIRST: readonly string[] = [
  'We had no choice but to leave',
  'The shelling did not stop all night',
  'Nobody knows who is in charge now',
  'Our forces are holding their lines',
  'Hospitals are running out of fuel',
  'They came at dawn with tanks',
  'We buried our neighbours in the garden',
  'There is no water and no bread',
  'The roads are full of people walking south',
  'This is only the beginning',
  'Every family here has lost someone',
  'We are ready to negotiate',
]
export const QUOTE_SECOND: readonly string[] = [
  'and nobody came to help us',
  'and the children are terrified',
  'and we will not give up',
  'so we left with nothing',
  'but the world is silent',
  'and the situation is under control',
  'and prices have tripled in a week',
  'and we still hear explosions',
  'but the phones are down',
  'and more fighters arrive every day',
]
export const QUOTE_SPEAKERS: readonly string[] = [
  'a woman who fled {place} told {outlet}',
  'said a resident of {place} reached by telephone',
  '{xVoice} said in a statement',
  '{yVoice} said in a video posted online',
  'an aid worker in {place} said',
  'a shopkeeper in {place} said',
  'a teacher from {place} said by text message',
  'a doctor at the main hospital in {place} told {outlet}',
]

/** Reactions from abroad and from agencies: `{who} {what}.` */
export const REACTION_WHO: readonly string[] = [
  'The UN secretary-general',
  'The European Union',
  'The Arab League',
  'The US State Department',
  "Turkey's foreign ministry",
  'The International Committee of the Red Cross',
  'Médecins Sans Frontières',
  'The African Union',
]
export const REACTION_WHAT: readonly string[] = [
  'called on all parties to protect civilians in {place}',
  'said it was following the situation closely and urged restraint',
  'warned that the fighting around {place} could spread',
  'said its teams could not reach the wounded in {place}',
  'urged an immediate ceasefire in {province} province',
  'said it was sending supplies to families displaced from {place}',
  'condemned attacks on hospitals and schools',
  'called for safe passage for civilians leaving {place}',
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

/**
 * Phrases outlets word in their own way. Each occurrence in a template is rewritten with one of
 * its alternatives (the first is the template's own wording), before the slots are filled, so
 * unrelated articles rarely share a run of five words, as real reports rarely do; slot values
 * (the framed words, names, figures) are never touched.
 */
export const PARAPHRASES: readonly (readonly string[])[] = [
  [
    'citing sources on the ground',
    'citing people in the area',
    'citing its network of informants',
    'citing contacts inside the city',
  ],
  [
    'was quoted as saying by',
    'said in remarks carried by',
    'said in comments to',
    'said in an interview with',
  ],
  [
    'in a video posted online',
    'in a recorded message',
    'in a post on social media',
    'in a televised address',
  ],
  ['residents said', 'people there said', 'locals said', 'drivers said'],
  ['at least', 'no fewer than', 'at least', 'some'],
  ['were killed', 'died', 'lost their lives', 'were reported dead'],
  ['heavy fighting', 'fierce fighting', 'intense clashes', 'street battles'],
  ['broke out', 'erupted', 'flared', 'raged'],
  ['on the outskirts of', 'on the edges of', 'just outside', 'in the suburbs of'],
  [
    'could not be independently verified',
    'could not be verified',
    'was impossible to confirm',
    'could not be checked independently',
  ],
  ['the toll', 'the death toll', 'the casualty figure', 'that number'],
  [
    'rescue teams were still searching the rubble',
    'rescuers were still digging through rubble',
    'civil defence crews kept searching collapsed buildings',
    'volunteers were pulling survivors from the ruins',
  ],
  ['thousands of families', 'hundreds of families', 'whole families', 'long lines of families'],
  [
    'many of them on foot',
    'some on foot and some in trucks',
    'carrying what they could',
    'leaving their belongings behind',
  ],
  [
    'cutting a main supply road',
    'severing a key supply route',
    'cutting the road to the north',
    'closing the last open highway',
  ],
  [
    'after days of fighting',
    'after a week of clashes',
    'following a two-day battle',
    'after a night of shelling',
  ],
  ['were full', 'had run out of space', 'were overflowing', 'could take no more people'],
  [
    'shelling of residential areas of',
    'artillery fire on neighbourhoods of',
    'rocket fire on homes in',
    'bombardment of districts of',
  ],
  ['air strikes hit', 'warplanes bombed', 'air raids struck', 'aircraft attacked'],
  [
    'a drone attack on a market in',
    'a drone strike on a busy street in',
    'drones hitting a bus station in',
    'a drone attack near a bakery in',
  ],
  ['among them', 'including', 'of whom', 'among the dead were'],
  [
    'fought for control of the road to',
    'battled over the highway to',
    'contested the main road into',
    'exchanged fire along the route to',
  ],
  [
    'an ambush near',
    'a surprise attack close to',
    'an attack on a checkpoint near',
    'a roadside bombing outside',
  ],
  [
    'calling them baseless',
    'calling them lies',
    'dismissing them as propaganda',
    'saying they were untrue',
  ],
  [
    'were still in their positions',
    'were holding their ground',
    'remained in full control',
    'had not moved',
  ],
  ['as fabricated', 'as false', 'as part of a disinformation campaign', 'as baseless rumours'],
  [
    'though the claim could not be independently verified',
    'a claim that could not be confirmed',
    'according to unverified reports',
    'though this could not be confirmed',
  ],
  [
    'it was not immediately clear whether',
    'it was unclear whether',
    'there was no word on whether',
    'nobody could say whether',
  ],
  ['the road between', 'the highway linking', 'traffic between', 'the main route between'],
  [
    'and the provincial capital was cut',
    'and the regional capital was closed',
    'and the provincial centre was blocked',
    'and the nearest city was cut off',
  ],
]
