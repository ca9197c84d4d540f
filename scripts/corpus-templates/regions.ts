/**
 * The conflict regions the corpus generator writes about: real place names (each with the
 * spellings outlets actually use; the generator keeps only those the gazetteer resolves), the
 * two sides, the voices that speak for each, and how outlets aligned with either side or with
 * neither name the sides and their moves. Written for the generator; no sentence here comes
 * from ../shared.
 */

/** Which side an outlet leans to in a region: `x` (the incumbent), `y` (the challenger), or neither. */
export type Alignment = 'x' | 'y' | 'neutral'

/** A place with its spellings; the first is the most common one. */
export interface PlaceNames {
  readonly names: readonly string[]
  /** The province or oblast it lies in, for "in the X province" phrases. */
  readonly province?: string
}

/** How an outlet of one alignment words the sides and their moves. Every list is picked from. */
export interface Vocabulary {
  /** The incumbent side's forces ("government forces", "the army", "regime forces"). */
  readonly xForces: readonly string[]
  /** The challenger's forces ("rebels", "terrorist groups", "revolutionaries"). */
  readonly yForces: readonly string[]
  /** The challenger takes a place ("took control of", "liberated", "infiltrated"). */
  readonly yTakes: readonly string[]
  /** The incumbent leaves a place ("withdrew from", "redeployed from"). */
  readonly xLeaves: readonly string[]
  /** The incumbent takes a place back ("recaptured", "restored control over"). */
  readonly xRetakes: readonly string[]
}

export interface Region {
  readonly id: string
  readonly country: string
  /** Cities that head datelines ("KYIV (Reuters) –"). */
  readonly datelines: readonly string[]
  readonly places: readonly PlaceNames[]
  /** Named armed groups of the challenger side, as the actor lexicon knows them. */
  readonly yGroups: readonly string[]
  /** Voices of the incumbent side. */
  readonly xVoices: readonly string[]
  /** Voices of the challenger side. */
  readonly yVoices: readonly string[]
  /** Monitors, agencies and witnesses that neither side runs. */
  readonly neutralVoices: readonly string[]
  readonly vocabulary: Readonly<Record<Alignment, Vocabulary>>
  /** Background sentences: the war's wider context, in this region's words. */
  readonly background: readonly string[]
}

export const REGIONS: readonly Region[] = [
  {
    id: 'syria',
    country: 'Syria',
    datelines: ['DAMASCUS', 'BEIRUT', 'AMMAN', 'ISTANBUL', 'ALEPPO'],
    places: [
      { names: ['Aleppo', 'Halab'], province: 'Aleppo' },
      { names: ['Hama', 'Hamah'], province: 'Hama' },
      { names: ['Homs', 'Hims'], province: 'Homs' },
      { names: ['Saraqib'], province: 'Idlib' },
      { names: ['Maarat al-Numan', "Ma'arrat al-Nu'man"], province: 'Idlib' },
      { names: ['Khan Shaykhun', 'Khan Sheikhoun'], province: 'Idlib' },
      { names: ['Deir ez-Zor', 'Deir al-Zour', 'Dayr az Zawr'], province: 'Deir ez-Zor' },
      { names: ['Raqqa', 'Ar Raqqah'], province: 'Raqqa' },
      { names: ['Manbij'], province: 'Aleppo' },
      { names: ['Kobani', 'Ayn al Arab'], province: 'Aleppo' },
      { names: ['Tal Rifaat', 'Tell Rifaat'], province: 'Aleppo' },
      { names: ['Daraa', 'Deraa', "Dar'a"], province: 'Daraa' },
      { names: ['Sweida', 'As-Suwayda', 'Suwayda'], province: 'Sweida' },
      { names: ['Palmyra', 'Tadmur'], province: 'Homs' },
      { names: ['Latakia', 'Lattakia'], province: 'Latakia' },
      { names: ['Tartus', 'Tartous'], province: 'Tartus' },
      { names: ['Qamishli', 'Al-Qamishli'], province: 'Hasakah' },
      { names: ['Douma', 'Duma'], province: 'Rif Dimashq' },
      { names: ['Rastan', 'Al-Rastan'], province: 'Homs' },
      { names: ['Talbiseh'], province: 'Homs' },
      { names: ['Abu Kamal', 'Albu Kamal', 'Bukamal'], province: 'Deir ez-Zor' },
      { names: ['Jableh', 'Jabla'], province: 'Latakia' },
      { names: ['Salamiyah', 'Salamieh'], province: 'Hama' },
      { names: ['Morek', 'Murak'], province: 'Hama' },
    ],
    yGroups: [
      'Hayat Tahrir al-Sham',
      'HTS',
      'the Syrian National Army',
      'the Southern Operations Room',
    ],
    xVoices: [
      'the Syrian defence ministry',
      'the army general command',
      'a Syrian military source',
      'state television',
    ],
    yVoices: [
      'the Military Operations Command',
      'a rebel commander',
      'a spokesman for the opposition factions',
      'opposition media',
    ],
    neutralVoices: [
      'the Syrian Observatory for Human Rights',
      'the Britain-based Syrian Observatory for Human Rights',
      'the UN humanitarian office',
      'residents',
      'witnesses',
      'local sources',
      'the White Helmets',
    ],
    vocabulary: {
      x: {
        xForces: ['army units', 'the Syrian Arab Army', 'the armed forces', 'our forces'],
        yForces: [
          'terrorist groups',
          'armed terrorist groups',
          'terrorists',
          'terrorist organisations',
        ],
        yTakes: ['infiltrated', 'entered', 'attacked'],
        xLeaves: ['redeployed from', 'carried out a redeployment from', 'repositioned outside'],
        xRetakes: ['restored security to', 'liberated', 'cleared terrorists from'],
      },
      y: {
        xForces: ['regime forces', "Assad's forces", 'regime troops', 'regime militias'],
        yForces: [
          'revolutionaries',
          'the revolutionary factions',
          'opposition fighters',
          'the liberation forces',
        ],
        yTakes: ['liberated', 'freed', 'took full control of'],
        xLeaves: ['fled', 'fled from', 'retreated from'],
        xRetakes: ['stormed', 'shelled its way back into', 'briefly re-entered'],
      },
      neutral: {
        xForces: [
          'government forces',
          'government troops',
          'the Syrian army',
          'pro-government forces',
        ],
        yForces: [
          'rebels',
          'opposition fighters',
          'insurgents',
          'rebel factions',
          'Islamist-led rebels',
        ],
        yTakes: ['took control of', 'seized', 'captured', 'overran'],
        xLeaves: ['withdrew from', 'pulled out of', 'retreated from'],
        xRetakes: ['recaptured', 'retook', 'regained control of'],
      },
    },
    background: [
      'The war began in 2011 with a crackdown on peaceful protests and has since killed hundreds of thousands of people.',
      'Front lines in the northwest had barely moved since a ceasefire brokered by Russia and Turkey in March 2020.',
      'Millions of people have fled their homes since the start of the conflict, many of them more than once.',
      "The government's allies have been stretched by wars elsewhere, analysts say, leaving its lines thinly held.",
      'Turkey backs several of the factions in the north, while Russia and Iran have long supported Damascus.',
      'Aid agencies warn that the winter will worsen conditions in crowded camps near the Turkish border.',
      'Diplomats in Geneva called for a return to the UN-led political process and for the protection of civilians.',
    ],
  },
  {
    id: 'ukraine',
    country: 'Ukraine',
    datelines: ['KYIV', 'KHARKIV', 'MOSCOW', 'DNIPRO', 'ZAPORIZHZHIA'],
    places: [
      { names: ['Kharkiv', 'Kharkov'], province: 'Kharkiv' },
      { names: ['Kupiansk', 'Kupyansk'], province: 'Kharkiv' },
      { names: ['Izium', 'Izyum'], province: 'Kharkiv' },
      { names: ['Bakhmut'], province: 'Donetsk' },
      { names: ['Avdiivka', 'Avdeyevka'], province: 'Donetsk' },
      { names: ['Pokrovsk'], province: 'Donetsk' },
      { names: ['Kramatorsk'], province: 'Donetsk' },
      { names: ['Sloviansk'], province: 'Donetsk' },
      { names: ['Zaporizhzhia', 'Zaporozhye'], province: 'Zaporizhzhia' },
      { names: ['Kherson'], province: 'Kherson' },
      { names: ['Mariupol'], province: 'Donetsk' },
      { names: ['Vuhledar', 'Ugledar'], province: 'Donetsk' },
      { names: ['Toretsk'], province: 'Donetsk' },
      { names: ['Chasiv Yar'], province: 'Donetsk' },
      { names: ['Lyman', 'Krasny Liman'], province: 'Donetsk' },
      { names: ['Kurakhove', 'Kurakhovo'], province: 'Donetsk' },
      { names: ['Orikhiv'], province: 'Zaporizhzhia' },
      { names: ['Robotyne'], province: 'Zaporizhzhia' },
      { names: ['Vovchansk'], province: 'Kharkiv' },
    ],
    yGroups: ['Russian forces', 'Russian troops', 'Russian assault units'],
    xVoices: [
      "Ukraine's general staff",
      'the Ukrainian military',
      'a Ukrainian army spokesman',
      'the regional governor',
    ],
    yVoices: [
      'the Russian defence ministry',
      'the Kremlin',
      'a Russian military blogger',
      'Russian-installed officials',
    ],
    neutralVoices: [
      'the Institute for the Study of War',
      'the UN human rights monitoring mission',
      'residents',
      'local officials',
      'witnesses',
    ],
    vocabulary: {
      x: {
        xForces: ['the Defence Forces', 'Ukrainian defenders', 'our units', 'Ukrainian forces'],
        yForces: ['the occupiers', 'Russian invaders', 'the enemy', 'occupation forces'],
        yTakes: ['entered the outskirts of', 'pushed into', 'attacked'],
        xLeaves: [
          'moved to more favourable positions outside',
          'withdrew in an orderly way from',
          'pulled back from',
        ],
        xRetakes: ['liberated', 'pushed the occupiers out of', 'restored positions near'],
      },
      y: {
        xForces: [
          'Ukrainian formations',
          'the Kyiv regime',
          'Ukrainian militants',
          'the Ukrainian armed formations',
        ],
        yForces: [
          'Russian troops',
          'units of the Battlegroup Centre',
          'Russian servicemen',
          'our troops',
        ],
        yTakes: ['liberated', 'completed the liberation of', 'took full control of'],
        xLeaves: ['fled', 'abandoned', 'hastily left'],
        xRetakes: [
          'tried to counterattack near',
          'attempted to re-enter',
          'launched a failed attack on',
        ],
      },
      neutral: {
        xForces: ['Ukrainian forces', 'Ukrainian troops', "Kyiv's forces", 'the Ukrainian army'],
        yForces: ['Russian forces', 'Russian troops', "Moscow's forces", 'the Russian army'],
        yTakes: ['captured', 'took control of', 'seized', 'advanced into'],
        xLeaves: ['withdrew from', 'pulled out of', 'retreated from'],
        xRetakes: ['recaptured', 'retook', 'regained control of'],
      },
    },
    background: [
      'Russia launched its full-scale invasion in February 2022 and occupies about a fifth of Ukrainian territory.',
      'Both sides have suffered heavy losses in months of grinding fighting in the eastern Donbas region.',
      'Western governments have pledged more air defence systems, but deliveries have been slow.',
      'Drones now dominate the battlefield, making it hard for either side to move troops in daylight.',
      'Talks on a ceasefire have made little progress, and both sides accuse each other of bad faith.',
      'The UN says more than ten thousand civilians have been killed since the start of the invasion.',
    ],
  },
  {
    id: 'sudan',
    country: 'Sudan',
    datelines: ['KHARTOUM', 'PORT SUDAN', 'CAIRO', 'NAIROBI'],
    places: [
      { names: ['Khartoum'], province: 'Khartoum' },
      { names: ['Omdurman'], province: 'Khartoum' },
      { names: ['Khartoum North', 'Bahri'], province: 'Khartoum' },
      { names: ['El Fasher', 'Al-Fashir', 'El Fashir'], province: 'North Darfur' },
      { names: ['Wad Madani', 'Wad Medani'], province: 'Gezira' },
      { names: ['Nyala'], province: 'South Darfur' },
      { names: ['El Obeid', 'Al-Ubayyid'], province: 'North Kordofan' },
      { names: ['Kadugli'], province: 'South Kordofan' },
      { names: ['Geneina', 'El Geneina', 'Al-Junaynah'], province: 'West Darfur' },
      { names: ['Sinnar'], province: 'Sennar' },
      { names: ['Kosti'], province: 'White Nile' },
      { names: ['Zalingei'], province: 'Central Darfur' },
      { names: ['El Daein', 'Ed Daein'], province: 'East Darfur' },
      { names: ['Dilling'], province: 'South Kordofan' },
    ],
    yGroups: ['the Rapid Support Forces', 'the RSF'],
    xVoices: [
      'the Sudanese army',
      'an army spokesman',
      'the Sovereignty Council',
      'the information ministry',
    ],
    yVoices: ['the RSF', 'an RSF commander', 'an adviser to the RSF leadership', 'RSF media'],
    neutralVoices: [
      'medical sources',
      'the Emergency Lawyers group',
      'the UN humanitarian office',
      'residents',
      'local resistance committees',
      'aid workers',
    ],
    vocabulary: {
      x: {
        xForces: [
          'the armed forces',
          'the Sudanese army',
          'our forces',
          'the army and allied forces',
        ],
        yForces: [
          'the rebel militia',
          'the terrorist militia',
          'the Janjaweed militia',
          'the militia',
        ],
        yTakes: ['attacked', 'infiltrated', 'looted'],
        xLeaves: [
          'repositioned outside',
          'carried out a tactical withdrawal from',
          'redeployed from',
        ],
        xRetakes: ['liberated', 'cleansed', 'restored state authority in'],
      },
      y: {
        xForces: [
          'the army of the Port Sudan authority',
          "Burhan's forces",
          'the Islamist-led army',
          'the army militias',
        ],
        yForces: ['our forces', 'the Rapid Support Forces', 'RSF fighters', 'the founding forces'],
        yTakes: ['liberated', 'secured', 'took full control of'],
        xLeaves: ['fled', 'abandoned', 'fled from'],
        xRetakes: ['shelled', 'launched drone attacks on', 'tried to storm'],
      },
      neutral: {
        xForces: ['the Sudanese army', 'army troops', 'the military', 'government soldiers'],
        yForces: [
          'the paramilitary Rapid Support Forces',
          'RSF fighters',
          'the paramilitaries',
          'the RSF',
        ],
        yTakes: ['took control of', 'seized', 'captured', 'overran'],
        xLeaves: ['withdrew from', 'pulled out of', 'retreated from'],
        xRetakes: ['recaptured', 'retook', 'regained control of'],
      },
    },
    background: [
      'The war between the army and the RSF broke out in April 2023 over plans to merge the two forces.',
      'Aid groups describe the conflict as one of the worst humanitarian crises in the world.',
      'Famine has been confirmed in several camps for displaced people in Darfur.',
      'Regional mediation efforts have repeatedly stalled, with both sides seeking a military victory.',
      'Both sides have been accused of abuses against civilians, which they deny.',
      'More than ten million people have been driven from their homes since the fighting began.',
    ],
  },
]
