import { wordsOf } from './fold-text.js'

/** Days between two documents' publication for them to tell one story. */
const STORY_WINDOW_DAYS = 3
/** Score at or above which two documents join one story. */
const STORY_THRESHOLD = 0.25
/** Candidates compared per new document (the most entities shared first). */
const MAX_CANDIDATES = 60
/** Words kept per document for the text similarity. */
const TOP_WORDS = 40

// Function words carry no topic [the, said, that].
const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for from with as is are was were be been has have had ' +
    'it its this that these those he she they them his her their we our you i not no said says ' +
    'will would could also after before over into about than more most which who whom what when ' +
    'where while there here than then up out all some any other such only new one two'
  ).split(' '),
)

/** What the story step reads of one document. */
export interface StoryFeatures {
  readonly id: string
  /** Day number of publication, or null. */
  readonly day: number | null
  /** Place and actor entity ids and actor sides it names. */
  readonly entities: readonly string[]
  readonly text: string
}

interface Indexed {
  readonly id: string
  readonly day: number | null
  readonly entities: ReadonlySet<string>
  readonly words: ReadonlyMap<string, number>
  readonly norm: number
}

/**
 * Proposes which earlier documents tell the same story as a new one: candidates share an entity
 * (inverted index), lie within the time window, and score on shared entities (weighted by
 * rarity) plus word-frequency cosine. The caller joins the returned ids into one story.
 */
export class StoryIndex {
  private readonly docs: Indexed[] = []
  private readonly postings = new Map<string, number[]>()

  add(features: StoryFeatures): string[] {
    const words = topWords(features.text)
    let norm = 0
    for (const count of words.values()) norm += count * count
    const doc: Indexed = {
      id: features.id,
      day: features.day,
      entities: new Set(features.entities),
      words,
      norm: Math.sqrt(norm),
    }
    const shared = new Map<number, number>()
    const total = this.docs.length + 1
    for (const entity of doc.entities) {
      const posting = this.postings.get(entity)
      if (posting === undefined) continue
      // An entity in most documents ("Syria") tells nothing about the story; skip it when others exist.
      if (posting.length > Math.max(50, total * 0.2) && doc.entities.size > 1) continue
      for (let k = posting.length - 1; k >= 0 && k >= posting.length - 500; k--) {
        const index = posting[k] ?? 0
        shared.set(index, (shared.get(index) ?? 0) + 1)
      }
    }
    const candidates = [...shared.entries()]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, MAX_CANDIDATES)
    const joined: string[] = []
    for (const [index] of candidates) {
      const other = this.docs[index]
      if (other === undefined) continue
      if (
        doc.day !== null &&
        other.day !== null &&
        Math.abs(doc.day - other.day) > STORY_WINDOW_DAYS
      ) {
        continue
      }
      if (this.score(doc, other, total) >= STORY_THRESHOLD) joined.push(other.id)
    }
    const index = this.docs.length
    this.docs.push(doc)
    for (const entity of doc.entities) {
      const posting = this.postings.get(entity)
      if (posting === undefined) this.postings.set(entity, [index])
      else posting.push(index)
    }
    return joined
  }

  private score(a: Indexed, b: Indexed, total: number): number {
    let sharedWeight = 0
    let allWeight = 0
    const weight = (entity: string): number =>
      Math.log(1 + total / (1 + (this.postings.get(entity)?.length ?? 0)))
    for (const entity of a.entities) {
      const w = weight(entity)
      allWeight += w
      if (b.entities.has(entity)) sharedWeight += w
    }
    for (const entity of b.entities) if (!a.entities.has(entity)) allWeight += weight(entity)
    const entityScore = allWeight === 0 ? 0 : sharedWeight / allWeight
    let dot = 0
    for (const [word, count] of a.words) dot += count * (b.words.get(word) ?? 0)
    const cosine = a.norm === 0 || b.norm === 0 ? 0 : dot / (a.norm * b.norm)
    return 0.6 * entityScore + 0.4 * cosine
  }
}

function topWords(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const word of wordsOf(text)) {
    if (word.length < 3 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue
    counts.set(word, (counts.get(word) ?? 0) + 1)
  }
  return new Map([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_WORDS))
}
