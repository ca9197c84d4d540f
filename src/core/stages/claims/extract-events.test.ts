import { describe, expect, it } from 'vitest'
import { analyzeDocument } from '../../pipeline/analyze-document.js'
import { loadLexicon } from '../../../datasets/load-lexicon.js'
import type { AnalysisEvent } from '../../model/analysis.js'

// Sentences written for these tests; none comes from the seed or development articles.
const lexicon = loadLexicon()

function eventsOf(text: string, published = '2024-03-16'): readonly AnalysisEvent[] {
  const document = {
    id: 't',
    source: 't.txt',
    outlet: 'Test Wire',
    url: null,
    published,
    publishedFrom: 'header' as const,
    title: null,
    text,
    metadata: {},
  }
  return analyzeDocument(document, lexicon).events
}

const summary = (event: AnalysisEvent) => ({
  type: event.type,
  place: event.place?.span?.text ?? event.place?.name ?? null,
  sides: event.actors.map((actor) => actor.side),
  source: event.source?.name ?? null,
  stance: event.stance,
})

describe('extractEvents(): one event per (trigger, place) with roles', () => {
  it('reads a control event with its actor and every place of a coordinated list', () => {
    const events = eventsOf('Rebel fighters took control of the towns of Homs and Hama on Friday.')
    expect(events.map(summary)).toEqual([
      { type: 'control', place: 'Homs', sides: ['opposition'], source: null, stance: 'asserted' },
      { type: 'control', place: 'Hama', sides: ['opposition'], source: null, stance: 'asserted' },
    ])
    expect(events[0]!.date).toMatchObject({ start: '2024-03-15', end: '2024-03-15' })
    expect(events[0]!.trigger?.text).toBe('took control')
  })

  it('gives a loss of control to the other side', () => {
    const [event] = eventsOf('The monitor said government forces had lost control of Deir ez-Zor.')
    expect(summary(event!)).toMatchObject({ type: 'control', sides: ['opposition'] })
  })

  it('keeps the origin of an advance out of its places', () => {
    const events = eventsOf('Insurgents advanced from Idlib towards Hama overnight.')
    expect(
      events.filter((event) => event.type === 'advance').map((event) => event.place?.span?.text),
    ).toEqual(['Hama'])
  })

  it('skips a locative modifier of the place: "Izraa, north of Daraa"', () => {
    const events = eventsOf(
      'Opposition fighters captured Izraa, north of Daraa, after brief clashes.',
    )
    expect(
      events.filter((event) => event.type === 'control').map((event) => event.place?.span?.text),
    ).toEqual(['Izraa'])
  })
})

describe('extractEvents(): who says so', () => {
  it('attributes "according to X" and keeps the outlet voice null without attribution', () => {
    const [attributed] = eventsOf(
      "According to the Syrian Observatory for Human Rights, rebels captured Syria's Tadmur.",
    )
    expect(attributed!.source?.name).toBe('Syrian Observatory for Human Rights')
    const [plain] = eventsOf("Rebels captured Syria's Tadmur.")
    expect(plain!.source).toBeNull()
  })

  it('reads an inverted speech verb and a trailing credit', () => {
    const [inverted] = eventsOf('"Our units withdrew from Khan Shaykhun," said the Syrian army.')
    expect(inverted!.source?.name).toBe('Syrian army')
    const [trailing] = eventsOf("Troops pulled out of Syria's Raqqa, Reuters reported.")
    expect(trailing!.source?.name).toBe('Reuters')
  })

  it('keeps a chain: a named inner source wins, with the outer one in via', () => {
    const [event] = eventsOf('IRNA, citing Syrian TV, said the army regained control of Salamiyah.')
    expect(event!.source).toMatchObject({ name: 'Syrian TV', via: ['IRNA'] })
  })

  it('keeps the outlet when it cites an anonymous source', () => {
    const [event] = eventsOf(
      "Reuters, citing a military source, said troops withdrew from Syria's Raqqa.",
    )
    expect(event!.source?.name).toBe('Reuters')
  })
})

describe('extractEvents(): stance and its scope', () => {
  it('denies only the events inside the denial', () => {
    const events = eventsOf(
      'The defense ministry denied reports that troops withdrew from Salamiyah, while rebels shelled Hama.',
    )
    expect(events.map(summary)).toEqual([
      expect.objectContaining({
        type: 'withdrawal',
        place: 'Salamiyah',
        stance: 'denied',
        source: 'Syrian Ministry of Defense',
      }),
      expect.objectContaining({ type: 'strike', place: 'Hama', stance: 'asserted' }),
    ])
  })

  it('denies what precedes "are unfounded"', () => {
    const [event] = eventsOf(
      "A military source said that reports about militants entering Syria's Homs are unfounded.",
    )
    expect(summary(event!)).toMatchObject({ type: 'control', place: 'Homs', stance: 'denied' })
  })

  it('hedges claims and reads negation', () => {
    expect(eventsOf("Militants claimed to have captured Syria's Palmyra.")[0]!.stance).toBe(
      'hedged',
    )
    expect(eventsOf("The rebels did not enter Syria's Homs.")[0]!.stance).toBe('denied')
  })

  it('near misses: intentions, questions and non-event uses of trigger words stay out', () => {
    expect(eventsOf('Rebels vowed to take over Homs within days.')).toEqual([])
    expect(eventsOf('Analysts wonder who controls the narrative in Damascus.')).toEqual([])
    expect(
      eventsOf('The minister denied that he had resigned.').filter(
        (event) => event.type === 'withdrawal',
      ),
    ).toEqual([])
  })
})

describe('extractEvents(): attribution across sentences and inside names', () => {
  it('gives a quotation over several sentences to the speaker named where it closes', () => {
    const events = eventsOf(
      '“Our units pulled out of Salamiyah overnight. They regrouped and retook Hama,” the army spokesman said.',
    )
    expect(
      events.map((event) => [event.type, event.place?.span?.text, event.source?.name]),
    ).toEqual([
      ['withdrawal', 'Salamiyah', 'Syrian army'],
      ['control', 'Hama', 'Syrian army'],
    ])
  })

  it('lets an adverb hedge without naming anyone, and reads no speech verb inside a name', () => {
    const [event] = eventsOf(
      'Fighters backed by the United States have reportedly taken control of Raqqa in Syria.',
    )
    expect(event).toMatchObject({ type: 'control', stance: 'hedged', source: null })
  })

  it('credits the outlet a lone anonymous official spoke to', () => {
    const [event] = eventsOf(
      'Qatari officials met rebel leaders in Damascus, an official told AFP.',
    )
    expect(event!.source?.name).toBe('AFP')
  })

  it('near misses: conditions and history from other years are not reported events', () => {
    expect(eventsOf('Should the rebels capture Homs, the road to the coast would be cut.')).toEqual(
      [],
    )
    expect(eventsOf('Government forces recaptured Palmyra in 2016.', '2024-12-07')).toEqual([])
  })
})

describe('extractEvents(): framing and evidence', () => {
  it('records the loaded words of the sentence', () => {
    const [event] = eventsOf(
      "The army said terrorist groups infiltrated Syria's Hama before units were redeployed.",
    )
    expect(event!.framing).toEqual(expect.arrayContaining(['terrorists']))
  })

  it('every span quotes the document text', () => {
    const text = 'Late on Thursday, regime forces withdrew from Jableh, the monitor said.'
    for (const event of eventsOf(text)) {
      for (const span of [event.evidence, event.trigger!, event.place!.span!])
        expect(text.slice(span.start, span.end)).toBe(span.text)
    }
  })
})

describe('extractEvents(): lists after asides, city edges, conditions', () => {
  const placesOf = (text: string, type: string) =>
    eventsOf(text)
      .filter((event) => event.type === type)
      .map((event) => event.place?.span?.text)

  it('continues a list with "as well as" after a short aside', () => {
    expect(
      placesOf(
        'The militia controls most of the Kherson region, in Ukraine’s south, as well as parts of neighbouring Zaporizhzhia and Mykolaiv provinces.',
        'control',
      ),
    ).toEqual(['Kherson region', 'Zaporizhzhia', 'Mykolaiv'])
    // Near miss: after a clause the list does not continue.
    expect(
      placesOf(
        'The militia controls Kherson, which it took in March, as well as being active near Mykolaiv.',
        'control',
      ),
    ).toEqual(['Kherson'])
  })

  it('reads a capture at a city’s outskirts as an advance on it', () => {
    const events = eventsOf('Militants infiltrated into the outskirts of Kharkiv on Tuesday.')
    expect(events.map(summary)).toMatchObject([{ type: 'advance', place: 'Kharkiv' }])
    // Near miss: a named village on the outskirts is itself taken.
    expect(
      placesOf('Militants captured the town of Vovchansk on the outskirts of Kharkiv.', 'control'),
    ).toEqual(['Vovchansk'])
  })

  it('drops the consequence of a sentence-opening condition', () => {
    expect(
      eventsOf('Should the rebels take Kherson, an assault on Mykolaiv becomes likely.'),
    ).toEqual([])
    // Near miss: "should" inside a reported clause does not open the sentence.
    expect(
      placesOf('Rebels took Kherson on Monday, and officials said aid should follow.', 'control'),
    ).toEqual(['Kherson'])
  })
})

describe('extractEvents(): sides named inside a fight', () => {
  it('takes both sides of "clashes between X and Y" as actors', () => {
    const [event] = eventsOf('Clashes between army units and rebel fighters erupted in Kherson.')
    expect(event?.actors.map((actor) => actor.side).sort()).toEqual(['government', 'opposition'])
  })
})

describe('extractEvents(): a speaker with an appositive', () => {
  it('finds the speaker named before ", a commander of …, said"', () => {
    const [event] = eventsOf(
      'Brigade commander Oleh Marchenko, a veteran of the southern front, said that his unit had recaptured Kherson.',
    )
    expect(event?.source?.name).toBe('Oleh Marchenko')
  })
  it('keeps an inverted credit after the claim', () => {
    const [event] = eventsOf(
      'Rebels took Kherson, said commander Oleh Marchenko, head of the council.',
    )
    expect(event?.source?.name).toBe('Oleh Marchenko')
  })
})

describe('extractEvents(): reported speech without a named source', () => {
  it('attributes "reports indicate" to an unnamed source, not to the outlet', () => {
    const [event] = eventsOf('Reports indicate that rebels captured Kherson on Monday.')
    expect(event?.source).toMatchObject({ name: 'Reports', unnamed: true })
    const [hedged] = eventsOf('Unconfirmed reports claimed that rebels captured Kherson.')
    expect(hedged).toMatchObject({ stance: 'hedged', source: { unnamed: true } })
  })
  it('continues a list over a relative aside when the preposition repeats', () => {
    const events = eventsOf(
      'Troops pulled out from Kherson, where the front had collapsed, as well as from Mykolaiv.',
    )
    expect(events.filter((e) => e.type === 'withdrawal').map((e) => e.place?.span?.text)).toEqual([
      'Kherson',
      'Mykolaiv',
    ])
  })
})

describe('extractEvents(): subjects and anaphoric speakers', () => {
  it('takes the subject, not its patron ("militants allied with the United States")', () => {
    const [event] = eventsOf(
      'Militants allied with the United States have taken control of Deir ez-Zor.',
    )
    expect(event?.actors.map((actor) => actor.side)).toEqual(['opposition'])
  })
  it('reads "the monitor said" as the monitor named before', () => {
    const events = eventsOf(
      'The Syrian Observatory for Human Rights said rebels took Homs. The monitor said troops withdrew from Hama.',
    )
    expect(events.map((event) => event.source?.name)).toEqual([
      'Syrian Observatory for Human Rights',
      'Syrian Observatory for Human Rights',
    ])
  })
})

describe('extractEvents(): idioms and references that are no events', () => {
  it('does not read "took effect" or "took part" as a capture', () => {
    const events = eventsOf('A ceasefire took effect in Kherson as delegates took part in talks.')
    expect(events.filter((event) => event.type === 'control')).toEqual([])
    // Near miss: a real capture right after.
    expect(eventsOf('Rebels took Kherson on Friday.').map((event) => event.type)).toEqual([
      'control',
    ])
  })
  it('does not read a time reference ("since the 2020 ceasefire") as an event', () => {
    const types = (text: string) => eventsOf(text).map((event) => event.type)
    expect(types('It was the heaviest fighting in Idlib since the 2020 ceasefire.')).toEqual(
      types('It was the heaviest fighting in Idlib.'),
    )
    // Near miss: "since X fled" dates from an event that happened.
    expect(
      eventsOf('Crowds gathered since the president fled Kyiv.').some(
        (event) => event.type === 'evacuation' || event.type === 'withdrawal',
      ),
    ).toBe(true)
  })
})

describe('extractEvents(): losers and antecedents', () => {
  it('reads "the ouster of President X" as done by the other side', () => {
    const events = eventsOf('Crowds in Kyiv welcomed the ouster of President Viktor Yanukovych.')
    const ouster = events.find((event) => event.type === 'command_change')
    expect(ouster?.actors.map((actor) => actor.side)).toEqual(['opposition'])
  })
  it('takes the named group before a generic head as a relative clause’s subject', () => {
    const [event] = eventsOf(
      'The SNA troops, who also captured the village of Vovchansk, continued to advance.',
    )
    expect(event?.actors.map((actor) => actor.side)).toEqual(['sna'])
  })
})

describe('extractEvents(): participles after a comma', () => {
  it('gives ", taking …" the subject of the sentence, not the nearest name', () => {
    const events = eventsOf(
      'Rebel fighters entered the crossing with Poland, taking the border post in Lviv.',
    )
    expect(events.map((event) => event.actors.map((actor) => actor.side))).toEqual(
      events.map(() => ['opposition']),
    )
    expect(events.length).toBeGreaterThan(0)
  })
})

describe('extractEvents(): anonymous speakers inside a quotation', () => {
  it('attributes "Agency X quoted a military source denying …" to the agency', () => {
    const [event] = eventsOf(
      'The state news agency SANA quoted a military source denying that militants entered Kherson.',
    )
    expect(event).toMatchObject({ stance: 'denied', source: { name: 'SANA' } })
  })
  it('keeps a named inner speaker as the source', () => {
    const [event] = eventsOf(
      'SANA quoted commander Oleh Marchenko saying that militants entered Kherson.',
    )
    expect(event?.source?.name).toBe('Oleh Marchenko')
  })
})

describe('extractEvents(): "the capital"', () => {
  it('places "encircling the capital" at the capital the article names', () => {
    const events = eventsOf(
      'Shelling was heard in Kyiv overnight. By Friday rebels were encircling the capital.',
    )
    expect(events.find((event) => event.type === 'advance')?.place?.name).toBe('Kyiv')
  })
  it('does not place it without a capital named', () => {
    expect(eventsOf('By Friday rebels were encircling the capital.')).toEqual([])
  })
})

describe('extractEvents(): where a meeting happens', () => {
  it('places diplomacy at its venue, not the country it is about', () => {
    const events = eventsOf(
      'At a conference on Ukraine held on the sidelines of the Vienna Forum, the ministers of France and Germany agreed to call for an end to hostilities in Ukraine.',
    )
    expect(events.find((event) => event.type === 'diplomacy')?.place?.name).toBe('Vienna')
  })
  it('keeps a named format out of the venue ("the Minsk format")', () => {
    const events = eventsOf(
      'Under the Minsk format, the ministers of France and Germany agreed to a ceasefire in Ukraine.',
    )
    expect(events.find((event) => event.type === 'diplomacy')?.place?.name).not.toBe('Minsk')
  })
})

describe('extractEvents(): agents after "by" and nominals that name no place', () => {
  it.each([
    // A verb that hands the attack to its agents, coordinated ones included.
    [
      'Shelling and strikes carried out by the Turkish and Russian air forces hit Idlib on Friday.',
      ['turkey', 'russia'],
    ],
    // A nominal's agent after its object.
    ['The capture of Kobani by rebels came on Thursday.', ['opposition']],
    // A plain passive.
    ['Kobani was shelled by rebels on Friday.', ['opposition']],
    // A loss names its winner after "to".
    ['The army lost control of Kobani to the Islamic State on Friday.', ['is']],
  ])('in %j reads the sides %j', (text, sides) => {
    expect(eventsOf(text).map(summary)[0]?.sides).toEqual(sides)
  })

  it.each([
    // "fall of" names a regime, "capture of" names people: no place changed hands.
    'The fall of the regime in Khartoum offers a chance for peace.',
    'The capture of rebel fighters near Kobani was announced on Friday.',
  ])('reads no control in %j', (text) => {
    expect(eventsOf(text).filter((event) => event.type === 'control')).toEqual([])
  })

  it('still reads the fall of a place as control', () => {
    const events = eventsOf('The fall of Kobani shocked the army on Friday.')
    expect(events.map(summary)).toContainEqual(
      expect.objectContaining({ type: 'control', place: 'Kobani' }),
    )
  })
})

describe('extractEvents(): a capital that speaks is no place', () => {
  it('does not place an event at the capital named as the one who rejects it', () => {
    const events = eventsOf(
      "Russia's defence ministry said its forces had captured Qqarovka, a claim Kyiv rejected.",
    )
    expect(events.filter((event) => event.place?.span?.text === 'Kyiv')).toEqual([])
  })
})

describe('extractEvents(): a denial of the report itself', () => {
  const told = (text: string) =>
    eventsOf(text).map((event) => ({ ...summary(event), trigger: event.trigger?.text }))

  it('adds a denied copy when the next sentence dismisses "the report"', () => {
    const events = told(
      'The army said troops had recaptured Kobani. The Islamic State dismissed the report as propaganda.',
    )
    expect(events).toEqual([
      expect.objectContaining({ type: 'control', place: 'Kobani', stance: 'asserted' }),
      expect.objectContaining({
        type: 'control',
        place: 'Kobani',
        stance: 'denied',
        source: 'Islamic State',
        trigger: 'dismissed',
      }),
    ])
  })

  it('reads ", a claim X rejected" as X denying the claim, which keeps its own stance', () => {
    const events = told('Rebels said they had taken Kobani, a claim the army rejected.')
    expect(events.map((event) => [event.stance, event.source, event.trigger])).toEqual([
      ['asserted', 'opposition', 'taken'],
      ['denied', 'Syrian army', 'rejected'],
    ])
  })

  it.each([
    // Near misses: a denial with its own complement, and a pronoun that is a subject.
    'Rebels said they had taken Kobani. The army denied reports that it had withdrawn from Manbij.',
    'Rebels said they had taken Kobani. The army denied it was retreating.',
  ])('adds no denied copy of the earlier event in %j', (text) => {
    expect(
      told(text).filter((event) => event.stance === 'denied' && event.place === 'Kobani'),
    ).toEqual([])
  })
})

describe('extractEvents(): a place the map cannot pin', () => {
  it('reads the capture of a village the gazetteer lacks, with its name and no coordinates', () => {
    const text = 'Russian troops took the village of Qqarovka on Tuesday.'
    const [event] = eventsOf(text)
    expect(event?.type).toBe('control')
    expect(event?.place).toMatchObject({ name: 'Qqarovka', lat: null, lon: null })
    expect(event?.place?.span?.text).toBe('Qqarovka')
    // One entity per name, so reports of the same village from other outlets meet in fusion.
    const document = {
      id: 'u',
      source: 'u.txt',
      outlet: null,
      url: null,
      published: '2024-03-16',
      publishedFrom: 'header' as const,
      title: null,
      text,
      metadata: {},
    }
    const { entities } = analyzeDocument(document, lexicon)
    expect(entities.find((entity) => entity.id === event?.place?.entity)).toMatchObject({
      kind: 'place',
      name: 'Qqarovka',
      lat: null,
    })
  })
})

describe('extractEvents(): a hedge about what was just said', () => {
  it.each([
    'The RSF said it had captured Kobani, which could not be independently verified.',
    'The RSF said it had captured Kobani, but this could not be independently confirmed.',
    'The RSF said it had captured Kobani; the claim could not be verified.',
  ])('hedges the claim before it in %j', (text) => {
    expect(eventsOf(text).map((event) => event.stance)).toEqual(['hedged'])
  })

  it('hedges what "unconfirmed reports" say', () => {
    const text = 'According to unconfirmed reports, rebels entered Kobani overnight.'
    expect(eventsOf(text).map((event) => event.stance)).toEqual(['hedged'])
  })

  it('leaves a claim alone when a later clause hedges something else', () => {
    const text = 'The RSF said it had captured Kobani, and the death toll could not be verified.'
    expect(eventsOf(text).filter((event) => event.type === 'control')[0]?.stance).toBe('asserted')
  })
})

describe('extractEvents(): whose forces, and unnamed speakers', () => {
  it('gives "its troops" the side of the foreign ministry that speaks, not the local government', () => {
    const text =
      "Russia's defence ministry said its troops had taken full control of Kupiansk in Ukraine's Kharkiv region."
    const control = eventsOf(text).find((event) => event.type === 'control')
    expect(control?.actors.map((actor) => actor.side)).toEqual(['russia'])
  })

  it('reads an unnamed commander who told an outlet through that outlet', () => {
    const [event] = eventsOf(
      'A Ukrainian commander told Reuters that units had withdrawn from Kupiansk.',
    )
    expect(summary(event!)).toMatchObject({ type: 'withdrawal', source: 'Reuters' })
  })
})

describe('extractEvents(): whose army "the military" is', () => {
  it('reads "the military" as the one foreign state whose forces the story names', () => {
    const text =
      'Israeli strikes hit Khan Younis overnight. The military said it had targeted a command centre in Rafah.'
    const strike = eventsOf(text).find((event) => event.place?.span?.text === 'Rafah')
    expect(strike?.actors.map((actor) => actor.side)).toEqual(['israel'])
    expect(strike?.source?.name).toBe('Israeli army')
  })

  it('keeps "the army" the focus country\'s when the story names its forces', () => {
    const text =
      'Russian jets struck Idlib. Syrian troops held Hama, and the army said it had repelled an attack on Hama.'
    const clash = eventsOf(text).find((event) => event.type === 'clash')
    expect(clash?.source?.name).toBe('Syrian army')
  })

  it('gives a relative clause the mention it follows: "militants who fired rockets"', () => {
    const text = 'Israeli forces killed militants who fired rockets at Sderot.'
    const strike = eventsOf(text).find((event) => event.type === 'strike')
    expect(strike?.actors.map((actor) => actor.side)).toEqual(['opposition'])
  })
})

describe('extractEvents(): a speaker after the claim, then another clause', () => {
  it('gives the claim before "X said on Tuesday, as …" to X', () => {
    const text =
      'Air strikes killed at least 12 people in Idlib, the health ministry said on Tuesday, as the army said it had hit militant positions.'
    const casualties = eventsOf(text).find((event) => event.type === 'casualties')
    expect(casualties?.source?.name).toMatch(/Health Ministry$/)
  })
})

describe('extractEvents(): headlines that dispute, and nouns that name a kind of place', () => {
  it('reads "X says it retook Y; Z disputes claim" as a claim and its denial', () => {
    const events = eventsOf('Army says it retook Kobani; rebels dispute claim')
    expect(events.map((event) => [event.type, event.stance, event.source?.name])).toEqual([
      ['control', 'asserted', 'Syrian army'],
      ['control', 'denied', 'opposition'],
    ])
  })

  it.each([
    'Shells hit the Abu Qqar displacement camp near Kobani on Friday.',
    'Families reached an evacuation centre in Kobani on Friday.',
  ])('reads no displacement or evacuation in %j', (text) => {
    expect(
      eventsOf(text).filter(
        (event) => event.type === 'displacement' || event.type === 'evacuation',
      ),
    ).toEqual([])
  })
})

describe('extractEvents(): a main clause resumed after a relative aside', () => {
  it.each([
    // The aside tells one event, the main clause another: both are the described group's.
    ['Rebels, who took Kobani on Friday, advanced on Manbij.', 'advance', ['opposition']],
    // A patron inside the aside is not the subject.
    ['The SNA, which is backed by Turkey, attacked Manbij.', 'clash', ['sna']],
  ])('in %j gives the %s the sides %j', (text, type, sides) => {
    const event = eventsOf(text).find((candidate) => candidate.type === type)
    expect(event?.actors.map((actor) => actor.side)).toEqual(sides)
  })
})

describe('extractEvents(): losses that are not of a place, and speakers located by a country', () => {
  it.each([
    'Three soldiers lost their lives in Kobani on Friday.',
    'The junta lost ground in Shan State on Friday.',
    'The army lost two tanks near Kobani on Friday.',
    // A road is named by the places it leads to; the road is what changed hands.
    'The army lost control of the road to Kobani on Friday.',
    'Rebels seized the highway linking Kobani and Manbij on Friday.',
  ])('reads no control in %j', (text) => {
    expect(eventsOf(text).filter((event) => event.type === 'control')).toEqual([])
  })

  it('still reads "the army lost Kobani" as control by the other side', () => {
    const [event] = eventsOf('The army lost Kobani on Friday.')
    expect(summary(event!)).toMatchObject({ type: 'control', sides: ['opposition'] })
  })

  it('takes "an armed group in northern Syria" as the speaker, not Syria', () => {
    const [event] = eventsOf(
      'An armed group in northern Syria said on Tuesday it had captured Kobani.',
    )
    expect(summary(event!)).toMatchObject({ type: 'control', sides: ['opposition'] })
    expect(event?.source?.name).not.toBe('Syria')
  })
})

describe('extractEvents(): unnamed groups as speakers', () => {
  it.each([
    [
      'Shelling killed 12 people in Kobani, according to a local rights group.',
      'local rights group',
    ],
    ['A monitoring group said 12 people were killed in Kobani.', 'monitoring group'],
    // "a group of residents": the residents speak.
    ['Rebels took Kobani, a group of residents said.', 'residents'],
  ])('in %j the source is %j', (text, source) => {
    expect(eventsOf(text)[0]?.source?.name).toBe(source)
  })
})

describe('extractEvents(): a statement that is the object of a verb credits nobody', () => {
  it('keeps the speaker alone when the sentence contradicts another statement', () => {
    const [event] = eventsOf(
      'Hamas said Israeli troops had not entered Rafah, contradicting an Israeli army statement.',
    )
    expect(event?.source?.name).toBe('Hamas')
    expect(event?.source?.via).toBeUndefined()
  })
})

describe('extractEvents(): a possessive before a noun trigger names the actor', () => {
  it.each([
    ['Troops left the airbase following the SDF’s entry into Kobani.', ['sdf']],
    ["HTS attacked Manbij last week, days before Hezbollah's assault on Kobani.", ['hezbollah']],
  ])('in %j the event at Kobani is by %j', (text, sides) => {
    const event = eventsOf(text).find((candidate) => candidate.place?.span?.text === 'Kobani')
    expect(event?.actors.map((actor) => actor.side)).toEqual(sides)
  })
})
