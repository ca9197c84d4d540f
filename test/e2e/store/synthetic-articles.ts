/**
 * Synthetic news articles for the ingest tests and benchmark: sentences we wrote, varied by
 * seed (outlet, place, day, actors, stance), in the contract's text format. Deterministic: the
 * same seed gives the same bytes, so a re-ingest is recognised by content hash.
 */
const OUTLETS = [
  'Ridge Times',
  'Valley Courier',
  'Coastal Herald',
  'Plain Wire',
  'Harbour Daily',
  'North Gate News',
]
const PLACES = [
  'Daraa',
  'Homs',
  'Hama',
  'Aleppo',
  'Idlib',
  'Latakia',
  'Tartus',
  'Deir ez-Zor',
  'Raqqa',
  'Palmyra',
  'Quneitra',
  'Suwayda',
]
const SOURCES = [
  'a war monitor',
  'residents',
  'a military source',
  'local officials',
  'the defence ministry',
  'rebel commanders',
]
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export interface SyntheticArticle {
  /** File name stem. */
  readonly name: string
  readonly text: string
}

/** The `index`-th synthetic article (0-based); `batch` varies the wording between batches. */
export function syntheticArticle(index: number, batch = 0): SyntheticArticle {
  const pick = <T>(list: readonly T[], salt: number): T =>
    list[(index * 7 + batch * 3 + salt) % list.length]!
  const outlet = pick(OUTLETS, 0)
  const place = pick(PLACES, 1)
  const other = pick(PLACES, 5)
  const source = pick(SOURCES, 2)
  const day = 1 + ((index + batch) % 9)
  const weekday = WEEKDAYS[(day + 5) % 7]!
  const paragraphs = [
    `Opposition fighters took control of ${place} on ${weekday}, ${source} said, after government troops withdrew from positions around the town overnight.`,
    `The army denied that its units had left ${place} and said in a statement that troops were holding the main roads toward ${other}.`,
    `Air strikes hit the outskirts of ${other} later in the day, killing at least ${3 + (index % 17)} people, according to ${pick(SOURCES, 4)}.`,
    `Hundreds of families fled ${place} toward ${other} on foot, aid workers said, as shelling continued into the evening (report ${batch}-${index}).`,
  ]
  return {
    name: `b${batch}-article-${String(index).padStart(5, '0')}`,
    text: `outlet: ${outlet}\npublished: 2024-12-${String(day + 1).padStart(2, '0')}\nurl: https://${outlet.toLowerCase().replace(/\s+/g, '-')}.example.org/${batch}/${index}\ntitle: ${place}: fighting and displacement\n\n${paragraphs.join('\n\n')}\n`,
  }
}
