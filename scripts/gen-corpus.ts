/**
 * Writes a realistic synthetic news corpus for benchmarks, in the contract's text format (a
 * `key: value` header block, a blank line, the body):
 *
 *   npm run gen:corpus -- --articles 10000 --seed 1 [--out DIR]
 *
 * A seeded world of incidents (captures, withdrawals, strikes, clashes, displacement) in three
 * regions with real place names is reported by many outlets, each in its own words: state
 * agencies call one side "terrorists" and a retreat a "redeployment", neutral papers say "rebels"
 * and "withdrawal"; the side that lost a town denies it; sources come through chains ("Reuters,
 * citing the Observatory"); dates are relative to publication ("on Tuesday", "yesterday");
 * places come in each outlet's transliteration; casualty figures differ between reports; wire
 * copy is republished by papers with small edits. Same seed and count, byte-identical corpus.
 * The templates live in scripts/corpus-templates/; no sentence comes from ../shared.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { foldPlaceName } from '../src/core/text/fold-place-name.js'
import { findRepoRoot, loadGazetteer } from '../src/datasets/gazetteer/load-gazetteer.js'
import {
  newspapers,
  PARTISAN_OUTLETS,
  STATE_OUTLETS,
  WIRES,
  type Outlet,
} from './corpus-templates/outlets.js'
import {
  REGIONS,
  type Alignment,
  type PlaceNames,
  type Region,
} from './corpus-templates/regions.js'
import {
  CLAUSES,
  DENIALS,
  HEDGES,
  QUOTE_FIRST,
  QUOTE_SECOND,
  QUOTE_SPEAKERS,
  REACTION_WHAT,
  REACTION_WHO,
  REPELLED,
  PARAPHRASES,
  REPUBLISH_INTROS,
  SIGNOFFS,
  TITLES,
  TRAILING_ATTRIBUTIONS,
  type IncidentKind,
} from './corpus-templates/sentences.js'

export interface GeneratedArticle {
  /** File name without extension: the document id. */
  readonly name: string
  /** The whole file: header block, blank line, body. */
  readonly text: string
  /** Words in the body. */
  readonly words: number
  /** What the article tells, known only to the generator: ground truth for story clustering. */
  readonly truth: ArticleTruth
}

/** The war and incidents an article tells (a republished copy tells its original's). */
export interface ArticleTruth {
  /** The war (region id: `syria`, `ukraine`, `sudan`). */
  readonly war: string
  /** Its incidents, lead first, as `war:day:k` ids. */
  readonly incidents: readonly string[]
}

export interface CorpusOptions {
  readonly articles: number
  readonly seed: number
  /** Keep only place spellings this predicate accepts (default: those the gazetteer resolves). */
  readonly knownPlace?: (name: string) => boolean
  /** Days the wars run (default: articles / 60, at least 20 and at most 365). */
  readonly days?: number
}

/** A seeded PRNG (mulberry32): small, fast, and the same sequence on every platform. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Incident {
  /** `war:YYYY-MM-DD:k`: which incident of the world, for the ground truth. */
  readonly id: string
  readonly kind: IncidentKind
  readonly place: PlaceNames
  readonly day: number
  readonly n: number
  readonly m: number
  readonly big: number
}

interface WorldRegion {
  readonly region: Region
  /** Incidents by day number. */
  readonly byDay: Map<number, Incident[]>
}

const FIRST_DAY = Date.UTC(2024, 10, 1) / 86_400_000
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]
const KIND_WEIGHTS: readonly [IncidentKind, number][] = [
  ['capture', 5],
  ['withdrawal', 3],
  ['retake', 2],
  ['strike', 4],
  ['clash', 4],
  ['displacement', 2],
]
/** Share of articles that are a wire story republished by a paper. */
const REPUBLISHED_SHARE = 0.14

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10)
const weekday = (day: number): string => WEEKDAYS[new Date(day * 86_400_000).getUTCDay()] as string
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)
const countWords = (text: string): number => text.split(/\s+/).filter((word) => word !== '').length

/**
 * Generates the corpus article by article. Memory stays flat: only a window of recent wire
 * stories is kept, for republication.
 */
export function* generateArticles(options: CorpusOptions): Generator<GeneratedArticle> {
  const random = createRandom(options.seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const between = (low: number, high: number): number =>
    low + Math.floor(random() * (high - low + 1))
  const chance = (p: number): boolean => random() < p
  // Each outlet words common phrases its own way [heavy fighting → street battles].
  const paraphrase = (template: string): string =>
    PARAPHRASES.reduce(
      (text, [own, ...others]) =>
        text.includes(own as string)
          ? text
              .split(own as string)
              .map((part, k) => (k === 0 ? part : pick([own as string, ...others]) + part))
              .join('')
          : text,
      template,
    )
  const say = (template: string, slots: Readonly<Record<string, string>>): string =>
    fill(paraphrase(template), slots)

  const knownPlace = options.knownPlace ?? gazetteerPredicate()
  const regions = REGIONS.map((region) => ({
    ...region,
    places: region.places
      .map((place) => ({ ...place, names: place.names.filter(knownPlace) }))
      .filter((place) => place.names.length > 0),
  }))
  // A story of N articles spans about N/60 days (a busy war: dozens of articles a day), at least
  // three weeks and at most a year.
  const days = options.days ?? Math.min(365, Math.max(20, Math.round(options.articles / 60)))
  const world: WorldRegion[] = regions.map((region) => {
    const byDay = new Map<number, Incident[]>()
    for (let day = FIRST_DAY; day < FIRST_DAY + days; day++) {
      const incidents: Incident[] = []
      for (let k = between(2, 6); k > 0; k--) {
        incidents.push({
          id: `${region.id}:${isoDay(day)}:${k}`,
          kind: weightedKind(random()),
          place: pick(region.places),
          day,
          n: between(2, 60),
          m: between(1, 25),
          big: between(2, 90) * 1000,
        })
      }
      byDay.set(day, incidents)
    }
    return { region, byDay }
  })
  const regionWeights = [0.45, 0.35, 0.2]
  const papers = newspapers(120)
  const recentWire: {
    article: GeneratedArticle
    day: number
    body: string
    title: string
    region: Region
    truth: ArticleTruth
  }[] = []

  for (let index = 0; index < options.articles; index++) {
    const name = `a${String(index + 1).padStart(6, '0')}`
    // Republished wire copy: a paper runs a recent wire story with small edits.
    if (recentWire.length > 0 && chance(REPUBLISHED_SHARE)) {
      const original = pick(recentWire)
      const outlet = pick(papers)
      const day = original.day + (chance(0.7) ? 0 : 1)
      const body = editCopy(original.body, original.region)
      const title = chance(0.5)
        ? original.title
        : `${original.title} - ${pick(['live', 'update', 'latest'])}`
      yield article(name, outlet, day, title, body, original.truth)
      continue
    }
    const roll = random()
    const regionIndex = roll < (regionWeights[0] as number) ? 0 : roll < 0.8 ? 1 : 2
    const { region, byDay } = world[regionIndex] as WorldRegion
    const outlet = chooseOutlet()
    const alignment: Alignment = outlet.alignment[region.id] ?? 'neutral'
    const published = FIRST_DAY + between(2, days - 1)
    // Mostly today's and yesterday's incidents, some from earlier in the week.
    const incidents: Incident[] = []
    for (let k = between(2, 4); k > 0; k--) {
      const back = chance(0.6) ? between(0, 1) : between(2, 9)
      const list = byDay.get(published - back)
      if (list) incidents.push(pick(list))
    }
    if (incidents.length === 0) incidents.push(pick(byDay.get(published) as Incident[]))
    const { title, body } = writeArticle(region, alignment, outlet, published, incidents)
    const truth: ArticleTruth = { war: region.id, incidents: incidents.map((i) => i.id) }
    const generated = article(name, outlet, published, title, body, truth)
    if (outlet.kind === 'wire') {
      recentWire.push({ article: generated, day: published, body, title, region, truth })
      if (recentWire.length > 200) recentWire.shift()
    }
    yield generated
  }

  function weightedKind(roll: number): IncidentKind {
    const total = KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0)
    let at = roll * total
    for (const [kind, weight] of KIND_WEIGHTS) {
      at -= weight
      if (at < 0) return kind
    }
    return 'capture'
  }

  function chooseOutlet(): Outlet {
    const roll = random()
    if (roll < 0.25) return pick(WIRES)
    if (roll < 0.38) return pick(STATE_OUTLETS)
    if (roll < 0.48) return pick(PARTISAN_OUTLETS)
    return pick(papers)
  }

  function article(
    name: string,
    outlet: Outlet,
    day: number,
    title: string,
    body: string,
    truth: ArticleTruth,
  ): GeneratedArticle {
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
    const date = isoDay(day)
    const header = [
      `outlet: ${outlet.name}`,
      `url: https://${outlet.domain}/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}/${slug}-${name}`,
      `published: ${date}`,
      `title: ${title}`,
    ].join('\n')
    return { name, text: `${header}\n\n${body}\n`, words: countWords(body), truth }
  }

  /** One original article: lede, incident paragraphs, then context until ~400 words. */
  function writeArticle(
    region: Region,
    alignment: Alignment,
    outlet: Outlet,
    published: number,
    incidents: readonly Incident[],
  ): { title: string; body: string } {
    const vocabulary = region.vocabulary[alignment]
    const target = between(360, 440)
    const spell = (place: PlaceNames): string =>
      chance(0.8)
        ? (place.names[outlet.spelling % place.names.length] as string)
        : pick(place.names)
    const slots = (incident: Incident): Record<string, string> => {
      // Each outlet's figures differ a little from the next one's: counts are reported, not known.
      const scale = 0.7 + random() * 0.7
      return {
        X: pick(vocabulary.xForces),
        Y: pick(vocabulary.yForces),
        yTakes: pick(vocabulary.yTakes),
        xLeaves: pick(vocabulary.xLeaves),
        xRetakes: pick(vocabulary.xRetakes),
        place: spell(incident.place),
        province: incident.place.province ?? region.country,
        when: timeExpression(incident.day, published),
        n: String(Math.max(1, Math.round(incident.n * scale))),
        m: String(Math.max(1, Math.round(Math.min(incident.m, incident.n) * scale))),
        big: (Math.round((incident.big * scale) / 1000) * 1000).toLocaleString('en-US'),
        group: pick(region.yGroups),
        xVoice: pick(region.xVoices),
        yVoice: pick(region.yVoices),
        voice: pick([...region.neutralVoices, ...region.xVoices, ...region.yVoices]),
        outlet: outlet.name,
        wire: pick(WIRES).name,
        city: capitalize(pick(region.datelines).toLowerCase()),
      }
    }

    const paragraphs: string[] = []
    const lead = incidents[0] as Incident
    const leadSlots = slots(lead)
    const title = fill(pick(TITLES[lead.kind]), {
      ...leadSlots,
      Xc: capitalize(leadSlots.X as string),
      Yc: capitalize(leadSlots.Y as string),
      when: '',
    }).replace(/\s+/g, ' ')
    const dateline = pick(region.datelines)
    const credit = outlet.kind === 'wire' || outlet.kind === 'state' ? ` (${outlet.name})` : ''
    const date = new Date(published * 86_400_000)
    const opener = chance(0.7)
      ? `${dateline}${credit} – `
      : `${capitalize(dateline.toLowerCase())}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} – `
    paragraphs.push(opener + reportSentence(lead, leadSlots, alignment, region))

    for (const incident of incidents.slice(1)) {
      const incidentSlots = slots(incident)
      const sentences = [reportSentence(incident, incidentSlots, alignment, region)]
      if (chance(0.5)) sentences.push(detailSentence(incident, incidentSlots))
      paragraphs.push(sentences.join(' '))
    }
    // The incumbent's denial of the lead loss, in other outlets' copy as in its own.
    if ((lead.kind === 'capture' || lead.kind === 'withdrawal') && chance(0.45)) {
      paragraphs.push(sentence(say(pick(DENIALS), leadSlots)))
    }
    let words = countWords(paragraphs.join(' '))
    // Each outlet has its own few lines of background on a war, as papers keep house boilerplate.
    const offset = [...outlet.name].reduce((sum, char) => sum + char.charCodeAt(0), 0)
    const houseBackground = [0, 1, 2].map(
      (k) => region.background[(offset + 2 * k) % region.background.length] as string,
    )
    // Context until the target length: quotes, reactions, a background line (each used once), reports.
    const used = new Set<string>()
    const once = (templates: readonly string[]): string | null => {
      const fresh = templates.filter((template) => !used.has(template))
      if (fresh.length === 0) return null
      const template = pick(fresh)
      used.add(template)
      return template
    }
    while (words < target) {
      const roll = random()
      const incident = pick(incidents)
      const incidentSlots = slots(incident)
      const quote =
        roll < 0.2 ? `"${pick(QUOTE_FIRST)} ${pick(QUOTE_SECOND)}," ${pick(QUOTE_SPEAKERS)}.` : null
      const reaction =
        roll >= 0.2 && roll < 0.32 ? `${pick(REACTION_WHO)} ${pick(REACTION_WHAT)}.` : null
      const background = roll >= 0.32 && roll < 0.45 ? [once(houseBackground)] : []
      const paragraph =
        quote !== null
          ? say(quote, incidentSlots)
          : reaction !== null
            ? say(reaction, incidentSlots)
            : background.some((line) => line !== null)
              ? background.filter((line) => line !== null).join(' ')
              : reportSentence(incident, incidentSlots, alignment, region) +
                ' ' +
                detailSentence(incident, incidentSlots)
      paragraphs.push(paragraph)
      words += countWords(paragraph)
    }
    if (outlet.kind === 'wire') paragraphs.push(fill(pick(SIGNOFFS), leadSlots))
    return { title, body: paragraphs.join('\n\n') }
  }

  /** An incident as this outlet reports it: asserted, hedged, denied or told as a repelled attack. */
  function reportSentence(
    incident: Incident,
    s: Record<string, string>,
    alignment: Alignment,
    region: Region,
  ): string {
    // The side that lost ground tells it as an attack repelled [Army units repelled an attack on Hama].
    if (
      alignment === 'x' &&
      (incident.kind === 'capture' || incident.kind === 'withdrawal') &&
      chance(0.5)
    ) {
      return attributed(say(pick(REPELLED), s), pick(region.xVoices))
    }
    if (alignment === 'neutral' && incident.kind === 'capture' && chance(0.15))
      return sentence(say(pick(HEDGES), s))
    const clause = say(pick(CLAUSES[incident.kind]), s)
    const voices =
      alignment === 'x' ? region.xVoices : alignment === 'y' ? region.yVoices : region.neutralVoices
    return attributed(clause, pick(voices))

    function attributed(text: string, voice: string): string {
      const roll = random()
      // The outlet's own voice [Rebels seized Hama on Friday.]
      if (roll < 0.2) return sentence(text)
      // A leading attribution [According to residents, rebels seized Hama on Friday.]
      if (roll < 0.35) return sentence(`according to ${voice}, ${text}`)
      // A speech verb first [The Observatory said rebels seized Hama on Friday.]
      if (roll < 0.5) return sentence(`${voice} said ${text}`)
      // A trailing chain [Rebels seized Hama on Friday, Reuters reported, citing the Observatory.]
      return sentence(text + say(pick(TRAILING_ATTRIBUTIONS), { ...s, src: voice }))
    }
  }

  function detailSentence(incident: Incident, s: Record<string, string>): string {
    if (incident.kind === 'strike' || incident.kind === 'clash') {
      return sentence(
        say(
          pick([
            'the toll could not be independently verified',
            'the dead included {m} children, {voice} said',
            'rescue teams were still searching the rubble {when}',
          ]),
          s,
        ),
      )
    }
    if (incident.kind === 'displacement')
      return sentence(say('{voice} said shelters in {province} province were full', s))
    return sentence(
      say(
        pick([
          'the fighting in {place} killed {n} people, {voice} said',
          '{voice} said about {big} residents had fled {place}',
          'the road between {place} and the provincial capital was cut, residents said',
        ]),
        s,
      ),
    )
  }

  /** Small edits a republishing paper makes: a line on top, a synonym, a paragraph cut. */
  function editCopy(body: string, region: Region): string {
    let paragraphs = body.split('\n\n')
    if (chance(0.5) && paragraphs.length > 4) paragraphs = paragraphs.slice(0, -1)
    if (chance(0.4))
      paragraphs.unshift(
        fill(pick(REPUBLISH_INTROS), { wire: pick(WIRES).name, city: region.country }),
      )
    let text = paragraphs.join('\n\n')
    if (chance(0.5)) text = text.replace(' said ', ' says ')
    if (chance(0.3))
      text = text.replace(
        / at least (\d+)/,
        (_, n: string) => ` at least ${Number(n) + between(1, 5)}`,
      )
    return text
  }

  /** A time expression for `day` as written on `published`. */
  function timeExpression(day: number, published: number): string {
    const back = published - day
    const name = weekday(day)
    const date = new Date(day * 86_400_000)
    const absolute = chance(0.5)
      ? `on ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`
      : `on ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`
    if (back <= 0) return pick([`on ${name}`, 'earlier today', 'this morning', `on ${name}`, ''])
    if (back === 1)
      return pick(['yesterday', `on ${name}`, `late on ${name}`, `on ${name} night`, 'overnight'])
    if (back < 7) {
      return pick([
        `on ${name}`,
        `${NUMBER_WORDS[back]} days ago`,
        `on ${name}`,
        `early on ${name}`,
        absolute,
      ])
    }
    return pick([absolute, 'last week', absolute])
  }
}

/** Writes one sentence: first letter capital, a stop at the end, no doubled spaces. */
function sentence(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/ ,/g, ',').trim()
  return capitalize(clean) + (/[.!?"]$/.test(clean) ? '' : '.')
}

/** Fills `{slot}`s; an unknown slot is a template bug and says which. */
export function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = slots[key]
    if (value === undefined)
      throw new Error(`gen-corpus: template slot {${key}} has no value in "${template}"`)
    return value
  })
}

/** True for spellings the project's gazetteer resolves to at least one place. */
function gazetteerPredicate(): (name: string) => boolean {
  const gazetteer = loadGazetteer()
  return (name) => gazetteer.lookup(foldPlaceName(name)).length > 0
}

/** Marker file: the generator only ever clears folders it wrote itself. */
const MARKER = '.gen-corpus'
/** Sidecar of `writeCorpus`: one JSON line per article, `{ name, war, incidents }`. */
export const TRUTH_FILE = 'truth.jsonl'

/** Writes the corpus to `out`, replacing a corpus this script wrote there before. */
export function writeCorpus(options: CorpusOptions & { readonly out: string }): {
  files: number
  words: number
} {
  const { out } = options
  if (existsSync(out)) {
    const entries = readdirSync(out)
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new CorpusArgumentError(
        `--out ${out}: folder exists and was not written by gen-corpus (choose an empty or new folder)`,
      )
    }
    for (const entry of entries) if (/^a\d+\.txt$/.test(entry)) rmSync(path.join(out, entry))
  }
  mkdirSync(out, { recursive: true })
  writeFileSync(path.join(out, MARKER), `articles ${options.articles}\nseed ${options.seed}\n`)
  let files = 0
  let words = 0
  // The ground truth beside the articles, not in them: what a reader could not know.
  const truth: string[] = []
  for (const article of generateArticles(options)) {
    writeFileSync(path.join(out, `${article.name}.txt`), article.text)
    truth.push(JSON.stringify({ name: article.name, ...article.truth }))
    files++
    words += article.words
  }
  writeFileSync(path.join(out, TRUTH_FILE), truth.join('\n') + '\n')
  return { files, words }
}

/** A bad command-line argument: printed as one line, exit code 2. */
export class CorpusArgumentError extends Error {}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) {
    throw new CorpusArgumentError(`${flag} ${value}: expected a whole number`)
  }
  return number
}

function main(argv: readonly string[]): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      articles: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
    strict: true,
  })
  const articles = positiveInteger('--articles', values.articles)
  if (articles === 0) throw new CorpusArgumentError('--articles 0: expected at least one article')
  const seed = positiveInteger('--seed', values.seed)
  const out = path.resolve(
    values.out ?? path.join(findRepoRoot(), 'tmp', 'corpus', `seed-${seed}-${articles}`),
  )
  const started = performance.now()
  const { files, words } = writeCorpus({ articles, seed, out })
  const seconds = (performance.now() - started) / 1000
  console.log(
    `gen-corpus: wrote ${files} articles (${words.toLocaleString('en-US')} words, ${Math.round(words / files)} per article) to ${out} in ${seconds.toFixed(1)} s`,
  )
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    if (
      error instanceof CorpusArgumentError ||
      (error instanceof TypeError &&
        'code' in error &&
        String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`gen-corpus: ${error.message}`)
      process.exit(2)
    }
    throw error
  }
}
