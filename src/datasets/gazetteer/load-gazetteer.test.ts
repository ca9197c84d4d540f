import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { foldPlaceName } from '../../core/text/fold-place-name.js'
import { InputFileError } from './input-file-error.js'
import { loadGazetteer } from './load-gazetteer.js'
import { readCuratedRows } from './read-gazetteer-sources.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'triangulate-gazetteer-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const HEADER =
  'id\tname\taliases\tlat\tlon\tcountry\tkind\tfeature_class\tpopulation\tadmin1\tsource'

function curated(name: string, ...rows: string[]): string {
  const file = path.join(scratch, name)
  writeFileSync(file, [HEADER, ...rows].join('\n') + '\n')
  return file
}

describe('loadGazetteer()', () => {
  const gazetteer = loadGazetteer()

  it('finds places by folded name, Map-fast', () => {
    const ids = gazetteer.lookup(foldPlaceName('Deir Ezzor')).map((entry) => entry.id)
    expect(ids).toContain('gn:170794')
    expect(gazetteer.lookup(foldPlaceName('Qqqxz Nowhere'))).toEqual([])
  })

  it('returns one array per key, so callers may group by identity', () => {
    const key = foldPlaceName('Homs')
    expect(gazetteer.lookup(key)).toBe(gazetteer.lookup(key))
  })

  it('links cities to their admin-1 region and regions to their capital', () => {
    const homs = gazetteer.get('gn:169577')
    expect(homs?.admin1).toBe('ne:SY-HI')
    expect(gazetteer.get('ne:SY-HI')?.capital).toBe('gn:169577')
    expect(gazetteer.get('ne:SY-HI')?.population).toBeGreaterThan(500_000)
  })

  it('applies the curated file: new places, aliases, renames', () => {
    expect(gazetteer.get('curated:golan-heights')?.kind).toBe('region')
    expect(gazetteer.get('gn:163808')?.name).toBe('Palmyra')
    expect(gazetteer.get('gn:163808')?.aliases).toContain('Tadmur')
    expect(gazetteer.lookup(foldPlaceName('Kiev')).map((entry) => entry.id)).toContain('gn:703448')
  })

  it('names the missing input when the curated file is absent', () => {
    const root = mkdtempSync(path.join(scratch, 'repo-'))
    expect(() => loadGazetteer({ repoRoot: root })).toThrow(InputFileError)
    expect(() => loadGazetteer({ repoRoot: root })).toThrow(/curated\.tsv: cannot read/)
  })
})

describe('readCuratedRows()', () => {
  it('reads new places and alias rows', () => {
    const file = curated(
      'good.tsv',
      '# a comment',
      'curated:test-base\tTest Base\tTB;Test airbase\t33.1\t36.2\tSY\tsite\tS.AIRB\t0\tne:SY-DR\tWikipedia (Test)',
      'gn:163808\tPalmyra\tTadmor\t\t\t\t\t\t\t\tcommon English name',
    )
    const rows = readCuratedRows(file)
    expect(rows.map((row) => row.id)).toEqual(['curated:test-base', 'gn:163808'])
    expect(rows[0]?.aliases).toEqual(['TB', 'Test airbase'])
    expect(rows[0]?.point).toEqual({ lat: 33.1, lon: 36.2 })
    expect(rows[1]?.point).toBeNull()
  })

  it.each([
    [
      'no source',
      'curated:x\tX\t\t33\t36\tSY\tcity\tP\t0\t\t',
      /no-source\.tsv:2: row curated:x names no source/,
    ],
    [
      'bad lat',
      'curated:x\tX\t\t333\t36\tSY\tcity\tP\t0\t\tme',
      /bad-lat\.tsv:2: row curated:x has an invalid lat\/lon/,
    ],
    [
      'no point',
      'curated:x\tX\t\t\t\tSY\tcity\tP\t0\t\tme',
      /no-point\.tsv:2: row curated:x has no lat\/lon/,
    ],
    [
      'bad kind',
      'curated:x\tX\t\t33\t36\tSY\ttown\tP\t0\t\tme',
      /bad-kind\.tsv:2: row curated:x has unknown kind "town"/,
    ],
  ])('rejects a row with %s, naming file and line', (label, row, message) => {
    const file = curated(`${label.replace(' ', '-')}.tsv`, row)
    expect(() => readCuratedRows(file)).toThrow(message)
  })

  it('rejects a header without the needed columns', () => {
    const file = path.join(scratch, 'header.tsv')
    writeFileSync(file, 'id\tname\n')
    expect(() => readCuratedRows(file)).toThrow(/header lacks column\(s\) aliases/)
  })
})
