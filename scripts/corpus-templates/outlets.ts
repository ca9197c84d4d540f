/**
 * Outlets of the generated corpus: wires whose copy is republished, state agencies aligned with
 * one side, and newspapers (invented names, built from a stem and a masthead word) that lean one
 * way or report neutrally. Alignment is per region, so the same agency can be neutral about one
 * war and partisan about another.
 */
import type { Alignment } from './regions.js'

export type OutletKind = 'wire' | 'state' | 'paper'

export interface Outlet {
  readonly name: string
  readonly domain: string
  readonly kind: OutletKind
  /** Leaning per region id; regions not named are reported neutrally. */
  readonly alignment: Readonly<Record<string, Alignment>>
  /** Index into a place's spellings this outlet prefers (its house transliteration style). */
  readonly spelling: number
}

/** Wires: their copy is republished by papers with small edits. */
export const WIRES: readonly Outlet[] = [
  { name: 'Reuters', domain: 'reuters.com', kind: 'wire', alignment: {}, spelling: 0 },
  { name: 'AFP', domain: 'afp.com', kind: 'wire', alignment: {}, spelling: 1 },
  { name: 'Associated Press', domain: 'apnews.com', kind: 'wire', alignment: {}, spelling: 0 },
  { name: 'dpa', domain: 'dpa.com', kind: 'wire', alignment: {}, spelling: 2 },
]

export const STATE_OUTLETS: readonly Outlet[] = [
  { name: 'SANA', domain: 'sana.sy', kind: 'state', alignment: { syria: 'x' }, spelling: 1 },
  {
    name: 'TASS',
    domain: 'tass.com',
    kind: 'state',
    alignment: { syria: 'x', ukraine: 'y' },
    spelling: 1,
  },
  {
    name: 'RIA Novosti',
    domain: 'ria.ru',
    kind: 'state',
    alignment: { syria: 'x', ukraine: 'y' },
    spelling: 1,
  },
  { name: 'IRNA', domain: 'irna.ir', kind: 'state', alignment: { syria: 'x' }, spelling: 2 },
  {
    name: 'Anadolu Agency',
    domain: 'aa.com.tr',
    kind: 'state',
    alignment: { syria: 'y' },
    spelling: 0,
  },
  {
    name: 'Ukrinform',
    domain: 'ukrinform.net',
    kind: 'state',
    alignment: { ukraine: 'x' },
    spelling: 0,
  },
  { name: 'SUNA', domain: 'suna-sd.net', kind: 'state', alignment: { sudan: 'x' }, spelling: 1 },
  { name: 'Xinhua', domain: 'xinhuanet.com', kind: 'state', alignment: {}, spelling: 1 },
]

/** Partisan but not state-run: opposition media and outlets close to a side. */
export const PARTISAN_OUTLETS: readonly Outlet[] = [
  {
    name: 'Enab Baladi',
    domain: 'enabbaladi.net',
    kind: 'paper',
    alignment: { syria: 'y' },
    spelling: 0,
  },
  { name: 'Syria TV', domain: 'syria.tv', kind: 'paper', alignment: { syria: 'y' }, spelling: 1 },
  {
    name: 'Al Mayadeen',
    domain: 'almayadeen.net',
    kind: 'paper',
    alignment: { syria: 'x' },
    spelling: 2,
  },
  { name: 'Press TV', domain: 'presstv.ir', kind: 'paper', alignment: { syria: 'x' }, spelling: 1 },
  {
    name: 'Kyiv Independent Desk',
    domain: 'kyiv-desk.example.org',
    kind: 'paper',
    alignment: { ukraine: 'x' },
    spelling: 0,
  },
  {
    name: 'Donbas Front Herald',
    domain: 'donbas-front.example.org',
    kind: 'paper',
    alignment: { ukraine: 'y' },
    spelling: 1,
  },
  {
    name: 'Darfur Voices',
    domain: 'darfur-voices.example.org',
    kind: 'paper',
    alignment: { sudan: 'y' },
    spelling: 2,
  },
  {
    name: 'Nile Sentinel',
    domain: 'nile-sentinel.example.org',
    kind: 'paper',
    alignment: { sudan: 'x' },
    spelling: 0,
  },
]

const STEMS = [
  'Harbour',
  'Northern',
  'Lakeside',
  'Capital',
  'Coastal',
  'Valley',
  'Meridian',
  'Western',
  'Riverside',
  'Highland',
  'Continental',
  'Evening',
  'Morning',
  'Citizen',
  'Union',
  'Frontier',
  'Metro',
  'Atlantic',
  'Baltic',
  'Pacific',
]
const MASTHEADS = [
  'Courier',
  'Herald',
  'Ledger',
  'Tribune',
  'Gazette',
  'Post',
  'Observer',
  'Chronicle',
  'Monitor',
  'Dispatch',
]

/**
 * Newspapers: stem × masthead, most neutral; every seventh leans to the incumbent and every
 * eleventh to the challenger in one region, as real papers do on one war and not another.
 */
export function newspapers(count: number): Outlet[] {
  const papers: Outlet[] = []
  const regions = ['syria', 'ukraine', 'sudan']
  for (let i = 0; i < count; i++) {
    const stem = STEMS[i % STEMS.length] as string
    const masthead = MASTHEADS[Math.floor(i / STEMS.length) % MASTHEADS.length] as string
    const round = Math.floor(i / (STEMS.length * MASTHEADS.length))
    const name = `The ${stem} ${masthead}${round > 0 ? ` ${round + 1}` : ''}`
    const region = regions[i % regions.length] as string
    const alignment: Record<string, Alignment> =
      i % 7 === 3 ? { [region]: 'x' } : i % 11 === 5 ? { [region]: 'y' } : {}
    const domain = `${stem}${masthead}${round > 0 ? round + 1 : ''}`.toLowerCase() + '.example.com'
    papers.push({ name, domain, kind: 'paper', alignment, spelling: i % 3 })
  }
  return papers
}
