/**
 * The one way views build DOM. Strings always become text nodes, so article text, titles and
 * metadata can never turn into markup: there is no `innerHTML` anywhere in the client.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[]

type Handler = (event: Event) => void
export type Props = Record<string, string | number | boolean | Handler | null | undefined>

/**
 * Creates an element. Props starting with `on` and holding a function become listeners
 * (`onclick`), `false`/`null`/`undefined` props are skipped, `true` sets an empty attribute.
 *
 * @example h('button', { class: 'chip', onclick: open }, 'Reuters')
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue
      if (typeof value === 'function') {
        element.addEventListener(key.slice(2), value)
      } else {
        element.setAttribute(key, value === true ? '' : String(value))
      }
    }
  }
  append(element, children)
  return element
}

/** Appends children, turning strings and numbers into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(parent, child as readonly Child[])
    else if (typeof child === 'string' || typeof child === 'number') {
      parent.appendChild(document.createTextNode(String(child)))
    } else parent.appendChild(child as Node)
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren()
  append(parent, children)
}

/** An SVG element (for the legend swatches and the shared hatch patterns). */
export function svg(tag: string, attributes: Record<string, string | number> = {}): SVGElement {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value))
  return element
}
