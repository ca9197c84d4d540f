import { describe, expect, it } from 'vitest'
import { estimateNesting, MAX_HTML_DEPTH, parseHtmlDocument } from './html-document.js'
import { isInputError } from './input-error.js'

/** A news page as sites serve it: cookie banner, navigation, ads and scripts around the story. */
function page(options: { head?: string; article?: string; lang?: string } = {}): string {
  return `<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}"><head><meta charset="utf-8">
<title>Rebels reach the bridge | The Valley Courier</title>
${options.head ?? ''}
<style>.ad { display: block }</style>
<script>window.dataLayer = [{ page: 'article' }]</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p><button>Accept</button></div>
<header class="masthead"><a href="/">The Valley Courier</a>
<nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Rebels reach the bridge</h1>
${
  options.article ??
  `<p>Opposition fighters reached the old bridge at Tal Hamra on Thursday evening, two residents said, after government troops left their positions on the western bank.</p>
<div class="ad"><span>Advertisement</span><script>showAd('mpu')</script></div>
<p>The defence ministry denied that its units had withdrawn and said the army was "holding every position" around the town, in a statement read on state television.</p>
<p>A local council member, speaking by telephone, said families had begun leaving the eastern quarter on foot because shelling continued through the night.</p>`
}
</article></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Markets close higher</a></li><li><a href="/b">Storm warning for the coast</a></li></ol></aside>
<footer><p>© 2024 The Valley Courier</p><a href="/privacy">Privacy</a></footer>
<script>(function(){ var s = document.createElement('script'); s.src = '/m.js' })()</script>
</body></html>`
}

const ORIGIN = { id: 'valley-bridge', source: 'pages/valley-bridge.html' }

describe('parseHtmlDocument()', () => {
  it('keeps the article text, paragraphs separated by blank lines, and drops the furniture', () => {
    const document = parseHtmlDocument(page(), ORIGIN)
    const paragraphs = document.text.split('\n\n')
    expect(paragraphs).toHaveLength(3)
    expect(paragraphs[0]).toBe(
      'Opposition fighters reached the old bridge at Tal Hamra on Thursday evening, two residents said, after government troops left their positions on the western bank.',
    )
    expect(paragraphs[1]).toMatch(/^The defence ministry denied that its units had withdrawn/)
    for (const furniture of [
      'cookies',
      'Accept',
      'World',
      'Sport',
      'Advertisement',
      'showAd',
      'Most read',
      'Markets',
      'Privacy',
      'dataLayer',
      'display',
    ]) {
      expect(document.text).not.toContain(furniture)
    }
    expect(document).toMatchObject({
      id: 'valley-bridge',
      source: 'pages/valley-bridge.html',
      title: 'Rebels reach the bridge | The Valley Courier',
      language: 'en',
    })
  })

  it('reads article:published_time, og:site_name, og:title and the canonical URL', () => {
    const document = parseHtmlDocument(
      page({
        head: `<meta property="article:published_time" content="2024-12-05T21:10:00+02:00">
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:title" content="Rebels reach the bridge at Tal Hamra">
<link rel="canonical" href="https://valley-courier.example.org/2024/12/05/bridge">
<meta name="author" content="Field Desk">`,
      }),
      ORIGIN,
      { published: '2030-01-01', outlet: 'Default Outlet' },
    )
    expect(document).toMatchObject({
      published: '2024-12-05',
      publishedFrom: 'metadata',
      outlet: 'The Valley Courier',
      title: 'Rebels reach the bridge at Tal Hamra',
      url: 'https://valley-courier.example.org/2024/12/05/bridge',
      author: 'Field Desk',
    })
  })

  it('reads JSON-LD datePublished and publisher inside @graph, skipping broken JSON-LD', () => {
    const document = parseHtmlDocument(
      page({
        head: `<script type="application/ld+json">{ broken json, </script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2024-12-04","publisher":{"@type":"Organization","name":"Courier Group"}}]}</script>`,
      }),
      ORIGIN,
    )
    expect(document).toMatchObject({
      published: '2024-12-04',
      publishedFrom: 'metadata',
      outlet: 'Courier Group',
    })
  })

  it('prefers article:published_time over JSON-LD, and skips a date that does not parse', () => {
    const head = `<meta property="article:published_time" content="yesterday">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-12-03T08:00:00Z"}</script>`
    expect(parseHtmlDocument(page({ head }), ORIGIN).published).toBe('2024-12-03')
  })

  it('falls back to a dateline, then to the defaults, and says so', () => {
    const dated = parseHtmlDocument(
      page({
        article:
          '<p>TAL HAMRA, December 5, 2024 – Opposition fighters reached the old bridge on Thursday, residents said, and the army pulled back.</p>',
      }),
      ORIGIN,
    )
    expect([dated.published, dated.publishedFrom]).toEqual(['2024-12-05', 'dateline'])
    const undated = parseHtmlDocument(page(), ORIGIN, {
      published: '2024-12-06',
      outlet: 'Given Outlet',
    })
    expect(undated).toMatchObject({
      published: '2024-12-06',
      publishedFrom: 'option',
      outlet: 'Given Outlet',
      url: null,
    })
    expect(parseHtmlDocument(page(), ORIGIN)).toMatchObject({
      published: null,
      publishedFrom: 'unknown',
    })
  })

  it('resolves a relative canonical URL against the page address, and ignores non-http ones', () => {
    const relative = parseHtmlDocument(
      page({ head: '<link rel="canonical" href="/2024/bridge">' }),
      { ...ORIGIN, pageUrl: 'https://courier.example.org/live?x=1' },
    )
    expect(relative.url).toBe('https://courier.example.org/2024/bridge')
    const scripted = parseHtmlDocument(
      page({ head: '<link rel="canonical" href="javascript:alert(1)">' }),
      ORIGIN,
    )
    expect(scripted.url).toBeNull()
  })

  it('drops date lines and byline blocks but keeps a paragraph that mentions a time', () => {
    const document = parseHtmlDocument(
      page({
        article: `<div class="meta"><span>Valley Courier staff with agencies</span> <time datetime="2024-12-05">5 December 2024</time></div>
<p class="updated">Updated <time datetime="2024-12-05T22:00">22:00</time></p>
<p>Opposition fighters reached the old bridge at Tal Hamra late on <time datetime="2024-12-05">Thursday</time> evening, two residents of the western bank said.</p>
<p>The defence ministry denied that its units had withdrawn and said the army was holding every position around the town.</p>`,
      }),
      ORIGIN,
    )
    expect(document.text.split('\n\n')).toEqual([
      'Opposition fighters reached the old bridge at Tal Hamra late on Thursday evening, two residents of the western bank said.',
      'The defence ministry denied that its units had withdrawn and said the army was holding every position around the town.',
    ])
  })

  it('reads malformed markup leniently', () => {
    const html =
      '<html><body><article><p>Opposition fighters reached the bridge on Thursday<p>The ministry denied it <b>firmly</article>'
    expect(parseHtmlDocument(html, ORIGIN).text).toBe(
      'Opposition fighters reached the bridge on Thursday\n\nThe ministry denied it firmly',
    )
  })

  it('reads the body when Readability finds no article', () => {
    const html =
      '<html><body><header>Site</header><div>Shelling hit the market on Friday, residents said.</div><footer>Legal</footer></body></html>'
    expect(parseHtmlDocument(html, ORIGIN).text).toBe(
      'Shelling hit the market on Friday, residents said.',
    )
  })

  it.each([
    [
      'a page with no text',
      '<html><head><title>Empty</title></head><body><nav>Home</nav><script>x()</script></body></html>',
      /no article text found/,
    ],
    [
      'a page nested too deeply',
      `<html><body>${'<div>'.repeat(MAX_HTML_DEPTH + 5)}deep${'</div>'.repeat(MAX_HTML_DEPTH + 5)}</body></html>`,
      /nested too deeply/,
    ],
  ])('refuses %s with an InputError naming the input', (_name, html, reason) => {
    let thrown: unknown
    try {
      parseHtmlDocument(html, ORIGIN)
    } catch (error) {
      thrown = error
    }
    expect(isInputError(thrown)).toBe(true)
    expect((thrown as Error).message).toMatch(/^pages\/valley-bridge\.html: /)
    expect((thrown as Error).message).toMatch(reason)
  })
})

describe('estimateNesting()', () => {
  it.each([
    ['<div><div><span>x</span></div></div>', 3],
    ['<p>one<p>two<p>three', 0],
    ['<ul><li>a<li>b</ul>', 1],
    ['<div><br><img src="x"><hr/><input></div>', 1],
    ['<div><script>for (i=0;i<9;i++) "<div><div><div>"</script></div>', 2],
    ['<div/><div/><div/>', 0],
    ['', 0],
  ])('%j is %d deep', (html, depth) => {
    expect(estimateNesting(html)).toBe(depth)
  })
})
