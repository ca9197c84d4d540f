import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildActorLexicon } from '../core/lexicon/actor-lexicon.js'
import type {
  ClaimCues,
  CueKind,
  CueRule,
  FramingTerm,
  TriggerFlag,
  TriggerRule,
} from '../core/lexicon/claim-cues.js'
import { compilePattern } from '../core/lexicon/patterns.js'
import { EVENT_TYPES, type EventType } from '../core/model/analysis.js'
import type { CountryRecord, GenericActorPhrase } from '../core/lexicon/generic-actors.js'
import type { ActorEntry, Lexicon } from '../core/lexicon/lexicon.js'
import { foldKey } from '../core/text/fold-key.js'
import { InputError } from '../ingest/input-error.js'
import { loadGazetteer } from './gazetteer/load-gazetteer.js'
import { readTsv, splitList } from './read-tsv.js'

/** The repository's data/ folder, found from this file both in src/ (tsx) and dist/src/ (built). */
export function dataDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const up = here.includes(`${'/dist/'}`) ? '../../../data' : '../../data'
  return resolve(here, up)
}

const ACTOR_KINDS = new Set(['actor', 'person', 'organization', 'country', 'source'])

/** Reads data/lexicons/actors.tsv into entries; errors name the file and line. */
export function readActors(path = resolve(dataDir(), 'lexicons/actors.tsv')): ActorEntry[] {
  return readTsv(path).map(({ line, cells }) => {
    const [id, kind, name, side, aliases, renamed] = cells
    if (!id || !name || !kind || !ACTOR_KINDS.has(kind))
      throw new InputError(
        `${path}:${line}`,
        'expected id, kind (actor|person|organization|country|source), name, side, aliases',
      )
    const renamings = splitList(renamed).map((pair) => {
      const [from, date] = pair.split('>')
      if (!from || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date))
        throw new InputError(
          `${path}:${line}`,
          `bad renaming "${pair}" (expected old name>YYYY-MM-DD)`,
        )
      return { from: from.trim(), date: date.trim() }
    })
    return {
      id,
      kind: kind as ActorEntry['kind'],
      name,
      side: side || null,
      aliases: splitList(aliases),
      ...(renamings.length > 0 && { renamed: renamings }),
    }
  })
}

export function readCountries(
  path = resolve(dataDir(), 'lexicons/countries.tsv'),
): CountryRecord[] {
  return readTsv(path, { header: true }).map(({ line, cells }) => {
    const [code, name, side, demonyms, aliases] = cells
    if (!code || !/^[A-Z]{2}$/.test(code) || !name || !side)
      throw new InputError(
        `${path}:${line}`,
        'expected code (ISO alpha-2), name, side, demonyms, aliases',
      )
    return { code, name, side, demonyms: splitList(demonyms), aliases: splitList(aliases) }
  })
}

export function readGenericActors(
  path = resolve(dataDir(), 'lexicons/generic-actors.tsv'),
): GenericActorPhrase[] {
  return readTsv(path).map(({ line, cells }) => {
    const [phrase, side, framing] = cells
    if (!phrase || !side) throw new InputError(`${path}:${line}`, 'expected phrase, side, framing')
    return {
      words: foldKey(phrase).split(' '),
      side,
      framing: framing && framing !== '-' ? framing : null,
    }
  })
}

const TRIGGER_FLAGS: ReadonlySet<string> = new Set([
  'loser',
  'place-before',
  'actor-after',
  'from-is-origin',
  'to-is-destination',
  'nominal',
  'no-actor',
])
const CUE_KINDS: ReadonlySet<string> = new Set([
  'say',
  'hedge',
  'deny',
  'deny-after',
  'according',
  'citing',
  'quoted',
  'showed',
  'speaker',
  'negation',
])

/** Reads data/lexicons/triggers.tsv, cues.tsv and framing.tsv; errors name file and line. */
export function readClaimCues(dir = resolve(dataDir(), 'lexicons')): ClaimCues {
  const triggersPath = resolve(dir, 'triggers.tsv')
  const triggers: TriggerRule[] = readTsv(triggersPath).map(({ line, cells }) => {
    const [type, pattern, flags] = cells
    if (!type || !(EVENT_TYPES as readonly string[]).includes(type) || !pattern)
      throw new InputError(
        `${triggersPath}:${line}`,
        'expected type (an event type), pattern, flags',
      )
    const flagList = flags && flags !== '-' ? flags.split(',').map((flag) => flag.trim()) : []
    for (const flag of flagList)
      if (!TRIGGER_FLAGS.has(flag))
        throw new InputError(`${triggersPath}:${line}`, `unknown flag "${flag}"`)
    return {
      type: type as EventType,
      pattern: compilePattern(pattern),
      flags: new Set(flagList as TriggerFlag[]),
      rule: `claims/trigger-${type}:${line}`,
    }
  })
  const cuesPath = resolve(dir, 'cues.tsv')
  const cues: CueRule[] = readTsv(cuesPath).map(({ line, cells }) => {
    const [kind, pattern] = cells
    if (!kind || !CUE_KINDS.has(kind) || !pattern)
      throw new InputError(`${cuesPath}:${line}`, 'expected kind, phrase')
    return { kind: kind as CueKind, pattern: compilePattern(pattern) }
  })
  const framingPath = resolve(dir, 'framing.tsv')
  const framing: FramingTerm[] = readTsv(framingPath).map(({ line, cells }) => {
    const [about, pattern, term] = cells
    if ((about !== 'actor' && about !== 'action') || !pattern || !term)
      throw new InputError(`${framingPath}:${line}`, 'expected about (actor|action), pattern, term')
    return { about, pattern: compilePattern(pattern), term }
  })
  return { triggers, cues, framing }
}

let cached: Lexicon | null = null

/** Loads every lexicon once per process (the gazetteer lazily inside). */
export function loadLexicon(): Lexicon {
  cached ??= {
    gazetteer: loadGazetteer(),
    actors: buildActorLexicon(readActors()),
    vocabulary: { generic: readGenericActors(), countries: readCountries() },
    claims: readClaimCues(),
  }
  return cached
}
