import { describe, expect, it } from 'vitest'
import { MAX_FEED_ITEMS, parseFeedDocuments } from './feed-documents.js'
import { isInputError } from './input-error.js'

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Valley Courier – World</title>
  <link>https://valley-courier.example.org/</link>
  <item>
    <title>Rebels reach the bridge at Tal Hamra</title>
    <link>https://valley-courier.example.org/2024/12/05/bridge</link>
    <guid isPermaLink="true">https://valley-courier.example.org/2024/12/05/bridge</guid>
    <pubDate>Thu, 05 Dec 2024 21:10:00 +0200</pubDate>
    <dc:creator>Field Desk</dc:creator>
    <description>Short summary only.</description>
    <content:encoded><![CDATA[<p>Opposition fighters reached the old bridge at Tal Hamra on Thursday evening, residents said.</p><p>The defence ministry denied that its units had withdrawn &amp; said the army held every position.</p>]]></content:encoded>
  </item>
  <item>
    <title>Shelling &amp; displacement in the east</title>
    <link>https://valley-courier.example.org/2024/12/06/east</link>
    <pubDate>Fri, 06 Dec 2024 08:00:00 GMT</pubDate>
    <source url="https://wire.example.net/rss">Example Wire</source>
    <description>&lt;p&gt;Families left the eastern quarter on foot as shelling continued, a council member said.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Photo gallery</title>
    <link>https://valley-courier.example.org/gallery/1</link>
    <description><![CDATA[<img src="a.jpg">]]></description>
  </item>
</channel>
</rss>`

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <entry>
    <title type="html">Army &lt;em&gt;redeploys&lt;/em&gt; south of the capital</title>
    <link rel="self" href="https://wire.example.net/api/1"/>
    <link rel="alternate" href="https://wire.example.net/2024/12/07/redeploy"/>
    <id>urn:example:wire:1</id>
    <updated>2024-12-07T11:00:00Z</updated>
    <published>2024-12-07T09:30:00+03:00</published>
    <author><name>Wire Staff</name></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The army said its units carried out a redeployment south of the capital.</p><p>Opposition commanders said the troops had fled &amp; left their equipment.</p></div></content>
  </entry>
  <entry>
    <title>Crossing stays shut</title>
    <id>urn:example:wire:2</id>
    <updated>2024-12-08</updated>
    <summary type="text">The border crossing stayed shut on Sunday &lt;for now&gt;, officials said.</summary>
  </entry>
</feed>`

describe('parseFeedDocuments()', () => {
  it('reads RSS 2.0: one document per item, item date as published from metadata, HTML content as text', () => {
    const { items, problems } = parseFeedDocuments(RSS, { source: 'feeds/valley.xml' })
    expect(items).toHaveLength(2)
    const [bridge, east] = items.map((item) => item.document)
    expect(bridge).toMatchObject({
      source: 'https://valley-courier.example.org/2024/12/05/bridge',
      url: 'https://valley-courier.example.org/2024/12/05/bridge',
      outlet: 'The Valley Courier – World',
      title: 'Rebels reach the bridge at Tal Hamra',
      published: '2024-12-05',
      publishedFrom: 'metadata',
      author: 'Field Desk',
      text: 'Opposition fighters reached the old bridge at Tal Hamra on Thursday evening, residents said.\n\nThe defence ministry denied that its units had withdrawn & said the army held every position.',
    })
    expect(bridge!.id).toMatch(/^item-[0-9a-f]{12}$/)
    expect(east).toMatchObject({
      outlet: 'Example Wire',
      title: 'Shelling & displacement in the east',
      published: '2024-12-06',
      text: 'Families left the eastern quarter on foot as shelling continued, a council member said.',
    })
    expect(problems.map((problem) => problem.message)).toEqual([
      'feeds/valley.xml#3: feed item "Photo gallery" has no text',
    ])
  })

  it('gives items stable ids and content hashes: the same item twice is the same document', () => {
    const first = parseFeedDocuments(RSS, { source: 'a.xml' }).items
    const again = parseFeedDocuments(
      RSS.replace(
        '<title>The Valley Courier – World</title>',
        '<title>The Valley Courier – World</title>\n  <lastBuildDate>Sat, 07 Dec 2024 00:00:00 GMT</lastBuildDate>',
      ),
      { source: 'b.xml' },
    ).items
    expect(again.map((item) => item.document.id)).toEqual(first.map((item) => item.document.id))
    expect(again.map((item) => item.contentHash)).toEqual(first.map((item) => item.contentHash))
    const edited = parseFeedDocuments(
      RSS.replace('residents said.', 'residents and a monitor said.'),
      { source: 'a.xml' },
    ).items
    expect(edited[0]!.document.id).toBe(first[0]!.document.id)
    expect(edited[0]!.contentHash).not.toBe(first[0]!.contentHash)
    expect(edited[0]!.revisionKey).toBe('https://valley-courier.example.org/2024/12/05/bridge')
    expect(edited[1]!.contentHash).toBe(first[1]!.contentHash)
  })

  it('reads Atom: alternate link, published before updated, xhtml and text content', () => {
    const { items, problems } = parseFeedDocuments(ATOM, { source: 'feeds/wire.atom' })
    expect(problems).toEqual([])
    expect(items.map((item) => item.document)).toMatchObject([
      {
        url: 'https://wire.example.net/2024/12/07/redeploy',
        title: 'Army redeploys south of the capital',
        published: '2024-12-07',
        publishedFrom: 'metadata',
        outlet: 'Example Wire',
        author: 'Wire Staff',
        text: 'The army said its units carried out a redeployment south of the capital.\n\nOpposition commanders said the troops had fled & left their equipment.',
      },
      {
        url: null,
        title: 'Crossing stays shut',
        published: '2024-12-08',
        text: 'The border crossing stayed shut on Sunday <for now>, officials said.',
      },
    ])
    expect(items[1]!.revisionKey).toBe('urn:example:wire:2')
  })

  it('uses the defaults for an item with no date and no outlet anywhere', () => {
    const xml =
      '<rss version="2.0"><channel><item><title>T</title><description>Troops entered the town, residents said.</description></item></channel></rss>'
    const [item] = parseFeedDocuments(
      xml,
      { source: 'x.xml' },
      { published: '2024-12-09', outlet: 'Given' },
    ).items
    expect(item!.document).toMatchObject({
      published: '2024-12-09',
      publishedFrom: 'option',
      outlet: 'Given',
      url: null,
      source: 'x.xml#1',
    })
  })

  it.each([
    [
      'HTML, not a feed',
      '<!DOCTYPE html><html><body><p>x</p></body></html>',
      /not well-formed XML|not an RSS or Atom feed/,
    ],
    [
      'another XML document',
      '<?xml version="1.0"?><catalog><book>x</book></catalog>',
      /not an RSS or Atom feed \(root element is <catalog>\)/,
    ],
    [
      'a truncated feed',
      RSS.slice(0, RSS.length / 2),
      /not well-formed XML, truncated or broken \(line \d+/,
    ],
    [
      'plain text',
      'Rebels entered the town on Friday.',
      /not well-formed XML|not an RSS or Atom feed/,
    ],
    [
      'entity declarations',
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><rss><channel><item><description>&b;</description></item></channel></rss>',
      /declares XML entities/,
    ],
  ])('refuses %s with an InputError naming the input', (_name, xml, reason) => {
    let thrown: unknown
    try {
      parseFeedDocuments(xml, { source: 'feeds/odd.xml' })
    } catch (error) {
      thrown = error
    }
    expect(isInputError(thrown)).toBe(true)
    expect((thrown as Error).message).toMatch(/^feeds\/odd\.xml: /)
    expect((thrown as Error).message).toMatch(reason)
  })

  it(`refuses a feed of more than ${MAX_FEED_ITEMS} items`, () => {
    const item = '<item><title>t</title><description>Shelling was reported.</description></item>'
    const xml = `<rss version="2.0"><channel>${item.repeat(MAX_FEED_ITEMS + 1)}</channel></rss>`
    expect(() => parseFeedDocuments(xml, { source: 'big.xml' })).toThrow(
      /feed has 10001 items \(limit 10000\)/,
    )
  })
})
