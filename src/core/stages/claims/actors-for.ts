import type { TriggerRule } from '../../lexicon/claim-cues.js'
import type { EventActor, EventSource, EventType } from '../../model/analysis.js'
import { makeSpan } from '../../model/span.js'
import type { Mention } from '../mentions/find-mentions.js'
import type { ExtractInput } from './extract-input.js'

const OPPOSITE_SIDE: Readonly<Record<string, string>> = {
  government: 'opposition',
  opposition: 'government',
  hts: 'government',
  sna: 'sdf',
  sdf: 'sna',
}

export function sideOf(input: ExtractInput, mention: Mention): string | null {
  // "Syria" acting in a Syrian story is its government; elsewhere a country is its own side.
  if (mention.kind === 'country' && mention.country && mention.country === input.focusCountry)
    return 'government'
  if (mention.side) return mention.side
  if (mention.kind === 'force' || mention.kind === 'institution') {
    const foreignArmy = !mention.country && isArmyMention(mention) ? foreignArmyOf(input) : null
    if (foreignArmy) return input.countrySide(foreignArmy)
    if (!mention.country || mention.country === input.focusCountry) return 'government'
    return input.countrySide(mention.country)
  }
  return null
}

/** The state whose forces "the army" names when it is not the focus country (see documentFocus). */
function foreignArmyOf(input: ExtractInput): string | null {
  const army = input.armyCountry
  return army && army !== input.focusCountry ? army : null
}

/** "the army", "the military", "troops", "the army command": an unqualified force, not a ministry. */
function isArmyMention(mention: Mention): boolean {
  return mention.kind === 'force' || mention.name === 'army'
}

export function actorName(input: ExtractInput, mention: Mention, side: string | null): string {
  // "the military said" in a Gaza story that names only Israeli forces: the Israeli army.
  if (!mention.country && isArmyMention(mention) && foreignArmyOf(input) && input.armyDemonym)
    return `${input.armyDemonym} army`
  // "the defense ministry" in a Syrian story is the Syrian Ministry of Defense.
  if (
    mention.kind === 'institution' &&
    !mention.country &&
    input.focusDemonym &&
    !mention.name.startsWith(input.focusDemonym)
  ) {
    return mention.name === 'army'
      ? `${input.focusDemonym} army`
      : `${input.focusDemonym} ${mention.name}`
  }
  if (side === 'government' && !mention.country && input.focusDemonym) {
    return mention.entityId === 'force:government' && /government/i.test(mention.text)
      ? `${input.focusDemonym} government`
      : `${input.focusDemonym} army`
  }
  return mention.name
}

function toActor(input: ExtractInput, mention: Mention, invert = false): EventActor {
  let side = sideOf(input, mention)
  if (invert) side = side ? (OPPOSITE_SIDE[side] ?? 'opposition') : 'opposition'
  const name = invert
    ? side === 'government' && input.focusDemonym
      ? `${input.focusDemonym} army`
      : (side ?? 'unknown')
    : actorName(input, mention, side)
  const generic = mention.kind === 'force' || mention.kind === 'institution'
  const entity = invert
    ? `force:${side}`
    : generic && side === 'government' && !mention.country && input.focusCountry
      ? `force:${input.focusCountry.toLowerCase()}`
      : mention.entityId
  return {
    entity,
    name,
    side,
    span: makeSpan(mentionDoc(input), input.text, mention.start, mention.end),
  }
}

function mentionDoc(input: ExtractInput): string {
  return input.doc
}

const ACTOR_KINDS: ReadonlySet<Mention['kind']> = new Set([
  'actor',
  'force',
  'country',
  'person',
  'institution',
])
// A country after a locative word is a place, not an actor: "militants [in southern] Syria".
const LOCATIVE_BEFORE =
  /\b(?:in|from|to|into|across|of|near|towards|toward|inside|throughout|within|on|at|over|through|around|outside|against)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|north|south|east|west|neighbouring|neighboring)\s+)?$/i
// Pronouns and possessives that stand for an actor named earlier: "[their forces] have started".
/** ", who took Homs on Friday, " then at most two words (an auxiliary) before the trigger. */
const AFTER_RELATIVE_ASIDE = /,\s*(?:who|which)\b[^,;]{1,120},\s*(?:[\p{L}'’-]+\s+){0,2}$/iu

/** The words between a mention and the trigger its relative clause governs: " who had ". */
const RELATIVE_AFTER = /^\s*,?\s*(?:who|which|that)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu
const PRONOUN_SUBJECT =
  /\b(?:they|it|which|who|we|I|its (?:forces|troops|fighters|units)|their (?:forces|troops|fighters|units|own)|our (?:forces|troops|fighters|armed forces))\b[^,;]*$/
// Words that join coordinated actors: "Egypt and Jordan", "Jordan, Russia, and the United States".
const ACTOR_LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|\s+and\s+|-)(?:the\s+)?$/i

export function isActorMention(text: string, mention: Mention): boolean {
  if (!ACTOR_KINDS.has(mention.kind)) return false
  if (
    mention.kind === 'country' &&
    LOCATIVE_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start))
  )
    return false
  return true
}

/** The subject mention with the actors coordinated with it, and a named group a generic phrase only describes. */
function withCoordinated(
  text: string,
  candidates: readonly Mention[],
  subject: Mention,
): Mention[] {
  const index = candidates.indexOf(subject)
  const list = [subject]
  // "The U.S.-backed "Free Syria Army" opposition faction": the named group, not the description.
  const previous = candidates[index - 1]
  if (
    subject.kind === 'force' &&
    previous &&
    previous.kind === 'actor' &&
    /^["”’'\s()]{0,3}$|^\s*\([^()]{0,12}\)\s*$/.test(text.slice(previous.end, subject.start))
  )
    return [previous]
  for (let k = index - 1; k >= 0; k--) {
    const candidate = candidates[k]!
    if (!ACTOR_LIST_GAP.test(text.slice(candidate.end, list[0]!.start))) break
    list.unshift(candidate)
  }
  return list
}

/** "’s " and at most one adjective before a noun trigger: "the FSA['s] entry", "Russia['s full-scale] invasion". */
const POSSESSIVE_BEFORE = /^['’]s?\s+(?:[\p{L}-]+\s+)?$/u

/** The place lost, then "to": "[lost control of] Lashio [to the] MNDAA". */
const LOST_TO = /^\s+(?:[\p{L}'’-]+,?\s+){0,5}?to\s+(?:the\s+)?$/iu

/** Up to four words then "by" and an article: the words between a trigger and its agent. */
const AGENT_BEFORE = /^\s+(?:[\p{L}'’-]+\s+){0,4}?by\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}$/iu
/** "[strikes] (and shelling) carried out / conducted / launched by": a verb that hands over to its agent. */
const CARRIED_OUT =
  /^\s+(?:(?:and|or)\s+[\p{L}-]+\s+)?(?:carried\s+out|conducted|launched|staged|mounted|waged|fired|led|claimed)\s+by\s/iu

/** The agent and the sides coordinated after it: "by [the Syrian] and [Russian air forces]". */
function agentsFrom(
  input: ExtractInput,
  first: Mention,
  candidates: readonly Mention[],
): EventActor[] {
  const actors = [toActor(input, first)]
  let end = first.end
  for (const mention of candidates) {
    if (mention.start < end) continue
    if (
      !/^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)(?:the\s+)?$/i.test(
        input.text.slice(end, mention.start),
      )
    )
      break
    actors.push(toActor(input, mention))
    end = mention.end
  }
  return actors
}

export function actorsFor(
  input: ExtractInput,
  rule: TriggerRule,
  triggerStart: number,
  triggerEnd: number,
  scopeEnd: number,
  clauseStart: number,
  mentions: readonly Mention[],
  frameSource: EventSource | null,
  previousActors: readonly EventActor[],
  sentenceActors: readonly EventActor[],
  sentenceStart: number,
): EventActor[] {
  const flags = rule.flags
  if (flags.has('no-actor')) return []
  const { text } = input
  const candidates = mentions.filter((mention) => isActorMention(text, mention))
  // "following [the FSA's] entry into Palmyra", "Russia's invasion": a possessive before a noun
  // trigger names who did it.
  const owner = candidates.find(
    (mention) =>
      mention.end <= triggerStart &&
      triggerStart - mention.end <= 24 &&
      POSSESSIVE_BEFORE.test(text.slice(mention.end, triggerStart)),
  )
  if (owner) return [toActor(input, owner, flags.has('loser'))]
  // "the junta lost control of Lashio [to] the MNDAA": a loss names its winner after "to".
  if (flags.has('loser')) {
    const winner = candidates.find(
      (mention) =>
        mention.start >= triggerEnd &&
        mention.start - triggerEnd < 60 &&
        mention.start < scopeEnd &&
        LOST_TO.test(text.slice(triggerEnd, mention.start)),
    )
    if (winner) return [toActor(input, winner)]
  }
  // "under rebel control", "fell to the rebels": the actor follows the trigger.
  if (flags.has('actor-after')) {
    const inside = candidates.find(
      (mention) => mention.start >= triggerStart && mention.end <= triggerEnd,
    )
    const after = candidates.find(
      (mention) =>
        mention.start >= triggerEnd && mention.start - triggerEnd < 50 && mention.start < scopeEnd,
    )
    const found = inside ?? after
    if (found) return [toActor(input, found)]
  }
  // "Clashes between [army units] and [the militia] erupted": fights name both sides inside their words.
  if (rule.type === 'clash' || rule.type === 'offensive') {
    const inside = candidates.filter(
      (mention) => mention.start >= triggerStart && mention.end <= triggerEnd,
    )
    const sides = new Map<string, EventActor>()
    for (const mention of inside) {
      const actor = toActor(input, mention)
      const key = actor.side ?? actor.entity
      if (!sides.has(key)) sides.set(key, actor)
    }
    if (sides.size > 0) return [...sides.values()]
  }
  // Passives name their actor after "by": "positions abandoned [by the army]", "shelled by rebels",
  // "strikes carried out by [the Syrian] and [Russian air forces]", "the capture of Hama by [rebels]".
  const agent = candidates.find(
    (mention) =>
      mention.start >= triggerEnd &&
      mention.start < scopeEnd &&
      mention.start - triggerEnd < 80 &&
      AGENT_BEFORE.test(text.slice(triggerEnd, mention.start)) &&
      (!/^\s+(?!by\s)/i.test(text.slice(triggerEnd, mention.start)) ||
        flags.has('nominal') ||
        CARRIED_OUT.test(text.slice(triggerEnd, mention.start))),
  )
  if (agent && !flags.has('loser')) return agentsFrom(input, agent, candidates)
  // Nominals name their actor after them: "the withdrawal of Syrian army units from ...".
  if (flags.has('nominal')) {
    const after = candidates.find(
      (mention) =>
        mention.start >= triggerEnd &&
        mention.start - triggerEnd < 40 &&
        mention.start < scopeEnd &&
        /^\s+(?:of|by)\s/i.test(text.slice(triggerEnd, mention.start + 1)),
    )
    // "the ouster of President X": what a loss names after "of" is the loser; "by" names the actor.
    if (after)
      return [
        toActor(
          input,
          after,
          flags.has('loser') && /^\s+of\s/i.test(text.slice(triggerEnd, after.start + 1)),
        ),
      ]
  }
  // "HTS, a jihadist alliance led by Al-Qaeda's former Syria branch, controls": skip the appositive.
  const hidden = asideRanges(text, clauseStart, triggerStart, candidates)
  const inClause = candidates.filter(
    (mention) =>
      mention.end <= triggerStart &&
      mention.start >= clauseStart &&
      triggerStart - mention.end < 140 &&
      !hidden.some((r) => r.start <= mention.start && mention.end <= r.end),
  )
  const before =
    inClause.length > 1 && inClause.some((mention) => !isPatron(text, mention))
      ? inClause.filter((mention) => !isPatron(text, mention))
      : inClause
  const participle = PARTICIPLE.test(text.slice(triggerStart, triggerEnd))
  // "their fighters entered the crossing with Jordan, [taking] the brigade": a participle after a
  // comma continues the sentence's last subject.
  if (participle && /,\s*$/.test(text.slice(Math.max(0, triggerStart - 3), triggerStart))) {
    if (sentenceActors.length > 0) return [...sentenceActors]
    const opening = candidates.find(
      (mention) =>
        mention.start >= sentenceStart &&
        mention.end <= triggerStart &&
        /^[\s"“'‘]*(?:the\s+)?$/i.test(text.slice(sentenceStart, mention.start)),
    )
    if (opening) return [toActor(input, opening)]
  }
  // "… days after [taking over] Aleppo": an adverbial participle shares the main clause's subject.
  if (
    participle &&
    /\b(?:after|before|while|since|by|upon|when|despite)\s+$/i.test(
      text.slice(Math.max(0, triggerStart - 12), triggerStart),
    )
  ) {
    const main = candidates.find(
      (mention) =>
        mention.start >= sentenceStart &&
        mention.end <= triggerStart &&
        !hidden.some((r) => r.start <= mention.start && mention.end <= r.end),
    )
    if (main)
      return withCoordinated(text, candidates, main).map((mention) => toActor(input, mention))
  }
  const subject = before[before.length - 1]
  // "Russia's Defence Ministry said [its troops] had taken …": a generic force owned by a pronoun
  // belongs to the speaker, not to the government of the country the story is about.
  const owned =
    subject !== undefined &&
    subject.kind === 'force' &&
    !subject.country &&
    /\b(?:its|their)\s+(?:own\s+)?$/i.test(
      text.slice(Math.max(clauseStart, subject.start - 12), subject.start),
    )
  // A pronoun subject (or a force owned by one) points back to the speaker or the last actors.
  const pronoun =
    PRONOUN_SUBJECT.test(text.slice(subject ? subject.end : clauseStart, triggerStart)) ||
    /\b(?:their|its|his|her)\s+$/i.test(
      text.slice(Math.max(clauseStart, triggerStart - 8), triggerStart),
    ) ||
    (owned && frameSource?.span !== undefined)
  // "SNA forces, which continued fighting": a relative clause's subject is the mention before it.
  if (
    (!subject && /^\s*(?:which|who)\b/i.test(text.slice(clauseStart, triggerStart))) ||
    (!subject &&
      /,\s*(?:which|who)\s+(?:\w+\s+){0,3}$/i.test(
        text.slice(Math.max(0, clauseStart - 12), triggerStart),
      ))
  ) {
    let antecedent = candidates
      .filter((mention) => mention.end <= clauseStart && clauseStart - mention.end < 25)
      .pop()
    // "The SNA troops, who …": the named group before a generic head is the antecedent.
    const named = antecedent
      ? candidates
          .filter(
            (mention) =>
              mention.end <= antecedent!.start &&
              /^\s*$/.test(text.slice(mention.end, antecedent!.start)),
          )
          .pop()
      : undefined
    if (antecedent?.kind === 'force' && named && named.kind !== 'force') antecedent = named
    if (antecedent) return [toActor(input, antecedent, flags.has('loser'))]
  }
  // "…, and are reportedly engaged in fighting": a coordinated clause without a subject shares the sentence's.
  if (
    !subject &&
    !pronoun &&
    sentenceActors.length > 0 &&
    /^\s*(?:and|but|then)\b/i.test(
      text.slice(Math.max(0, clauseStart - 5), triggerStart).replace(/^[^a-z]*,/i, ''),
    )
  )
    return [...sentenceActors]
  // "Rebels, who took Homs on Friday, [advanced]": a main clause resumed after a relative aside
  // has the subject the aside described.
  // ("The SNA, which is backed by [Turkey], attacked": the aside's own mentions are not the subject.)
  if (!pronoun) {
    const lead = text.slice(Math.max(sentenceStart, triggerStart - 160), triggerStart)
    const aside = AFTER_RELATIVE_ASIDE.exec(lead)
    const asideStart = aside ? triggerStart - lead.length + aside.index : -1
    if (aside && (!subject || subject.start >= asideStart)) {
      const described = candidates.find(
        (mention) => mention.end <= asideStart && asideStart - mention.end <= 1,
      )
      if (described) return [toActor(input, described, flags.has('loser'))]
    }
  }
  // "killed militants [who] fired rockets": a relative pronoun right after a mention is that mention.
  const relative =
    subject !== undefined && RELATIVE_AFTER.test(text.slice(subject.end, triggerStart))
  if (subject && (!pronoun || relative))
    return withCoordinated(text, candidates, subject).map((mention) =>
      toActor(input, mention, flags.has('loser')),
    )
  // "the army said it had regained control", "Abdul Ghani posted that their forces ...": the speaker's side.
  if (pronoun || !subject) {
    if (frameSource?.span) {
      const speaker = mentions.find(
        (mention) => mention.start === frameSource.span!.start && isActorMention(text, mention),
      )
      if (speaker) return [toActor(input, speaker, flags.has('loser'))]
      const person = mentions.find(
        (mention) => mention.start === frameSource.span!.start && mention.side,
      )
      if (person) return [toActor(input, person, flags.has('loser'))]
    }
    if (pronoun && previousActors.length > 0)
      return flags.has('loser')
        ? previousActors.map((actor) => invertActor(input, actor))
        : [...previousActors]
    if (subject)
      return withCoordinated(text, candidates, subject).map((mention) =>
        toActor(input, mention, flags.has('loser')),
      )
  }
  const after = candidates.find(
    (mention) =>
      mention.start >= triggerEnd && mention.start - triggerEnd < 40 && mention.start < scopeEnd,
  )
  if (after && /^\s+(?:of|by|among|between)\s/i.test(text.slice(triggerEnd, after.start + 1)))
    return [toActor(input, after)]
  return []
}

// The trigger's first word is a participle: "[taking] the brigade", "after [taking over] Aleppo".
const PARTICIPLE = /^\p{L}+ing(?:\s|$)/u
// "militants [allied with the United States] have taken": the patron only qualifies the subject.
const PATRON_BEFORE =
  /\b(?:allied|aligned|affiliated|associated)\s+(?:with|to)\s+(?:the\s+)?$|\b(?:backed|supported|funded|armed|sponsored)\s+by\s+(?:the\s+)?$|\bloyal\s+to\s+(?:the\s+)?$/i

function isPatron(text: string, mention: Mention): boolean {
  return PATRON_BEFORE.test(text.slice(Math.max(0, mention.start - 30), mention.start))
}

/** Parenthetical and appositive stretches before the trigger: "(a US-backed faction …)", ", a jihadist alliance …,". */
function asideRanges(
  text: string,
  from: number,
  to: number,
  candidates: readonly Mention[],
): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = []
  const slice = text.slice(from, to)
  for (const match of slice.matchAll(/\([^()]*\)/g))
    ranges.push({ start: from + match.index, end: from + match.index + match[0].length })
  // An appositive follows the actor it describes: "[HTS], a jihadist alliance led by …, controls".
  const appositive =
    /,\s+(?:a|an|the|which|who|whose|including|led by|backed by)\b[^,]*,\s*(?:\S+\s+){0,3}$/i.exec(
      slice,
    )
  if (
    appositive &&
    candidates.some(
      (mention) =>
        mention.end <= from + appositive.index && from + appositive.index - mention.end <= 2,
    )
  ) {
    ranges.push({ start: from + appositive.index, end: to })
  }
  return ranges
}

export const PARTNER_TYPES: ReadonlySet<EventType> = new Set(['diplomacy', 'clash'])

export function withPartners(
  input: ExtractInput,
  subjects: readonly EventActor[],
  mentions: readonly Mention[],
  triggerEnd: number,
  scopeEnd: number,
): EventActor[] {
  const partners: EventActor[] = []
  let cursor = triggerEnd
  for (const mention of mentions) {
    if (
      mention.start < triggerEnd ||
      mention.start >= scopeEnd ||
      !isActorMention(input.text, mention)
    )
      continue
    const gap = input.text.slice(cursor, mention.start)
    if (
      partners.length === 0
        ? !/\b(?:with|between|against|and)\s+(?:the\s+|my\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,2}$/i.test(
            gap,
          ) || gap.length > 60
        : !/^\s*(?:,\s*(?:and\s+)?|\s+and\s+(?:with\s+)?)(?:the\s+|my\s+)?$/i.test(gap)
    )
      break
    partners.push(toActor(input, mention))
    cursor = mention.end
  }
  const seen = new Set(subjects.map((actor) => actor.side ?? actor.entity))
  return [
    ...subjects,
    ...partners.filter(
      (actor) => !seen.has(actor.side ?? actor.entity) && seen.add(actor.side ?? actor.entity),
    ),
  ]
}

function invertActor(input: ExtractInput, actor: EventActor): EventActor {
  const side = actor.side ? (OPPOSITE_SIDE[actor.side] ?? 'opposition') : 'opposition'
  const name = side === 'government' && input.focusDemonym ? `${input.focusDemonym} army` : side
  return { entity: `force:${side}`, name, side }
}
