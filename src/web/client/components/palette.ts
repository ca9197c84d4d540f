/**
 * Colours for controllers. Well-known side codes keep one colour in every report so readers
 * learn them; any other controller takes the next colour of a colour-blind-safe palette
 * (Okabe–Ito) in the analysis' stable controller order.
 */
const KNOWN: Readonly<Record<string, string>> = {
  government: '#c4342d',
  opposition: '#2f8f4e',
  hts: '#1f5f3a',
  sdf: '#d9a400',
  druze: '#7b4fa0',
  sfa: '#2a78b8',
  unknown: '#8a8a8a',
}

const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#009e73',
  '#8c6d31',
  '#6b6ecf',
]

export const UNKNOWN_COLOUR = '#8a8a8a'

/** A colour for every controller, stable for a given controller list. */
export function colourControllers(controllers: readonly string[]): Map<string, string> {
  const colours = new Map<string, string>()
  let next = 0
  for (const controller of controllers) {
    const known = KNOWN[controller.toLowerCase()]
    colours.set(controller, known ?? PALETTE[next++ % PALETTE.length]!)
  }
  return colours
}

/** Status colours shared by badges, the timeline and the ledger. */
export const STATUS_LABEL: Readonly<Record<string, string>> = {
  corroborated: 'Corroborated',
  'single-source': 'Single source',
  disputed: 'Disputed',
  claimed: 'Claimed',
}
