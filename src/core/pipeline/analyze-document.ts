import type { GazetteerEntry } from '../lexicon/gazetteer.js'
import type { Lexicon } from '../lexicon/lexicon.js'
import type { AnalysisEvent, Entity } from '../model/analysis.js'
import type { Diagnostic } from '../model/diagnostic.js'
import type { SourceDocument } from '../model/document.js'
import { makeSpan } from '../model/span.js'
import { extractEvents } from '../stages/claims/extract-events.js'
import { findMentions, type Mention } from '../stages/mentions/find-mentions.js'
import { findPlaces, type PlaceMention, unpinnedPlaceId } from '../stages/places/find-places.js'
import { splitSentences, type Sentence } from '../stages/sentences/split-sentences.js'
import { findTimes } from '../stages/times/find-times.js'
import type { TimeMention } from '../stages/times/time-mention.js'
import { documentFocus } from './document-focus.js'

/** Everything the per-document pipeline learns about one document. */
export interface DocumentAnalysis {
  readonly document: SourceDocument
  readonly sentences: readonly Sentence[]
  readonly mentions: readonly Mention[]
  readonly places: readonly PlaceMention[]
  readonly times: readonly TimeMention[]
  readonly events: readonly AnalysisEvent[]
  readonly entities: readonly Entity[]
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * The per-document pipeline, in order. Pure: same document and lexicon, same result.
 */
export function analyzeDocument(document: SourceDocument, lexicon: Lexicon): DocumentAnalysis {
  const diagnostics: Diagnostic[] = []
  const report = (diagnostic: Diagnostic): void => void diagnostics.push(diagnostic)
  const { text, id: doc } = document

  const unusable = document.metadata['unusable-published']
  if (unusable !== undefined) {
    report({
      severity: 'warning',
      message: `Publication date "${unusable}" in the page metadata is not a real date; relative dates stay unresolved`,
      stage: 'ingest',
      rule: 'ingest/unusable-published',
      doc,
      actual: unusable,
    })
  }

  // 1. Sentences first: every later stage works sentence by sentence.
  const sentences = splitSentences(text)
  // 2. Actors before places, so names like "Free Syria Army" or "Syrian Observatory" are not read as places.
  const mentions = findMentions(text, lexicon)
  // 3. Places, skipping spans already known to be actors or organisations (countries stay: they are places too).
  const places = findPlaces(text, sentences, lexicon.gazetteer, {
    excludeSpans: mentions.filter(
      (mention) =>
        mention.kind !== 'country' && mention.kind !== 'force' && mention.kind !== 'institution',
    ),
  })
  for (const place of places) {
    if (place.entry !== null) continue
    const ambiguous = place.ambiguous
    report({
      severity: 'info',
      // [Springfield] with nothing in the story to choose: say between what, so a reader can.
      message: ambiguous
        ? `Place "${place.text}" could be ${describePlace(ambiguous[0], lexicon)} or ${describePlace(ambiguous[1], lexicon)}: nothing in the text decides, so it has no pin`
        : `No coordinates for place "${place.text}"`,
      stage: 'places',
      rule: ambiguous ? 'places/ambiguous' : 'places/unresolved',
      doc,
      span: makeSpan(doc, text, place.start, place.end),
    })
  }
  // 4. The country the document is about decides who "the army" and "the government" are.
  const focus = documentFocus(places, mentions, lexicon)
  // 5. Time expressions, resolved against the publication date.
  const times = findTimes(text, document.published, report, doc)
  // 6. Events with their place, actors, source, stance, date and framing.
  const events = extractEvents(
    {
      doc,
      text,
      published: document.published,
      sentences,
      mentions,
      places,
      times,
      focusCountry: focus.country,
      focusDemonym: focus.demonym,
      focusPlace: focus.place,
      countrySide: focus.countrySide,
      armyCountry: focus.army.country,
      armyDemonym: focus.army.demonym,
    },
    lexicon.claims,
  )
  const entities = collectEntities(doc, text, mentions, places)
  return { document, sentences, mentions, places, times, events, entities, diagnostics }
}

/** Per-document entities: one per id, every surface form and mention kept. */
function collectEntities(
  doc: string,
  text: string,
  mentions: readonly Mention[],
  places: readonly PlaceMention[],
): Entity[] {
  const byId = new Map<
    string,
    {
      entity: Omit<Entity, 'aliases' | 'mentions'>
      aliases: Set<string>
      mentions: ReturnType<typeof makeSpan>[]
    }
  >()
  const add = (
    id: string,
    base: Omit<Entity, 'aliases' | 'mentions'>,
    start: number,
    end: number,
  ): void => {
    let record = byId.get(id)
    if (!record) {
      record = { entity: base, aliases: new Set(), mentions: [] }
      byId.set(id, record)
    }
    const span = makeSpan(doc, text, start, end)
    record.aliases.add(span.text)
    record.mentions.push(span)
  }
  for (const mention of mentions) {
    const kind =
      mention.kind === 'source' || mention.kind === 'institution'
        ? 'organization'
        : mention.kind === 'force'
          ? 'actor'
          : mention.kind
    add(
      mention.entityId,
      { id: mention.entityId, kind, name: mention.name, side: mention.side },
      mention.start,
      mention.end,
    )
  }
  for (const place of places) {
    if (!place.entry) {
      // "the village of Qqarovka": a place the text names that the map cannot pin.
      const id = unpinnedPlaceId(place.text)
      add(
        id,
        { id, kind: 'place', name: place.text, lat: null, lon: null, country: null },
        place.start,
        place.end,
      )
      continue
    }
    const entry = place.entry
    add(
      entry.id,
      {
        id: entry.id,
        kind: entry.kind === 'country' ? 'country' : 'place',
        name: entry.name,
        lat: entry.lat,
        lon: entry.lon,
        country: /^[A-Z]{2}$/.test(entry.country) ? entry.country : null,
        featureClass: entry.featureClass,
        gazetteerId: entry.id,
      },
      place.start,
      place.end,
    )
  }
  return [...byId.values()].map(({ entity, aliases, mentions: spans }) => ({
    ...entity,
    aliases: [...aliases],
    mentions: spans,
  }))
}

/** "Springfield (Illinois, US)": a gazetteer entry as a reader tells it from its namesakes. */
function describePlace(entry: GazetteerEntry, lexicon: Lexicon): string {
  const region = entry.admin1 ? lexicon.gazetteer.get(entry.admin1)?.name : undefined
  return `${entry.name} (${region ? `${region}, ` : ''}${entry.country})`
}
