// Renders the text corpus of examples/fall-of-the-south/ as the two other bundled forms:
// realistic news pages (examples/fall-of-the-south-html/) and feeds
// (examples/fall-of-the-south-feed/feed.xml, atom.xml). The article text is copied paragraph
// for paragraph, so ingesting any form gives the same events; everything around it (navigation,
// cookie banners, ads, scripts, related links, footers) is what an HTML ingester must drop.
//
// Run after editing an article: node examples/render-example-forms.mjs
// test/schema/example-corpus.test.ts checks that the three forms carry the same paragraphs.

import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const textDir = join(here, 'fall-of-the-south')
const htmlDir = join(here, 'fall-of-the-south-html')
const feedDir = join(here, 'fall-of-the-south-feed')

// One site per outlet: how its pages look, when each article went up (local time with offset,
// chosen so the local date and the UTC date agree) and which metadata the page carries.
// Pages whose text file has no header get the URL and time here; the observatory page, like
// its text, carries no machine-readable date at all (only the dateline).
const ARTICLES = {
  'homeland-redeployment': {
    time: '2024-12-07T08:20:00+03:00',
    site: 'homeland',
    charset: 'windows-1252',
    meta: ['og', 'published-meta'],
  },
  'meridian-nasib-crossing': {
    time: '2024-12-06T14:05:00Z',
    site: 'meridian',
    meta: ['og', 'published-meta', 'json-ld'],
  },
  'amman-ledger-nasib-crossing': {
    time: '2024-12-06T17:40:00+03:00',
    site: 'amman',
    meta: ['og', 'json-ld'],
  },
  'beirut-courier-nasib-crossing': {
    time: '2024-12-06T19:10:00+02:00',
    site: 'beirut',
    entities: true,
    meta: ['og', 'published-meta'],
  },
  'horan-voice-sanamayn': {
    time: '2024-12-07T10:45:00+03:00',
    site: 'horan',
    meta: ['og', 'json-ld'],
  },
  'atlas-daraa-deal': {
    time: '2024-12-06T12:30:00Z',
    site: 'atlas',
    url: 'https://atlaswire.example.net/2024/12/06/syria-daraa-army-leaves-under-deal',
    title: 'Syrian troops leave Daraa under deal with local fighters, monitor says',
    meta: ['og', 'json-ld'],
  },
  'observatory-release': {
    time: '2024-12-07T11:00:00Z',
    site: 'observatory',
    charset: 'windows-1252',
    url: 'https://levant-observatory.example.org/press/2024/regime-forces-withdraw-kiswah-sanamayn',
    title: 'Regime forces withdraw from Kiswah and Sanamayn; 74 dead in the south since Thursday',
    meta: ['og'],
  },
  'northsea-kiswah': {
    time: '2024-12-07T13:25:00Z',
    site: 'northsea',
    charset: 'windows-1252',
    meta: ['og', 'published-meta', 'json-ld'],
  },
  'cedar-post-live': {
    time: '2024-12-07T07:55:00+02:00',
    modified: '2024-12-07T14:10:00+02:00',
    site: 'cedar',
    meta: ['og', 'published-meta', 'json-ld'],
  },
  'atlas-army-admits': {
    time: '2024-12-09T09:00:00Z',
    site: 'atlas',
    meta: ['og', 'published-meta', 'json-ld'],
  },
}

// The subset carried by atom.xml (the RSS feed carries every article).
const ATOM_SUBSET = [
  'meridian-nasib-crossing',
  'homeland-redeployment',
  'horan-voice-sanamayn',
  'observatory-release',
  'atlas-army-admits',
]

const SITES = {
  homeland: {
    name: 'Homeland News Agency',
    home: 'https://homeland-news.example.org/en/',
    nav: ['Home', 'Local', 'Politics', 'Economy', 'Culture', 'Sport', 'Photos'],
  },
  meridian: {
    name: 'Meridian Press',
    home: 'https://meridianpress.example.net/',
    nav: ['World', 'Business', 'Markets', 'Sustainability', 'Legal', 'Breakingviews', 'Technology'],
  },
  amman: {
    name: 'The Amman Ledger',
    home: 'https://ammanledger.example.org/',
    nav: ['Jordan', 'Region', 'World', 'Business', 'Opinion', 'Sports', 'Life'],
  },
  beirut: {
    name: 'Beirut Courier',
    home: 'https://beirutcourier.example.net/',
    nav: ['Lebanon', 'Syria', 'Region', 'Economy', 'Opinion', 'Culture'],
  },
  horan: {
    name: 'Horan Free Voice',
    home: 'https://horanvoice.example.org/en/',
    nav: ['News', 'Horan', 'Reports', 'Martyrs', 'Videos', 'About us'],
  },
  atlas: {
    name: 'Atlas Wire',
    home: 'https://atlaswire.example.net/',
    nav: ['Top news', 'Middle East', 'Europe', 'Americas', 'Africa', 'Asia', 'Economy'],
  },
  observatory: {
    name: 'Levant Observatory for Human Rights',
    home: 'https://levant-observatory.example.org/',
    nav: ['Home', 'Press releases', 'Reports', 'Documentation', 'Donate', 'Contact'],
  },
  northsea: {
    name: 'Northsea Broadcasting',
    home: 'https://www.northsea-broadcasting.example.org/',
    nav: ['Home', 'News', 'Sport', 'Weather', 'Listen', 'Watch', 'Languages'],
  },
  cedar: {
    name: 'The Cedar Post',
    home: 'https://cedarpost.example.net/',
    nav: ['Live', 'Lebanon', 'Syria', 'Gaza', 'Business', 'Opinion'],
  },
}

/** Splits a text-format article into its header fields and body paragraphs. */
function readArticle(file) {
  const raw = readFileSync(join(textDir, file), 'utf8')
  const header = {}
  let body = raw
  if (/^[a-z]+: /.test(raw)) {
    const cut = raw.indexOf('\n\n')
    for (const line of raw.slice(0, cut).split('\n')) {
      const colon = line.indexOf(': ')
      header[line.slice(0, colon)] = line.slice(colon + 2)
    }
    body = raw.slice(cut + 2)
  }
  // Every line of a body is one paragraph (the press release's two opening lines included).
  const paragraphs = body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return { header, paragraphs }
}

function escapeText(text, { entities = false } = {}) {
  let out = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  // Some sites write typography as named entities; the decoded text is the same.
  if (entities) {
    out = out
      .replace(/–/g, '&ndash;')
      .replace(/—/g, '&mdash;')
      .replace(/’/g, '&rsquo;')
      .replace(/‘/g, '&lsquo;')
      .replace(/“/g, '&ldquo;')
      .replace(/”/g, '&rdquo;')
  }
  return out
}

function escapeAttr(text) {
  return escapeText(text).replace(/"/g, '&quot;')
}

// windows-1252 bytes 0x80-0x9F (undefined bytes as U+FFFD). Spelled out because Node 20's
// TextDecoder('windows-1252') decodes this range as latin-1 control characters.
const WINDOWS_1252_HIGH = new Map(
  [...'€�‚ƒ„…†‡ˆ‰Š‹Œ�Ž��‘’“”•–—˜™š›œ�žŸ'].map((ch, i) => [ch, 0x80 + i]),
)
WINDOWS_1252_HIGH.delete('\ufffd')

/** Encodes a string as windows-1252 bytes; throws on a character the charset lacks. */
function encodeWindows1252(text) {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const ch = text[i]
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code
    else if (WINDOWS_1252_HIGH.has(ch) && code > 0xff) bytes[i] = WINDOWS_1252_HIGH.get(ch)
    else throw new Error(`windows-1252 cannot encode U+${code.toString(16)} (${ch})`)
  }
  return bytes
}

function headMeta(article) {
  const { site, title, url, time, modified, meta, charset, description } = article
  const lines = [
    charset === 'windows-1252' ? '<meta charset="windows-1252">' : '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)} | ${escapeText(site.name)}</title>`,
    `<meta name="description" content="${escapeAttr(description)}">`,
    `<link rel="canonical" href="${escapeAttr(url)}">`,
  ]
  if (meta.includes('og')) {
    lines.push(
      `<meta property="og:site_name" content="${escapeAttr(site.name)}">`,
      '<meta property="og:type" content="article">',
      `<meta property="og:title" content="${escapeAttr(title)}">`,
      `<meta property="og:url" content="${escapeAttr(url)}">`,
      `<meta property="og:image" content="${escapeAttr(site.home)}static/share/default-1200x630.jpg">`,
    )
  }
  if (meta.includes('published-meta')) {
    lines.push(`<meta property="article:published_time" content="${time}">`)
    if (modified) lines.push(`<meta property="article:modified_time" content="${modified}">`)
    lines.push('<meta property="article:section" content="Middle East">')
  }
  if (meta.includes('json-ld')) {
    const ld = {
      '@context': 'https://schema.org',
      '@type': article.site.key === 'cedar' ? 'LiveBlogPosting' : 'NewsArticle',
      headline: title,
      datePublished: time,
      ...(modified && { dateModified: modified }),
      mainEntityOfPage: { '@type': 'WebPage', '@id': url },
      publisher: { '@type': 'NewsMediaOrganization', name: site.name, url: site.home },
      ...(article.author && { author: { '@type': 'Person', name: article.author } }),
    }
    lines.push(
      `<script type="application/ld+json">${JSON.stringify(ld, null, 2).replace(/</g, '\\u003c')}</script>`,
    )
  }
  return lines.map((line) => `  ${line}`).join('\n')
}

const COOKIE_BANNER = (
  site,
) => `<div id="cookie-consent" class="cookie-banner gdpr" role="dialog" aria-label="Cookie consent">
  <p>${escapeText(site.name)} and our 214 partners use cookies to personalise content and ads, and to analyse our traffic. <a href="${site.home}privacy">Manage preferences</a></p>
  <button type="button" class="cookie-accept">Accept all</button>
  <button type="button" class="cookie-reject">Reject non-essential</button>
</div>`

const AD_SLOT = (
  id,
  size,
) => `<div class="ad-slot advert sponsor" id="${id}" data-ad-size="${size}">
  <span class="ad-label">Advertisement</span>
  <script>window.adQueue = window.adQueue || []; window.adQueue.push({ slot: '${id}', size: '${size}' })</script>
</div>`

const ANALYTICS = (site) => `<script>
  (function (w, d) {
    w.dataLayer = w.dataLayer || []
    w.dataLayer.push({ event: 'pageview', site: ${JSON.stringify(site.name)}, section: 'middle-east' })
    var s = d.createElement('script'); s.async = true; s.src = '${site.home}static/js/metrics.min.js'
    d.head.appendChild(s)
  })(window, document)
</script>`

const NAV = (site, className) => `<nav class="${className}" aria-label="Main">
  <ul>
${site.nav.map((item) => `    <li><a href="${site.home}${item.toLowerCase().replace(/[^a-z]+/g, '-')}">${escapeText(item)}</a></li>`).join('\n')}
  </ul>
</nav>`

const RELATED = (site, titles) => `<aside class="related-links" aria-label="Related">
  <h2>Related stories</h2>
  <ul>
${titles.map((t, i) => `    <li><a href="${site.home}story/${1000 + i}">${escapeText(t)}</a></li>`).join('\n')}
  </ul>
</aside>`

const FOOTER = (site) => `<footer class="site-footer">
  <p>&copy; 2024 ${escapeText(site.name)}. All rights reserved.</p>
  <ul class="footer-links">
    <li><a href="${site.home}about">About us</a></li>
    <li><a href="${site.home}terms">Terms of use</a></li>
    <li><a href="${site.home}privacy">Privacy policy</a></li>
    <li><a href="${site.home}contact">Contact</a></li>
  </ul>
</footer>`

const RELATED_TITLES = [
  'Explainer: who are the armed groups of southern Syria?',
  'Oil prices edge up as markets watch the Middle East',
  'Photos: a week that changed the map of Syria',
  'Opinion: what comes after the regime?',
]

const STYLE = (accent) => `<style>
  body { font-family: Georgia, 'Times New Roman', serif; margin: 0; color: #1b1b1b }
  .site-header, .masthead { background: ${accent}; color: #fff; padding: 0.5rem 1rem }
  nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0 }
  nav a { color: inherit; text-decoration: none }
  article { max-width: 42rem; margin: 2rem auto; line-height: 1.6 }
  .cookie-banner { position: fixed; bottom: 0; left: 0; right: 0; background: #222; color: #eee; padding: 1rem }
  .ad-slot { min-height: 90px; background: #f2f2f2; text-align: center; font: 11px sans-serif }
</style>`

/** Paragraphs of the article body, with an ad break and a related box mixed in. */
function bodyHtml(article, { adAfter = 2, relatedInside = false } = {}) {
  const parts = []
  article.paragraphs.forEach((p, i) => {
    parts.push(`    <p>${escapeText(p, { entities: article.entities })}</p>`)
    if (i === adAfter - 1 && article.paragraphs.length > adAfter + 1) {
      parts.push(
        AD_SLOT(`inarticle-${article.id}`, '300x250')
          .split('\n')
          .map((l) => `    ${l}`)
          .join('\n'),
      )
    }
  })
  if (relatedInside) {
    parts.push(
      RELATED(article.site, RELATED_TITLES.slice(0, 2))
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    )
  }
  return parts.join('\n')
}

function displayDate(time) {
  const date = new Date(time)
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
}

// Several page layouts, as different sites have: the ingester must not depend on one.
const LAYOUTS = {
  // A state agency's older site: table layout, legacy charset, breadcrumb and print links.
  homeland: (a) => `<body class="en">
${COOKIE_BANNER(a.site)}
<table class="layout" width="100%" cellpadding="0" cellspacing="0">
  <tr><td class="masthead" colspan="2"><a href="${a.site.home}"><img src="${a.site.home}img/logo.gif" alt="${escapeAttr(a.site.name)}"></a>
  ${NAV(a.site, 'topmenu')}
  </td></tr>
  <tr>
    <td class="main" valign="top">
      <div class="breadcrumbs"><a href="${a.site.home}">Home</a> &raquo; <a href="${a.site.home}local">Local</a></div>
      <article class="news-item">
        <h1>${escapeText(a.title)}</h1>
        <div class="news-date"><time datetime="${a.time}">${displayDate(a.time)}</time></div>
${bodyHtml(a, { adAfter: 3 })}
      </article>
      <div class="tools"><a href="javascript:window.print()">Print</a> | <a href="${a.site.home}send">Send to a friend</a></div>
    </td>
    <td class="sidebar" valign="top" width="260">
      ${AD_SLOT('side-1', '250x250')}
      <h3>Latest news</h3>
      <ul><li><a href="${a.site.home}n/1">President receives credentials of new ambassadors</a></li><li><a href="${a.site.home}n/2">Ministry of Agriculture launches winter wheat campaign</a></li></ul>
    </td>
  </tr>
</table>
${FOOTER(a.site)}
${ANALYTICS(a.site)}
</body>`,

  // A wire service's article page: sticky header, market ticker, share tools, related rail.
  wire: (a) => `<body>
${COOKIE_BANNER(a.site)}
<header class="site-header">
  <a class="logo" href="${a.site.home}">${escapeText(a.site.name)}</a>
  ${NAV(a.site, 'primary-nav')}
  <div class="ticker" aria-hidden="true"><span>Brent +0.8%</span> <span>Gold -0.2%</span> <span>USD/TRY 34.8</span></div>
</header>
${AD_SLOT('leaderboard', '728x90')}
<main id="main-content">
  <article class="article-body" data-article-id="${a.id}">
    <header class="article-header">
      <p class="kicker"><a href="${a.site.home}world/middle-east">Middle East</a></p>
      <h1 data-testid="headline">${escapeText(a.title)}</h1>
      <p class="byline">By ${escapeText(a.site.name)} staff &middot; <time datetime="${a.time}">${displayDate(a.time)}</time> &middot; 3 min read</p>
      <div class="share-tools social"><button>Share</button><button>Save</button></div>
    </header>
    <div class="article-content">
${bodyHtml(a, { adAfter: 2 })}
    </div>
    <p class="trust">Our Standards: <a href="${a.site.home}trust">The Trust Principles</a>.</p>
  </article>
  ${RELATED(a.site, RELATED_TITLES)}
</main>
${FOOTER(a.site)}
${ANALYTICS(a.site)}
<script src="${a.site.home}static/js/app.bundle.js" defer></script>
</body>`,

  // A regional daily: masthead with weather and prayer times, most-read sidebar, newsletter box.
  daily: (a) => `<body class="article-page">
${COOKIE_BANNER(a.site)}
<div class="top-bar"><span class="weather">Partly cloudy 14&deg;C</span> <span class="date">${displayDate(a.time)}</span> <a href="${a.site.home}subscribe">Subscribe</a></div>
<header class="masthead"><a href="${a.site.home}" class="brand">${escapeText(a.site.name)}</a>
${NAV(a.site, 'section-nav')}
</header>
<div class="container">
  <div class="col-main">
    <article>
      <h1 class="headline">${escapeText(a.title)}</h1>
      <div class="meta"><span class="source">${escapeText(a.site.name)} with agencies</span> <time datetime="${a.time}">${displayDate(a.time)}</time></div>
${bodyHtml(a, { adAfter: 3, relatedInside: true })}
    </article>
    <section class="comments" id="comments"><h2>Comments (0)</h2><p>Log in to comment.</p></section>
  </div>
  <aside class="col-side sidebar">
    <h2>Most read</h2>
    <ol><li><a href="${a.site.home}r/1">Fuel prices to rise next month, ministry says</a></li><li><a href="${a.site.home}r/2">Winter storm expected over the weekend</a></li><li><a href="${a.site.home}r/3">National team names squad for Asian Cup qualifiers</a></li></ol>
    <div class="newsletter"><h3>Get the morning briefing</h3><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
    ${AD_SLOT('side-mpu', '300x600')}
  </aside>
</div>
${FOOTER(a.site)}
${ANALYTICS(a.site)}
</body>`,

  // An activist news site on a blog platform: widgets, donation appeal, tag cloud.
  blog: (a) => `<body class="post-template-default single single-post">
${COOKIE_BANNER(a.site)}
<div id="page" class="site">
  <header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="${a.site.home}">${escapeText(a.site.name)}</a></p><p class="site-description">The voice of free Horan</p></div>
  ${NAV(a.site, 'main-navigation')}
  </header>
  <div id="content" class="site-content">
    <div id="primary" class="content-area">
      <article id="post-4471" class="post type-post status-publish">
        <header class="entry-header"><h1 class="entry-title">${escapeText(a.title)}</h1>
          <div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="${a.time}">${displayDate(a.time)}</time></span></div>
        </header>
        <div class="entry-content">
${bodyHtml(a, { adAfter: 4 })}
        </div>
        <footer class="entry-footer"><span class="tags-links">Tags: <a rel="tag" href="${a.site.home}tag/horan">Horan</a>, <a rel="tag" href="${a.site.home}tag/liberation">Liberation</a></span></footer>
      </article>
      <nav class="navigation post-navigation"><a href="${a.site.home}news/prev" rel="prev">Previous: Checkpoints fall across the western countryside</a></nav>
    </div>
    <aside id="secondary" class="widget-area sidebar"><section class="widget"><h2 class="widget-title">Support independent media</h2><p>Donate to keep our correspondents in the field.</p></section></aside>
  </div>
  ${FOOTER(a.site)}
</div>
${ANALYTICS(a.site)}
</body>`,

  // A press-release page: plain, no date metadata, contact box.
  release: (a) => `<body class="page-press">
${COOKIE_BANNER(a.site)}
<header class="site-header"><a href="${a.site.home}"><img src="${a.site.home}logo.png" alt="logo"></a>
${NAV(a.site, 'menu')}
</header>
<main>
  <article class="press-release">
    <h1>${escapeText(a.title)}</h1>
${bodyHtml(a, { adAfter: 99 })}
  </article>
  <aside class="donate-box"><h2>Help us document every life lost</h2><a href="${a.site.home}donate" class="button">Donate</a></aside>
</main>
${FOOTER(a.site)}
${ANALYTICS(a.site)}
</body>`,

  // A broadcaster: heavy app shell, media player placeholder, 'top stories' rail.
  broadcaster: (a) => `<body>
<div id="app-root" data-hydrate="true">
${COOKIE_BANNER(a.site)}
<header class="global-header" role="banner"><a href="${a.site.home}" aria-label="${escapeAttr(a.site.name)} homepage">${escapeText(a.site.name)}</a>
${NAV(a.site, 'global-navigation')}
<form class="search" action="${a.site.home}search"><input name="q" placeholder="Search"></form>
</header>
<div class="media-player" data-vpid="p0k4x1">
  <noscript>This video can not be played: enable JavaScript.</noscript>
</div>
<main role="main">
  <article>
    <header><h1 id="main-heading">${escapeText(a.title)}</h1>
      <div class="byline-block"><span>By our Middle East correspondent</span> <time datetime="${a.time}">${displayDate(a.time)}</time></div>
    </header>
${bodyHtml(a, { adAfter: 3, relatedInside: true })}
  </article>
  <section class="top-stories" aria-label="Top stories"><h2>Top stories</h2><ul><li><a href="${a.site.home}news/1">Storm warnings issued for northern coasts</a></li><li><a href="${a.site.home}news/2">Election count goes into a second day</a></li></ul></section>
</main>
${FOOTER(a.site)}
</div>
<script>window.__INITIAL_DATA__ = {"page":{"type":"article","id":"${a.id}","section":"world-middle-east"},"flags":{"comments":false,"ads":true}}</script>
${ANALYTICS(a.site)}
</body>`,

  // A live blog: pinned summary, timestamped posts, auto-refresh script.
  live: (a) => `<body class="liveblog">
${COOKIE_BANNER(a.site)}
<header class="site-header"><a href="${a.site.home}">${escapeText(a.site.name)}</a>
${NAV(a.site, 'nav-main')}
</header>
<div class="live-badge" aria-hidden="true">LIVE</div>
<main>
  <article class="live-coverage">
    <h1>${escapeText(a.title)}</h1>
    <p class="updated">Updated <time datetime="${a.modified}">${displayDate(a.modified)}</time></p>
${a.paragraphs
  .map((p, i) =>
    i === 0
      ? `    <div class="key-points summary"><p>${escapeText(p)}</p></div>`
      : `    <div class="post" id="post-${i}"><p>${escapeText(p).replace(/^(\d\d:\d\d)/, '<strong class="post-time">$1</strong>')}</p></div>`,
  )
  .join('\n')}
  </article>
  ${AD_SLOT('live-mpu', '300x250')}
</main>
${FOOTER(a.site)}
<script>setInterval(function () { fetch('/live/poll?since=' + Date.now()).catch(function () {}) }, 30000)</script>
${ANALYTICS(a.site)}
</body>`,
}

const LAYOUT_OF_SITE = {
  homeland: 'homeland',
  meridian: 'wire',
  atlas: 'wire',
  amman: 'daily',
  beirut: 'daily',
  horan: 'blog',
  observatory: 'release',
  northsea: 'broadcaster',
  cedar: 'live',
}

const ACCENT = {
  homeland: '#7a1f1f',
  meridian: '#ff8000',
  atlas: '#003a70',
  amman: '#005b4f',
  beirut: '#1d3557',
  horan: '#1f6f3f',
  observatory: '#444',
  northsea: '#b80000',
  cedar: '#00695c',
}

function loadArticles() {
  return readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const id = file.replace(/\.txt$/, '')
      const config = ARTICLES[id]
      if (!config) throw new Error(`${file}: no entry in ARTICLES`)
      const { header, paragraphs } = readArticle(file)
      const site = { key: config.site, ...SITES[config.site] }
      const title = header.title ?? config.title
      const url = header.url ?? config.url
      if (!title || !url) throw new Error(`${file}: needs a title and url`)
      return {
        id,
        file,
        ...config,
        site,
        title,
        url,
        author: header.author,
        paragraphs,
        // The first sentence (or first 200 characters) stands in for a standfirst.
        description: paragraphs[0].replace(/^(.{40,220}?[.!?])\s.*$/, '$1'),
      }
    })
}

function renderPage(article) {
  const layout = LAYOUTS[LAYOUT_OF_SITE[article.site.key]]
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
${headMeta(article)}
  <link rel="stylesheet" href="${article.site.home}static/css/main.css">
  ${STYLE(ACCENT[article.site.key])}
</head>
${layout(article)}
</html>
`
  return article.charset === 'windows-1252' ? encodeWindows1252(html) : html
}

function rfc822(time) {
  return new Date(time).toUTCString().replace('GMT', '+0000')
}

function paragraphsHtml(paragraphs) {
  return paragraphs.map((p) => `<p>${escapeText(p)}</p>`).join('\n')
}

function renderRss(articles) {
  const items = [...articles]
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
    .map(
      (a) => `    <item>
      <title>${escapeText(a.title)}</title>
      <link>${escapeText(a.url)}</link>
      <guid isPermaLink="true">${escapeText(a.url)}</guid>
      <pubDate>${rfc822(a.time)}</pubDate>
      <source url="${escapeAttr(a.site.home)}">${escapeText(a.site.name)}</source>
      <dc:creator>${escapeText(a.site.name)}</dc:creator>
      <category>Syria</category>
      <description>${escapeText(a.description)}</description>
      <content:encoded><![CDATA[${paragraphsHtml(a.paragraphs)}]]></content:encoded>
    </item>`,
    )
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>The fall of the south: collected reports</title>
    <link>https://triangulate-examples.example.org/fall-of-the-south/</link>
    <atom:link href="https://triangulate-examples.example.org/fall-of-the-south/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Reports from several outlets on the fighting in southern Syria, 5 to 9 December 2024 (an example corpus written by the triangulate team).</description>
    <language>en</language>
    <lastBuildDate>${rfc822('2024-12-09T09:00:00Z')}</lastBuildDate>
    <ttl>30</ttl>
${items.join('\n')}
  </channel>
</rss>
`
}

function renderAtom(articles) {
  const entries = ATOM_SUBSET.map((id) => articles.find((a) => a.id === id)).map(
    (a) => `  <entry>
    <title type="text">${escapeText(a.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeAttr(a.url)}"/>
    <id>tag:triangulate-examples.example.org,2024:${a.id}</id>
    <published>${new Date(a.time).toISOString().replace('.000', '')}</published>
    <updated>${new Date(a.modified ?? a.time).toISOString().replace('.000', '')}</updated>
    <author><name>${escapeText(a.site.name)}</name><uri>${escapeText(a.site.home)}</uri></author>
    <source><title>${escapeText(a.site.name)}</title><link href="${escapeAttr(a.site.home)}"/></source>
    <summary type="text">${escapeText(a.description)}</summary>
    <content type="html">${escapeText(paragraphsHtml(a.paragraphs))}</content>
  </entry>`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>The fall of the south: selected reports</title>
  <subtitle>An example corpus written by the triangulate team</subtitle>
  <link rel="self" href="https://triangulate-examples.example.org/fall-of-the-south/atom.xml"/>
  <link rel="alternate" href="https://triangulate-examples.example.org/fall-of-the-south/"/>
  <id>tag:triangulate-examples.example.org,2024:fall-of-the-south</id>
  <updated>2024-12-09T09:00:00Z</updated>
${entries.join('\n')}
</feed>
`
}

const articles = loadArticles()
mkdirSync(htmlDir, { recursive: true })
mkdirSync(feedDir, { recursive: true })
for (const article of articles)
  writeFileSync(join(htmlDir, `${article.id}.html`), renderPage(article))
writeFileSync(join(feedDir, 'feed.xml'), renderRss(articles))
writeFileSync(join(feedDir, 'atom.xml'), renderAtom(articles))
console.log(
  `wrote ${articles.length} pages to ${resolve(htmlDir)} and 2 feeds to ${resolve(feedDir)}`,
)
