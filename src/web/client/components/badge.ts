import { h } from './dom.js'
import { STATUS_LABEL } from './palette.js'

/** A status badge ("Disputed"); the class carries the colour, the text carries the meaning. */
export function statusBadge(status: string): HTMLElement {
  return h('span', { class: `badge status-${status}` }, STATUS_LABEL[status] ?? status)
}

/** A small chip naming a source or outlet. */
export function chip(text: string, kind = ''): HTMLElement {
  return h('span', { class: `chip ${kind}`.trim() }, text)
}
