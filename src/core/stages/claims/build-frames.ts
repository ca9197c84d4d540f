import type { CueKind } from '../../lexicon/claim-cues.js'
import type { EventSource, Stance } from '../../model/analysis.js'
import { makeSpan } from '../../model/span.js'
import type { Word } from '../../text/words.js'
import type { Mention } from '../mentions/find-mentions.js'
import type { Sentence } from '../sentences/split-sentences.js'
import { actorName, sideOf } from './actors-for.js'
import { clauseEndAfter, clauseStartBefore } from './clause-bounds.js'
import type { ExtractInput } from './extract-input.js'

/** A cue of the sentence over words [start, end). */
export interface CueHit {
  readonly kind: CueKind
  readonly start: number // word index
  readonly end: number // word index after
}

/** Who says so, over which stretch of a sentence, and how. */
export interface Frame {
  readonly scopeStart: number // char offset
  readonly scopeEnd: number
  /** Where the attribution cue stands: the nearest cue before a claim is its innermost speaker. */
  readonly cueAt: number | null
  readonly source: EventSource | null
  readonly stance: Stance | null
  readonly rank: number // narrower and later frames win
}

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

export interface FrameContext {
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

const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
// Capitalised words before a speaker noun that are no part of its name ("[The] sources").
const NOT_ADJECTIVES: ReadonlySet<string> = new Set([
  'The',
  'A',
  'An',
  'According',
  'Some',
  'Other',
  'Two',
  'Several',
])

/** Speaker words without a proper name: "witnesses", "local sources", "reports". */
function speakerNoun(context: FrameContext, from: number, to: number): EventSource | null {
  const { input, words, cueHits } = context
  let hit: CueHit | undefined
  for (const cue of cueHits)
    if (cue.kind === 'speaker' && cue.start >= from && cue.end <= to) {
      hit = cue
      break
    }
  if (!hit) return null
  // "Arab media", "Turkish media reports", "local sources": keep a capitalised adjective before the noun.
  const previous = words[hit.start - 1]
  const adjacent =
    previous !== undefined && /^ $/.test(input.text.slice(previous.end, words[hit.start]!.start))
  const start =
    previous &&
    adjacent &&
    /^\p{Lu}\p{Ll}+$/u.test(previous.text) &&
    !WEEKDAY.test(previous.text) &&
    !NOT_ADJECTIVES.has(previous.text)
      ? previous.start
      : words[hit.start]!.start
  const end = words[hit.end - 1]!.end
  const phrase = input.text.slice(start, end).replace(/^(?:a|an|the)\s+/i, '')
  const unnamed =
    /^(?:(?:media|news|unconfirmed|initial|local|some|several)\s+)?reports$|^media$/i.test(phrase)
  const span = makeSpan(input.doc, input.text, start, end)
  return unnamed
    ? { entity: `speaker:${phrase}`, name: phrase, span, unnamed: true }
    : { entity: `speaker:${phrase}`, name: phrase, span }
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
  let nearest: Mention | undefined
  let previous: Mention | undefined
  for (const mention of mentions)
    if (
      SPEAKER_KINDS.has(mention.kind) &&
      mention.end <= cueStart &&
      mention.start >= windowStart
    ) {
      previous = nearest
      nearest = mention
    }
  // "an armed group in [northern Myanmar] said": a country after "in" locates the speaker before it.
  if (
    nearest?.kind === 'country' &&
    previous &&
    LOCATED_IN.test(input.text.slice(previous.end, nearest.start))
  )
    nearest = previous
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
  if (!lastSpeaker) return speakerAfter(context, cue, cueEnd)
  // "They added", "the same source said": the words before the cue, folded and joined by spaces.
  const from = Math.max(0, cue.start - 3)
  let previousWords = ''
  for (let k = from; k < cue.start; k++)
    previousWords += k === from ? words[k]!.folded : ` ${words[k]!.folded}`
  if (
    ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-1)[0] ?? '') ||
    ANAPHORIC_SPEAKERS.test(previousWords.split(' ').slice(-2).join(' ')) ||
    ANAPHORIC_SPEAKERS.test(previousWords)
  )
    return { source: lastSpeaker, before: true }
  return speakerAfter(context, cue, cueEnd)
}

/** Inverted: "..., said the Britain-based Observatory." */
function speakerAfter(
  context: FrameContext,
  cue: CueHit,
  cueEnd: number,
): { source: EventSource; before: boolean } | null {
  const { input, words, mentions } = context
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
    /^(?:a |an |the )?(?:[A-Z][a-z]+ )?(?:source|sources|official|officials|military source|security source|spokesman|militants?|fighters?|rebels?|commanders?|officers?|soldiers?|medics?|doctors?)$/i.test(
      source.name,
    ) ||
    source.unnamed === true ||
    /(?:source|sources|officials?|spokesman)$/.test(source.entity) ||
    // Armed groups and generic forces quoted by an outlet: the outlet is the reporting source.
    source.entity.startsWith('force:') ||
    source.entity.startsWith('group:')
  )
}

export function buildFrames(context: FrameContext): Frame[] {
  const { words, cueHits } = context
  const frames: Frame[] = []
  for (const cue of cueHits) {
    const cueStart = words[cue.start]!.start
    const cueEnd = words[cue.end - 1]!.end
    let frame: Frame | null = null
    switch (cue.kind) {
      case 'according':
        frame = accordingFrame(context, cue, cueEnd, frames.length)
        break
      case 'say':
      case 'deny':
      case 'hedge':
        frame = speechFrame(context, frames, cue, cueStart, cueEnd)
        break
      case 'deny-after':
        frame = denialAfterFrame(context, frames, cueStart, cueEnd)
        break
      case 'citing':
      case 'quoted':
        frame = citingFrame(context, frames, cue, cueStart, cueEnd)
        break
      case 'showed':
        frame = showedFrame(context, cueStart, cueEnd, frames.length)
        break
      default:
        break
    }
    if (frame) frames.push(frame)
  }
  return frames
}

// Every frame is built here, with one shape: the narrower and later frame has the higher rank.
function makeFrame(
  scopeStart: number,
  scopeEnd: number,
  source: EventSource | null,
  stance: Stance | null,
  rank: number,
  cueAt: number | null,
): Frame {
  return { scopeStart, scopeEnd, cueAt, source, stance, rank }
}

function isSpeakerMention(mention: Mention): boolean {
  return SPEAKER_KINDS.has(mention.kind)
}

/** The last speaker mention ending in [cueStart - reach, cueStart]. */
function speakerMentionBefore(
  mentions: readonly Mention[],
  cueStart: number,
  reach: number,
): Mention | undefined {
  let found: Mention | undefined
  for (const m of mentions)
    if (isSpeakerMention(m) && m.end <= cueStart && cueStart - m.end < reach) found = m
  return found
}

/** The first speaker mention starting in [cueEnd, cueEnd + reach). */
function speakerMentionAfter(
  mentions: readonly Mention[],
  cueEnd: number,
  reach: number,
): Mention | undefined {
  for (const m of mentions)
    if (isSpeakerMention(m) && m.start >= cueEnd && m.start - cueEnd < reach) return m
  return undefined
}

/** "according to X": X over the whole sentence. */
function accordingFrame(
  context: FrameContext,
  cue: CueHit,
  cueEnd: number,
  rank: number,
): Frame | null {
  const { input, sentence } = context
  const mention = speakerMentionAfter(context.mentions, cueEnd, 12)
  const source = mention
    ? sourceFromMention(input, mention)
    : speakerNoun(context, cue.end, cue.end + 4)
  return source ? makeFrame(sentence.start, sentence.end, source, null, rank, null) : null
}

/** "X said …", "…, X said", "X denied that …", "reportedly": the speaker, the stance, and the clause they cover. */
function speechFrame(
  context: FrameContext,
  frames: readonly Frame[],
  cue: CueHit,
  cueStart: number,
  cueEnd: number,
): Frame | null {
  const { input, sentence, mentions } = context
  const rank = frames.length
  // "IRNA, citing Syrian TV, said …": the citing frame already names who says it.
  const citing = frames[frames.length - 1]
  if (
    cue.kind === 'say' &&
    citing &&
    citing.scopeStart === sentence.start &&
    citing.source?.span &&
    /^[\s,]*$/.test(input.text.slice(citing.source.span.end, cueStart))
  )
    return null
  const cueWord = input.text.slice(cueStart, cueEnd).toLowerCase()
  // "…, [a claim] Kyiv rejected": the noun names the report being denied; it hedges nothing.
  if (
    cue.kind === 'hedge' &&
    /,\s*(?:a|an)\s+$/i.test(input.text.slice(Math.max(sentence.start, cueStart - 6), cueStart)) &&
    CLAIM_THEN_DENIAL.test(input.text.slice(cueEnd, cueEnd + 80))
  )
    return null
  // "…, contradicting [an Israeli army statement]": a statement that is the object of a verb
  // speaks for nobody here; it is not a credit for the sentence's claim.
  if (
    cue.kind === 'say' &&
    /^(?:statement|statements|announcement|report|reports)$/.test(cueWord) &&
    OBJECT_OF_VERB.test(input.text.slice(Math.max(sentence.start, cueStart - 60), cueStart))
  )
    return null
  // "the RSF disputes [the claim]": the noun is what a denial denies; it hedges nothing itself.
  if (
    cue.kind === 'hedge' &&
    DENIAL_BEFORE_NOUN.test(input.text.slice(Math.max(sentence.start, cueStart - 30), cueStart))
  )
    return null
  // "According to [unconfirmed] reports, …": the hedge covers what the reports say; the
  // "according to" frame names them.
  if (
    cue.kind === 'hedge' &&
    /\baccording\s+to\s+$/i.test(input.text.slice(sentence.start, cueStart))
  )
    return makeFrame(
      cueEnd,
      clauseEndAfter(input.text, cueEnd, sentence.end),
      null,
      'hedged',
      rank,
      null,
    )
  // "reportedly", "allegedly": an adverb hedges its clause but names nobody.
  const adverb = cue.kind === 'hedge' && cueWord.endsWith('ly')
  // "…, the army said, adding units had redeployed": a participle continues the same speaker.
  const continued =
    cueWord.endsWith('ing') &&
    /,\s*$/.test(input.text.slice(Math.max(sentence.start, cueStart - 3), cueStart))
      ? lastWithSource(frames)
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
    if (!stance) return null
    const opening = input.text.slice(sentence.start, cueStart)
    // "X captured Y, [but this / which] could not be independently verified": the hedge is about
    // what the sentence said before it.
    if (stance === 'hedged' && POINTS_BACK.test(opening))
      return makeFrame(sentence.start, cueStart, null, stance, rank, null)
    return makeFrame(
      cue.kind === 'deny' ? cueEnd : clauseStartBefore(input.text, sentence.start, cueStart),
      clauseEndAfter(input.text, cueEnd, sentence.end),
      null,
      stance,
      rank,
      null,
    )
  }
  // "…, The New York Times reports." / "…, an Iraqi military source reported.": nothing follows, so the
  // claim is what precedes the speaker.
  // An anaphoric speaker ("the source said") has its span in an earlier sentence: cut at the cue.
  const spanStart = speaker.source.span?.start
  const speakerStart = spanStart !== undefined && spanStart >= sentence.start ? spanStart : cueStart
  const after = input.text.slice(cueEnd, sentence.end)
  // (Also "…, an official told AFP.": only the recipient's name follows the verb.)
  const trailing =
    TRAILING_NOTHING.test(after) ||
    TRAILING_NAME.test(after) ||
    (TRAILING_TIME.test(after) && !COMPLEMENT.test(after))
  // "X captured Y, [a claim] Kyiv rejected": the denial is of the report, not a frame around it;
  // the report keeps its own speaker and the denial is added as an event of its own (extract-events).
  if (
    cue.kind === 'deny' &&
    speaker.before &&
    REPORT_BEFORE_SPEAKER.test(
      input.text.slice(Math.max(sentence.start, speakerStart - 40), speakerStart),
    )
  )
    return makeFrame(cueEnd, cueEnd, speaker.source, stance, rank, cueStart)
  const inScope = speaker.before && !trailing
  const scopeStart = inScope ? cueEnd : sentence.start
  const scopeEnd = inScope
    ? clauseEndAfter(input.text, cueEnd, sentence.end)
    : Math.min(cueStart, speakerStart)
  // "an official told AFP": an anonymous speaker's words reach us through the outlet told.
  let told: Mention | undefined
  if (cueWord === 'told')
    for (const m of mentions)
      if (m.kind === 'source' && m.start >= cueEnd && m.start - cueEnd <= 3) {
        told = m
        break
      }
  const anonymous = isAnonymous(speaker.source)
  // "SANA quoted a military source denying that …": an anonymous speaker inside a named
  // outlet's quotation speaks through the outlet.
  let quoting: Frame | undefined
  if (anonymous)
    for (const frame of frames)
      if (
        frame.source &&
        !isAnonymous(frame.source) &&
        frame.scopeStart <= cueStart &&
        frame.scopeEnd >= cueEnd
      )
        quoting = frame
  const source =
    told && anonymous && LONE_SPEAKER.test(speaker.source.name)
      ? sourceFromMention(input, told)
      : (quoting?.source ?? speaker.source)
  return makeFrame(scopeStart, scopeEnd, source, stance, rank, cueStart)
}

/** " in northern ", " based in ": the words between a speaker and the country that locates it. */
const LOCATED_IN =
  /^\s+(?:based\s+)?(?:in|of|from|across)\s+(?:(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?$/i

/** "contradicting an Israeli army", "citing a recent": a verb, an article and up to four words. */
const OBJECT_OF_VERB =
  /\b(?:contradict|disput|echo|confirm|match|refut|reject|den(?:y|ie)|dismiss|cit)\w*\s+(?:an?|the|its|their)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu

/** "disputes the", "rejected these": a denial verb right before a noun such as "claim". */
const DENIAL_BEFORE_NOUN =
  /\b(?:disput|den(?:y|ie)|reject|dismiss|refut)\w*\s+(?:(?:the|this|that|these|those|such|its|their)\s+)?$/i

/** ", which", ", but this", "; it": a hedge whose subject is what was just said. */
const POINTS_BACK =
  /(?:,\s*(?:which|(?:but|though|although|and)\s+(?:this|it|that|these|the claims?|the reports?))|[;,]\s*(?:this|it|the claims?|the reports?))\s+$/i

/** "a claim [Kyiv rejected]", "a claim [the army denied]": who denies the claim, then the verb. */
const CLAIM_THEN_DENIAL =
  /^\s+(?:that\s+|which\s+)?(?:the\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}\s+(?:denied|rejected|dismissed|refuted|disputed|denies|rejects|dismisses|refutes|disputes)\b/iu

/** "…, [a claim] Kyiv rejected": a report named just before the one who denies it. */
export const REPORT_BEFORE_SPEAKER =
  /,\s*(?:a|an)\s+(?:claim|report|allegation|account|assertion)\s+(?:that\s+|which\s+)?$/i

const TRAILING_NOTHING = /^[\s.,!?"”]*$/
const TRAILING_NAME = /^\s+(?:the\s+)?\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,3}[.!?"”]*$/u
// "…, the ministry said [on Tuesday]." or "[on Tuesday], as the army said …": a time, then the end
// of the sentence or another clause.
const TRAILING_TIME =
  /^\s+(?:on|in|at|late|early|earlier|later)\b[^,]{0,40}(?:[.!?"”]*$|,\s*(?:as|while|but|after|amid|adding|with)\b)/i
const COMPLEMENT = /\b(?:that|how|whether)\b/i
const LONE_SPEAKER =
  /(?:^|\s)(?:source|official|spokesman|spokesperson|diplomat|commander|officer|soldier|fighter|medic|doctor)$/i

function lastWithSource(frames: readonly Frame[]): Frame | undefined {
  for (let k = frames.length - 1; k >= 0; k--) if (frames[k]!.source) return frames[k]
  return undefined
}

/** "reports about X entering Y are unfounded": the denial covers what precedes it. */
function denialAfterFrame(
  context: FrameContext,
  frames: readonly Frame[],
  cueStart: number,
  cueEnd: number,
): Frame {
  let outer: Frame | undefined
  for (const frame of frames)
    if (frame.scopeStart <= cueStart && frame.scopeEnd >= cueEnd && frame.source) outer = frame
  return makeFrame(
    outer ? outer.scopeStart : context.sentence.start,
    cueStart,
    outer?.source ?? null,
    'denied',
    frames.length,
    null,
  )
}

/** "IRNA, citing Syrian TV": the named inner source, with the outer one in its chain. */
function citingFrame(
  context: FrameContext,
  frames: readonly Frame[],
  cue: CueHit,
  cueStart: number,
  cueEnd: number,
): Frame | null {
  const { input, sentence, mentions } = context
  let outer: Frame | null = null
  for (const frame of frames) if (frame.source && frame.scopeStart <= cueStart) outer = frame
  const mention = speakerMentionAfter(mentions, cueEnd, 40)
  const inner = mention
    ? sourceFromMention(input, mention)
    : speakerNoun(context, cue.end, cue.end + 6)
  // "IRNA, citing Syrian TV, said": the outer speaker is the mention just before the cue.
  const outerMention = speakerMentionBefore(mentions, cueStart, 12)
  const outerSource =
    outer?.source ?? (outerMention ? sourceFromMention(input, outerMention) : null)
  if (!inner) return null
  // The innermost NAMED source is the source; anonymous inner sources keep the outer one.
  const source: EventSource =
    outerSource && isAnonymous(inner)
      ? outerSource
      : outerSource
        ? { ...inner, via: [outerSource.name, ...(outerSource.via ?? [])] }
        : inner
  return makeFrame(sentence.start, sentence.end, source, null, frames.length, null)
}

/** "Al Arabiya's footage showed", "videos shared on social media showed". */
function showedFrame(
  context: FrameContext,
  cueStart: number,
  cueEnd: number,
  rank: number,
): Frame | null {
  const owner = speakerMentionBefore(context.mentions, cueStart, 25)
  return owner
    ? makeFrame(
        cueEnd,
        context.sentence.end,
        sourceFromMention(context.input, owner),
        null,
        rank,
        null,
      )
    : null
}

/**
 * The source of a claim: the speaker whose cue stands nearest before it ("X said that Y reported
 * that …" → Y), else the nearest after it ("…, X said"); a trailing credit around an inner speaker
 * joins the chain ("They added that …, writes Reuters" → They, via Reuters). Any denial or hedge
 * around the claim colours the stance.
 */
export function innermostFrame(
  frames: readonly Frame[],
  offset: number,
): { source: EventSource | null; stance: Stance | null } | null {
  let around = false
  let denied = false
  let hedged = false
  // The nearest cue at or before the claim (the later frame on a tie), and the first and last after it.
  let before: Frame | null = null
  let beforeAt = 0
  let first: Frame | null = null
  let firstAt = 0
  let last: Frame | null = null
  let lastAt = 0
  for (const frame of frames) {
    if (!(frame.scopeStart <= offset && offset < frame.scopeEnd)) continue
    around = true
    if (frame.stance === 'denied') denied = true
    else if (frame.stance === 'hedged') hedged = true
    if (!frame.source) continue
    const at = frame.cueAt ?? frame.scopeStart
    if (at <= offset) {
      if (before === null || at > beforeAt || (at === beforeAt && frame.rank > before.rank)) {
        before = frame
        beforeAt = at
      }
    } else {
      if (first === null || at < firstAt) {
        first = frame
        firstAt = at
      }
      if (last === null || at >= lastAt) {
        last = frame
        lastAt = at
      }
    }
  }
  if (!around) return null
  let source = (before ?? first)?.source ?? null
  const credit = before ? last?.source : undefined
  if (source && credit && credit.name !== source.name && !(source.via ?? []).includes(credit.name))
    source = { ...source, via: [...(source.via ?? []), credit.name] }
  return { source, stance: denied ? 'denied' : hedged ? 'hedged' : null }
}
