import type { ClaimCues, CueKind, TriggerRule } from '../../lexicon/claim-cues.js'
import type { GazetteerEntry } from '../../lexicon/gazetteer.js'
import { firstWords, matchPatternAt, type WordPattern } from '../../lexicon/patterns.js'
import type { AnalysisEvent, EventActor, EventPlace, EventSource, EventType, Stance } from '../../model/analysis.js'
import { makeSpan, type Span } from '../../model/span.js'
import { splitWords, type Word } from '../../text/words.js'
import type { Mention } from '../mentions/find-mentions.js'
import type { Sentence } from '../sentences/split-sentences.js'
import { chooseEventTime } from '../times/choose-event-time.js'
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

interface Hit {
  readonly start: number // word index
  readonly end: number // word index after
}

interface TriggerHit extends Hit {
  readonly rule: TriggerRule
}

interface CueHit extends Hit {
  readonly kind: CueKind
}

/** Who says so, over which stretch of a sentence, and how. */
interface Frame {
  readonly scopeStart: number // char offset
  readonly scopeEnd: number
  readonly source: EventSource | null
  readonly stance: Stance | null
  readonly rank: number // narrower and later frames win
}

// Types whose events fall back to the document's country when they name no place:
// "Iran has begun evacuating its diplomats" → evacuation in the focus country.
const COUNTRY_FALLBACK: ReadonlySet<EventType> = new Set(['offensive', 'evacuation', 'casualties', 'diplomacy', 'command_change', 'border', 'displacement'])
// Types that need an actor to be an event at all ("the meeting" alone is not diplomacy news).
const NEEDS_ACTOR: ReadonlySet<EventType> = new Set(['diplomacy', 'command_change', 'border'])
// Types whose place may be read before the trigger ("Aleppo ... is under rebel control"); others need an object.
const PLACE_BEFORE_TYPES: ReadonlySet<EventType> = new Set(['control', 'withdrawal', 'redeployment', 'protest', 'defection'])
// Locative words that make a later place a modifier of an earlier one: Izraa, [north of] Daraa.
const LOCATIVE_GAP = /\b(?:near|outside|north|south|east|west|northeast|northwest|southeast|southwest|between|in|of|from|at|close to|around|on|towards|toward|to|into|via|along|across|beyond|within|than)\b[^,]*$/i
// A coordinated list continues with commas/and/or, optionally "the town of".
const LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+)(?:the\s+)?(?:(?:city|cities|town|towns|village|villages|province|provinces|governorate|governorates|area|areas|district|districts|region|regions)\s+of\s+)?$/i
const SPEAKER_KINDS: ReadonlySet<Mention['kind']> = new Set(['source', 'organization', 'institution', 'person', 'actor', 'force', 'country'])
const ANAPHORIC_SPEAKERS = /^(?:they|he|she|it|the source|the sources|the same source|the ministry|the statement|the group|the army|the command|the spokesman|the official|officials)$/i
const OPPOSITE_SIDE: Readonly<Record<string, string>> = { government: 'opposition', opposition: 'government', hts: 'government', sna: 'sdf', sdf: 'sna' }

type Indexed<T> = { readonly byWord: Map<string, T[]>; readonly byPrefix: { prefix: string; item: T }[]; readonly always: T[] }

function indexByFirstWord<T extends { pattern: WordPattern }>(items: readonly T[]): Indexed<T> {
  const byWord = new Map<string, T[]>()
  const byPrefix: { prefix: string; item: T }[] = []
  const always: T[] = []
  for (const item of items) {
    const first = firstWords(item.pattern)
    if (!first) {
      always.push(item)
      continue
    }
    for (const word of first.alternatives) byWord.set(word, [...(byWord.get(word) ?? []), item])
    for (const prefix of first.prefixes) byPrefix.push({ prefix, item })
  }
  return { byWord, byPrefix, always }
}

function candidatesAt<T>(index: Indexed<T>, folded: string): T[] {
  const found = [...(index.byWord.get(folded) ?? []), ...index.always]
  for (const { prefix, item } of index.byPrefix) if (folded.startsWith(prefix)) found.push(item)
  return found
}

const indexCache = new WeakMap<ClaimCues, { triggers: Indexed<TriggerRule>; cues: Indexed<ClaimCues['cues'][number]>; framing: Indexed<ClaimCues['framing'][number]> }>()
function indexesOf(cues: ClaimCues) {
  let index = indexCache.get(cues)
  if (!index) {
    index = { triggers: indexByFirstWord(cues.triggers), cues: indexByFirstWord(cues.cues), framing: indexByFirstWord(cues.framing) }
    indexCache.set(cues, index)
  }
  return index
}

/** Longest match per start word, then drop matches inside a longer one. */
function findHits<T extends { pattern: WordPattern }>(index: Indexed<T>, words: readonly Word[]): { item: T; start: number; end: number }[] {
  const hits: { item: T; start: number; end: number }[] = []
  for (let i = 0; i < words.length; i++) {
    let best: { item: T; start: number; end: number } | null = null
    for (const item of candidatesAt(index, words[i]!.folded)) {
      const end = matchPatternAt(item.pattern, words, i)
      if (end > i && (!best || end > best.end)) best = { item, start: i, end }
    }
    if (best) hits.push(best)
  }
  return hits.filter((hit) => !hits.some((other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start))
}

/**
 * Reads the events of one document: triggers from the lexicon, one event per (trigger, place),
 * the actor that did it, who the text attributes it to (with the attribution chain), the stance
 * of that source, the governing time expression and the loaded words used. Every event carries
 * its evidence sentence, trigger and role spans.
 */
export function extractEvents(input: ExtractInput, cues: ClaimCues): AnalysisEvent[] {
  const { doc, text } = input
  const index = indexesOf(cues)
  const events: AnalysisEvent[] = []
  const seen = new Set<string>()
  let mentionCursor = 0
  let placeCursor = 0
  let lastSpeaker: EventSource | null = null
  let lastPlace: PlaceInput | null = null

  for (const sentence of input.sentences) {
    const words = splitWords(text, sentence.start, sentence.end)
    if (words.length === 0) continue
    while (mentionCursor < input.mentions.length && input.mentions[mentionCursor]!.end <= sentence.start) mentionCursor++
    while (placeCursor < input.places.length && input.places[placeCursor]!.end <= sentence.start) placeCursor++
    const mentions: Mention[] = []
    for (let k = mentionCursor; k < input.mentions.length && input.mentions[k]!.start < sentence.end; k++) mentions.push(input.mentions[k]!)
    const places: PlaceInput[] = []
    for (let k = placeCursor; k < input.places.length && input.places[k]!.start < sentence.end; k++) places.push(input.places[k]!)

    const triggers: TriggerHit[] = findHits(index.triggers, words).map(({ item, start, end }) => ({ rule: item, start, end }))
    const cueHits: CueHit[] = findHits(index.cues, words).map(({ item, start, end }) => ({ kind: item.kind, start, end }))
    const frames = buildFrames({ input, sentence, words, mentions, cueHits, lastSpeaker })
    for (const frame of frames) if (frame.source && !frame.source.unnamed) lastSpeaker = frame.source

    const sentenceSpan = makeSpan(doc, text, sentence.start, sentence.end)
    const framing = findFraming(index.framing, words)
    // A trigger inside an attribution phrase is speech, not an event ("the announcement was made").
    const speechWords = new Set(cueHits.filter((cue) => cue.kind !== 'negation' && cue.kind !== 'hedge').flatMap((cue) => range(cue.start, cue.end)))

    for (let t = 0; t < triggers.length; t++) {
      const trigger = triggers[t]!
      if (range(trigger.start, trigger.end).every((w) => speechWords.has(w))) continue
      const triggerStart = words[trigger.start]!.start
      const triggerEnd = words[trigger.end - 1]!.end
      const nextTriggerStart = triggers.slice(t + 1).find((other) => other.rule.type !== trigger.rule.type || other.start > trigger.end + 2)
      const scopeEnd = nextTriggerStart ? words[nextTriggerStart.start]!.start : sentence.end
      const clauseStart = clauseStartBefore(text, sentence.start, triggerStart)

      let eventPlaces = placesFor(text, trigger, triggerStart, triggerEnd, scopeEnd, clauseStart, places)
      if (eventPlaces.length === 0 && /\bthe (?:city|town|village|area)\b/i.test(text.slice(triggerEnd, scopeEnd)) && lastPlace?.entry) {
        eventPlaces = [lastPlace]
      }
      let placeValues: (EventPlace | null)[] = eventPlaces.filter((place) => place.entry !== null).map((place) => toEventPlace(doc, text, place))
      if (placeValues.length === 0) {
        if (!COUNTRY_FALLBACK.has(trigger.rule.type) || !input.focusPlace) continue
        placeValues = [{ entity: input.focusPlace.id, name: input.focusPlace.name, lat: input.focusPlace.lat, lon: input.focusPlace.lon }]
      }

      const actors = actorsFor(input, trigger, triggerStart, triggerEnd, scopeEnd, clauseStart, mentions)
      if (NEEDS_ACTOR.has(trigger.rule.type) && actors.length === 0) continue

      const frame = innermostFrame(frames, triggerStart)
      let stance: Stance = frame?.stance ?? 'asserted'
      if (isNegated(words, trigger.start)) stance = 'denied'
      const source = frame?.source ?? null

      const time = chooseEventTime(input.times, sentenceSpan, { start: clauseStart, end: scopeEnd }, { start: triggerStart, end: triggerEnd })
      const date = time?.value
        ? { start: time.value.start, end: time.value.end, precision: time.value.precision, text: makeSpan(doc, text, time.start, time.end) }
        : null

      for (const place of placeValues) {
        const key = `${trigger.rule.type}|${place?.entity}|${stance}|${source?.name ?? ''}|${sentence.index}`
        if (seen.has(key)) continue
        seen.add(key)
        events.push({
          id: `${doc}#e${events.length + 1}`,
          doc,
          type: trigger.rule.type,
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
    const lastResolved = [...places].reverse().find((place) => place.entry !== null && place.entry.kind !== 'country')
    if (lastResolved) lastPlace = lastResolved
  }
  return events
}

function range(start: number, end: number): number[] {
  const out: number[] = []
  for (let i = start; i < end; i++) out.push(i)
  return out
}

/** Clause boundary before the trigger: a semicolon, or a comma followed by a conjunction. */
function clauseStartBefore(text: string, sentenceStart: number, triggerStart: number): number {
  const before = text.slice(sentenceStart, triggerStart)
  const boundary = /(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s)(?![^;]*(?:;|,\s*(?:while|whereas|but|as|and|although|though|after|before|when|which|who)\b|\s(?:while|whereas|but)\s))/i.exec(before)
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
  if (!flags.has('place-before')) {
    for (const place of places) {
      if (place.start < triggerEnd || place.start >= scopeEnd) continue
      const gapStart = chosen.length > 0 ? chosen[chosen.length - 1]!.end : triggerEnd
      const gap = text.slice(gapStart, place.start)
      const lead = /(\w+)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|rural|outskirts\s+of)\s+)?$/i.exec(gap)?.[1]?.toLowerCase()
      if (flags.has('from-is-origin') && lead === 'from') continue
      if (flags.has('to-is-destination') && (lead === 'to' || lead === 'towards' || lead === 'toward' || lead === 'into')) continue
      if (chosen.length === 0) {
        // The first place must be near the trigger and not behind a clause boundary.
        if (/[;]|,\s*(?:while|whereas|but|which|who|where|as)\b/i.test(gap) || gap.split(/\s+/).length > 14) break
        chosen.push(place)
      } else if (LIST_GAP.test(gap)) {
        chosen.push(place)
      } else if (LOCATIVE_GAP.test(gap)) {
        continue
      } else {
        break
      }
    }
  }
  if (chosen.length === 0 && (flags.has('place-before') || PLACE_BEFORE_TYPES.has(trigger.rule.type))) {
    // Passive and state readings name the place first: "Aleppo ... is under rebel control".
    // A country before the trigger is usually its subject ("Iran has begun evacuating"), not its place.
    const before = places.filter((place) => place.end <= triggerStart && place.start >= clauseStart && place.entry?.kind !== 'country')
    const nearest = before[before.length - 1]
    if (nearest && (flags.has('place-before') || triggerStart - nearest.end < 60)) chosen.push(nearest)
  }
  // A country is an event's place only for country-level events (offensives, evacuations, diplomacy);
  // beside a city in the same list it is context ("Nasib, a crossing between Syria and Jordan").
  const specific = chosen.filter((place) => place.entry?.kind !== 'country')
  if (specific.length > 0) return specific
  return COUNTRY_FALLBACK.has(trigger.rule.type) ? chosen : []
}

function toEventPlace(doc: string, text: string, place: PlaceInput): EventPlace {
  const entry = place.entry!
  return { entity: entry.id, name: entry.name, lat: entry.lat, lon: entry.lon, span: makeSpan(doc, text, place.start, place.end) }
}

function sideOf(input: ExtractInput, mention: Mention): string | null {
  if (mention.side) return mention.side
  if (mention.kind === 'force' || mention.kind === 'institution') {
    if (!mention.country || mention.country === input.focusCountry) return 'government'
    return input.countrySide(mention.country)
  }
  return null
}

function actorName(input: ExtractInput, mention: Mention, side: string | null): string {
  if (side === 'government' && !mention.country && input.focusDemonym) {
    return mention.entityId === 'force:government' && /government/i.test(mention.text) ? `${input.focusDemonym} government` : `${input.focusDemonym} army`
  }
  return mention.name
}

function toActor(input: ExtractInput, mention: Mention, invert = false): EventActor {
  let side = sideOf(input, mention)
  if (invert) side = side ? (OPPOSITE_SIDE[side] ?? 'opposition') : 'opposition'
  const name = invert ? (side === 'government' && input.focusDemonym ? `${input.focusDemonym} army` : side ?? 'unknown') : actorName(input, mention, side)
  const entity = invert ? `force:${side}` : side === 'government' && !mention.country && input.focusCountry ? `force:${input.focusCountry.toLowerCase()}` : mention.entityId
  return { entity, name, side, span: makeSpan(mentionDoc(input), input.text, mention.start, mention.end) }
}

function mentionDoc(input: ExtractInput): string {
  return input.doc
}

const ACTOR_KINDS: ReadonlySet<Mention['kind']> = new Set(['actor', 'force', 'country', 'person', 'institution'])

function actorsFor(
  input: ExtractInput,
  trigger: TriggerHit,
  triggerStart: number,
  triggerEnd: number,
  scopeEnd: number,
  clauseStart: number,
  mentions: readonly Mention[],
): EventActor[] {
  const flags = trigger.rule.flags
  if (flags.has('no-actor')) return []
  const candidates = mentions.filter((mention) => ACTOR_KINDS.has(mention.kind))
  // "under rebel control", "fell to the rebels": the actor follows the trigger.
  if (flags.has('actor-after')) {
    const inside = candidates.find((mention) => mention.start >= triggerStart && mention.end <= triggerEnd)
    const after = candidates.find((mention) => mention.start >= triggerEnd && mention.start - triggerEnd < 50 && mention.start < scopeEnd)
    const found = inside ?? after
    if (found) return [toActor(input, found)]
  }
  const before = candidates.filter((mention) => mention.end <= triggerStart && mention.start >= clauseStart && triggerStart - mention.end < 140)
  const subject = before[before.length - 1]
  if (subject) return [toActor(input, subject, flags.has('loser'))]
  // Nominals name their actor after them: "the withdrawal of government forces from ...".
  const after = candidates.find((mention) => mention.start >= triggerEnd && mention.start - triggerEnd < 40 && mention.start < scopeEnd)
  if (after && (flags.has('nominal') || /^\s+(?:of|by|among)\s/i.test(input.text.slice(triggerEnd, after.start + 1)))) return [toActor(input, after)]
  return []
}

function isNegated(words: readonly Word[], triggerWord: number): boolean {
  for (let k = Math.max(0, triggerWord - 3); k < triggerWord; k++) {
    const word = words[k]!.folded
    if (word === 'not' || word === 'never' || word.endsWith("n't") || word === 'cannot') return true
  }
  return false
}

function findFraming(index: Indexed<ClaimCues['framing'][number]>, words: readonly Word[]): string[] {
  const terms = new Set<string>()
  for (const hit of findHits(index, words)) terms.add(hit.item.term)
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
  const name = mention.kind === 'force' || mention.kind === 'institution' ? actorName(input, mention, side) : mention.name
  const anonymous = mention.kind === 'institution' && /source$/.test(name) && !mention.country
  const finalName = anonymous && input.focusDemonym ? `${input.focusDemonym} ${name}` : name
  return { entity: mention.entityId, name: finalName, span: makeSpan(input.doc, input.text, mention.start, mention.end) }
}

/** Speaker words without a proper name: "witnesses", "local sources", "reports". */
function speakerNoun(context: FrameContext, from: number, to: number): EventSource | null {
  const { input, words, cueHits } = context
  const hit = cueHits.find((cue) => cue.kind === 'speaker' && cue.start >= from && cue.end <= to)
  if (!hit) return null
  const start = words[hit.start]!.start
  const end = words[hit.end - 1]!.end
  const phrase = input.text.slice(start, end).toLowerCase().replace(/^(?:a|an|the)\s+/, '')
  const unnamed = /^(?:reports|media reports|news reports)$/.test(phrase)
  return { entity: `speaker:${phrase}`, name: phrase, span: makeSpan(input.doc, input.text, start, end), ...(unnamed && { unnamed: true }) }
}

/** The speaker of a speech cue: a mention just before it (same clause), or just after it (inverted). */
function speakerOf(context: FrameContext, cue: CueHit): { source: EventSource; before: boolean } | null {
  const { input, words, mentions, lastSpeaker } = context
  const cueStart = words[cue.start]!.start
  const cueEnd = words[cue.end - 1]!.end
  const windowStart = words[Math.max(0, cue.start - 8)]!.start
  const before = mentions.filter((mention) => SPEAKER_KINDS.has(mention.kind) && mention.end <= cueStart && mention.start >= windowStart)
  const nearest = before[before.length - 1]
  const gapText = nearest ? input.text.slice(nearest.end, cueStart) : ''
  if (nearest && !/[.;:]/.test(gapText) && !/\b(?:that|which|who)\b/i.test(gapText)) return { source: sourceFromMention(input, nearest), before: true }
  const noun = speakerNoun(context, Math.max(0, cue.start - 4), cue.start)
  if (noun) return { source: noun, before: true }
  const previousWords = words.slice(Math.max(0, cue.start - 3), cue.start).map((word) => word.folded).join(' ')
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-1)[0] ?? '') ) return { source: lastSpeaker, before: true }
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-2).join(' '))) return { source: lastSpeaker, before: true }
  if (lastSpeaker && ANAPHORIC_SPEAKERS.test(previousWords)) return { source: lastSpeaker, before: true }
  // Inverted: "..., said the Britain-based Observatory."
  const after = mentions.find((mention) => SPEAKER_KINDS.has(mention.kind) && mention.start >= cueEnd && mention.start - cueEnd < 30)
  if (after) return { source: sourceFromMention(input, after), before: false }
  const nounAfter = speakerNoun(context, cue.end, Math.min(words.length, cue.end + 4))
  if (nounAfter) return { source: nounAfter, before: false }
  return null
}

function isAnonymous(source: EventSource): boolean {
  return /^(?:a |an |the )?(?:source|sources|official|officials|military source|security source|spokesman)$/i.test(source.name) || source.unnamed === true
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
        const mention = mentions.find((m) => SPEAKER_KINDS.has(m.kind) && m.start >= cueEnd && m.start - cueEnd < 12)
        const source = mention ? sourceFromMention(input, mention) : speakerNoun(context, cue.end, cue.end + 4)
        if (source) frames.push({ scopeStart: sentence.start, scopeEnd: sentence.end, source, stance: null, rank: rank++ })
        break
      }
      case 'say':
      case 'deny':
      case 'hedge': {
        const speaker = speakerOf(context, cue)
        const stance: Stance | null = cue.kind === 'deny' ? 'denied' : cue.kind === 'hedge' ? 'hedged' : null
        if (!speaker) {
          // An adverb or a speakerless hedge still colours the clause: "reportedly", "claimed to be".
          if (stance) frames.push({ scopeStart: cue.kind === 'deny' ? cueEnd : sentence.start, scopeEnd: sentence.end, source: null, stance, rank: rank++ })
          break
        }
        const scope = speaker.before ? { start: cueEnd, end: sentence.end } : { start: sentence.start, end: cueStart }
        frames.push({ scopeStart: scope.start, scopeEnd: scope.end, source: speaker.source, stance, rank: rank++ })
        break
      }
      case 'deny-after': {
        // "reports about X entering Y are unfounded": the denial covers what precedes it.
        const outer = frames.filter((frame) => frame.scopeStart <= cueStart && frame.scopeEnd >= cueEnd && frame.source).pop()
        frames.push({ scopeStart: outer ? outer.scopeStart : sentence.start, scopeEnd: cueStart, source: outer?.source ?? null, stance: 'denied', rank: rank++ })
        break
      }
      case 'citing':
      case 'quoted': {
        const outer = frames.filter((frame) => frame.source && frame.scopeStart <= cueStart).pop() ?? null
        const mention = mentions.find((m) => SPEAKER_KINDS.has(m.kind) && m.start >= cueEnd && m.start - cueEnd < 40)
        const inner = mention ? sourceFromMention(input, mention) : speakerNoun(context, cue.end, cue.end + 6)
        const outerSource = outer?.source ?? speakerOf(context, cue)?.source ?? null
        if (!inner) break
        // The innermost NAMED source is the source; anonymous inner sources keep the outer one.
        const source: EventSource = outerSource && isAnonymous(inner) ? outerSource : outerSource ? { ...inner, via: [outerSource.name, ...(outerSource.via ?? [])] } : inner
        frames.push({ scopeStart: sentence.start, scopeEnd: sentence.end, source, stance: null, rank: rank++ })
        break
      }
      case 'showed': {
        // "Al Arabiya's footage showed", "videos shared on social media showed".
        const owner = mentions.filter((m) => SPEAKER_KINDS.has(m.kind) && m.end <= cueStart && cueStart - m.end < 25).pop()
        if (owner) frames.push({ scopeStart: cueEnd, scopeEnd: sentence.end, source: sourceFromMention(input, owner), stance: null, rank: rank++ })
        break
      }
      default:
        break
    }
  }
  return frames
}

/** The narrowest frame around the trigger supplies the source; any denial or hedge around it colours the stance. */
function innermostFrame(frames: readonly Frame[], offset: number): { source: EventSource | null; stance: Stance | null } | null {
  const around = frames.filter((frame) => frame.scopeStart <= offset && offset < frame.scopeEnd)
  if (around.length === 0) return null
  const withSource = around.filter((frame) => frame.source)
  withSource.sort((a, b) => a.scopeEnd - a.scopeStart - (b.scopeEnd - b.scopeStart) || b.rank - a.rank)
  const stance: Stance | null = around.some((frame) => frame.stance === 'denied') ? 'denied' : around.some((frame) => frame.stance === 'hedged') ? 'hedged' : null
  return { source: withSource[0]?.source ?? null, stance }
}
