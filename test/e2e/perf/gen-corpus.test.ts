import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CorpusArgumentError, generateArticles, writeCorpus } from '../../../scripts/gen-corpus.js'
import { readInputs } from '../../../src/ingest/read-inputs.js'
import { parseTextDocument } from '../../../src/ingest/text-document.js'

const generate = (articles: number, seed: number) => [...generateArticles({ articles, seed })]
const corpus = generate(600, 7)
const bodies = corpus.map((article) => article.text.slice(article.text.indexOf('\n\n') + 2))
const temp = mkdtempSync(path.join(tmpdir(), 'triangulate-gen-corpus-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

describe('generateArticles()', () => {
  it('gives the same corpus for the same seed and count, and another for another seed', () => {
    expect(generate(600, 7).map((article) => article.text)).toEqual(
      corpus.map((article) => article.text),
    )
    const other = generate(600, 8)
    const same = other.filter((article, k) => article.text === corpus[k]!.text).length
    expect(same).toBe(0)
  })

  it('writes contract-format files: outlet, url, published and title headers, then a body of about 400 words', () => {
    for (const article of corpus) {
      const document = parseTextDocument(article.text, {
        id: article.name,
        source: `${article.name}.txt`,
      })
      expect(document.publishedFrom).toBe('header')
      expect(document.published).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(document.outlet).not.toBeNull()
      expect(document.url).toMatch(/^https:\/\/[a-z0-9.-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/)
      expect(document.title).not.toBe('')
      expect(document.text).not.toMatch(/\{\w+\}/)
      expect(article.words).toBeGreaterThanOrEqual(250)
      expect(article.words).toBeLessThanOrEqual(650)
    }
    const mean = corpus.reduce((sum, article) => sum + article.words, 0) / corpus.length
    expect(mean).toBeGreaterThan(370)
    expect(mean).toBeLessThan(460)
  })

  it('frames the same moves differently by outlet', () => {
    const all = bodies.join('\n')
    for (const phrase of [
      'terrorist',
      'rebels',
      'revolutionaries',
      'redeploy',
      'withdrew from',
      'liberated',
      'occupiers',
    ]) {
      expect(all, phrase).toContain(phrase)
    }
  })

  it('has denials, attribution chains, relative dates, figures and spelling variants', () => {
    const all = bodies.join('\n')
    expect(all).toMatch(/ denied (reports )?that /)
    expect(all).toMatch(/, (Reuters|AFP|Associated Press|dpa) reported, citing /)
    expect(all).toMatch(/\byesterday\b/)
    expect(all).toMatch(/\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/)
    expect(all).toMatch(/at least \d+ people/)
    for (const [one, other] of [
      ['Kharkiv', 'Kharkov'],
      ['Deir ez-Zor', 'Deir al-Zour'],
      ['El Fasher', 'Al-Fashir'],
    ]) {
      expect(all, one).toContain(one!)
      expect(all, other).toContain(other!)
    }
  })

  it('republishes wire copy under other outlets with the same opening paragraph', () => {
    const byLede = new Map<string, Set<string>>()
    corpus.forEach((article, k) => {
      const lede = bodies[k]!.split('\n\n').find((paragraph) => / – /.test(paragraph)) ?? ''
      const outlet = /^outlet: (.*)$/m.exec(article.text)![1]!
      byLede.set(lede, (byLede.get(lede) ?? new Set()).add(outlet))
    })
    const shared = [...byLede.values()].filter((outlets) => outlets.size >= 2)
    expect(shared.length).toBeGreaterThan(30)
  })

  it('keeps only place spellings the gazetteer resolves', () => {
    const kept = [
      ...generateArticles({ articles: 300, seed: 3, knownPlace: (name) => name !== 'Kharkov' }),
    ]
    expect(kept.map((article) => article.text).join('\n')).not.toContain('Kharkov')
    expect(kept.map((article) => article.text).join('\n')).toContain('Kharkiv')
  })
})

describe('writeCorpus()', () => {
  it('writes one file per article that the ingest reader accepts, and replaces its own corpus on rerun', async () => {
    const out = path.join(temp, 'corpus')
    writeCorpus({ articles: 40, seed: 2, out })
    writeCorpus({ articles: 25, seed: 2, out })
    const files = readdirSync(out).filter((name) => name.endsWith('.txt'))
    expect(files).toHaveLength(25)
    const { documents, problems } = await readInputs([out])
    expect(problems).toEqual([])
    expect(documents.map((document) => document.id).sort()).toEqual(
      files.map((name) => name.slice(0, -4)).sort(),
    )
    expect(documents.every((document) => document.publishedFrom === 'header')).toBe(true)
  })

  it('refuses a folder it did not write, naming the option', () => {
    const foreign = path.join(temp, 'foreign')
    writeCorpus({ articles: 1, seed: 1, out: path.join(foreign, 'x') })
    writeFileSync(path.join(foreign, 'notes.txt'), 'mine')
    expect(() => writeCorpus({ articles: 5, seed: 1, out: foreign })).toThrow(CorpusArgumentError)
    expect(() => writeCorpus({ articles: 5, seed: 1, out: foreign })).toThrow(
      /^--out .*foreign: folder exists/,
    )
  })
})

describe('gen-corpus command line', () => {
  it('prints one line and exits 2 on a bad count', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/gen-corpus.ts', '--articles', 'many'],
      {
        cwd: path.resolve(import.meta.dirname, '..', '..', '..'),
        encoding: 'utf8',
      },
    )
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe('gen-corpus: --articles many: expected a whole number')
  })
})
