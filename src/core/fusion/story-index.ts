/** Days a document may lie outside a story's publication days and still join it. */
const STORY_WINDOW_DAYS = 3
/**
 * Longest span of publication days one story covers: an unfolding story is a theatre over a
 * period (an offensive of twelve days is one story); a war reported for months is several.
 */
const STORY_MAX_SPAN_DAYS = 14
/** Score against a story's centroid at or above which a document joins it. */
const STORY_THRESHOLD = 0.2
/**
 * Added to the score when the document's theatre is the story's: within one period, reports of
 * one theatre are one unfolding story even when they name other towns ("the offensive on
 * Kessel", "fighting across Norland"); similarity then only chooses between such stories.
 */
const THEATRE_BONUS = 0.2
/**
 * Share of a document's countries (see countryShares) that must be the story's theatre: a
 * report of one war that names a town of another in passing does not join the other war.
 */
const MIN_THEATRE_SHARE = 1 / 3
/** Words kept per document for the text similarity. */
const TOP_WORDS = 40
/**
 * Weight of an actor side against a named place or actor: "government forces" and "rebels" are
 * in every war's reports, so they barely tell two stories apart.
 */
const SIDE_WEIGHT = 0.1
/** Weight of a region (admin-1) against the place itself: a nearby town is the same theatre. */
const REGION_WEIGHT = 0.5

// Function words carry no topic [the, said, that].
const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been has have had ' +
    'it its this that these those he she they them his her their we our you i not no said says ' +
    'will would could also after before over into about than more most which who whom what when ' +
    'where while there here than then up out all some any other such only new one two'
  ).split(' '),
)

/** A place a document names, with what contains it (from the gazetteer). */
export interface StoryPlace {
  readonly id: string
  /** Its admin-1 region, or null. */
  readonly region: string | null
  /** Its country id, or null when not known. */
  readonly country: string | null
  /** How often the document names it (1 when absent). */
  readonly count?: number
}

/**
 * What the story step reads of one document: small and serialisable, so a store can keep it
 * per document and match new documents to stories without reading the documents again.
 */
export interface StoryFeatures {
  readonly id: string
  /** Day number of publication, or null. */
  readonly day: number | null
  /** Places its events and mentions name, each once with how often. */
  readonly places: readonly StoryPlace[]
  /** Actor, person and organisation entity ids it names. */
  readonly actors: readonly string[]
  /** Actor sides its events name. */
  readonly sides: readonly string[]
  /** Its most frequent content words with their counts. */
  readonly words: readonly (readonly [string, number])[]
}

interface StoryCluster {
  readonly id: string
  /** 0-based creation order: stable, names claims in stories after the first. */
  readonly ordinal: number
  firstDay: number | null
  lastDay: number | null
  size: number
  /** Country id → documents naming a place in it. */
  readonly countries: Map<string, number>
  /** Feature (place, region, actor, side) → summed counts over member documents. */
  readonly features: Map<string, number>
  readonly words: Map<string, number>
}

/** Where a document went, and the story's stable ordinal. */
export interface StoryAssignment {
  readonly story: string
  readonly ordinal: number
  /** True when the document started the story. */
  readonly created: boolean
}

/**
 * Groups documents into stories, one document at a time, without chaining: a document joins the
 * story whose CENTROID (all its members together) it resembles most, never a story because of
 * one similar member, and stories never merge. Three tests, in order:
 * 1. time: its publication day lies within 3 days of the story's days, and the story would
 *    still span at most 14 days;
 * 2. theatre: at least a third of what it is about (its places' countries and the national
 *    forces it names) lies in the story's country (two wars never meet, even when both speak
 *    of "government forces");
 * 3. score: similarity of places, regions and actors weighted by rarity (sides barely count)
 *    and of words, against the centroid, plus THEATRE_BONUS when the theatre is the story's; at
 *    least STORY_THRESHOLD.
 * Otherwise it starts a story. The outcome depends on ingest order only, never on later
 * documents, so a store can keep assignments and add documents to them.
 */
export class StoryIndex {
  private readonly stories: StoryCluster[] = []
  private readonly byId = new Map<string, StoryCluster>()
  /** Feature → documents naming it, for rarity. */
  private readonly documentFrequency = new Map<string, number>()
  private documents = 0
  /** Ordinals are never reused, even when a restored story is gone. */
  private nextOrdinal = 0

  /** Number of stories so far. */
  get size(): number {
    return this.stories.length
  }

  /** Assigns one document to a story (an existing one or a new one) and indexes it. */
  add(features: StoryFeatures): StoryAssignment {
    const vector = this.vectorOf(features)
    const countries = countryShares(features)
    let best: StoryCluster | null = null
    let bestScore = STORY_THRESHOLD
    // Newest first: with equal scores the story still unfolding wins.
    for (let k = this.stories.length - 1; k >= 0; k--) {
      const story = this.stories[k] as StoryCluster
      if (!fitsInTime(story, features.day)) continue
      const storyTheatre = dominant(story.countries)
      const share = storyTheatre === null ? null : (countries.get(storyTheatre) ?? 0)
      if (countries.size > 0 && share !== null && share < MIN_THEATRE_SHARE) continue
      const score =
        this.similarity(vector, features, story) +
        (share !== null && share >= MIN_THEATRE_SHARE ? THEATRE_BONUS : 0)
      if (score >= bestScore && (best === null || score > bestScore)) {
        best = story
        bestScore = score
      }
    }
    const created = best === null
    const story = best ?? this.newStory(features.id)
    this.join(story, features, vector)
    return { story: story.id, ordinal: story.ordinal, created }
  }

  /**
   * Indexes a document whose story was decided before (a store reloading its assignments): the
   * same state `add` would have left, without deciding again. `ordinal`: the story's stored one.
   */
  restore(features: StoryFeatures, story: string, ordinal?: number): StoryAssignment {
    const vector = this.vectorOf(features)
    let cluster = this.byId.get(story)
    const created = cluster === undefined
    cluster ??= this.newStory(story.replace(/^story:/, ''), ordinal)
    this.join(cluster, features, vector)
    return { story: cluster.id, ordinal: cluster.ordinal, created }
  }

  private newStory(firstDocument: string, ordinal: number = this.nextOrdinal): StoryCluster {
    this.nextOrdinal = Math.max(this.nextOrdinal, ordinal + 1)
    const story: StoryCluster = {
      id: `story:${firstDocument}`,
      ordinal,
      firstDay: null,
      lastDay: null,
      size: 0,
      countries: new Map(),
      features: new Map(),
      words: new Map(),
    }
    this.stories.push(story)
    this.byId.set(story.id, story)
    return story
  }

  private join(story: StoryCluster, features: StoryFeatures, vector: Map<string, number>): void {
    story.size++
    if (features.day !== null) {
      story.firstDay = Math.min(story.firstDay ?? features.day, features.day)
      story.lastDay = Math.max(story.lastDay ?? features.day, features.day)
    }
    for (const country of countryShares(features).keys())
      story.countries.set(country, (story.countries.get(country) ?? 0) + 1)
    for (const [feature, count] of vector)
      story.features.set(feature, (story.features.get(feature) ?? 0) + count)
    for (const [word, count] of features.words)
      story.words.set(word, (story.words.get(word) ?? 0) + count)
    this.documents++
    for (const feature of vector.keys())
      this.documentFrequency.set(feature, (this.documentFrequency.get(feature) ?? 0) + 1)
  }

  /** A document's features as counts: places, their regions (half), actors, sides (a tenth). */
  private vectorOf(features: StoryFeatures): Map<string, number> {
    const vector = new Map<string, number>()
    const bump = (key: string, weight: number): void => {
      vector.set(key, (vector.get(key) ?? 0) + weight)
    }
    for (const place of features.places) {
      const count = place.count ?? 1
      bump(place.id, count)
      if (place.region !== null) bump(place.region, REGION_WEIGHT * count)
    }
    for (const actor of features.actors) bump(actor, 1)
    for (const side of features.sides) bump(`side:${side}`, SIDE_WEIGHT)
    return vector
  }

  /** 0.6 × weighted cosine of features + 0.4 × cosine of words, against the story's centroid. */
  private similarity(
    vector: ReadonlyMap<string, number>,
    features: StoryFeatures,
    story: StoryCluster,
  ): number {
    const rarity = (feature: string): number =>
      Math.log(1 + (this.documents + 1) / (1 + (this.documentFrequency.get(feature) ?? 0)))
    let dot = 0
    let docNorm = 0
    for (const [feature, count] of vector) {
      const w = rarity(feature)
      const x = count * w
      docNorm += x * x
      const y = story.features.get(feature)
      if (y !== undefined) dot += x * y * w
    }
    let storyNorm = 0
    for (const [feature, count] of story.features) {
      const y = count * rarity(feature)
      storyNorm += y * y
    }
    const entityScore = docNorm === 0 || storyNorm === 0 ? 0 : dot / Math.sqrt(docNorm * storyNorm)
    let wordDot = 0
    let wordNorm = 0
    for (const [word, count] of features.words) {
      wordNorm += count * count
      wordDot += count * (story.words.get(word) ?? 0)
    }
    let storyWordNorm = 0
    for (const count of story.words.values()) storyWordNorm += count * count
    const cosine =
      wordNorm === 0 || storyWordNorm === 0 ? 0 : wordDot / Math.sqrt(wordNorm * storyWordNorm)
    return 0.6 * entityScore + 0.4 * cosine
  }
}

/** True when a document published on `day` may join the story (window and longest span). */
function fitsInTime(story: StoryCluster, day: number | null): boolean {
  if (day === null || story.firstDay === null || story.lastDay === null) return true
  if (day < story.firstDay - STORY_WINDOW_DAYS || day > story.lastDay + STORY_WINDOW_DAYS)
    return false
  return Math.max(story.lastDay, day) - Math.min(story.firstDay, day) <= STORY_MAX_SPAN_DAYS
}

/**
 * The countries a document is about, each with its share: the countries of its distinct places
 * and of the national forces it names (`force:sy` → Syria). A report filed from an Iraqi border
 * crossing about [Syrian soldiers] fleeing into Iraq is half about Syria.
 */
function countryShares(features: StoryFeatures): Map<string, number> {
  const counts = new Map<string, number>()
  let total = 0
  const seen = new Set<string>()
  const count = (key: string, country: string): void => {
    if (seen.has(key)) return
    seen.add(key)
    counts.set(country, (counts.get(country) ?? 0) + 1)
    total++
  }
  for (const place of features.places) if (place.country !== null) count(place.id, place.country)
  for (const side of features.sides) {
    const force = /^force:([a-z]{2})$/.exec(side)
    if (force !== null) count(side, `country:${(force[1] as string).toUpperCase()}`)
  }
  for (const [country, n] of counts) counts.set(country, n / total)
  return counts
}

/** The key with the largest count (ties: the first seen), or null for none. */
function dominant(counts: ReadonlyMap<string, number>): string | null {
  let best: string | null = null
  let bestCount = 0
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key
      bestCount = count
    }
  }
  return best
}

/** The text's most frequent content words (folded words in, stopwords and numbers out). */
export function topWords(words: readonly string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const word of words) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, TOP_WORDS)
}
