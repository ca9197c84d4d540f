/**
 * Time benchmark: TIMEX3 span recognition and value accuracy of the time stage on the English
 * MEANTIME corpus (120 Wikinews articles), read from ../shared/benchmarks/meantime-en.
 *
 * Scoring:
 * - Gold = TIMEX3 markables of type DATE and TIME with token anchors, except the document
 *   creation time (functionInDocument="CREATION_TIME"), which is given to the system as the
 *   publication date. DURATION and SET markables are excluded: a system mention overlapping one
 *   counts neither for nor against span precision (reported separately).
 * - Only the annotated part is scored: MEANTIME annotates time expressions in the title, the
 *   date line and the first sentences (sentence numbers 0-5); mentions after that are neither
 *   hits nor false positives (the whole text is still analysed, for context).
 * - Span match: character overlap between a system mention and a gold markable (relaxed match,
 *   as in TempEval-3). Each gold and each system mention is matched at most once.
 * - Value accuracy: on matched pairs whose gold value is a concrete date (starts with a digit;
 *   PAST_REF/PRESENT_REF/FUTURE_REF and XXXX values are counted apart), compared at the gold
 *   value's granularity: year, quarter, month, ISO week or day.
 * - Value F1: TempEval-3 style, a true positive is a span match with a correct value.
 *
 * Usage: npx tsx bench/time.ts [--json FILE]   (or npm run bench:time after the build)
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { discoverPublished, findTimes } from '../src/core/stages/times/index.js'
import type { TimeMention } from '../src/core/stages/times/index.js'
import { isoWeekOf } from '../src/core/stages/times/calendar.js'

interface GoldTimex {
  readonly start: number
  readonly end: number
  readonly type: string
  readonly value: string
}

interface Article {
  readonly name: string
  readonly text: string
  readonly dct: string | null
  readonly gold: readonly GoldTimex[]
  readonly excluded: readonly GoldTimex[]
  /** End of the annotated part (sentence 5). */
  readonly scoredEnd: number
}

/** Last sentence number MEANTIME annotates at document level. */
const LAST_ANNOTATED_SENTENCE = 5

const HEIDELTIME_TEMPEVAL3_VALUE_F1 = 77.6

function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir)
      throw new Error('bench/time: cannot find the repository root (package.json)')
    dir = parent
  }
  return dir
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i
const NO_SPACE_AFTER = /^[($[{]$/

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Rebuilds the text from CAT tokens, keeping a token id → [start, end) map. */
function readArticle(file: string): Article {
  const xml = readFileSync(file, 'utf8')
  const offsets = new Map<string, [number, number]>()
  let text = ''
  let sentence = ''
  let previous = ''
  let scoredEnd = 0
  for (const m of xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)) {
    const attrs = m[1]!
    const word = decode(m[2]!)
    const id = /t_id="(\d+)"/.exec(attrs)?.[1] ?? ''
    const s = /sentence="(\d+)"/.exec(attrs)?.[1] ?? ''
    if (text.length > 0) {
      // Title and date line are lines of their own; sentences otherwise run on in paragraphs.
      if (s !== sentence) text += Number(s) <= 2 ? '\n' : ' '
      else if (!NO_SPACE_BEFORE.test(word) && !NO_SPACE_AFTER.test(previous)) text += ' '
    }
    offsets.set(id, [text.length, text.length + word.length])
    text += word
    if (Number(s) <= LAST_ANNOTATED_SENTENCE) scoredEnd = text.length
    sentence = s
    previous = word
  }
  const gold: GoldTimex[] = []
  const excluded: GoldTimex[] = []
  let dct: string | null = null
  // Self-closing TIMEX3 elements are corpus-level instances without tokens.
  for (const m of xml.matchAll(/<TIMEX3\b([^>]*?)(?:\/>|>([\s\S]*?)<\/TIMEX3>)/g)) {
    const attrs = m[1]!
    const anchors = [...(m[2] ?? '').matchAll(/t_id="(\d+)"/g)]
      .map((a) => offsets.get(a[1]!))
      .filter((x) => x !== undefined)
    const type = /\btype="([A-Z]+)"/.exec(attrs)?.[1] ?? ''
    const value = /\bvalue="([^"]*)"/.exec(attrs)?.[1] ?? ''
    if (/functionInDocument="CREATION_TIME"/.test(attrs)) {
      // A few files write the DCT in another order ("03-02-2009"); those fall back to the
      // date line under the title, below.
      dct = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null
      // The date line itself is the given DCT: finding it is neither a hit nor an error.
      if (anchors.length > 0) {
        excluded.push({
          start: Math.min(...anchors.map((a) => a[0])),
          end: Math.max(...anchors.map((a) => a[1])),
          type,
          value,
        })
      }
      continue
    }
    if (anchors.length === 0) continue
    const timex = {
      start: Math.min(...anchors.map((a) => a[0])),
      end: Math.max(...anchors.map((a) => a[1])),
      type,
      value,
    }
    ;(type === 'DATE' || type === 'TIME' ? gold : excluded).push(timex)
  }
  // Without a DCT markable, the date line under the title gives it, as it would in ingest.
  dct ??= discoverPublished(text)?.date ?? null
  return { name: path.basename(file, '.xml'), text, dct, gold, excluded, scoredEnd }
}

/** True when our interval says what the gold value says, at the gold value's granularity. */
export function valueMatches(gold: string, mention: TimeMention): boolean {
  const v0 = mention.value
  if (v0 === null) return false
  // "since July 24, 2003" is open from its start; TIMEX3 values the date itself.
  const v = v0.precision === 'open' ? { ...v0, end: v0.start, precision: 'day' } : v0
  // Unknown parts ("2011-06-XX", "2009-12-11TXX") compare at the known granularity.
  gold = gold.replace(/(?:-XX)+$|T.*$/, '')
  const weekend = /^(\d{4}-W\d{2})-WE$/.exec(gold)
  if (weekend) return isoWeekOf(v.start) === weekend[1]
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(gold)
  if (day)
    return (
      v.start <= day[1]! &&
      day[1]! <= v.end &&
      (v.precision === 'day' ||
        v.precision === 'part-of-day' ||
        v0.precision === 'open' ||
        v.start === v.end)
    )
  const week = /^(\d{4}-W\d{2})$/.exec(gold)
  if (week) return isoWeekOf(v.start) === week[1] && isoWeekOf(v.end) === week[1]
  const month = /^(\d{4}-\d{2})$/.exec(gold)
  if (month) return v.start.startsWith(month[1]!) && v.end.startsWith(month[1]!)
  const quarter = /^(\d{4})-Q([1-4])$/.exec(gold)
  if (quarter) {
    const q = (iso: string) => `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`
    return q(v.start) === gold && q(v.end) === gold
  }
  const half = /^(\d{4})-H([12])$/.exec(gold)
  if (half) {
    const h = (iso: string) => `${iso.slice(0, 4)}-H${Number(iso.slice(5, 7)) <= 6 ? 1 : 2}`
    return h(v.start) === gold && h(v.end) === gold
  }
  const season = /^(\d{4})-(SP|SU|FA|WI)$/.exec(gold)
  if (season) return v.start.startsWith(season[1]!)
  const year = /^(\d{4})$/.exec(gold)
  if (year)
    return v.start.startsWith(year[1]!) && (v.end.startsWith(year[1]!) || v.precision === 'open')
  const decade = /^(\d{3})$/.exec(gold)
  if (decade) return v.start.startsWith(decade[1]!)
  return false
}

function main(): void {
  const args = process.argv.slice(2)
  const jsonAt = args.indexOf('--json')
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined
  if (jsonAt >= 0 && jsonFile === undefined) {
    console.error('bench/time: --json needs a file name')
    process.exit(2)
  }
  const root = path.resolve(
    findRepoRoot(),
    '..',
    'shared',
    'benchmarks',
    'meantime-en',
    'intra_cross-doc_annotation',
  )
  if (!existsSync(root)) {
    console.error(`bench/time: ${root}: MEANTIME corpus not found`)
    process.exit(2)
  }
  const files = readdirSync(root)
    .flatMap((dir) => readdirSync(path.join(root, dir)).map((f) => path.join(root, dir, f)))
    .filter((f) => f.endsWith('.xml'))
    .sort()

  let system = 0
  let systemOnExcluded = 0
  let goldCount = 0
  let spanMatched = 0
  let concrete = 0
  let concreteCorrect = 0
  let refMatched = 0
  let refResolvedNull = 0
  const errors: string[] = []
  const falsePositives: string[] = []
  const misses: string[] = []
  const started = performance.now()
  for (const file of files) {
    const article = readArticle(file)
    const mentions = findTimes(article.text, article.dct, () => {}, article.name)
    goldCount += article.gold.length
    const usedGold = new Set<GoldTimex>()
    for (const m of mentions) {
      if (m.start >= article.scoredEnd) continue
      const g = article.gold.find((x) => !usedGold.has(x) && x.start < m.end && m.start < x.end)
      if (g === undefined) {
        if (article.excluded.some((x) => x.start < m.end && m.start < x.end)) systemOnExcluded++
        else {
          system++
          falsePositives.push(
            `${article.name}: "${m.text}" [${m.rule}] …${article.text.slice(Math.max(0, m.start - 40), m.end + 30).replace(/\n/g, ' ')}…`,
          )
        }
        continue
      }
      system++
      spanMatched++
      usedGold.add(g)
      if (/^\d/.test(g.value)) {
        concrete++
        if (valueMatches(g.value, m)) concreteCorrect++
        else
          errors.push(
            `${article.name}: "${m.text}" → ${m.value ? `${m.value.start}..${m.value.end} ${m.value.precision}` : 'null'} [${m.rule}]; gold "${article.text.slice(g.start, g.end)}" = ${g.value} (DCT ${article.dct})`,
          )
      } else {
        refMatched++
        if (m.value === null) refResolvedNull++
      }
    }
    for (const g of article.gold) {
      if (!usedGold.has(g))
        misses.push(`${article.name}: "${article.text.slice(g.start, g.end)}" ${g.type} ${g.value}`)
    }
  }
  const elapsed = performance.now() - started
  const spanPrecision = spanMatched / Math.max(1, system)
  const spanRecall = spanMatched / Math.max(1, goldCount)
  const spanF1 = (2 * spanPrecision * spanRecall) / Math.max(1e-9, spanPrecision + spanRecall)
  const valueAccuracy = concreteCorrect / Math.max(1, concrete)
  // TempEval-3 value F1: a hit is a span match with the right value (REF values count as misses).
  const valueP = concreteCorrect / Math.max(1, system)
  const valueR = concreteCorrect / Math.max(1, goldCount)
  const valueF1 = (2 * valueP * valueR) / Math.max(1e-9, valueP + valueR)

  if (args.includes('--errors')) for (const e of errors) console.log(e)
  if (args.includes('--misses')) for (const e of misses) console.log(e)
  if (args.includes('--false-positives')) for (const e of falsePositives) console.log(e)
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6)
  console.log(
    `MEANTIME English: ${files.length} articles, ${goldCount} gold DATE/TIME TIMEX3 (DCT, DURATION, SET excluded)`,
  )
  console.log(
    `system mentions ${system} (+${systemOnExcluded} on the DCT line or DURATION/SET, not scored), ${(elapsed / files.length).toFixed(1)} ms/article`,
  )
  console.log('')
  console.log('metric                         triangulate   HeidelTime (TempEval-3)')
  console.log(`span precision (overlap)       ${pct(spanPrecision)}`)
  console.log(`span recall (overlap)          ${pct(spanRecall)}`)
  console.log(`span F1 (overlap)              ${pct(spanF1)}        90.3`)
  console.log(`value accuracy (found, n=${concrete})  ${pct(valueAccuracy)}`)
  console.log(
    `value F1                       ${pct(valueF1)}        ${HEIDELTIME_TEMPEVAL3_VALUE_F1.toFixed(1)}`,
  )
  console.log(
    `REF/XXXX gold matched: ${refMatched} (value null on ${refResolvedNull}); not in value accuracy`,
  )
  console.log(
    'HeidelTime figures are its TempEval-3 (TimeBank-style) results, not MEANTIME: a reference point, not a head-to-head.',
  )
  if (jsonFile !== undefined) {
    writeFileSync(
      jsonFile,
      JSON.stringify({ valueAccuracy, spanPrecision, spanRecall, n: concrete }, null, 2) + '\n',
    )
  }
}

main()
