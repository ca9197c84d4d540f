import { findLexiconHits, type Hit } from './find-lexicon-hits.js'
import { mergeRestatements } from './merge-restatements.js'
import type { ClaimCues, CueKind, FramingTerm, TriggerRule } from '../../lexicon/claim-cues.js'
import type { GazetteerEntry } from '../../lexicon/gazetteer.js'
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
import type { TimeMention } from '../times/time-mention.js'

/** A place mention as the places stage hands it over. */
export interface PlaceInput {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly entry: GazetteerEntry | null
  readonly qualifier?: 'admin' | 'city' | 'countryside' | null
}

export interface ExtractInput {
  readonly doc: string
  readonly text: string
  readonly published: string | null
  readonly sentences: readonly Sentence[]
  readonly mentions: readonly Mention[]
  readonly places: readonly PlaceInput[]
  readonly times: readonly TimeMention[]
  /** ISO alpha-2 of the country the document is about, or null. */
  readonly focusCountry: string | null
  /** The focus country's demonym ("Syrian") and its gazetteer entry (fallback place). */
  readonly focusDemonym: string | null
  readonly focusPlace: GazetteerEntry | null
  /** Side codes of countries ("RU" → "russia"). */
  readonly countrySide: (code: string) => string | null
}

interface WordRange {
  readonly start: number // word index
  readonly end: number // word index after
}

interface TriggerHit extends WordRange {
  readonly rule: TriggerRule
}

interface CueHit extends WordRange {
  readonly kind: CueKind
}

/** Who says so, over which stretch of a sentence, and how. */
interface Frame {
  readonly scopeStart: number // char offset
  readonly scopeEnd: number
  /** Where the attribution cue stands: the nearest cue before a claim is its innermost speaker. */
  readonly cueAt?: number
  readonly source: EventSource | null
  readonly stance: Stance | null
  readonly rank: number // narrower and later frames win
}

// Types whose events fall back to the document's country when they name no place:
// "Iran has begun evacuating its diplomats" → evacuation in the focus country.
const COUNTRY_FALLBACK: ReadonlySet<EventType> = new Set([
  'offensive',
  'evacuation',
  'casualties',
  'diplomacy',
  'command_change',
  'border',
  'displacement',
])
// Types that need an actor to be an event at all ("the meeting" alone is not diplomacy news).
const NEEDS_ACTOR: ReadonlySet<EventType> = new Set(['diplomacy', 'command_change', 'border'])
// Types whose place may be read before the trigger ("Aleppo ... is under rebel control"); others need an object.
const PLACE_BEFORE_TYPES: ReadonlySet<EventType> = new Set([
  'control',
  'withdrawal',
  'redeployment',
  'protest',
  'defection',
  'strike',
  'clash',
])
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
// Locative words that make a later place a modifier of an earlier one: Izraa, [north of] Daraa.
const LOCATIVE_GAP =
  /\b(?:near|outside|north|south|east|west|northeast|northwest|southeast|southwest|between|in|of|from|at|close to|around|on|towards|toward|to|into|via|along|across|beyond|within|than)\b[^,]*$/i
// A coordinated list continues with commas/and/or, optionally "the town of".
const LIST_GAP =
  /^\s*(?:(?:province|governorate|city|region|countryside)\s*)?(?:,\s*(?:and\s+|or\s+)?(?:as\s+well\s+as\s+|along\s+with\s+)?|\s+(?:and|or|as\s+well\s+as|along\s+with)\s+)(?:(?:several|some|many|dozens\s+of|two|three|other)\s+)?(?:(?:towns|villages|areas|cities|positions|districts)\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+)?(?:(?:in|from|to|on)\s+)?(?:(?:all|parts|most|much|some|areas|part)\s+of\s+)?(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central|rural)\s+)?(?:(?:city|cities|town|towns|village|villages|province|provinces|governorate|governorates|area|areas|district|districts|region|regions)\s+of\s+)?$/i
const SPEAKER_KINDS: ReadonlySet<Mention['kind']> = new Set([
  'source',
  'organization',
  'institution',
  'person',
  'actor',
  'force',
  'country',
])
// ", a commander in the opposition's operations room, ": a noun phrase set off by commas.
const APPOSITIVE_GAP =
  /^\s*,\s*(?:a|an|the|its|his|her|their|one|head|chief|leader|spokesman|spokeswoman|spokesperson|commander|director|minister|deputy|senior|former|who)\b[^,;:"“”()]*,\s*$/i
const ANAPHORIC_SPEAKERS =
  /^(?:they|he|she|it|the source|the sources|the same source|the ministry|the statement|the group|the army|the military|the command|the spokesman|the official|officials|the monitor|the observatory|the agency|the channel|the broadcaster|the newspaper|the outlet|the mission|the organisation|the organization)$/i
const OPPOSITE_SIDE: Readonly<Record<string, string>> = {
  government: 'opposition',
  opposition: 'government',
  hts: 'government',
  sna: 'sdf',
  sdf: 'sna',
}

/**
 * Reads the events of one document: triggers from the lexicon, one event per (trigger, place),
 * the actor that did it, who the text attributes it to (with the attribution chain), the stance
 * of that source, the governing time expression and the loaded words used. Every event carries
 * its evidence sentence, trigger and role spans.
 */
export function extractEvents(input: ExtractInput, cues: ClaimCues): AnalysisEvent[] {
  const { doc, text } = input
  const events: AnalysisEvent[] = []
  const seen = new Set<string>()
  let mentionCursor = 0
  let placeCursor = 0
  let lastSpeaker: EventSource | null = null
  let lastPlace: PlaceInput | null = null
  let lastActors: EventActor[] = []
  let lastCity: PlaceInput | null = null
  const framesBySentence: { start: number; end: number; frames: readonly Frame[] }[] = []

  for (const sentence of input.sentences) {
    const words = splitWords(text, sentence.start, sentence.end)
    if (words.length === 0) continue
    while (
      mentionCursor < input.mentions.length &&
      input.mentions[mentionCursor]!.end <= sentence.start
    )
      mentionCursor++
    while (placeCursor < input.places.length && input.places[placeCursor]!.end <= sentence.start)
      placeCursor++
    const sentenceMentions: Mention[] = []
    for (
      let k = mentionCursor;
      k < input.mentions.length && input.mentions[k]!.start < sentence.end;
      k++
    )
      sentenceMentions.push(input.mentions[k]!)
    const sentencePlaces: PlaceInput[] = []
    for (let k = placeCursor; k < input.places.length && input.places[k]!.start < sentence.end; k++)
      sentencePlaces.push(input.places[k]!)
    const mentions = sentenceMentions
    const places = sentencePlaces

    // "fighting for the control of Manbij": control named as a goal is no event and no boundary.
    // "a ceasefire [took] effect", "talks [took] place": idioms of "take" are no capture.
    const hits = findLexiconHits(cues, words)
    const triggers: TriggerHit[] = hits.triggers
      .map(({ item, start, end }) => ({ rule: item, start, end }))
      .filter(
        (hit) =>
          !(
            hit.rule.type === 'control' &&
            hit.end === hit.start + 1 &&
            /^tak(?:e|es|en|ing)$|^took$/.test(words[hit.start]!.folded) &&
            TAKE_IDIOMS.has(words[hit.end]?.folded ?? '')
          ),
      )
      .filter(
        (hit) =>
          !(
            hit.rule.type === 'control' &&
            /\b(?:for|over)\s+(?:the\s+)?$/i.test(
              text.slice(
                Math.max(sentence.start, words[hit.start]!.start - 12),
                words[hit.start]!.start,
              ),
            )
          ),
      )
    // A cue word inside a name is no cue: "the United [States]", "the [Statement] Foundation".
    const cueHits: CueHit[] = hits.cues
      .map(({ item, start, end }) => ({ kind: item.kind, start, end }))
      // "[Reports] indicate that …": a report noun before a speech verb is the (unnamed) speaker.
      .map((cue, k, all) =>
        cue.kind === 'say' &&
        cue.end === cue.start + 1 &&
        /^reports$/.test(words[cue.start]!.folded) &&
        all[k + 1]?.start === cue.end &&
        (all[k + 1]!.kind === 'say' || all[k + 1]!.kind === 'hedge' || all[k + 1]!.kind === 'deny')
          ? { ...cue, kind: 'speaker' as const }
          : cue,
      )
      .filter(
        (cue) =>
          cue.kind === 'speaker' ||
          !mentions.some(
            (mention) =>
              mention.start <= words[cue.start]!.start && words[cue.end - 1]!.end <= mention.end,
          ),
      )
    const frames = buildFrames({ input, sentence, words, mentions, cueHits, lastSpeaker })
    framesBySentence.push({ start: sentence.start, end: sentence.end, frames })
    for (const frame of frames)
      if (frame.source && !frame.source.unnamed) lastSpeaker = frame.source

    const sentenceSpan = makeSpan(doc, text, sentence.start, sentence.end)
    const sentenceFirstEvent = events.length
    let sentenceActors: EventActor[] = []
    // Event types this sentence already placed somewhere: a country fallback of the same type is noise
    // ("a ceasefire agreement in Manbij" is one agreement, not one in Manbij and one in Syria).
    const sentenceTypes = new Set<EventType>()
    const framing = framingTerms(hits.framing)
    // A trigger inside an attribution phrase is speech, not an event ("the announcement was made").
    const speechWords = new Set(
      cueHits
        .filter((cue) => cue.kind !== 'negation' && cue.kind !== 'hedge')
        .flatMap((cue) => range(cue.start, cue.end)),
    )

    for (let t = 0; t < triggers.length; t++) {
      const trigger = triggers[t]!
      if (range(trigger.start, trigger.end).every((w) => speechWords.has(w))) continue
      const triggerStart = words[trigger.start]!.start
      const triggerEnd = words[trigger.end - 1]!.end
      let nextTrigger: TriggerHit | undefined
      for (let k = t + 1; k < triggers.length && !nextTrigger; k++) {
        const other = triggers[k]!
        if (other.rule.type !== trigger.rule.type || other.start > trigger.end + 2)
          nextTrigger = other
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
      const places = sentencePlaces.filter(
        (place) => place.end > clauseStart - 200 && place.start < scopeEnd + 400,
      )
      const mentions = sentenceMentions.filter(
        (mention) => mention.end > clauseStart - 200 && mention.start < scopeEnd + 200,
      )

      // "militants have vowed to take over Homs", "who controls the country": not a reported event.
      if (MODAL_BEFORE.test(text.slice(clauseStart, triggerStart))) continue
      // "captured Quneitra, about 60 kilometers from Damascus": a distance describing a place is no advance.
      if (
        trigger.rule.type === 'advance' &&
        /kilomet|km|mile/i.test(text.slice(triggerStart, triggerEnd)) &&
        (/\p{Lu}[\p{L}'’-]*,\s*(?:about|some|around|roughly|nearly|almost|only|just)?\s*$/u.test(
          text.slice(Math.max(clauseStart, triggerStart - 60), triggerStart),
        ) ||
          /\b(?:located|situated|lies|lying|sits)\b/i.test(text.slice(clauseStart, triggerStart)))
      )
        continue
      // "Should HTS secure Homs …", "If the army withdraws …": conditions are not reports.
      if (
        /(?:^|[,;:“"]\s*)(?:if|should|unless|whether|in case)\s[^,;]*$/i.test(
          text.slice(clauseStart, triggerStart),
        )
      )
        continue
      // "[Should] the rebels take Homs, an attack on Damascus becomes possible": the consequence of
      // a sentence-opening condition is as hypothetical as the condition.
      if (/^[\s"“'‘]*(?:if|should|unless|were)\s/i.test(text.slice(sentence.start, triggerStart)))
        continue
      // "the Separation of Forces Agreement": a capitalised diplomacy noun mid-sentence names a thing.
      if (
        trigger.rule.type === 'diplomacy' &&
        triggerStart > sentence.start + 1 &&
        /^\p{Lu}/u.test(text.slice(triggerStart, triggerEnd))
      )
        continue
      let eventPlaces = placesFor(
        text,
        trigger,
        triggerStart,
        triggerEnd,
        scopeEnd,
        clauseStart,
        places,
      )
      let placeValues0: EventPlace[] | null = null
      // "liberating the area", "the special forces unit in the city": the nearest place before in the
      // sentence, else the place of the last sentence's first event.
      const anaphor =
        /\bthe (?:[\w-]+\s+){0,2}(city|town|village|area|district|capital|operation|attack|raid|assault)\b(?!\s+of\b)/i
          .exec(text.slice(Math.max(clauseStart, triggerStart - 40), scopeEnd))?.[1]
          ?.toLowerCase()
      // An operation or an attack points back to where it happened only for strikes and their toll.
      const placeNoun =
        anaphor === 'city' ||
        anaphor === 'town' ||
        anaphor === 'village' ||
        anaphor === 'area' ||
        anaphor === 'district'
      // "encircling the capital": the capital of the country the article is about, as it names it.
      if (eventPlaces.length === 0 && anaphor === 'capital') {
        const capitals = input.places.filter(
          (place) =>
            place.entry?.featureCode === 'PPLC' &&
            (input.focusCountry === null || place.entry.country === input.focusCountry),
        )
        const capital = capitals.filter((place) => place.end <= triggerStart).pop() ?? capitals[0]
        if (capital) eventPlaces = [capital]
      }
      if (
        eventPlaces.length === 0 &&
        anaphor &&
        (placeNoun || trigger.rule.type === 'strike' || trigger.rule.type === 'casualties')
      ) {
        // "the city" is a town, not the airbase named last.
        const fits = (place: PlaceInput | null): boolean =>
          Boolean(
            place?.entry &&
            place.entry.kind !== 'country' &&
            (!(anaphor === 'city' || anaphor === 'town') || place.entry.kind === 'city'),
          )
        const before = places.filter((place) => place.end <= triggerStart && fits(place)).pop()
        const antecedent = before ?? (fits(lastPlace) ? lastPlace : lastCity)
        if (antecedent?.entry) eventPlaces = [antecedent]
      }
      // "evacuating its diplomats from the country": the country the document is about.
      if (
        eventPlaces.length === 0 &&
        COUNTRY_FALLBACK.has(trigger.rule.type) &&
        /\bthe country\b/i.test(text.slice(triggerEnd, scopeEnd)) &&
        input.focusPlace
      ) {
        placeValues0 = [
          {
            entity: input.focusPlace.id,
            name: input.focusPlace.name,
            lat: input.focusPlace.lat,
            lon: input.focusPlace.lon,
          },
        ]
      }
      // Killings, flights and offensives are often placed elsewhere in their sentence:
      // "four civilians were killed when HTS shelled a residence in Aleppo".
      if (eventPlaces.length === 0 && SENTENCE_PLACE_TYPES.has(trigger.rule.type)) {
        const resolved = places.filter(
          (place) =>
            place.entry &&
            place.entry.kind !== 'country' &&
            place.entry.kind !== 'region' &&
            !isCompoundModifier(text, place),
        )
        // Only a toll or a flight is placed by a later clause ("killed when HTS shelled … in Aleppo");
        // an offensive's later places are what it took, not where it began.
        const after =
          trigger.rule.type === 'casualties' || trigger.rule.type === 'displacement'
            ? resolved.find((place) => place.start >= triggerEnd)
            : undefined
        const before = resolved.filter((place) => place.end <= triggerStart).pop()
        const found = after ?? before
        if (found) eventPlaces = [found]
      }
      // "… captured the division after regime elements defected": a defection without a place in its
      // sentence happened where the paragraph's last event did.
      if (
        eventPlaces.length === 0 &&
        trigger.rule.type === 'defection' &&
        lastPlace?.entry &&
        sameParagraph(text, lastPlace.end, triggerStart)
      ) {
        eventPlaces = [lastPlace]
      }
      // "Jordan closed its border": a border event happens at the acting country's border.
      if (eventPlaces.length === 0 && trigger.rule.type === 'border') {
        const country = mentions
          .filter((m) => m.kind === 'country' && m.end <= triggerStart && m.start >= clauseStart)
          .pop()
        const place = country ? places.find((p) => p.start === country.start && p.entry) : undefined
        // "Iraq has received … soldiers who crossed the Al-Qa'im checkpoint": the named crossing in that country.
        const within = place
          ? places.find(
              (p) =>
                p.entry &&
                p.entry.kind !== 'country' &&
                p.entry.kind !== 'admin1' &&
                p.entry.country === place.entry!.country &&
                p.start > triggerStart,
            )
          : undefined
        if (place) eventPlaces = [within ?? place]
      }
      // "have entered Iraq" after a sentence about the Al-Qaim crossing: a country stands for the place
      // in that country the document last reported an event at.
      if (
        eventPlaces.length === 1 &&
        eventPlaces[0]!.entry?.kind === 'country' &&
        lastPlace?.entry &&
        lastPlace.entry.country === eventPlaces[0]!.entry.country &&
        (trigger.rule.type === 'border' || trigger.rule.type === 'displacement')
      ) {
        eventPlaces = [lastPlace]
      }
      let fallback = false
      let placeValues: (EventPlace | null)[] =
        placeValues0 ??
        eventPlaces
          .filter((place) => place.entry !== null)
          .map((place) => toEventPlace(doc, text, place))
      if (placeValues.length === 0) {
        if (!COUNTRY_FALLBACK.has(trigger.rule.type) || !input.focusPlace) continue
        placeValues = [
          {
            entity: input.focusPlace.id,
            name: input.focusPlace.name,
            lat: input.focusPlace.lat,
            lon: input.focusPlace.lon,
          },
        ]
        fallback = true
      }

      const frame = innermostFrame(frames, triggerStart)
      const subjects = actorsFor(
        input,
        trigger,
        triggerStart,
        triggerEnd,
        scopeEnd,
        clauseStart,
        mentions,
        frame?.source ?? null,
        lastActors,
        sentenceActors,
        sentence.start,
      )
      // Meetings and fights have partners: "a meeting in Doha [with Russia and Iran]", "fighting [with] army troops".
      const actors = PARTNER_TYPES.has(trigger.rule.type)
        ? withPartners(input, subjects, mentions, triggerEnd, scopeEnd)
        : subjects
      if (subjects.length > 0) {
        lastActors = subjects
        sentenceActors = subjects
      }
      // A speaker who reports their own diplomacy counts as its actor ("We have reached a ceasefire").
      if (NEEDS_ACTOR.has(trigger.rule.type) && actors.length === 0 && !frame?.source) continue
      // A leader who flees leaves; forces that flee withdraw.
      let type: EventType =
        trigger.rule.type === 'withdrawal' &&
        actors.length > 0 &&
        actors.every((actor) => actor.entity.startsWith('person:'))
          ? 'evacuation'
          : trigger.rule.type

      let stance: Stance = frame?.stance ?? 'asserted'
      if (isNegated(words, trigger.start)) stance = 'denied'
      const source = frame?.source ?? null

      // The expression governing the clause, else the last day named earlier in the paragraph.
      const time =
        chooseEventTime(
          input.times,
          sentenceSpan,
          { start: clauseStart, end: scopeEnd },
          { start: triggerStart, end: triggerEnd },
        ) ?? inheritEventTime(input.times, text, sentenceSpan)
      // "Since November 29, X have launched an offensive": an offensive dates from the start of its open interval.
      // "SNA has been attacking Manbij since November 27": attacks going on since a day are an offensive begun that day.
      const ongoing =
        time?.value?.precision === 'open' &&
        (type === 'offensive' || type === 'clash' || type === 'strike')
      if (ongoing) type = 'offensive'
      const value =
        ongoing && time?.value
          ? { start: time.value.start, end: time.value.start, precision: 'day' }
          : time?.value
      const date =
        time && value
          ? {
              start: value.start,
              end: value.end,
              precision: value.precision,
              text: makeSpan(doc, text, time.start, time.end),
            }
          : null
      // Background from other years ("recaptured Palmyra in 2016", "pushed out … in 2016") is history,
      // not part of the story being reported.
      if (date && input.published && daysBefore(date.end, input.published) > 366) continue

      for (const place of placeValues) {
        // "infiltrated into [the outskirts of] Hama": reaching a city's edge is an advance on it,
        // not control of it.
        const placeType: EventType =
          type === 'control' &&
          place?.span &&
          /\b(?:outskirts|edges?|gates|doorstep|fringes)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(
            text.slice(Math.max(0, place.span.start - 50), place.span.start),
          )
            ? 'advance'
            : type
        const key = `${placeType}|${place?.entity}|${stance}|${source?.name ?? ''}|${sentence.index}`
        if (seen.has(key)) continue
        seen.add(key)
        if (fallback && sentenceTypes.has(placeType)) continue
        if (!fallback) sentenceTypes.add(placeType)
        events.push({
          id: `${doc}#e${events.length + 1}`,
          doc,
          type: placeType,
          place,
          actors,
          source,
          stance,
          date,
          framing,
          evidence: sentenceSpan,
          trigger: makeSpan(doc, text, triggerStart, triggerEnd),
          rule: trigger.rule.rule,
          notAfter: input.published,
        })
      }
    }
    // The antecedent of "the city" is the place of the last sentence's first event, not its last word.
    let firstEventHere: AnalysisEvent | undefined
    for (let k = sentenceFirstEvent; k < events.length && !firstEventHere; k++)
      if (events[k]!.place?.span) firstEventHere = events[k]
    const antecedent = firstEventHere
      ? places.find((place) => place.start === firstEventHere.place!.span!.start)
      : undefined
    if (antecedent && antecedent.entry && antecedent.entry.kind !== 'country')
      lastPlace = antecedent
    const cityHere = [...places].reverse().find((place) => place.entry?.kind === 'city')
    if (antecedent?.entry?.kind === 'city') lastCity = antecedent
    else if (cityHere && !antecedent) lastCity = cityHere
  }
  return mergeRestatements(attributeLongQuotes(text, events, framesBySentence))
}

/**
 * A quotation over several sentences belongs to the speaker named where it closes:
 * “We agreed to meet. The military are in contact,” the minister said. — both sentences are his.
 */
function attributeLongQuotes(
  text: string,
  events: AnalysisEvent[],
  sentences: readonly { start: number; end: number; frames: readonly Frame[] }[],
): AnalysisEvent[] {
  const quotes = quotationSpans(text)
  if (quotes.length === 0) return events
  return events.map((event) => {
    if (event.source) return event
    const quote = quotes.find(
      (span) => span.start <= event.evidence.start && event.evidence.end <= span.end + 1,
    )
    if (!quote) return event
    const closing = sentences.find(
      (sentence) => sentence.start <= quote.end && quote.end < sentence.end,
    )
    if (!closing || closing.start <= event.evidence.start) return event
    const speaker = closing.frames.find(
      (frame) => frame.source && (frame.cueAt ?? 0) > quote.end,
    )?.source
    return speaker ? { ...event, source: speaker } : event
  })
}

/** Spans of quotations, curly (“…”) or straight ("…"), as offsets of their marks. */
function quotationSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = []
  let open = -1
  let straight = -1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '“') open = i
    else if (char === '”' && open !== -1) {
      spans.push({ start: open, end: i })
      open = -1
    } else if (char === '"') {
      if (straight === -1) straight = i
      else {
        spans.push({ start: straight, end: i })
        straight = -1
      }
    } else if (char === '\n' && text[i + 1] === '\n') {
      // A paragraph break closes nothing but resets unbalanced marks, so one stray mark cannot swallow the article.
      if (straight !== -1 && text[i - 1] !== '"') straight = -1
    }
  }
  return spans
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return !/\n\s*\n/.test(text.slice(from, to))
}

function daysBefore(day: string, reference: string): number {
  return (Date.parse(reference) - Date.parse(day)) / 86_400_000
}

function range(start: number, end: number): number[] {
  const out: number[] = []
  for (let i = start; i < end; i++) out.push(i)
  return out
}

/** Clause boundary before the trigger: a semicolon, or a comma followed by a conjunction. */
function clauseStartBefore(text: string, sentenceStart: number, triggerStart: number): number {
  const before = text.slice(sentenceStart, triggerStart)
  const boundary =
    /(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s)(?![^;]*(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s))/i.exec(
      before,
    )
  return boundary ? sentenceStart + boundary.index + boundary[0].length : sentenceStart
}

function placesFor(
  text: string,
  trigger: TriggerHit,
  triggerStart: number,
  triggerEnd: number,
  scopeEnd: number,
  clauseStart: number,
  places: readonly PlaceInput[],
): PlaceInput[] {
  const flags = trigger.rule.flags
  const chosen: PlaceInput[] = []
  // Whether the list resumes with the first place's own preposition after an aside: "from X,
  // where …, as well as from Y".
  const continuesAfterAside = (place: PlaceInput): boolean => {
    const preposition = chosen[0] && prepositionBefore(text, chosen[0])
    if (!preposition) return false
    return resumingWith(preposition).test(
      text.slice(place.end, Math.min(scopeEnd, place.end + 200)),
    )
  }
  // "crossed [the Al-Qa'im border checkpoint] into the Anbar province": a place inside the
  // trigger's own words is its place.
  const inside = places.filter(
    (place) => place.start > triggerStart && place.end < triggerEnd && place.entry,
  )
  if (inside.length > 0) return inside
  if (!flags.has('place-before')) {
    // The gap to a list continuation is measured from the last place read, even one skipped as a
    // locative modifier: "Quneitra and Daraa near the Golan Heights, as well as in Sweida".
    let gapStart = triggerEnd
    let skippedLast = false
    for (const place of places) {
      if (place.start < triggerEnd || place.start >= scopeEnd) continue
      const gap = text.slice(gapStart, place.start)
      gapStart = place.end
      // "Al-Sukhna between Homs and Deir ez-Zor": the list after a skipped modifier is skipped too.
      // ("as well as" joins the main list again: "Daraa near the Golan Heights, as well as in Sweida".)
      // (Only a bare "and" continues the modifier — "between Homs and Deir ez-Zor" — a comma does not.)
      if (skippedLast && /^\s+and\s+(?:the\s+)?$/i.test(gap)) continue
      // "Idlib, in Syria's northwest, [as well as] parts of Aleppo": after a skipped modifier, "as well
      // as" after its comma continues the main list.
      const listTail = gap.slice(gap.lastIndexOf(','))
      const aside = gap.slice(0, gap.length - listTail.length)
      // "evacuations from Quneitra, where Israel has troops, [as well as from] Deir Ezzor": the
      // repeated preposition carries the list over a longer aside.
      const repeated =
        /^,\s*(?:and\s+)?(?:as\s+well\s+as|along\s+with)\s+(from|in|into|to|towards|near|at)\s/i.exec(
          listTail,
        )?.[1]
      const parallel =
        repeated !== undefined &&
        chosen.length > 0 &&
        prepositionBefore(text, chosen[0]!) === repeated.toLowerCase() &&
        !/[;]/.test(aside) &&
        aside.trim().split(/\s+/).length <= 30
      if (
        (parallel ||
          ((skippedLast || aside.trim().split(/\s+/).length <= 4) &&
            !/[;]|\b(?:which|who|where|while|but|said)\b/i.test(aside))) &&
        chosen.length > 0 &&
        /^,\s*(?:and\s+)?(?:as\s+well\s+as|along\s+with)\b/i.test(listTail) &&
        LIST_GAP.test(listTail)
      ) {
        skippedLast = false
        chosen.push(place)
        continue
      }
      skippedLast = false
      const lead =
        /(\w+)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|rural|outskirts\s+of)\s+)?$/i
          .exec(gap)?.[1]
          ?.toLowerCase()
      if (flags.has('from-is-origin') && lead === 'from') continue
      // Diplomacy happens somewhere: "met in Doha"; "talks with Ankara" names a partner, not a place.
      if (
        trigger.rule.type === 'diplomacy' &&
        chosen.length === 0 &&
        !/\b(?:in|at|to|inside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(
          text.slice(triggerStart, place.start),
        )
      )
        continue
      if (
        flags.has('to-is-destination') &&
        (lead === 'to' || lead === 'towards' || lead === 'toward' || lead === 'into')
      )
        continue
      if (chosen.length > 0 && !LIST_GAP.test(gap) && LOCATIVE_GAP.test(gap)) {
        skippedLast = true
        continue
      }
      if (chosen.length === 0) {
        // The first place must be near the trigger and not behind a clause boundary.
        if (
          /[;]|,\s*(?:while|whereas|but|which|who|where|as)\b/i.test(gap) ||
          gap.split(/\s+/).length > 18
        )
          break
        chosen.push(place)
      } else if (LIST_GAP.test(gap)) {
        chosen.push(place)
      } else if (LOCATIVE_GAP.test(gap)) {
        skippedLast = true
        continue
      } else if (/^\s*,\s*(?:where|which|who)\b/i.test(gap) && continuesAfterAside(place)) {
        // "from Quneitra, where [Israel] has troops, as well as from Deir Ezzor": a place inside a
        // relative aside is skipped when the list picks up again after it.
        skippedLast = true
        continue
      } else {
        break
      }
    }
  }
  if (chosen.length === 0) {
    // Passive and state readings name the place first: "Aleppo ... is under rebel control".
    // A country before the trigger is usually its subject ("Iran has begun evacuating"), not its place.
    const before = places.filter(
      (place) =>
        place.end <= triggerStart &&
        place.start >= clauseStart - 80 &&
        place.entry?.kind !== 'country',
    )
    let nearest = before[before.length - 1]
    // "residents of Jaramana in rural Damascus were protesting": the place the modifier qualifies.
    const qualified = before[before.length - 2]
    if (
      nearest &&
      qualified &&
      /^\s+(?:in|near|outside|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$/i.test(
        text.slice(qualified.end, nearest.start),
      )
    )
      nearest = qualified
    // "Deir ez-Zor, where Kurdish militias are engaged in fighting": a place before `where` scopes its clause.
    const whereClause =
      nearest !== undefined && /^\s*,\s*where\b/i.test(text.slice(nearest.end, triggerStart))
    const beforeAllowed = flags.has('place-before') || PLACE_BEFORE_TYPES.has(trigger.rule.type)
    // "… entering Ar-Rastan and Talbiseh, showing … the regime forces withdrawing from their military
    // points": a generic site after the trigger points back to the places named before it.
    const genericSite =
      /^\s+(?:from|of|at|in)\s+(?:their|its|the)\s+(?:[a-z]+\s+)?(?:positions|points|posts|bases|checkpoints|barracks|headquarters)\b/i.test(
        text.slice(triggerEnd, triggerEnd + 60),
      )
    if (genericSite && nearest && beforeAllowed) {
      chosen.push(nearest)
      for (let k = before.length - 2; k >= 0; k--) {
        if (!LIST_GAP.test(text.slice(before[k]!.end, chosen[0]!.start))) break
        chosen.unshift(before[k]!)
      }
    }
    if (
      chosen.length === 0 &&
      nearest &&
      (whereClause ||
        (beforeAllowed &&
          nearest.start >= clauseStart &&
          (flags.has('place-before') || triggerStart - nearest.end < 60)))
    ) {
      chosen.push(nearest)
      // Walk back through the list the nearest place ends: "in Daraa and Suwayda have repositioned".
      for (let k = before.length - 2; k >= 0; k--) {
        if (!LIST_GAP.test(text.slice(before[k]!.end, chosen[0]!.start))) break
        chosen.unshift(before[k]!)
      }
    }
  }
  // A country is an event's place only for country-level events (offensives, evacuations, diplomacy);
  // beside a city in the same list it is context ("Nasib, a crossing between Syria and Jordan").
  // "Syria's Aleppo": the possessive country only qualifies the next place.
  for (let k = 0; k < chosen.length; k++) {
    const place = chosen[k]!
    if (place.entry?.kind !== 'country' || !/^['’]s\s/.test(text.slice(place.end, place.end + 3)))
      continue
    const next = places.find((other) => other.start > place.end && other.start - place.end <= 4)
    if (next) chosen[k] = next
  }
  const usable = chosen.filter((place) => !isCompoundModifier(text, place))
  const specific = usable.filter((place) => place.entry?.kind !== 'country')
  if (specific.length > 0) return specific
  // "At a conference on the sidelines of the [Doha] Forum, ministers agreed to end hostilities in
  // Syria": a meeting happens at its venue, not in the country it is about.
  if (trigger.rule.type === 'diplomacy') {
    const venue = places
      .filter(
        (place) =>
          place.end <= triggerStart &&
          place.entry?.kind === 'city' &&
          (/\b(?:in|at)\s+(?:the\s+)?$/i.test(
            text.slice(Math.max(0, place.start - 12), place.start),
          ) ||
            /^\s+(?:forum|summit|conference|talks|meeting)\b/i.test(
              text.slice(place.end, place.end + 15),
            )),
      )
      .pop()
    if (venue) return [venue]
  }
  if (!COUNTRY_FALLBACK.has(trigger.rule.type)) return []
  // "crossed into Iraq …, the mayor of Iraq's Al-Qaim border town": the named town is the place.
  return usable.map(
    (place) =>
      places.find(
        (other) =>
          other.entry &&
          other.entry.kind !== 'country' &&
          other.entry.country === place.entry?.country &&
          other !== place,
      ) ?? place,
  )
}

/** The preposition that introduces a place ("from [the] Quneitra"), lower case, if any. */
function prepositionBefore(text: string, place: PlaceInput): string | undefined {
  return /\b(from|in|into|to|towards|near|at)\s+(?:the\s+)?$/i
    .exec(text.slice(Math.max(0, place.start - 20), place.start))?.[1]
    ?.toLowerCase()
}

/** ", as well as from …" after an aside, one pattern per preposition, built once. */
const RESUMING = new Map<string, RegExp>()
function resumingWith(preposition: string): RegExp {
  let pattern = RESUMING.get(preposition)
  if (!pattern) {
    pattern = new RegExp(
      `^[^;.]*?,\\s*(?:and\\s+)?(?:as\\s+well\\s+as|along\\s+with)\\s+${preposition}\\s`,
      'i',
    )
    RESUMING.set(preposition, pattern)
  }
  return pattern
}

/** "the Amman-Damascus highway", "the Palmyra-Damascus road": a place naming a road, not the event's place. */
function isCompoundModifier(text: string, place: PlaceInput): boolean {
  const after = text.slice(place.end, place.end + 40)
  const before = text.slice(Math.max(0, place.start - 30), place.start)
  // "a Damascus ally", "an Aleppo resident": the place only qualifies a person or thing.
  if (
    /\b(?:a|an)\s+$/i.test(before) &&
    /^\s+(?:ally|allies|resident|residents|native|official|officials|man|woman|group|based|businessman|source|family|court)\b/i.test(
      after,
    )
  )
    return true
  return (
    /^-\p{Lu}[\p{L}'’-]*\s+(?:highway|road|motorway|axis|route|front|line|railway|border|format|process|talks|forum)\b/u.test(
      after,
    ) ||
    (/\p{Lu}[\p{L}'’]*-$/u.test(before) &&
      /^\s+(?:highway|road|motorway|axis|route|railway)\b/.test(after)) ||
    /^\s+(?:format|process|talks|forum|agreement|accords?|declaration|parties|group|summit|peace)\b/i.test(
      after,
    )
  )
}

function toEventPlace(doc: string, text: string, place: PlaceInput): EventPlace {
  const entry = place.entry!
  return {
    entity: entry.id,
    name: entry.name,
    lat: entry.lat,
    lon: entry.lon,
    span: makeSpan(doc, text, place.start, place.end),
  }
}

function sideOf(input: ExtractInput, mention: Mention): string | null {
  // "Syria" acting in a Syrian story is its government; elsewhere a country is its own side.
  if (mention.kind === 'country' && mention.country && mention.country === input.focusCountry)
    return 'government'
  if (mention.side) return mention.side
  if (mention.kind === 'force' || mention.kind === 'institution') {
    if (!mention.country || mention.country === input.focusCountry) return 'government'
    return input.countrySide(mention.country)
  }
  return null
}

function actorName(input: ExtractInput, mention: Mention, side: string | null): string {
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
const PRONOUN_SUBJECT =
  /\b(?:they|it|which|who|we|I|its (?:forces|troops|fighters|units)|their (?:forces|troops|fighters|units|own)|our (?:forces|troops|fighters|armed forces))\b[^,;]*$/
// Words that join coordinated actors: "Egypt and Jordan", "Jordan, Russia, and the United States".
const ACTOR_LIST_GAP = /^\s*(?:,\s*(?:and\s+)?|\s+and\s+|-)(?:the\s+)?$/i

function isActorMention(text: string, mention: Mention): boolean {
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

function actorsFor(
  input: ExtractInput,
  trigger: TriggerHit,
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
  const flags = trigger.rule.flags
  if (flags.has('no-actor')) return []
  const { text } = input
  const candidates = mentions.filter((mention) => isActorMention(text, mention))
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
  if (trigger.rule.type === 'clash' || trigger.rule.type === 'offensive') {
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
  // Passives name their actor after "by": "positions abandoned [by the army]", "shelled by rebels".
  const agent = candidates.find(
    (mention) =>
      mention.start >= triggerEnd &&
      mention.start < scopeEnd &&
      /^\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i.test(text.slice(triggerEnd, mention.start)),
  )
  if (agent && !flags.has('loser')) return [toActor(input, agent)]
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
  // "militants [allied with the United States] have taken": the patron only qualifies the subject.
  const patron = (mention: Mention) =>
    /\b(?:allied|aligned|affiliated|associated)\s+(?:with|to)\s+(?:the\s+)?$|\b(?:backed|supported|funded|armed|sponsored)\s+by\s+(?:the\s+)?$|\bloyal\s+to\s+(?:the\s+)?$/i.test(
      text.slice(Math.max(0, mention.start - 30), mention.start),
    )
  const before =
    inClause.length > 1 && inClause.some((mention) => !patron(mention))
      ? inClause.filter((mention) => !patron(mention))
      : inClause
  // "their fighters entered the crossing with Jordan, [taking] the brigade": a participle after a
  // comma continues the sentence's last subject.
  if (
    /^\p{L}+ing$/u.test(text.slice(triggerStart, triggerEnd).split(/\s/)[0] ?? '') &&
    /,\s*$/.test(text.slice(Math.max(0, triggerStart - 3), triggerStart))
  ) {
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
    /^\p{L}+ing$/u.test(text.slice(triggerStart, triggerEnd).split(/\s/)[0] ?? '') &&
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
  const pronoun =
    PRONOUN_SUBJECT.exec(text.slice(subject ? subject.end : clauseStart, triggerStart)) ??
    /\b(?:their|its|his|her)\s+$/i.exec(
      text.slice(Math.max(clauseStart, triggerStart - 8), triggerStart),
    )
  // "SNA forces, which continued fighting": a relative clause's subject is the mention before it.
  if (
    (!subject && /^\s*(?:which|who)\b/i.test(text.slice(clauseStart, triggerStart))) ||
    (!subject &&
      /,\s*(?:which|who)\s+(?:\w+\s+){0,3}$/i.test(text.slice(clauseStart - 12, triggerStart)))
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
      text.slice(clauseStart - 5, triggerStart).replace(/^[^a-z]*,/i, ''),
    )
  )
    return [...sentenceActors]
  if (subject && !pronoun)
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

const PARTNER_TYPES: ReadonlySet<EventType> = new Set(['diplomacy', 'clash'])

function withPartners(
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

interface FrameContext {
  readonly input: ExtractInput
  readonly sentence: Sentence
  readonly words: readonly Word[]
  readonly mentions: readonly Mention[]
  readonly cueHits: readonly CueHit[]
  readonly lastSpeaker: EventSource | null
}

function sourceFromMention(input: ExtractInput, mention: Mention): EventSource {
  const side = sideOf(input, mention)
  const name =
    mention.kind === 'force' || mention.kind === 'institution'
      ? actorName(input, mention, side)
      : mention.name
  return {
    entity: mention.entityId,
    name,
    span: makeSpan(input.doc, input.text, mention.start, mention.end),
  }
}

/** Speaker words without a proper name: "witnesses", "local sources", "reports". */
function speakerNoun(context: FrameContext, from: number, to: number): EventSource | null {
  const { input, words, cueHits } = context
  const hit = cueHits.find((cue) => cue.kind === 'speaker' && cue.start >= from && cue.end <= to)
  if (!hit) return null
  // "Arab media", "Turkish media reports", "local sources": keep a capitalised adjective before the noun.
  const previous = words[hit.start - 1]
  const adjacent =
    previous !== undefined && /^ $/.test(input.text.slice(previous.end, words[hit.start]!.start))
  const weekday = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
  const start =
    previous &&
    adjacent &&
    /^\p{Lu}\p{Ll}+$/u.test(previous.text) &&
    !weekday.test(previous.text) &&
    !['The', 'A', 'An', 'According', 'Some', 'Other', 'Two', 'Several'].includes(previous.text)
      ? previous.start
      : words[hit.start]!.start
  const end = words[hit.end - 1]!.end
  const phrase = input.text.slice(start, end).replace(/^(?:a|an|the)\s+/i, '')
  const unnamed =
    /^(?:(?:media|news|unconfirmed|initial|local|some|several)\s+)?reports$|^media$/i.test(phrase)
  return {
    entity: `speaker:${phrase}`,
    name: phrase,
    span: makeSpan(input.doc, input.text, start, end),
    ...(unnamed && { unnamed: true }),
  }
}

/** The speaker of a speech cue: a mention just before it (same clause), or just after it (inverted). */
function speakerOf(
  context: FrameContext,
  cue: CueHit,
): { source: EventSource; before: boolean } | null {
  const { input, words, mentions, lastSpeaker } = context
  const cueStart = words[cue.start]!.start
  const cueEnd = words[cue.end - 1]!.end
  const windowStart = words[Math.max(0, cue.start - 8)]!.start
  const before = mentions.filter(
    (mention) =>
      SPEAKER_KINDS.has(mention.kind) && mention.end <= cueStart && mention.start >= windowStart,
  )
  const nearest = before[before.length - 1]
  const gapText = nearest ? input.text.slice(nearest.end, cueStart) : ''
  const textBefore = input.text.slice(Math.max(context.sentence.start, cueStart - 3), cueStart)
  // ", said the monitor", "as reported by state media": the speaker follows the verb.
  // "Hassan Ali, [a commander of the southern front], said": an appositive after the speaker's name.
  const appositive = /,\s*$/.test(textBefore)
    ? mentions
        .filter(
          (mention) =>
            SPEAKER_KINDS.has(mention.kind) &&
            mention.end < cueStart &&
            cueStart - mention.end < 160 &&
            APPOSITIVE_GAP.test(input.text.slice(mention.end, cueStart)),
        )
        .pop()
    : undefined
  if (appositive) return { source: sourceFromMention(input, appositive), before: true }
  const inverted =
    /,\s*$/.test(textBefore) || /^\s+by\b/i.test(input.text.slice(cueEnd, cueEnd + 4))
  if (nearest && !inverted && !/[.;:,]/.test(gapText) && !/\b(?:that|which|who)\b/i.test(gapText)) {
    // A quotation before the speaker is what the speaker says: "“We have reached a ceasefire,” Abdi wrote".
    const quoted = /["”]\s*$/.test(
      input.text.slice(Math.max(context.sentence.start, nearest.start - 3), nearest.start),
    )
    return { source: sourceFromMention(input, nearest), before: !quoted }
  }
  const noun = inverted ? null : speakerNoun(context, Math.max(0, cue.start - 4), cue.start)
  if (noun)
    return {
      source: noun,
      before: !/["”]\s*$/.test(
        input.text.slice(
          Math.max(context.sentence.start, (noun.span?.start ?? 0) - 3),
          noun.span?.start ?? 0,
        ),
      ),
    }
  const previousWords = words
    .slice(Math.max(0, cue.start - 3), cue.start)
    .map((word) => word.folded)
    .join(' ')
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-1)[0] ?? ''))
    return { source: lastSpeaker, before: true }
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-2).join(' ')))
    return { source: lastSpeaker, before: true }
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords))
    return { source: lastSpeaker, before: true }
  // Inverted: "..., said the Britain-based Observatory."
  const after = mentions.find(
    (mention) =>
      SPEAKER_KINDS.has(mention.kind) && mention.start >= cueEnd && mention.start - cueEnd < 30,
  )
  if (after) return { source: sourceFromMention(input, after), before: false }
  const nounAfter = speakerNoun(context, cue.end, Math.min(words.length, cue.end + 4))
  if (nounAfter) return { source: nounAfter, before: false }
  return null
}

function isAnonymous(source: EventSource): boolean {
  return (
    /^(?:a |an |the )?(?:[A-Z][a-z]+ )?(?:source|sources|official|officials|military source|security source|spokesman|militants?|fighters?|rebels?)$/i.test(
      source.name,
    ) ||
    source.unnamed === true ||
    /(?:source|sources|officials?|spokesman)$/.test(source.entity) ||
    // Armed groups and generic forces quoted by an outlet: the outlet is the reporting source.
    source.entity.startsWith('force:') ||
    source.entity.startsWith('group:')
  )
}

function buildFrames(context: FrameContext): Frame[] {
  const { input, sentence, words, mentions, cueHits } = context
  const frames: Frame[] = []
  let rank = 0
  for (const cue of cueHits) {
    const cueStart = words[cue.start]!.start
    const cueEnd = words[cue.end - 1]!.end
    switch (cue.kind) {
      case 'according': {
        const mention = mentions.find(
          (m) => SPEAKER_KINDS.has(m.kind) && m.start >= cueEnd && m.start - cueEnd < 12,
        )
        const source = mention
          ? sourceFromMention(input, mention)
          : speakerNoun(context, cue.end, cue.end + 4)
        if (source)
          frames.push({
            scopeStart: sentence.start,
            scopeEnd: sentence.end,
            source,
            stance: null,
            rank: rank++,
          })
        break
      }
      case 'say':
      case 'deny':
      case 'hedge': {
        // "IRNA, citing Syrian TV, said …": the citing frame already names who says it.
        const citing = frames[frames.length - 1]
        if (
          cue.kind === 'say' &&
          citing &&
          citing.scopeStart === sentence.start &&
          citing.source?.span &&
          /^[\s,]*$/.test(input.text.slice(citing.source.span.end, cueStart))
        )
          break
        const cueWord = input.text.slice(cueStart, cueEnd).toLowerCase()
        // "reportedly", "allegedly": an adverb hedges its clause but names nobody.
        const adverb = /ly$/.test(cueWord) && cue.kind === 'hedge'
        // "…, the army said, adding units had redeployed": a participle continues the same speaker.
        const continued =
          /ing$/.test(cueWord) &&
          /,\s*$/.test(input.text.slice(Math.max(sentence.start, cueStart - 3), cueStart))
            ? frames.filter((frame) => frame.source).pop()
            : undefined
        const speaker = adverb
          ? null
          : continued?.source
            ? { source: continued.source, before: true }
            : speakerOf(context, cue)
        const stance: Stance | null =
          cue.kind === 'deny' ? 'denied' : cue.kind === 'hedge' ? 'hedged' : null
        if (!speaker) {
          // An adverb or a speakerless hedge still colours the clause: "reportedly", "claimed to be".
          // A speakerless denial or hedge ("reportedly", "without admitting that …") colours its own clause.
          if (stance)
            frames.push({
              scopeStart:
                cue.kind === 'deny'
                  ? cueEnd
                  : clauseStartBefore(input.text, sentence.start, cueStart),
              scopeEnd: clauseEndAfter(input.text, cueEnd, sentence.end),
              source: null,
              stance,
              rank: rank++,
            })
          break
        }
        // "…, The New York Times reports." / "…, an Iraqi military source reported.": nothing follows, so the
        // claim is what precedes the speaker.
        // An anaphoric speaker ("the source said") has its span in an earlier sentence: cut at the cue.
        const spanStart = speaker.source.span?.start
        const speakerStart =
          spanStart !== undefined && spanStart >= sentence.start ? spanStart : cueStart
        const after = input.text.slice(cueEnd, sentence.end)
        // (Also "…, an official told AFP.": only the recipient's name follows the verb.)
        const trailing =
          /^[\s.,!?"”]*$/.test(after) ||
          /^\s+(?:the\s+)?\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,3}[.!?"”]*$/u.test(after) ||
          (/^\s+(?:on|in|at|late|early|earlier|later)\b[^,]{0,40}[.!?"”]*$/i.test(after) &&
            !/\b(?:that|how|whether)\b/i.test(after))
        const scope =
          speaker.before && !trailing
            ? { start: cueEnd, end: clauseEndAfter(input.text, cueEnd, sentence.end) }
            : { start: sentence.start, end: Math.min(cueStart, speakerStart) }
        // "an official told AFP": an anonymous speaker's words reach us through the outlet told.
        const told = /^told$/.test(cueWord)
          ? mentions.find((m) => m.kind === 'source' && m.start >= cueEnd && m.start - cueEnd <= 3)
          : undefined
        const lone = /(?:^|\s)(?:source|official|spokesman|spokesperson|diplomat)$/i.test(
          speaker.source.name,
        )
        // "SANA quoted a military source denying that …": an anonymous speaker inside a named
        // outlet's quotation speaks through the outlet.
        const quoting = isAnonymous(speaker.source)
          ? frames
              .filter(
                (frame) =>
                  frame.source &&
                  !isAnonymous(frame.source) &&
                  frame.scopeStart <= cueStart &&
                  frame.scopeEnd >= cueEnd,
              )
              .pop()
          : undefined
        const source =
          told && lone && isAnonymous(speaker.source)
            ? sourceFromMention(input, told)
            : (quoting?.source ?? speaker.source)
        frames.push({
          scopeStart: scope.start,
          scopeEnd: scope.end,
          source,
          stance,
          rank: rank++,
          cueAt: cueStart,
        })
        break
      }
      case 'deny-after': {
        // "reports about X entering Y are unfounded": the denial covers what precedes it.
        const outer = frames
          .filter(
            (frame) => frame.scopeStart <= cueStart && frame.scopeEnd >= cueEnd && frame.source,
          )
          .pop()
        frames.push({
          scopeStart: outer ? outer.scopeStart : sentence.start,
          scopeEnd: cueStart,
          source: outer?.source ?? null,
          stance: 'denied',
          rank: rank++,
        })
        break
      }
      case 'citing':
      case 'quoted': {
        const outer =
          frames.filter((frame) => frame.source && frame.scopeStart <= cueStart).pop() ?? null
        const mention = mentions.find(
          (m) => SPEAKER_KINDS.has(m.kind) && m.start >= cueEnd && m.start - cueEnd < 40,
        )
        const inner = mention
          ? sourceFromMention(input, mention)
          : speakerNoun(context, cue.end, cue.end + 6)
        // "IRNA, citing Syrian TV, said": the outer speaker is the mention just before the cue.
        const outerMention = mentions
          .filter((m) => SPEAKER_KINDS.has(m.kind) && m.end <= cueStart && cueStart - m.end < 12)
          .pop()
        const outerSource =
          outer?.source ?? (outerMention ? sourceFromMention(input, outerMention) : null)
        if (!inner) break
        // The innermost NAMED source is the source; anonymous inner sources keep the outer one.
        const source: EventSource =
          outerSource && isAnonymous(inner)
            ? outerSource
            : outerSource
              ? { ...inner, via: [outerSource.name, ...(outerSource.via ?? [])] }
              : inner
        frames.push({
          scopeStart: sentence.start,
          scopeEnd: sentence.end,
          source,
          stance: null,
          rank: rank++,
        })
        break
      }
      case 'showed': {
        // "Al Arabiya's footage showed", "videos shared on social media showed".
        const owner = mentions
          .filter((m) => SPEAKER_KINDS.has(m.kind) && m.end <= cueStart && cueStart - m.end < 25)
          .pop()
        if (owner)
          frames.push({
            scopeStart: cueEnd,
            scopeEnd: sentence.end,
            source: sourceFromMention(input, owner),
            stance: null,
            rank: rank++,
          })
        break
      }
      default:
        break
    }
  }
  return frames
}

/** Where the clause that starts at `from` ends: "denied that X, while Y" does not deny Y. */
function clauseEndAfter(text: string, from: number, sentenceEnd: number): number {
  const boundary =
    /;|,\s*(?:while|whereas|but|although|though|even as|as)\s|\s(?:while|whereas)\s/i.exec(
      text.slice(from, sentenceEnd),
    )
  return boundary ? from + boundary.index : sentenceEnd
}

/**
 * The source of a claim: the speaker whose cue stands nearest before it ("X said that Y reported
 * that …" → Y), else the nearest after it ("…, X said"); a trailing credit around an inner speaker
 * joins the chain ("They added that …, writes Reuters" → They, via Reuters). Any denial or hedge
 * around the claim colours the stance.
 */
function innermostFrame(
  frames: readonly Frame[],
  offset: number,
): { source: EventSource | null; stance: Stance | null } | null {
  const around = frames.filter((frame) => frame.scopeStart <= offset && offset < frame.scopeEnd)
  if (around.length === 0) return null
  const withSource = around.filter((frame) => frame.source)
  const cue = (frame: Frame): number => frame.cueAt ?? frame.scopeStart
  const before = withSource
    .filter((frame) => cue(frame) <= offset)
    .sort((a, b) => cue(b) - cue(a) || b.rank - a.rank)
  const after = withSource.filter((frame) => cue(frame) > offset).sort((a, b) => cue(a) - cue(b))
  let source = (before[0] ?? after[0])?.source ?? null
  const credit = before[0] ? after[after.length - 1]?.source : undefined
  if (source && credit && credit.name !== source.name && !(source.via ?? []).includes(credit.name))
    source = { ...source, via: [...(source.via ?? []), credit.name] }
  const stance: Stance | null = around.some((frame) => frame.stance === 'denied')
    ? 'denied'
    : around.some((frame) => frame.stance === 'hedged')
      ? 'hedged'
      : null
  return { source, stance }
}
