import type { EventType } from '../model/analysis.js'

const ACRONYM_SIDES = new Set(['hts', 'sdf', 'sna', 'sfa', 'fsa', 'idf', 'rsf', 'is', 'ypg', 'pkk'])

/** `government` → `the government`, `hts` → `HTS`, `russia` → `Russia`. */
export function sideLabel(side: string | null): string {
  if (side === null) return 'an unnamed side'
  if (side === 'government' || side === 'opposition') return `the ${side}`
  if (ACRONYM_SIDES.has(side)) return side.toUpperCase()
  return side
    .split(/[-_ ]/)
    .map((word) => (word === '' ? word : word[0]?.toUpperCase() + word.slice(1)))
    .join(' ')
}

/** `A`, `A and B`, `A, B and C`, `A, B, C and 2 others`. */
export function joinNames(names: readonly string[], max = 4): string {
  const unique = [...new Set(names)]
  if (unique.length === 0) return 'unnamed sources'
  if (unique.length > max) {
    return `${unique.slice(0, max - 1).join(', ')} and ${unique.length - (max - 1)} others`
  }
  if (unique.length === 1) return unique[0] ?? ''
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1] ?? ''}`
}

/** Third person: one name takes `says`, several `say`. */
export function verbFor(names: readonly string[], singular: string, plural: string): string {
  return new Set(names).size === 1 ? singular : plural
}

/** What the side did, in the past tense, before a place name. */
export function pastPhrase(type: EventType): string {
  switch (type) {
    case 'control':
      return 'took control of'
    case 'withdrawal':
      return 'withdrew from'
    case 'redeployment':
      return 'redeployed from'
    case 'advance':
      return 'advanced on'
    case 'offensive':
      return 'launched an offensive in'
    case 'strike':
      return 'carried out strikes on'
    case 'clash':
      return 'fought in'
    case 'casualties':
      return 'suffered casualties in'
    case 'defection':
      return 'saw defections in'
    case 'displacement':
      return 'caused displacement from'
    case 'evacuation':
      return 'evacuated'
    case 'protest':
      return 'protested in'
    case 'border':
      return 'crossed the border at'
    case 'diplomacy':
      return 'met in'
    case 'command_change':
      return 'changed command in'
  }
}

/** A claim in a few words: `the opposition: control of Daraa`. */
export function claimLabel(type: EventType, side: string | null, place: string | null): string {
  const where = place === null ? '' : ` ${pastPhrase(type)} ${place}`
  return side === null
    ? `${type.replace('_', ' ')}${place === null ? '' : ` in ${place}`}`
    : `${sideLabel(side)}${where || ` ${type}`}`
}
