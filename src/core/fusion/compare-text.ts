/** Code-unit order of two strings: fast and locale-free, so output is the same everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Order of ids ending in a number (`claim:9` before `claim:10`), then by text. */
export function compareIds(a: string, b: string): number {
  const na = trailingNumber(a)
  const nb = trailingNumber(b)
  if (na !== null && nb !== null && na !== nb) return na - nb
  return compareText(a, b)
}

function trailingNumber(id: string): number | null {
  const match = /(\d+)$/.exec(id)
  return match === null ? null : Number(match[1])
}
