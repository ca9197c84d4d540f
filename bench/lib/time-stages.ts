import type { Lexicon } from '../../src/core/lexicon/lexicon.js'
import type { SourceDocument } from '../../src/core/model/document.js'
import { documentFocus } from '../../src/core/pipeline/document-focus.js'
import { extractEvents } from '../../src/core/stages/claims/extract-events.js'
import { findMentions } from '../../src/core/stages/mentions/find-mentions.js'
import { findPlaces } from '../../src/core/stages/places/find-places.js'
import { splitSentences } from '../../src/core/stages/sentences/split-sentences.js'
import { findTimes } from '../../src/core/stages/times/find-times.js'

/**
 * CPU milliseconds spent in each per-document stage, summed over the documents timed. CPU time
 * of the process, not wall time: on a machine shared with other work the shares stay true.
 */
export interface StageTimes {
  sentences: number
  mentions: number
  places: number
  focus: number
  times: number
  claims: number
}

export const STAGES: readonly (keyof StageTimes)[] = [
  'sentences',
  'mentions',
  'places',
  'focus',
  'times',
  'claims',
]

/**
 * Runs the per-document stages one by one with a clock around each, calling them exactly as
 * analyzeDocument (src/core/pipeline/analyze-document.ts) does. Keep the two in step: when the
 * pipeline gains a stage or changes a call, change it here. Entity collection and diagnostics
 * (cheap bookkeeping) are left out.
 */
export function timeStages(documents: readonly SourceDocument[], lexicon: Lexicon): StageTimes {
  const times: StageTimes = { sentences: 0, mentions: 0, places: 0, focus: 0, times: 0, claims: 0 }
  const noReport = (): void => {}
  for (const document of documents) {
    const { text, id: doc } = document
    let t = cpuMs()
    const lap = (stage: keyof StageTimes): void => {
      const now = cpuMs()
      times[stage] += now - t
      t = now
    }
    const sentences = splitSentences(text)
    lap('sentences')
    const mentions = findMentions(text, lexicon)
    lap('mentions')
    const places = findPlaces(text, sentences, lexicon.gazetteer, {
      excludeSpans: mentions.filter(
        (mention) =>
          mention.kind !== 'country' && mention.kind !== 'force' && mention.kind !== 'institution',
      ),
    })
    lap('places')
    const focus = documentFocus(places, mentions, lexicon)
    lap('focus')
    const found = findTimes(text, document.published, noReport, doc)
    lap('times')
    extractEvents(
      {
        doc,
        text,
        published: document.published,
        sentences,
        mentions,
        places,
        times: found,
        focusCountry: focus.country,
        focusDemonym: focus.demonym,
        focusPlace: focus.place,
        countrySide: focus.countrySide,
        armyCountry: focus.army.country,
        armyDemonym: focus.army.demonym,
      },
      lexicon.claims,
    )
    lap('claims')
  }
  return times
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
