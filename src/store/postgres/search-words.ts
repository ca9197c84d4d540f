/**
 * Turns what a user types into the words of a PostgreSQL text query: one string per typed word,
 * holding its letter and digit runs separated by spaces (`al-Assad` → `al Assad`), for
 * `phraseto_tsquery`. Punctuation and operators are never syntax (`-checkpoint`, `NEAR(x y)`,
 * `col:army` are just words). Mirrors the SQLite store's `toFtsQuery`.
 *
 * @example
 * toSearchWords('"al-Assad" army\'s') // ['al Assad', 'army s']
 */
export function toSearchWords(query: string): string[] {
  const words: string[] = []
  for (const word of query.normalize('NFKC').split(/\s+/)) {
    const tokens = word.match(/[\p{L}\p{N}\p{M}]+/gu)
    if (tokens) words.push(tokens.join(' '))
  }
  return words
}
