/**
 * A plural place-type word closing a list of names gives its type to every name of the list:
 * [Becker], [Clay] and [Douglas] counties; [Daraa] and [Quneitra] provinces.
 */
const PLURAL_TYPES: ReadonlyMap<string, string> = new Map([
  ['counties', 'county'],
  ['parishes', 'parish'],
  ['provinces', 'province'],
  ['governorates', 'governorate'],
  ['oblasts', 'oblast'],
  ['districts', 'district'],
  ['states', 'state'],
  ['regions', 'region'],
])

// After a name: more names joined by commas, "and", "or" or "&", then the plural type word.
// Names are capitalised words (up to four); lower-case words other than the joiners end the list.
const LIST_TAIL =
  /(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){0,3}){0,12}\s+(counties|parishes|provinces|governorates|oblasts|districts|states|regions)\b/uy

/**
 * The singular type word of the list the name ending at `end` belongs to, or null.
 *
 * @example readListType('Clay, Douglas and Grant counties', 4) // 'county'
 */
export function readListType(text: string, end: number): string | null {
  const next = text.charCodeAt(end)
  // Only a comma, a space or an ampersand can continue a list: most names are followed by none.
  if (next !== 44 && next !== 32) return null
  // Sticky: matched where the name ends, without copying the rest of the text.
  LIST_TAIL.lastIndex = end
  const match = LIST_TAIL.exec(text)
  return match ? (PLURAL_TYPES.get(match[1] as string) ?? null) : null
}
