import { describe, expect, it } from 'vitest'
import { analyzeDocument } from '../core/pipeline/analyze-document.js'
import { findMentions } from '../core/stages/mentions/find-mentions.js'
import { loadLexicon } from './load-lexicon.js'

/**
 * The lexicons are meant for any war, not the one the gold describes: sentences written for
 * this test about other conflicts, each read by the whole per-document pipeline.
 */
const lexicon = loadLexicon()

function eventsOf(text: string) {
  const document = {
    id: 'test',
    source: 'test',
    outlet: null,
    url: null,
    published: '2025-03-10',
    publishedFrom: 'header' as const,
    title: null,
    text,
    metadata: {},
  }
  return analyzeDocument(document, lexicon).events.map((event) => ({
    type: event.type,
    place: event.place?.name ?? null,
    sides: event.actors.map((actor) => actor.side),
    source: event.source?.name ?? null,
    stance: event.stance,
  }))
}

describe('the lexicons beyond Syria', () => {
  it.each([
    // An armed group of another war, named in the actor lexicon.
    [
      'Al-Shabaab militants attacked the town of Beledweyne on Sunday, residents said.',
      { type: 'clash', sides: ['al-shabaab'] },
    ],
    // A general staff speaks for its army.
    [
      'Russian forces captured Kupiansk, the Ukrainian General Staff said on Tuesday.',
      { type: 'control', place: 'Kupiansk', sides: ['russia'], source: 'Ukrainian General Staff' },
    ],
    // A missile fired at a place is a strike; its attacker is the subject.
    [
      'Houthi rebels fired a missile at Eilat on Monday, the Israeli military said.',
      { type: 'strike', place: 'Eilat', sides: ['houthis'] },
    ],
    // "paramilitary" before a name is an adjective, not a second actor.
    [
      'The army repelled an attack by the paramilitary Rapid Support Forces on Omdurman.',
      { type: 'clash', place: 'Omdurman', sides: ['rsf'] },
    ],
    // Euphemisms for a retreat: a relocation of forces, a tactical withdrawal.
    [
      'State media said the army had relocated its forces from Lashio.',
      { type: 'redeployment', place: 'Lashio' },
    ],
    ['The army announced a tactical withdrawal from Avdiivka.', { type: 'redeployment' }],
    // An offer of talks or mediation is diplomacy, placed at its venue.
    [
      'Kenya offered to mediate between the two generals in Nairobi on Monday.',
      { type: 'diplomacy', place: 'Nairobi' },
    ],
    // A rebel group of another war, and its denial by the government.
    [
      'M23 rebels entered Goma on Monday.',
      { type: 'control', place: 'Goma', sides: ['m23'], stance: 'asserted' },
    ],
  ] as const)('%j', (text, expected) => {
    expect(eventsOf(text)).toContainEqual(expect.objectContaining(expected))
  })

  it.each([
    // Near misses: launching a product, firing up a crowd, an event that offers a chance.
    'The company launched a new phone in Kyiv on Monday.',
    'The singer fired up the crowd in Kharkiv.',
    'The new budget offers great opportunity to Khartoum, officials said.',
    'Thousands of residents were relocated from Kharkiv to new homes.',
  ])('reads no event in %j', (text) => {
    expect(eventsOf(text)).toEqual([])
  })

  it('reads a junta as the government side and records the word', () => {
    const [junta] = findMentions("Myanmar's junta lost control of Lashio.", lexicon)
    expect(junta).toMatchObject({ text: "Myanmar's junta", kind: 'force', framing: 'junta' })
  })
})
