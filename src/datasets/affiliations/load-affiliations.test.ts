import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AffiliationMatcher } from '../../core/fusion/affiliation-matcher.js'
import { loadAffiliations } from './load-affiliations.js'

const HEADER = 'pattern\tecosystem\towner\tcountry\tkind\n'

function writeFile(body: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'affiliations-')), 'outlets.tsv')
  writeFileSync(path, `# test file\n${HEADER}${body}`)
  return path
}

describe('loadAffiliations()', () => {
  const rows = loadAffiliations()
  const matcher = new AffiliationMatcher(rows)

  it('reads the shipped file: state media of many countries, each row complete', () => {
    expect(rows.length).toBeGreaterThan(150)
    expect(new Set(rows.map((row) => row.country)).size).toBeGreaterThan(30)
  })

  const ecosystems: [string, string | null][] = [
    ['TASS', 'russia-state'],
    ['RIA Novosti', 'russia-state'],
    ['RT Arabic', 'russia-state'],
    ['Xinhua', 'china-state'],
    ['IRNA', 'iran-state'],
    ['Press TV', 'iran-state'],
    ['Anadolu Agency', 'turkey-state'],
    ['SANA', 'syria-state'],
    ['Al Jazeera English', 'qatar-state'],
    ['KCNA', 'korea-north-state'],
    ['Reuters', 'reuters'],
    ['BBC News', 'bbc'],
    ['Kansas City Star', null],
    ['The Guardian', null],
    ['Interfax-Ukraine', null],
  ]
  for (const [outlet, ecosystem] of ecosystems) {
    it(`puts ${outlet} in ${ecosystem ?? 'no ecosystem'}`, () => {
      expect(matcher.match(outlet)?.ecosystem ?? null).toBe(ecosystem)
    })
  }

  const errors: [string, string, RegExp][] = [
    [
      'too few columns',
      'tass\trussia-state\tRussian state media\tRU\n',
      /outlets\.tsv:3: expected 5 tab-separated columns/,
    ],
    ['a bare wildcard', '*\tany\tAny\t-\twire\n', /outlets\.tsv:3: empty pattern/],
    [
      'a bad ecosystem id',
      'tass\tRussia State\tRussian state media\tRU\tstate-agency\n',
      /outlets\.tsv:3: bad ecosystem "Russia State"/,
    ],
    [
      'a bad country',
      'tass\trussia-state\tRussian state media\tRussia\tstate-agency\n',
      /outlets\.tsv:3: bad country "Russia"/,
    ],
    [
      'an unknown kind',
      'tass\trussia-state\tRussian state media\tRU\tagency\n',
      /outlets\.tsv:3: bad kind "agency"/,
    ],
  ]
  for (const [name, body, message] of errors) {
    it(`names the file and line of ${name}`, () => {
      expect(() => loadAffiliations(writeFile(body))).toThrow(message)
    })
  }

  it('reports a missing file as one line naming it', () => {
    expect(() => loadAffiliations('/nonexistent/outlets.tsv')).toThrow(
      /^\/nonexistent\/outlets\.tsv: cannot read data file/,
    )
  })
})
