import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { htmlToText } from './html-to-text.js'

describe('htmlToText()', () => {
  it.each([
    [
      '<p>Rebels <b>entered</b> the town.</p><p>The army denied it.</p>',
      'Rebels entered the town.\n\nThe army denied it.',
    ],
    ['<p>First line<br>second line</p>', 'First line\nsecond line'],
    ['<div>  Spaces\n\n   collapse   here  </div>', 'Spaces collapse here'],
    ['<p>No-break\u00a0space kept</p>', 'No-break\u00a0space kept'],
    ['<h2>Headline</h2><p>Body text.</p>', 'Headline\n\nBody text.'],
    ['<ul><li>one</li><li>two</li></ul>', 'one\n\ntwo'],
    ['<table><tr><td>Daraa</td><td>12</td></tr></table>', 'Daraa 12'],
    ['<pre>keep   this\n  indent</pre><p>after</p>', 'keep   this\n  indent\n\nafter'],
    ['<p>A &amp; B &lt;tag&gt; &eacute;</p>', 'A & B <tag> é'],
    ['<p>text<script>alert("x")</script> more<style>p{}</style></p>', 'text more'],
    ['<nav><a>Home</a></nav><p>Article</p><noscript>Enable JS</noscript>', 'Article'],
    ['<p>Unclosed paragraph<p>another <b>bold', 'Unclosed paragraph\n\nanother bold'],
    ['<p>   </p><div><br></div>', ''],
  ])('%j', (html, text) => {
    expect(htmlToText(html)).toBe(text)
  })

  it('drops furniture only when asked', () => {
    const html = '<header>Site name</header><p>Story</p><footer>Copyright</footer>'
    expect(htmlToText(html)).toBe('Site name\n\nStory\n\nCopyright')
    expect(htmlToText(html, { drop: new Set(['header', 'footer']) })).toBe('Story')
  })

  it('walks a tree nested 100,000 levels deep without overflowing the stack', () => {
    // Built node by node: parsing such a page is refused earlier (see MAX_HTML_DEPTH).
    const { document } = parseHTML('<!doctype html><html><body></body></html>')
    let parent: Element = document.body
    for (let i = 0; i < 100_000; i++) parent = parent.appendChild(document.createElement('div'))
    parent.appendChild(document.createTextNode('deep words'))
    expect(htmlToText(document.body)).toBe('deep words')
  })
})
