import { describe, expect, it } from 'vitest'
import { sniffKind } from './sniff-kind.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('sniffKind()', () => {
  it.each([
    ['<rss version="2.0"><channel>', 'rss'],
    ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0">', 'rss'],
    ['\uFEFF<?xml version="1.0"?><!-- generator --><?xml-stylesheet href="a.xsl"?>\n<rss>', 'rss'],
    [
      '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      'rss',
    ],
    ['<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', 'atom'],
    ['<!DOCTYPE html>\n<html lang="en">', 'html'],
    ['<!doctype HTML><title>x</title>', 'html'],
    ['   \n<html><body>', 'html'],
    ['<!-- saved from url=(0042)https://example.org -->\n<html>', 'html'],
    [
      '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x"><html xmlns="http://www.w3.org/1999/xhtml">',
      'html',
    ],
    ['<div class="story"><p>Rebels entered the town.</p></div>', 'html'],
    ['<meta charset="utf-8"><p>Shelling was reported.</p>', 'html'],
  ])('%j is %s', (head, kind) => {
    expect(sniffKind(bytes(head))).toBe(kind)
  })

  it.each([
    // Text articles, even when they mention markup words or start with a header block.
    ['outlet: Alpha Daily\npublished: 2024-12-06\n\nThe army said <rss> feeds were down.'],
    ['Rebels said the html of the page was changed.'],
    ['<3 to everyone in the shelters, a resident wrote.'],
    ['< rss is not a tag'],
    ['The feed <feed> word in a sentence'],
    [''],
  ])('%j is text', (head) => {
    expect(sniffKind(bytes(head))).toBe('text')
  })

  it('reports another XML root so the caller can name it', () => {
    expect(
      sniffKind(bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">')),
    ).toEqual({ xmlRoot: 'svg' })
  })

  it('reads a UTF-16 page by its byte order mark', () => {
    const text = '\uFEFF<!DOCTYPE html><html>'
    const utf16 = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      utf16[i * 2] = text.charCodeAt(i) & 0xff
      utf16[i * 2 + 1] = text.charCodeAt(i) >> 8
    }
    expect(sniffKind(utf16)).toBe('html')
  })
})
