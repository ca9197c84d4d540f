import { parseHTML } from 'linkedom'

/** Elements whose content is never article text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'nav',
  'head',
  'title',
])

/** Page furniture, dropped too when the whole body is read (no Readability result). */
export const FURNITURE = new Set(['header', 'footer', 'aside', 'form', 'menu', 'dialog'])

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
])

/** Table cells sit side by side: a space between them, not a paragraph. */
const CELLS = new Set(['td', 'th'])

/** HTML collapses ASCII whitespace only; a no-break space is text and is kept. */
const ASCII_SPACE = /[ \t\n\r\f]+/g

export interface HtmlToTextOptions {
  /** Element names dropped with their content, on top of scripts, styles and navigation. */
  readonly drop?: ReadonlySet<string>
}

/**
 * Converts HTML (a string, or a parsed node) to the plain text a SourceDocument carries: one
 * paragraph per block element, paragraphs separated by a blank line, `<br>` a line break,
 * whitespace collapsed as a browser would, scripts, styles and navigation dropped. The walk is
 * iterative, so a page nested 100,000 levels deep cannot overflow the stack.
 *
 * @example
 * htmlToText('<p>Rebels <b>entered</b> the town.</p><p>The army denied it.</p>')
 * // 'Rebels entered the town.\n\nThe army denied it.'
 */
export function htmlToText(html: string | Node, options: HtmlToTextOptions = {}): string {
  const root: Node =
    typeof html === 'string'
      ? parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body
      : html
  const drop = options.drop
  const paragraphs: string[] = []
  let current = ''
  let preDepth = 0

  const flush = () => {
    const lines = current
      .split('\n')
      .map((line) =>
        preDepth > 0 ? line.replace(/\s+$/, '') : line.replace(ASCII_SPACE, ' ').trim(),
      )
      .filter((line) => line.trim() !== '')
    if (lines.length > 0) paragraphs.push(lines.join('\n'))
    current = ''
  }

  // An explicit stack of (node, leaving) pairs instead of recursion.
  const stack: { node: Node; leaving: boolean }[] = [{ node: root, leaving: false }]
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? ''
      current += preDepth > 0 ? text : text.replace(ASCII_SPACE, ' ')
      continue
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue
    const name = (node as Element).localName?.toLowerCase() ?? ''
    if (leaving) {
      if (name === 'pre') {
        flush()
        preDepth--
      } else if (BLOCKS.has(name)) flush()
      else if (CELLS.has(name)) current += ' '
      continue
    }
    if (DROPPED.has(name) || drop?.has(name)) continue
    if (name === 'br') {
      current += '\n'
      continue
    }
    if (BLOCKS.has(name)) flush()
    if (name === 'pre') preDepth++
    stack.push({ node, leaving: true })
    // firstChild/nextSibling, not childNodes: linkedom builds childNodes by scanning the
    // whole subtree, which makes a deeply nested page quadratic.
    const children: Node[] = []
    for (let child = node.firstChild; child !== null; child = child.nextSibling)
      children.push(child)
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, leaving: false })
  }
  flush()
  return paragraphs.join('\n\n')
}
