import type { ClaimCues, CueRule, FramingTerm, TriggerRule } from '../../lexicon/claim-cues.js'
import type {
  AnalysisEvent,
  EventActor,
  EventPlace,
  EventSource,
  EventType,
  Stance,
} from '../../model/analysis.js'
import { makeSpan, type Span } from '../../model/span.js'
import { splitWords, type Word } from '../../text/words.js'
import type { Mention } from '../mentions/find-mentions.js'
import type { Sentence } from '../sentences/split-sentences.js'
import { chooseEventTime } from '../times/choose-event-time.js'
import { inheritEventTime } from '../times/inherit-event-time.js'
import { actorsFor, PARTNER_TYPES, withPartners } from './actors-for.js'
import { attributeLongQuotes } from './attribute-long-quotes.js'
import {
  buildFrames,
  innermostFrame,
  REPORT_BEFORE_SPEAKER,
  type CueHit,
  type Frame,
} from './build-frames.js'
import { clauseStartBefore } from './clause-bounds.js'
import type { ExtractInput, PlaceInput } from './extract-input.js'
import { findLexiconHits, type Hit } from './find-lexicon-hits.js'
import { mergeRestatements } from './merge-restatements.js'
import { readQuantity } from './read-quantity.js'
import { COUNTRY_FALLBACK, isCompoundModifier, placesFor, toEventPlace } from './places-for.js'

export type { ExtractInput, PlaceInput } from './extract-input.js'

/** A trigger of the sentence over words [start, end). */
interface TriggerHit {
  readonly rule: TriggerRule
  readonly start: number // word index
  readonly end: number // word index after
}

// Types that need an actor to be an event at all ("the meeting" alone is not diplomacy news).
const NEEDS_ACTOR: ReadonlySet<EventType> = new Set(['diplomacy', 'command_change', 'border'])
/** How far (in characters) a trigger's roles may stand from it. */
const MAX_REACH = 400

// Types whose place may stand anywhere in the sentence when none follows the trigger.
const SENTENCE_PLACE_TYPES: ReadonlySet<EventType> = new Set([
  'casualties',
  'displacement',
  'evacuation',
  'offensive',
  'border',
])
const LOSE_VERB = /^(?:lost|lose|loses|losing)$/
const COUNT_WORD =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|several|many|up)$/
// Objects that make "lose" no loss of a place: "lost their lives", "lost ground", "lost contact".
const LOSE_IDIOMS: ReadonlySet<string> = new Set([
  'their lives',
  'his life',
  'her life',
  'lives',
  'ground',
  'contact',
  'touch',
  'track',
  'hope',
  'sight',
  'patience',
  'momentum',
  'power',
  'tanks',
  'men',
  'soldiers',
  'troops',
  'personnel',
  'equipment',
  'vehicles',
])
// Objects that make "take" an idiom, not a capture: "took effect", "take part", "took office".
const TAKE_IDIOMS: ReadonlySet<string> = new Set([
  'effect',
  'place',
  'part',
  'office',
  'note',
  'steps',
  'measures',
  'action',
  'time',
  'advantage',
  'responsibility',
  'shelter',
  'refuge',
  'cover',
  'precautions',
  'turns',
])
// Intentions and futures are not reported events: "militants have [vowed to] take over Homs".
const MODAL_BEFORE =
  /\bhopefully\b[^.;]*$|\bsince\s+(?:(?:a|an|the|its|their|last)\s+(?:\d{4}\s+)?|\d{4}\s+)$|\b(?:vow(?:ed|s)?|plan(?:ned|s)?|aim(?:ed|s)?|threaten(?:ed|s)?|seek(?:s)?|sought|intend(?:ed|s)?|prepar(?:e|ed|es|ing)|hope(?:d|s)?|want(?:ed|s)?|tr(?:y|ied|ies)|attempt(?:ed|s)?|expected|called on [^,.;]*?|urged [^,.;]*?|call(?:ed)? for [^.;]*?) to\b[^.;]*$|\b(?:goal|aim|objective|intention|plan)s?\b[^.;]*$|\b(?:agreed|agrees|agree|ultimatum|ordered|orders|asked|demanded|demands|demanding|deadline)\b[^.;]*\bto\b[^.;]*$|\bdemand(?:ed|s|ing)? that\b[^.;]*$|\b(?:located|situated|lies|lying|some)\s+(?:about\s+|roughly\s+|around\s+)?$|\b(?:operation|attempt|bid|effort|drive|campaign|offensive)\s+to\s+$|\bwithout (?:admitting|confirming|acknowledging)\b[^.;]*$|\b(?:will|would|could|may|might|can)\s+(?:\w+\s+){0,2}$|\b(?:determine|determines|decide|decides|know|knows|ask|asks|asked|wonder|wonders)\s+(?:who|whether|which)\s+$/i

// The take verbs whose idioms are no capture ("took effect").
const TAKE_VERB = /^tak(?:e|es|en|ing)$|^took$/
// "fighting [for the] control of Manbij".
const GOAL_BEFORE = /\b(?:for|over)\s+(?:the\s+)?$/i
const DISTANCE_WORD = /kilomet|km|mile/i
// "Quneitra, [about] 60 kilometers": a place then a distance.
const PLACE_THEN_DISTANCE =
  /\p{Lu}[\p{L}'’-]*,\s*(?:about|some|around|roughly|nearly|almost|only|just)?\s*$/u
const LOCATED = /\b(?:located|situated|lies|lying|sits)\b/i
const CONDITION_BEFORE = /(?:^|[,;:“"]\s*)(?:if|should|unless|whether|in case)\s[^,;]*$/i
const CONDITION_OPENING = /^[\s"“'‘]*(?:if|should|unless|were)\s/i
const CAPITALISED = /^\p{Lu}/u
const ANAPHOR =
  /\bthe (?:[\w-]+\s+){0,2}(city|town|village|area|district|capital|operation|attack|raid|assault)\b(?!\s+of\b)/i
const THE_COUNTRY = /\bthe country\b/i
const EDGE_OF =
  /\b(?:outskirts|edges?|gates|doorstep|fringes)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i
const PARAGRAPH_BREAK = /\n\s*\n/

/** What the document has read so far: the events, and the antecedents later sentences point back to. */
interface DocumentState {
  readonly input: ExtractInput
  readonly cues: ClaimCues
  readonly events: AnalysisEvent[]
  /** Keys of (type, place, stance, source, sentence) already read: duplicates are dropped. */
  readonly seen: Set<string>
  readonly framesBySentence: { start: number; end: number; frames: readonly Frame[] }[]
  /** The publication time in ms (NaN without one), parsed once for the history check. */
  readonly publishedAt: number
  mentionCursor: number
  placeCursor: number
  lastSpeaker: EventSource | null
  lastPlace: PlaceInput | null
  lastActors: EventActor[]
  lastCity: PlaceInput | null
  /** Where the previous sentence's events begin and end in `events`, for "X denied the report". */
  previousEvents: { from: number; to: number }
}

/** One sentence being read: its words, roles, triggers and attribution frames. */
interface SentenceState {
  readonly sentence: Sentence
  readonly words: readonly Word[]
  readonly span: Span
  readonly mentions: readonly Mention[]
  readonly places: readonly PlaceInput[]
  readonly triggers: readonly TriggerHit[]
  readonly cueHits: readonly CueHit[]
  readonly frames: readonly Frame[]
  readonly framing: string[]
  /**
   * Event types this sentence already placed somewhere: a country fallback of the same type is noise
   * ("a ceasefire agreement in Manbij" is one agreement, not one in Manbij and one in Syria).
   */
  readonly types: Set<EventType>
  /** The subjects the sentence's last trigger found, for participles and coordinated clauses. */
  actors: EventActor[]
}

/**
 * Reads the events of one document: triggers from the lexicon, one event per (trigger, place),
 * the actor that did it, who the text attributes it to (with the attribution chain), the stance
 * of that source, the governing time expression and the loaded words used. Every event carries
 * its evidence sentence, trigger and role spans.
 */
export function extractEvents(input: ExtractInput, cues: ClaimCues): AnalysisEvent[] {
  // The words of the whole text, once: sentences are then served from that split (the pipeline's
  // mentions stage usually split this text already, so this only copies its list).
  splitWords(input.text)
  const state: DocumentState = {
    input,
    cues,
    events: [],
    seen: new Set(),
    framesBySentence: [],
    publishedAt: input.published ? Date.parse(input.published) : Number.NaN,
    mentionCursor: 0,
    placeCursor: 0,
    lastSpeaker: null,
    lastPlace: null,
    lastActors: [],
    lastCity: null,
    previousEvents: { from: 0, to: 0 },
  }
  for (const sentence of input.sentences) readSentence(state, sentence)
  if (state.events.length === 0) return state.events
  return mergeRestatements(attributeLongQuotes(input.text, state.events, state.framesBySentence))
}

function readSentence(state: DocumentState, sentence: Sentence): void {
  const { input } = state
  const { doc, text } = input
  const words = splitWords(text, sentence.start, sentence.end)
  if (words.length === 0) return
  const allMentions = input.mentions
  const allPlaces = input.places
  while (
    state.mentionCursor < allMentions.length &&
    allMentions[state.mentionCursor]!.end <= sentence.start
  )
    state.mentionCursor++
  while (
    state.placeCursor < allPlaces.length &&
    allPlaces[state.placeCursor]!.end <= sentence.start
  )
    state.placeCursor++
  const mentions: Mention[] = []
  for (
    let k = state.mentionCursor;
    k < allMentions.length && allMentions[k]!.start < sentence.end;
    k++
  )
    mentions.push(allMentions[k]!)
  const places: PlaceInput[] = []
  for (let k = state.placeCursor; k < allPlaces.length && allPlaces[k]!.start < sentence.end; k++)
    places.push(allPlaces[k]!)

  const hits = findLexiconHits(state.cues, words)
  const cueHits = speechCues(words, mentions, hits.cues)
  const frames = buildFrames({
    input,
    sentence,
    words,
    mentions,
    cueHits,
    lastSpeaker: state.lastSpeaker,
  })
  state.framesBySentence.push({ start: sentence.start, end: sentence.end, frames })
  for (const frame of frames)
    if (frame.source && !frame.source.unnamed) state.lastSpeaker = frame.source

  const here: SentenceState = {
    sentence,
    words,
    span: makeSpan(doc, text, sentence.start, sentence.end),
    mentions,
    places,
    triggers: eventTriggers(text, sentence, words, hits.triggers),
    cueHits,
    frames,
    framing: framingTerms(hits.framing),
    types: new Set(),
    actors: [],
  }
  const firstEvent = state.events.length
  for (let t = 0; t < here.triggers.length; t++) readTrigger(state, here, t)
  const lastEvent = state.events.length
  addReportDenials(state, here, firstEvent)
  state.previousEvents = { from: firstEvent, to: lastEvent }

  // The antecedent of "the city" is the place of the last sentence's first event, not its last word.
  let firstEventHere: AnalysisEvent | undefined
  for (let k = firstEvent; k < state.events.length && !firstEventHere; k++)
    if (state.events[k]!.place?.span) firstEventHere = state.events[k]
  let antecedent: PlaceInput | undefined
  if (firstEventHere) {
    const start = firstEventHere.place!.span!.start
    for (const place of places)
      if (place.start === start) {
        antecedent = place
        break
      }
  }
  if (antecedent && antecedent.entry && antecedent.entry.kind !== 'country')
    state.lastPlace = antecedent
  let cityHere: PlaceInput | undefined
  for (let k = places.length - 1; k >= 0 && !cityHere; k--)
    if (places[k]!.entry?.kind === 'city') cityHere = places[k]
  if (antecedent?.entry?.kind === 'city') state.lastCity = antecedent
  else if (cityHere && !antecedent) state.lastCity = cityHere
}

/**
 * The triggers that can be events. "fighting for the control of Manbij": control named as a goal
 * is no event and no boundary. "a ceasefire [took] effect", "talks [took] place": idioms of "take"
 * are no capture.
 */
function eventTriggers(
  text: string,
  sentence: Sentence,
  words: readonly Word[],
  hits: readonly Hit<TriggerRule>[],
): TriggerHit[] {
  const triggers: TriggerHit[] = []
  for (const hit of hits) {
    const rule = hit.item
    if (rule.type === 'control') {
      if (
        hit.end === hit.start + 1 &&
        TAKE_VERB.test(words[hit.start]!.folded) &&
        TAKE_IDIOMS.has(words[hit.end]?.folded ?? '')
      )
        continue
      // "lost their lives", "lost ground": a loss of something other than a place.
      if (
        hit.end === hit.start + 1 &&
        LOSE_VERB.test(words[hit.start]!.folded) &&
        (LOSE_IDIOMS.has(words[hit.end]?.folded ?? '') ||
          LOSE_IDIOMS.has(`${words[hit.end]?.folded ?? ''} ${words[hit.end + 1]?.folded ?? ''}`) ||
          // "lost two tanks", "lost 40 soldiers": a count of men or equipment, not a place.
          COUNT_WORD.test(words[hit.end]?.folded ?? ''))
      )
        continue
      const start = words[hit.start]!.start
      if (GOAL_BEFORE.test(text.slice(Math.max(sentence.start, start - 12), start))) continue
    }
    triggers.push({ rule, start: hit.start, end: hit.end })
  }
  return triggers
}

/**
 * The speech cues of a sentence. A cue word inside a name is no cue: "the United [States]", "the
 * [Statement] Foundation". "[Reports] indicate that …": a report noun before a speech verb is the
 * (unnamed) speaker.
 */
function speechCues(
  words: readonly Word[],
  mentions: readonly Mention[],
  hits: readonly Hit<CueRule>[],
): CueHit[] {
  const cues: CueHit[] = []
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!
    const next = hits[k + 1]
    let kind = hit.item.kind
    if (
      kind === 'say' &&
      hit.end === hit.start + 1 &&
      words[hit.start]!.folded === 'reports' &&
      next?.start === hit.end &&
      (next.item.kind === 'say' || next.item.kind === 'hedge' || next.item.kind === 'deny')
    )
      kind = 'speaker'
    if (
      kind !== 'speaker' &&
      insideMention(mentions, words[hit.start]!.start, words[hit.end - 1]!.end)
    )
      continue
    cues.push({ kind, start: hit.start, end: hit.end })
  }
  return cues
}

function insideMention(mentions: readonly Mention[], start: number, end: number): boolean {
  for (const mention of mentions) if (mention.start <= start && end <= mention.end) return true
  return false
}

/** A trigger inside an attribution phrase is speech, not an event ("the announcement was made"). */
function isSpeech(cueHits: readonly CueHit[], trigger: TriggerHit): boolean {
  for (let w = trigger.start; w < trigger.end; w++) {
    let covered = false
    for (const cue of cueHits)
      if (cue.kind !== 'negation' && cue.kind !== 'hedge' && cue.start <= w && w < cue.end) {
        covered = true
        break
      }
    if (!covered) return false
  }
  return true
}

/** "the MNDAA dismissed [the report]", "denied it": a denial whose object points back to a report. */
const REPORT_OBJECT =
  /^\s+(?:(?:the|this|that|these|those|such|its|their)\s+)?(?:reports?|claims?|allegations?|accounts?|assertions?|announcements?)\b(?!\s+(?:that|of|about|on|claiming|saying)\b)|^\s+(?:it|this|them)\b(?!\s+(?:was|is|had|has|were)\b)/i

/**
 * "The junta said troops had retaken Lashio. The MNDAA dismissed the report as propaganda."; "…
 * said its forces had captured X, a claim Kyiv rejected.": a denial of the report itself denies
 * the events it told. Each gets a denied copy, attributed to the one who denies, with the denying
 * sentence as evidence and the denial's verb as trigger; what the report said stays as it was.
 */
function addReportDenials(state: DocumentState, here: SentenceState, firstEvent: number): void {
  const { input } = state
  const { doc, text } = input
  for (const frame of here.frames) {
    if (frame.stance !== 'denied' || !frame.source?.span || frame.cueAt === null) continue
    const cue = cueSpanAt(here, frame.cueAt)
    if (!cue) continue
    const speakerStart = frame.source.span.start
    const before = REPORT_BEFORE_SPEAKER.test(
      text.slice(Math.max(here.sentence.start, speakerStart - 40), speakerStart),
    )
    const pointsBack = before || REPORT_OBJECT.test(text.slice(cue.end, cue.end + 60))
    if (!pointsBack) continue
    // The events this sentence told before the denial, else (a denial opening its sentence) the
    // events of the sentence before.
    let from = firstEvent
    let to = state.events.length
    let any = false
    for (let k = from; k < to && !any; k++)
      if ((state.events[k]!.trigger?.start ?? Infinity) < Math.min(cue.start, speakerStart))
        any = true
    if (!any) {
      if (before) continue
      ;({ from, to } = state.previousEvents)
    }
    const denier = frame.source
    const trigger = makeSpan(doc, text, cue.start, cue.end)
    for (let k = from; k < to; k++) {
      const told = state.events[k]!
      if (told.stance === 'denied' || told.source?.entity === denier.entity) continue
      if (k >= firstEvent && (told.trigger?.start ?? Infinity) >= cue.start) continue
      const key = `${told.type}|${told.place?.entity}|denied|${denier.name}|${here.sentence.index}`
      if (state.seen.has(key)) continue
      state.seen.add(key)
      state.events.push({
        id: `${doc}#e${state.events.length + 1}`,
        doc,
        type: told.type,
        place: told.place,
        actors: told.actors,
        source: denier,
        stance: 'denied',
        date: told.date,
        framing: here.framing,
        evidence: here.span,
        trigger,
        rule: 'claims/denies-report',
        notAfter: input.published,
      })
    }
  }
}

/** The span of the cue words that start at `at`, or null. */
function cueSpanAt(here: SentenceState, at: number): { start: number; end: number } | null {
  for (const hit of here.cueHits) {
    const first = here.words[hit.start]
    if (first && first.start === at)
      return { start: first.start, end: here.words[hit.end - 1]!.end }
  }
  return null
}

/** "…, a claim [Kyiv] rejected": a capital that speaks is its government, not a place of the event. */
function isSpeakerAt(frames: readonly Frame[], start: number): boolean {
  for (const frame of frames) if (frame.source?.span?.start === start) return true
  return false
}

/**
 * "the fall of [the regime] in Khartoum", "the capture of [rebel fighters]": a nominal whose "of"
 * names a side, not a place, reports no control of the place nearby.
 */
function seizesNoPlace(
  text: string,
  rule: TriggerRule,
  triggerEnd: number,
  mentions: readonly Mention[],
): boolean {
  if (!rule.flags.has('nominal')) return false
  for (const mention of mentions) {
    if (mention.start < triggerEnd) continue
    if (mention.start - triggerEnd > 6) return false
    return (
      mention.kind !== 'country' && /^\s+(?:the\s+)?$/i.test(text.slice(triggerEnd, mention.start))
    )
  }
  return false
}

function readTrigger(state: DocumentState, here: SentenceState, t: number): void {
  const { input } = state
  const { doc, text } = input
  const { sentence, words, triggers } = here
  const trigger = triggers[t]!
  const rule = trigger.rule
  if (isSpeech(here.cueHits, trigger)) return
  const triggerStart = words[trigger.start]!.start
  const triggerEnd = words[trigger.end - 1]!.end
  let nextTrigger: TriggerHit | undefined
  for (let k = t + 1; k < triggers.length && !nextTrigger; k++) {
    const other = triggers[k]!
    if (other.rule.type !== rule.type || other.start > trigger.end + 2) nextTrigger = other
  }
  // Roles lie near their trigger: windows are bounded so a sentence of a megabyte stays linear.
  const scopeEnd = Math.min(
    nextTrigger ? words[nextTrigger.start]!.start : sentence.end,
    triggerEnd + MAX_REACH,
  )
  const clauseStart = clauseStartBefore(
    text,
    Math.max(sentence.start, triggerStart - MAX_REACH),
    triggerStart,
  )
  if (isHypothetical(text, sentence, rule, clauseStart, triggerStart, triggerEnd)) return
  const places: PlaceInput[] = []
  for (const place of here.places)
    if (
      place.end > clauseStart - 200 &&
      place.start < scopeEnd + 400 &&
      !isSpeakerAt(here.frames, place.start)
    )
      places.push(place)
  const mentions: Mention[] = []
  for (const mention of here.mentions)
    if (mention.end > clauseStart - 200 && mention.start < scopeEnd + 200) mentions.push(mention)

  const placed = eventPlaces(
    state,
    rule,
    triggerStart,
    triggerEnd,
    scopeEnd,
    clauseStart,
    places,
    mentions,
  )
  if (placed === null) return
  if (rule.type === 'control' && seizesNoPlace(text, rule, triggerEnd, mentions)) return
  const frame = innermostFrame(here.frames, triggerStart)
  const subjects = actorsFor(
    input,
    rule,
    triggerStart,
    triggerEnd,
    scopeEnd,
    clauseStart,
    mentions,
    frame?.source ?? null,
    state.lastActors,
    here.actors,
    sentence.start,
  )
  // Meetings and fights have partners: "a meeting in Doha [with Russia and Iran]", "fighting [with] army troops".
  const actors = PARTNER_TYPES.has(rule.type)
    ? withPartners(input, subjects, mentions, triggerEnd, scopeEnd)
    : subjects
  if (subjects.length > 0) {
    state.lastActors = subjects
    here.actors = subjects
  }
  // A speaker who reports their own diplomacy counts as its actor ("We have reached a ceasefire").
  if (NEEDS_ACTOR.has(rule.type) && actors.length === 0 && !frame?.source) return
  // A leader who flees leaves; forces that flee withdraw.
  let type: EventType =
    rule.type === 'withdrawal' && actors.length > 0 && allPersons(actors) ? 'evacuation' : rule.type

  let stance: Stance = frame?.stance ?? 'asserted'
  if (isNegated(words, trigger.start)) stance = 'denied'
  const source = frame?.source ?? null

  // The expression governing the clause, else the last day named earlier in the paragraph.
  const time =
    chooseEventTime(
      input.times,
      here.span,
      { start: clauseStart, end: scopeEnd },
      { start: triggerStart, end: triggerEnd },
    ) ?? inheritEventTime(input.times, text, here.span)
  // "Since November 29, X have launched an offensive": an offensive dates from the start of its open interval.
  // "SNA has been attacking Manbij since November 27": attacks going on since a day are an offensive begun that day.
  const ongoing =
    time?.value?.precision === 'open' &&
    (type === 'offensive' || type === 'clash' || type === 'strike')
  if (ongoing) type = 'offensive'
  const value = time?.value
  const date =
    time && value
      ? {
          start: value.start,
          end: ongoing ? value.start : value.end,
          precision: ongoing ? 'day' : value.precision,
          text: makeSpan(doc, text, time.start, time.end),
        }
      : null
  // Background from other years ("recaptured Palmyra in 2016", "pushed out … in 2016") is history,
  // not part of the story being reported.
  if (date && input.published && (state.publishedAt - parseDay(date.end)) / 86_400_000 > 366) return

  const triggerSpan = makeSpan(doc, text, triggerStart, triggerEnd)
  const counted = readQuantity(text, type, triggerStart, triggerEnd, clauseStart, scopeEnd)
  const quantity = counted
    ? {
        value: counted.value,
        unit: counted.unit,
        span: makeSpan(doc, text, counted.start, counted.end),
      }
    : undefined
  for (const place of placed.places) {
    // "infiltrated into [the outskirts of] Hama": reaching a city's edge is an advance on it,
    // not control of it.
    const placeType: EventType =
      type === 'control' &&
      place?.span &&
      EDGE_OF.test(text.slice(Math.max(0, place.span.start - 50), place.span.start))
        ? 'advance'
        : type
    const key = `${placeType}|${place?.entity}|${stance}|${source?.name ?? ''}|${sentence.index}`
    if (state.seen.has(key)) continue
    state.seen.add(key)
    if (placed.fallback && here.types.has(placeType)) continue
    if (!placed.fallback) here.types.add(placeType)
    state.events.push({
      id: `${doc}#e${state.events.length + 1}`,
      doc,
      type: placeType,
      place,
      actors,
      source,
      stance,
      date,
      framing: here.framing,
      evidence: here.span,
      trigger: triggerSpan,
      rule: rule.rule,
      notAfter: input.published,
      ...(quantity && { quantity }),
    })
  }
}

// Date.parse of the few days a corpus names, remembered (bounded, like any memo a worker keeps).
const parsedDays = new Map<string, number>()

function parseDay(day: string): number {
  let time = parsedDays.get(day)
  if (time === undefined) {
    time = Date.parse(day)
    if (parsedDays.size >= 10_000) parsedDays.clear()
    parsedDays.set(day, time)
  }
  return time
}

function allPersons(actors: readonly EventActor[]): boolean {
  for (const actor of actors) if (!actor.entity.startsWith('person:')) return false
  return true
}

const MODIFIER_TYPES: ReadonlySet<EventType> = new Set(['displacement', 'evacuation', 'protest'])
const KIND_OF_PLACE_AFTER = /^\s+(?:camps?|sites?|cent(?:re|er)s?|shelters?|zones?|routes?)\b/i

/** Intentions, futures, conditions, distances and names: trigger words that report no event. */
function isHypothetical(
  text: string,
  sentence: Sentence,
  rule: TriggerRule,
  clauseStart: number,
  triggerStart: number,
  triggerEnd: number,
): boolean {
  const before = text.slice(clauseStart, triggerStart)
  // "the Abu Shouk [displacement] camp", "an [evacuation] centre": the noun names a place's kind.
  if (
    MODIFIER_TYPES.has(rule.type) &&
    KIND_OF_PLACE_AFTER.test(text.slice(triggerEnd, triggerEnd + 12))
  )
    return true
  // "militants have vowed to take over Homs", "who controls the country": not a reported event.
  if (MODAL_BEFORE.test(before)) return true
  // "captured Quneitra, about 60 kilometers from Damascus": a distance describing a place is no advance.
  if (
    rule.type === 'advance' &&
    DISTANCE_WORD.test(text.slice(triggerStart, triggerEnd)) &&
    (PLACE_THEN_DISTANCE.test(text.slice(Math.max(clauseStart, triggerStart - 60), triggerStart)) ||
      LOCATED.test(before))
  )
    return true
  // "Should HTS secure Homs …", "If the army withdraws …": conditions are not reports.
  if (CONDITION_BEFORE.test(before)) return true
  // "[Should] the rebels take Homs, an attack on Damascus becomes possible": the consequence of
  // a sentence-opening condition is as hypothetical as the condition.
  if (CONDITION_OPENING.test(text.slice(sentence.start, triggerStart))) return true
  // "the Separation of Forces Agreement": a capitalised diplomacy noun mid-sentence names a thing.
  return (
    rule.type === 'diplomacy' &&
    triggerStart > sentence.start + 1 &&
    CAPITALISED.test(text.slice(triggerStart, triggerEnd))
  )
}

/**
 * Where the event happened: the places the trigger governs, else an antecedent ("the city"), a
 * place elsewhere in the sentence or the paragraph, else the focus country for country-level
 * types. Null when the trigger has no place and no fallback (then it is no event).
 */
function eventPlaces(
  state: DocumentState,
  rule: TriggerRule,
  triggerStart: number,
  triggerEnd: number,
  scopeEnd: number,
  clauseStart: number,
  places: readonly PlaceInput[],
  mentions: readonly Mention[],
): { places: (EventPlace | null)[]; fallback: boolean } | null {
  const { input, lastPlace } = state
  const { doc, text } = input
  let found = placesFor(text, rule, triggerStart, triggerEnd, scopeEnd, clauseStart, places)
  let focusPlace: EventPlace[] | null = null
  // "liberating the area", "the special forces unit in the city": the nearest place before in the
  // sentence, else the place of the last sentence's first event.
  const anaphor = ANAPHOR.exec(
    text.slice(Math.max(clauseStart, triggerStart - 40), scopeEnd),
  )?.[1]?.toLowerCase()
  // An operation or an attack points back to where it happened only for strikes and their toll.
  const placeNoun =
    anaphor === 'city' ||
    anaphor === 'town' ||
    anaphor === 'village' ||
    anaphor === 'area' ||
    anaphor === 'district'
  // "encircling the capital": the capital of the country the article is about, as it names it.
  if (found.length === 0 && anaphor === 'capital') {
    const capital = focusCapital(input, triggerStart)
    if (capital) found = [capital]
  }
  if (
    found.length === 0 &&
    anaphor &&
    (placeNoun || rule.type === 'strike' || rule.type === 'casualties')
  ) {
    // "the city" is a town, not the airbase named last.
    let before: PlaceInput | undefined
    for (const place of places)
      if (place.end <= triggerStart && fitsAnaphor(place, anaphor)) before = place
    const antecedent = before ?? (fitsAnaphor(lastPlace, anaphor) ? lastPlace : state.lastCity)
    if (antecedent?.entry) found = [antecedent]
  }
  // "evacuating its diplomats from the country": the country the document is about.
  if (
    found.length === 0 &&
    COUNTRY_FALLBACK.has(rule.type) &&
    THE_COUNTRY.test(text.slice(triggerEnd, scopeEnd)) &&
    input.focusPlace
  )
    focusPlace = [countryPlace(input)]
  // Killings, flights and offensives are often placed elsewhere in their sentence:
  // "four civilians were killed when HTS shelled a residence in Aleppo".
  if (found.length === 0 && SENTENCE_PLACE_TYPES.has(rule.type)) {
    const elsewhere = placeElsewhere(text, rule, triggerStart, triggerEnd, places)
    if (elsewhere) found = [elsewhere]
  }
  // "… captured the division after regime elements defected": a defection without a place in its
  // sentence happened where the paragraph's last event did.
  if (
    found.length === 0 &&
    rule.type === 'defection' &&
    lastPlace?.entry &&
    !PARAGRAPH_BREAK.test(text.slice(lastPlace.end, triggerStart))
  )
    found = [lastPlace]
  // "Jordan closed its border": a border event happens at the acting country's border.
  if (found.length === 0 && rule.type === 'border') {
    const border = borderPlace(triggerStart, clauseStart, places, mentions)
    if (border) found = [border]
  }
  // "have entered Iraq" after a sentence about the Al-Qaim crossing: a country stands for the place
  // in that country the document last reported an event at.
  if (
    found.length === 1 &&
    found[0]!.entry?.kind === 'country' &&
    lastPlace?.entry &&
    lastPlace.entry.country === found[0]!.entry.country &&
    (rule.type === 'border' || rule.type === 'displacement')
  )
    found = [lastPlace]
  if (focusPlace) return { places: focusPlace, fallback: false }
  const values: (EventPlace | null)[] = []
  for (const place of found) values.push(toEventPlace(doc, text, place))
  if (values.length > 0) return { places: values, fallback: false }
  if (!COUNTRY_FALLBACK.has(rule.type) || !input.focusPlace) return null
  return { places: [countryPlace(input)], fallback: true }
}

/** The focus country as an event place (no span: the text does not name it here). */
function countryPlace(input: ExtractInput): EventPlace {
  const place = input.focusPlace!
  return { entity: place.id, name: place.name, lat: place.lat, lon: place.lon }
}

/** The capital of the focus country as the document names it: the last before the trigger, else the first. */
function focusCapital(input: ExtractInput, triggerStart: number): PlaceInput | undefined {
  let first: PlaceInput | undefined
  let before: PlaceInput | undefined
  for (const place of input.places) {
    if (
      place.entry?.featureCode !== 'PPLC' ||
      (input.focusCountry !== null && place.entry.country !== input.focusCountry)
    )
      continue
    first ??= place
    if (place.end <= triggerStart) before = place
  }
  return before ?? first
}

function fitsAnaphor(place: PlaceInput | null, anaphor: string): boolean {
  return Boolean(
    place?.entry &&
    place.entry.kind !== 'country' &&
    (!(anaphor === 'city' || anaphor === 'town') || place.entry.kind === 'city'),
  )
}

/** A toll or a flight placed by a later clause, else the last specific place before the trigger. */
function placeElsewhere(
  text: string,
  rule: TriggerRule,
  triggerStart: number,
  triggerEnd: number,
  places: readonly PlaceInput[],
): PlaceInput | undefined {
  // Only a toll or a flight is placed by a later clause ("killed when HTS shelled … in Aleppo");
  // an offensive's later places are what it took, not where it began.
  const later = rule.type === 'casualties' || rule.type === 'displacement'
  let after: PlaceInput | undefined
  let before: PlaceInput | undefined
  for (const place of places) {
    if (
      !place.entry ||
      place.entry.kind === 'country' ||
      place.entry.kind === 'region' ||
      isCompoundModifier(text, place)
    )
      continue
    if (later && !after && place.start >= triggerEnd) after = place
    if (place.end <= triggerStart) before = place
  }
  return after ?? before
}

/** The acting country's border: "Jordan closed its border"; or a named crossing in that country after the trigger. */
function borderPlace(
  triggerStart: number,
  clauseStart: number,
  places: readonly PlaceInput[],
  mentions: readonly Mention[],
): PlaceInput | undefined {
  let country: Mention | undefined
  for (const m of mentions)
    if (m.kind === 'country' && m.end <= triggerStart && m.start >= clauseStart) country = m
  if (!country) return undefined
  const place = places.find((p) => p.start === country.start && p.entry)
  if (!place) return undefined
  // "Iraq has received … soldiers who crossed the Al-Qa'im checkpoint": the named crossing in that country.
  const within = places.find(
    (p) =>
      p.entry &&
      p.entry.kind !== 'country' &&
      p.entry.kind !== 'admin1' &&
      p.entry.country === place.entry!.country &&
      p.start > triggerStart,
  )
  return within ?? place
}
// Words that may stand between a negation and the verb it negates: "have [not yet fully] withdrawn".
const NEGATION_BRIDGE = new Set([
  'be',
  'been',
  'being',
  'have',
  'has',
  'had',
  'yet',
  'ever',
  'actually',
  'fully',
  'already',
  'completely',
  'entirely',
  'really',
  'so',
  'far',
])

/** "did not enter", "have not withdrawn"; but not "did not want a battle": the negation is on "want". */
function isNegated(words: readonly Word[], triggerWord: number): boolean {
  for (let k = triggerWord - 1; k >= Math.max(0, triggerWord - 4); k--) {
    const word = words[k]!.folded
    if (word === 'not' || word === 'never' || word.endsWith("n't") || word === 'cannot') return true
    if (!NEGATION_BRIDGE.has(word)) return false
  }
  return false
}

function framingTerms(hits: readonly Hit<FramingTerm>[]): string[] {
  const terms = new Set<string>()
  for (const hit of hits) terms.add(hit.item.term)
  return [...terms]
}
