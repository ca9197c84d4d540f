/**
 * Turns what a user types into an FTS5 query that cannot be a syntax error: every word becomes
 * a quoted term, all must match. A word with inner punctuation becomes a phrase, matching how
 * the unicode61 tokenizer split the indexed text (`al-Assad` → `"al assad"`).
 * Returns null when the query has no word at all.
 */
export function toFtsQuery(query: string): string | null {
  const terms: string[] = []
  for (const word of query.normalize('NFKC').split(/\s+/)) {
    const tokens = word.match(/[\p{L}\p{N}\p{M}]+/gu)
    if (tokens) terms.push(`"${tokens.join(' ')}"`)
  }
  return terms.length > 0 ? terms.join(' ') : null
}
