import { describe, expect, it } from 'vitest'
import type { EventSource } from '../model/analysis.js'
import { AffiliationMatcher } from './affiliation-matcher.js'
import {
  attributionOf,
  isGenericSource,
  outletOrigin,
  resolveOrigin,
  type OriginContext,
} from './origin-resolver.js'

const source = (name: string, extra: Partial<EventSource> = {}): EventSource => ({
  entity: `source:${name}`,
  name,
  ...extra,
})

describe('isGenericSource()', () => {
  const generic = [
    'local sources',
    'two security sources',
    'Witnesses',
    'reports',
    'sources close to the army',
    'social media',
  ]
  const named = [
    'Reuters',
    'Defence Ministry',
    'Mayor of Kessel',
    'Hassan Abdel Karim',
    'Syrian Observatory for Human Rights',
  ]
  for (const name of generic)
    it(`calls "${name}" generic`, () => expect(isGenericSource(source(name))).toBe(true))
  for (const name of named)
    it(`calls "${name}" named (near miss)`, () => expect(isGenericSource(source(name))).toBe(false))
  it('trusts the unnamed flag of extraction', () => {
    expect(isGenericSource(source('a commander', { unnamed: true }))).toBe(true)
  })
})

describe('resolveOrigin()', () => {
  const context: OriginContext = {
    affiliations: new AffiliationMatcher([
      {
        pattern: 'tass',
        ecosystem: 'russia-state',
        owner: 'Russian state media',
        country: 'RU',
        kind: 'state-agency',
      },
    ]),
    entityName: () => undefined,
    syndicationRoot: (doc) => (doc === 'copy' ? 'wire' : doc),
    outletOf: (doc) =>
      ({ wire: 'Global Wire', copy: 'Town Crier', own: 'Valley Times', tass: 'TASS' })[doc] ?? null,
  }
  const cases: [string, string, EventSource | null, string, string][] = [
    [
      'a named source, whatever relays it',
      'own',
      source('Mayor of Kessel', { via: ['Reuters'] }),
      'name:mayor of kessel',
      'Mayor of Kessel',
    ],
    [
      'the innermost named link when the source is generic',
      'own',
      source('sources', { via: ['AFP', 'Reuters'] }),
      'name:reuters',
      'Reuters',
    ],
    ['the outlet for its own voice', 'own', null, 'name:valley times', 'Valley Times'],
    ['the first outlet of a syndication group', 'copy', null, 'name:global wire', 'Global Wire'],
    ['the ecosystem of a state outlet', 'tass', null, 'eco:russia-state', 'Russian state media'],
    [
      'the outlet for generic sources',
      'own',
      source('local sources'),
      'name:valley times',
      'Valley Times',
    ],
    ['the document when no outlet is known', 'anon', null, 'doc:anon', 'anon'],
  ]
  for (const [name, doc, src, key, label] of cases) {
    it(`takes ${name}`, () => expect(resolveOrigin(doc, src, context)).toEqual({ key, label }))
  }

  it('attributes generic sources with their outlet, named ones by name', () => {
    expect(attributionOf('own', source('local sources'), context)).toBe(
      'local sources (Valley Times)',
    )
    expect(attributionOf('own', source('Reuters'), context)).toBe('Reuters')
    expect(attributionOf('own', null, context)).toBe('Valley Times')
  })
})

describe('outletOrigin()', () => {
  const context: OriginContext = {
    affiliations: new AffiliationMatcher([
      {
        pattern: 'rt',
        ecosystem: 'russia-state',
        owner: 'Russian state media',
        country: 'RU',
        kind: 'state-broadcaster',
      },
      {
        pattern: 'afp',
        ecosystem: 'afp',
        owner: 'Agence France-Presse',
        country: 'FR',
        kind: 'wire',
      },
      {
        pattern: 'kestrel news agency',
        ecosystem: 'kestrel-state',
        owner: 'Kestrel state media',
        country: '-',
        kind: 'state-agency',
      },
    ]),
    entityName: () => undefined,
    syndicationRoot: (doc) => doc,
    outletOf: () => null,
  }
  const cases: [string, string][] = [
    ['Harbour Post (reposting an RT report)', 'eco:russia-state'],
    ['Daily Lantern (via local media / AFP wire)', 'eco:afp'],
    ['Evening Star (AFP/dpa-based wire report)', 'eco:afp'],
    ['Town Crier (English; reposting The Morning Bell)', 'name:morning bell'],
    ['Kestrel News Agency (KNA; reposted by mirror.example)', 'eco:kestrel-state'],
    ['Kestrel News Agency (English)', 'eco:kestrel-state'],
    ['Valley Times (Norland)', 'name:valley times'],
    ['Valley Times (via foreign media)', 'name:valley times'],
  ]
  for (const [outlet, key] of cases) {
    it(`traces "${outlet}" to ${key}`, () => expect(outletOrigin(outlet, context).key).toBe(key))
  }
})
