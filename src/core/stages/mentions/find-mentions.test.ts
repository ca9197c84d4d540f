import { describe, expect, it } from 'vitest'
import { loadLexicon } from '../../../datasets/load-lexicon.js'
import { findMentions } from './find-mentions.js'

const lexicon = loadLexicon()
const found = (text: string) =>
  findMentions(text, lexicon).map((m) => ({
    text: m.text,
    name: m.name,
    kind: m.kind,
    rule: m.rule,
    side: m.side,
    at: m.start,
  }))

describe('findMentions()', () => {
  it('maps aliases and renamings to one canonical entity, with positions', () => {
    const text = 'Fighters of the Nusra Front, now HTS, joined Hayat Tahrir al-Sham units.'
    const mentions = findMentions(text, lexicon).filter((m) => m.entityId === 'group:hts')
    expect(mentions.map((m) => [m.text, m.start])).toEqual([
      ['Nusra Front', 16],
      ['HTS', 33],
      ['Hayat Tahrir al-Sham', 45],
    ])
  })

  it('reads institutions with their country and national forces with their demonym', () => {
    const mentions = found("Syria's defense ministry said Russian warplanes hit the town.")
    expect(mentions).toContainEqual(
      expect.objectContaining({
        text: "Syria's defense ministry",
        name: 'Syrian Ministry of Defense',
        kind: 'institution',
      }),
    )
    expect(mentions).toContainEqual(
      expect.objectContaining({
        text: 'Russian warplanes',
        name: 'Russian air force',
        kind: 'force',
      }),
    )
  })

  it('reads generic sides and the loaded word they carry', () => {
    const mentions = findMentions('Terrorist groups attacked while regime forces fled.', lexicon)
    expect(mentions.map((m) => [m.text, m.side, m.framing])).toEqual([
      ['Terrorist groups', 'opposition', 'terrorists'],
      ['regime forces', null, 'regime'],
    ])
  })

  it('types an unknown titled name as a person and an unknown "… Brigade" as an organisation', () => {
    const mentions = found('The mayor Karim Haddad met the 44th Armoured Brigade commander.')
    expect(mentions).toContainEqual(
      expect.objectContaining({
        text: 'Karim Haddad',
        kind: 'person',
        rule: 'mentions/titled-person',
      }),
    )
    expect(mentions).toContainEqual(
      expect.objectContaining({ text: 'Armoured Brigade', kind: 'organization' }),
    )
  })

  it.each([
    // A particle inside a name stays; one after it ("as saying") ends the name before it.
    ['The agency quoted commander Karim Haddad as saying the town fell.', 'Karim Haddad'],
    ['The envoy met mayor Karim al-Haddad on Monday.', 'Karim al-Haddad'],
    ['They met governor Anna van der Berg there.', 'Anna van der Berg'],
  ])('in %j reads the titled person %j', (text, quote) => {
    expect(
      found(text)
        .filter((m) => m.kind === 'person')
        .map((m) => m.text),
    ).toEqual([quote])
  })

  it('near misses: short aliases need their capitals, rebel-held is not an actor', () => {
    expect(
      found('He is a fan of the aa batteries.').filter((m) => m.name === 'Anadolu Agency'),
    ).toEqual([])
    expect(found('the rebel-held town').filter((m) => m.side === 'opposition')).toEqual([])
    expect(found('The us and them problem.').filter((m) => m.kind === 'country')).toEqual([])
  })

  // Longest alias first, by runs of words that begin some alias; a run that begins none stops.
  it.each([
    [
      'The Britain-based Syrian Observatory for Human Rights said',
      'Britain-based Syrian Observatory for Human Rights',
      4,
    ],
    ['the Syrian Observatory for Human Rights said', 'Syrian Observatory for Human Rights', 4],
    ['Tahrir al-Sham fighters', 'Tahrir al-Sham', 0],
    ['Envoys of the United States of America and Russia', 'United States of America', 14],
    ['Envoys of the United States and Russia', 'United States', 14],
  ])('in %j reads the longest name %j at %i', (text, name, at) => {
    expect(found(text)[0]).toEqual(expect.objectContaining({ text: name, at }))
  })

  it.each([
    // Near misses: the first words of a name without the rest.
    ['The Syrian Observatory staff left', 'Syrian Observatory for Human Rights'],
    ['The United Nations met', 'United States'],
    ['a free Syrian state', 'Free Syrian Army'],
  ])('in %j finds no %j', (text, name) => {
    expect(found(text).filter((m) => m.name === name)).toEqual([])
  })

  it.each([
    // A possessive or a demonym before a generic side or an institution names its country.
    ["Syria's army pulled back", "Syria's army", 'Syrian army', 0],
    ['the Syrian army command said', 'Syrian army command', 'Syrian army', 4],
    ['Rebel fighters entered', 'fighters', 'opposition', 6],
    ['The insurgents withdrew', 'insurgents', 'opposition', 4],
  ])('in %j reads %j as %j at %i', (text, quote, name, at) => {
    expect(found(text)).toContainEqual(expect.objectContaining({ text: quote, name, at }))
  })

  it.each([
    // Near misses: no country before the noun, or a word that only looks like a stem.
    ['the state of the army', 'Syrian army'],
    ['the defense of the ministry', 'Syrian Ministry of Defense'],
  ])('in %j reads no %j', (text, name) => {
    expect(found(text).filter((m) => m.name === name)).toEqual([])
  })

  it.each([
    // A demonym, at most one qualifying word, a force noun.
    ['Syrian government forces advanced', 'Syrian government forces', 'Syrian army'],
    ['Turkish troops crossed', 'Turkish troops', 'Turkish army'],
    ['Israeli jets struck', 'Israeli jets', 'Israeli air force'],
    // The longest reading wins: "air forces" is one noun, not "air" before another.
    ['Russian air forces bombed', 'Russian air forces', 'Russian air force'],
    ['Turkish army units shelled', 'Turkish army units', 'Turkish army'],
    ['Israeli tanks advanced', 'Israeli tanks', 'Israeli army'],
  ])('in %j reads the national force %j (%s)', (text, quote, name) => {
    expect(found(text)).toContainEqual(
      expect.objectContaining({ text: quote, name, rule: 'mentions/national-force', at: 0 }),
    )
  })

  it.each([
    // Near misses: an opposition or unknown qualifier, or a noun heading an institution.
    'Syrian opposition forces advanced',
    'Syrian rebel fighters advanced',
    'Syrian tribal forces advanced',
    'a Syrian military source said',
  ])('in %j reads no national force', (text) => {
    expect(found(text).filter((m) => m.rule === 'mentions/national-force')).toEqual([])
  })
})

describe('findMentions(): a demonym before an attack noun', () => {
  it('reads "[Russian] airstrikes" as the Russian air force, leaving the noun free', () => {
    const mentions = findMentions(
      'Russian airstrikes hit Idlib; Israeli shelling went on.',
      lexicon,
    )
    expect(mentions.map((mention) => [mention.text, mention.kind, mention.country])).toEqual([
      ['Russian', 'force', 'RU'],
      ['Israeli', 'force', 'IL'],
    ])
  })
  it('reads "[Russian] air strikes" (two words) the same way', () => {
    const mentions = findMentions('Russian air strikes hit Idlib.', lexicon)
    expect(mentions.map((mention) => [mention.text, mention.name])).toEqual([
      ['Russian', 'Russian air force'],
    ])
  })
  it('gives a demonym coordinated with another the force the second one names', () => {
    const mentions = findMentions('strikes by the Syrian and Russian air forces', lexicon)
    expect(mentions.map((mention) => [mention.text, mention.name])).toEqual([
      ['Syrian', 'Syrian air force'],
      ['Russian air forces', 'Russian air force'],
    ])
  })
  it('reads two demonyms joined by a hyphen before a force or attack noun as two forces', () => {
    const mentions = findMentions('Joint Turkish-Azerbaijani airstrikes hit the depot.', lexicon)
    expect(mentions.map((mention) => [mention.text, mention.name, mention.start])).toEqual([
      ['Turkish', 'Turkish air force', 6],
      ['Azerbaijani', 'Azerbaijani air force', 14],
    ])
    expect(
      findMentions('Iranian-Iraqi troops patrolled.', lexicon).map((mention) => mention.name),
    ).toEqual(['Iranian army', 'Iraqi army'])
  })
  it.each([
    // Near misses: a war or a relation between two states, one demonym repeated.
    'The Russian-Ukrainian war went on.',
    'Iranian-Iraqi relations improved.',
    'Syrian-Syrian talks resumed.',
  ])('in %j reads no joint force', (text) => {
    expect(findMentions(text, lexicon).filter((m) => m.kind === 'force')).toEqual([])
  })
  it('reads a lexicon name in the possessive, the mention ending before "\'s"', () => {
    const mentions = findMentions("Hezbollah's fighters and the SDF’s commanders met.", lexicon)
    const named = mentions.filter((mention) => mention.rule === 'mentions/lexicon-alias')
    expect(named.map((mention) => [mention.text, mention.entityId])).toEqual([
      ['Hezbollah', 'group:hezbollah'],
      ['SDF', 'group:sdf'],
    ])
  })
  it('keeps a generic side that owns its possessive: "Assad\'s forces" is the regime\'s army', () => {
    const [mention] = findMentions("Assad's forces withdrew.", lexicon)
    expect(mention).toMatchObject({ text: "Assad's forces", kind: 'force', framing: 'regime' })
  })
  it('leaves a demonym before other nouns alone ("Russian diplomats")', () => {
    const mentions = findMentions('Russian novels sold well.', lexicon)
    expect(mentions).toEqual([])
  })
})
