import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { SAMPLE_ANALYSIS } from '../../test/e2e/server/fixtures/sample-analysis.js'
import { escapeMarkdown, renderMarkdown } from './markdown.js'

// The most permissive renderer a chat client might use: raw HTML on, bare links linkified.
const markdown = new MarkdownIt({ html: true, linkify: true })

/** Renders one escaped string and returns the text a reader sees (tags stripped, entities read). */
function rendered(source: string): string {
  return markdown
    .renderInline(source)
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}

describe('escapeMarkdown()', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[Click here](http://evil.example)',
    '![pixel](http://evil.example/p.png)',
    'see http://evil.example now',
    'visit www.evil.example today',
    'mail bad@evil.example',
    '<http://evil.example>',
    '**bold** _em_ ~~gone~~ `code`',
    '# Heading',
    '- item',
    '1. item',
    'a | b | c',
    'line one\nline two\r\n# three',
    '&lt;already escaped&gt;',
    'back\\slash',
  ]
  it.each(hostile)(
    'escapeMarkdown(%j) renders as plain text: no tag, no link, same words',
    (text) => {
      const html = markdown.render(`- ${escapeMarkdown(text)}`)
      expect(html).not.toMatch(/<(a|img|script|strong|em|s|code|h\d|table)\b/)
      expect(html.match(/<li>/g)).toHaveLength(1)
      expect(rendered(escapeMarkdown(text))).toBe(
        text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\r\n]/g, ' '),
      )
    },
  )

  const plain = ['Rebels took Valmora on Sunday.', 'The 5th brigade withdrew', "the army's units"]
  it.each(plain)('escapeMarkdown(%j) leaves ordinary prose unchanged', (text) => {
    expect(escapeMarkdown(text)).toBe(text)
  })
})

describe('renderMarkdown()', () => {
  const brief = renderMarkdown(SAMPLE_ANALYSIS)

  it('renderMarkdown() puts disputed claims first, then corroborated ones, then the timeline', () => {
    const disputed = brief.indexOf('## Disputed')
    const corroborated = brief.indexOf('## Corroborated')
    const timeline = brief.indexOf('## Timeline')
    expect(disputed).toBeGreaterThan(0)
    expect(corroborated).toBeGreaterThan(disputed)
    expect(timeline).toBeGreaterThan(corroborated)
  })

  it('renderMarkdown() shows both sides of a dispute with their sources and sentences', () => {
    const section = brief.slice(brief.indexOf('## Disputed'), brief.indexOf('## Corroborated'))
    expect(section).toContain('  - took control: Observatory, residents\n')
    expect(section).toContain(
      '    - “Rebel fighters took control of Valmora on Sunday, according to the Observatory.” (North Wire, 2025-03-10)\n',
    )
    expect(section).toContain('  - denies: defence ministry\n')
    expect(section).toContain(
      '    - “The defence ministry denied that Valmora had fallen.” (Coast &lt;b&gt;Daily&lt;/b&gt;, 2025-03-10)\n',
    )
  })

  it('renderMarkdown() lists the timeline by date with status marks', () => {
    const section = brief.slice(brief.indexOf('## Timeline'), brief.indexOf('## Outlets read'))
    expect(section).toBe(
      '## Timeline\n\n- 2025-03-09: Opposition took control of Valmora ⚠ disputed\n- 2025-03-10: Strike on Dersa\n\n',
    )
  })

  it('renderMarkdown() ends with the outlets read, their article counts and days, escaped', () => {
    const section = brief.slice(brief.indexOf('## Outlets read'))
    expect(section).toBe(
      '## Outlets read\n\n- Coast &lt;b&gt;Daily&lt;/b&gt;: 1 article, 2025-03-10\n- North Wire: 1 article, 2025-03-10\n- River Post: 1 article, 2025-03-11\n',
    )
  })

  it('renderMarkdown() lists corroborated claims with their independent origins', () => {
    const corroborated = {
      ...SAMPLE_ANALYSIS,
      claims: SAMPLE_ANALYSIS.claims.map((claim) =>
        claim.id === 'claim:control-valmora'
          ? { ...claim, status: 'corroborated' as const, denying: [] }
          : claim,
      ),
      disputes: [],
    }
    const section = renderMarkdown(corroborated)
      .split('## Corroborated')[1]!
      .split('## Timeline')[0]!
    expect(section).toContain(
      '- **Opposition took control of Valmora (2025-03-09)**: 2 independent origins: Observatory (North Wire, River Post); residents (Coast &lt;b&gt;Daily&lt;/b&gt;)\n',
    )
  })

  it('renderMarkdown() output renders with no link, image or HTML from the articles', () => {
    const html = markdown.render(brief)
    expect(html).not.toMatch(/<(a|img|script|b)\b/)
    expect(html).toContain('&lt;b&gt;Daily&lt;/b&gt;')
  })

  it('renderMarkdown() is byte-identical across runs', () => {
    expect(renderMarkdown(structuredClone(SAMPLE_ANALYSIS))).toBe(brief)
  })
})
