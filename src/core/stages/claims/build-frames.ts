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
  readonly cueAt?: number
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

export function buildFrames(context: FrameContext): Frame[] {
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
