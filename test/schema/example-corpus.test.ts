/**
 * The bundled example corpus is test data for every stage, so it is checked like code: its
 * README's table of hard parts quotes the files verbatim, and the three forms (text, HTML
 * pages, feeds) carry the same article text paragraph for paragraph.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { parseHTML } from 'linkedom'
import { describe, it, expect } from 'vitest'
import { REPO_ROOT } from './validate-analysis.js'

const EXAMPLES = path.join(REPO_ROOT, 'examples')
const TEXT_DIR = path.join(EXAMPLES, 'fall-of-the-south')
const HTML_DIR = path.join(EXAMPLES, 'fall-of-the-south-html')
const FEED_DIR = path.join(EXAMPLES, 'fall-of-the-south-feed')

interface TextArticle {
  readonly id: string
  readonly raw: string
  readonly header: Readonly<Record<string, string>>
  /** Non-empty body lines: each is one paragraph in the HTML and feed forms. */
  readonly paragraphs: readonly string[]
}

function readTextArticle(file: string): TextArticle {
  const raw = readFileSync(path.join(TEXT_DIR, file), 'utf8')
  const header: Record<string, string> = {}
  let body = raw
  // outlet: Meridian Press   ← a header line; "Levant Observatory for Human Rights" is not one
  if (/^[a-z]+: /.test(raw)) {
    const cut = raw.indexOf('\n\n')
    for (const line of raw.slice(0, cut).split('\n')) {
      const colon = line.indexOf(': ')
      header[line.slice(0, colon)] = line.slice(colon + 2)
    }
    body = raw.slice(cut + 2)
  }
  const paragraphs = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return { id: file.replace(/\.txt$/, ''), raw, header, paragraphs }
}

const articles = readdirSync(TEXT_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map(readTextArticle)
const byId = new Map(articles.map((a) => [a.id, a]))

// "Beirut, December 6, 2024 –" opens the body of a header-less article.
const DATELINE = /^([A-Z][a-z]+), ([A-Z][a-z]+ \d{1,2}, \d{4}) –/m

/** The publication day an article states: its header, else its dateline. */
function publishedDay(article: TextArticle): string {
  if (article.header['published']) return article.header['published']
  const match = DATELINE.exec(article.raw)
  if (!match?.[2]) throw new Error(`${article.id}: no header and no dateline`)
  const date = new Date(`${match[2]} 12:00 UTC`)
  return date.toISOString().slice(0, 10)
}

// windows-1252 for bytes 0x80-0x9F, spelled out: Node 20's TextDecoder('windows-1252') maps
// that range to C1 control characters, as latin-1 does.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (const byte of bytes) {
    out += byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte)
  }
  return out
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Text of the unclassed paragraphs inside `<article>` (kickers and bylines carry a class). */
function articleParagraphs(html: string, selector = 'article p:not([class])'): string[] {
  const { document } = parseHTML(html)
  return [...document.querySelectorAll(selector)].map((p) => collapse(p.textContent ?? ''))
}

function fragmentParagraphs(fragment: string): string[] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${fragment}</body></html>`)
  return [...document.querySelectorAll('p')].map((p) => collapse(p.textContent ?? ''))
}

/** The article whose paragraphs are exactly these (syndicated copies share most of theirs). */
function findArticle(paragraphs: readonly string[]): TextArticle | undefined {
  const key = JSON.stringify(paragraphs)
  return articles.find((a) => JSON.stringify(a.paragraphs) === key)
}

describe('examples/fall-of-the-south (text form)', () => {
  it('has ten articles of 150 to 450 words', () => {
    expect(articles).toHaveLength(10)
    for (const article of articles) {
      const words = article.paragraphs.join(' ').split(/\s+/).length
      expect(words, article.id).toBeGreaterThanOrEqual(150)
      expect(words, article.id).toBeLessThanOrEqual(450)
    }
  })

  it('gives every headed article outlet, example URL, YYYY-MM-DD date and title', () => {
    const headed = articles.filter((a) => Object.keys(a.header).length > 0)
    expect(headed).toHaveLength(8)
    for (const { id, header } of headed) {
      expect(header['outlet'], id).toMatch(/\S/)
      expect(header['url'], id).toMatch(/^https:\/\/[a-z0-9.-]+\.example\.(org|net)\//)
      expect(header['published'], id).toMatch(/^2024-12-\d\d$/)
      expect(header['title'], id).toMatch(/\S/)
    }
  })

  it('opens the two header-less articles with a dateline', () => {
    const bare = articles.filter((a) => Object.keys(a.header).length === 0)
    expect(bare.map((a) => [a.id, publishedDay(a)])).toEqual([
      ['atlas-daraa-deal', '2024-12-06'],
      ['observatory-release', '2024-12-07'],
    ])
  })

  it('quotes every file verbatim in the README table of hard parts', () => {
    const readme = readFileSync(path.join(TEXT_DIR, 'README.md'), 'utf8')
    // | 3 | one place spelled three ways | `meridian-nasib-crossing.txt` | `In neighbouring Sweida province` | … |
    const rows = [...readme.matchAll(/^\| (\d+) \| [^|]+ \| `([^`]+)` \| `([^`]+)` \|/gm)]
    expect(rows.length).toBeGreaterThanOrEqual(40)
    const missing = rows
      .filter(([, , file, quote]) => !byId.get(file!.replace(/\.txt$/, ''))?.raw.includes(quote!))
      .map(([, n, file, quote]) => `#${n} ${file}: ${quote}`)
    expect(missing).toEqual([])
  })

  it('spells As-Suwayda three ways across outlets', () => {
    const spelling = (form: RegExp) => articles.filter((a) => form.test(a.raw)).map((a) => a.id)
    expect(spelling(/\bSweida\b/)).toEqual([
      'amman-ledger-nasib-crossing',
      'beirut-courier-nasib-crossing',
      'meridian-nasib-crossing',
    ])
    expect(spelling(/\bAs-Suwayda\b/)).toEqual(['homeland-redeployment'])
    expect(spelling(/(?<!As-)\bSuwayda\b/).length).toBeGreaterThanOrEqual(4)
  })

  it('republishes the Meridian story twice with a new headline and one added line', () => {
    const original = byId.get('meridian-nasib-crossing')!
    for (const copyId of ['amman-ledger-nasib-crossing', 'beirut-courier-nasib-crossing']) {
      const copy = byId.get(copyId)!
      expect(copy.header['title']).not.toBe(original.header['title'])
      const added = copy.paragraphs.filter((p) => !original.paragraphs.includes(p))
      const dropped = original.paragraphs.filter((p) => !copy.paragraphs.includes(p))
      // The Beirut copy also edits one word in one paragraph.
      expect(added.length - dropped.length, copyId).toBe(1)
      expect(dropped.length, copyId).toBeLessThanOrEqual(1)
    }
  })
})

describe('examples/fall-of-the-south-html (page form)', () => {
  const pages = readdirSync(HTML_DIR).filter((f) => f.endsWith('.html'))

  it('has one page per article', () => {
    expect(pages.map((f) => f.replace(/\.html$/, '')).sort()).toEqual(articles.map((a) => a.id))
  })

  for (const article of articles) {
    it(`${article.id}.html carries the article text, its metadata and real boilerplate`, () => {
      const bytes = readFileSync(path.join(HTML_DIR, `${article.id}.html`))
      const declared = /<meta charset="([^"]+)">/.exec(
        bytes.subarray(0, 512).toString('latin1'),
      )?.[1]
      let html: string
      if (declared === 'windows-1252') {
        // Real legacy bytes: not UTF-8, and typographic characters as single bytes.
        expect(isUtf8(bytes)).toBe(false)
        html = decodeWindows1252(bytes)
      } else {
        expect(declared).toBe('utf-8')
        html = bytes.toString('utf8')
      }
      expect(articleParagraphs(html)).toEqual(article.paragraphs)

      const { document } = parseHTML(html)
      const meta = (property: string) =>
        document.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ?? null
      if (article.header['outlet']) expect(meta('og:site_name')).toBe(article.header['outlet'])
      if (article.header['url']) {
        expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
          article.header['url'],
        )
      }
      const ld = document.querySelector('script[type="application/ld+json"]')?.textContent
      const stated = [
        meta('article:published_time'),
        ld ? (JSON.parse(ld).datePublished as string) : null,
      ]
      const dates = stated.filter((d): d is string => d !== null)
      if (article.id === 'observatory-release') expect(dates).toEqual([])
      else expect(dates.length).toBeGreaterThan(0)
      for (const date of dates) expect(date.slice(0, 10)).toBe(publishedDay(article))

      // A monitor's press page runs no ads; every news site does.
      const noises = ['nav', 'footer', 'script', 'style', '.cookie-banner', '.ad-slot']
      const expected = article.id === 'observatory-release' ? noises.slice(0, -1) : noises
      for (const noise of expected) {
        expect(document.querySelector(noise), noise).not.toBeNull()
      }
    })
  }

  it('has three pages in windows-1252', () => {
    const legacy = pages.filter((f) =>
      readFileSync(path.join(HTML_DIR, f))
        .subarray(0, 512)
        .toString('latin1')
        .includes('charset="windows-1252"'),
    )
    expect(legacy.sort()).toEqual([
      'homeland-redeployment.html',
      'northsea-kiswah.html',
      'observatory-release.html',
    ])
  })
})

describe('examples/fall-of-the-south-feed (feed form)', () => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

  it('feed.xml (RSS 2.0) has every article, dated and with the same paragraphs', () => {
    const rss = xml.parse(readFileSync(path.join(FEED_DIR, 'feed.xml'), 'utf8'))
    expect(rss.rss['@version']).toBe('2.0')
    const items = rss.rss.channel.item as Record<string, any>[]
    expect(items).toHaveLength(articles.length)
    const seen = new Set<string>()
    for (const item of items) {
      const paragraphs = fragmentParagraphs(item['content:encoded'])
      const article = findArticle(paragraphs)
      expect(article, String(item.title)).toBeDefined()
      seen.add(article!.id)
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(publishedDay(article!))
      if (article!.header['outlet']) expect(item.source['#text']).toBe(article!.header['outlet'])
    }
    expect(seen.size).toBe(articles.length)
  })

  it('atom.xml has a subset of the articles with the same paragraphs', () => {
    const atom = xml.parse(readFileSync(path.join(FEED_DIR, 'atom.xml'), 'utf8'))
    const entries = atom.feed.entry as Record<string, any>[]
    expect(entries.length).toBeGreaterThanOrEqual(3)
    expect(entries.length).toBeLessThan(articles.length)
    for (const entry of entries) {
      const paragraphs = fragmentParagraphs(entry.content['#text'])
      const article = findArticle(paragraphs)
      expect(article, String(entry.title['#text'])).toBeDefined()
      expect(String(entry.published).slice(0, 10)).toBe(publishedDay(article!))
    }
  })
})
