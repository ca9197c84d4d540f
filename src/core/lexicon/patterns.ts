import type { Word } from '../text/words.js'

/**
 * A tiny word-pattern language for lexicon files: words in lower case, `a|b` alternatives,
 * `x*` any suffix, `x?` optional, `_` any one word, `_?` at most one word, `__` up to three words.
 * `took|taken full|complete? control` matches "took full control" and "taken control".
 */
export interface WordPattern {
  readonly source: string
  readonly tokens: readonly PatternToken[]
}

type PatternToken =
  | {
      readonly kind: 'word'
      readonly alternatives: readonly string[]
      /** The alternatives again, for lookup in constant time. */
      readonly alternativeSet: ReadonlySet<string>
      readonly prefixes: readonly string[]
      readonly optional: boolean
    }
  | { readonly kind: 'gap'; readonly min: number; readonly max: number }

export function compilePattern(source: string): WordPattern {
  const tokens: PatternToken[] = source
    .trim()
    .split(/\s+/)
    .map((raw) => {
      if (raw === '_') return { kind: 'gap', min: 1, max: 1 } as const
      if (raw === '_?') return { kind: 'gap', min: 0, max: 1 } as const
      if (raw === '__') return { kind: 'gap', min: 0, max: 3 } as const
      const optional = raw.endsWith('?')
      const body = optional ? raw.slice(0, -1) : raw
      const parts = body.split('|')
      const alternatives = parts.filter((part) => !part.endsWith('*'))
      return {
        kind: 'word',
        alternatives,
        alternativeSet: new Set(alternatives),
        prefixes: parts.filter((part) => part.endsWith('*')).map((part) => part.slice(0, -1)),
        optional,
      } as const
    })
  return { source, tokens }
}

function wordFits(token: Extract<PatternToken, { kind: 'word' }>, folded: string): boolean {
  if (token.alternativeSet.has(folded)) return true
  for (const prefix of token.prefixes) if (folded.startsWith(prefix)) return true
  return false
}

/**
 * Matches the pattern at word index `at`; returns the index after the last matched word, or -1.
 * Backtracks over gaps and optional words, so it is exact but only used on short patterns.
 */
export function matchPatternAt(
  pattern: WordPattern,
  words: readonly Word[],
  at: number,
  limit = words.length,
): number {
  return matchFrom(pattern.tokens, 0, words, at, limit)
}

// A plain recursive function rather than a closure per call: the claims stage runs this for every
// candidate pattern at every word of a document.
function matchFrom(
  tokens: readonly PatternToken[],
  t: number,
  words: readonly Word[],
  w: number,
  limit: number,
): number {
  if (t === tokens.length) return w
  const token = tokens[t]!
  if (token.kind === 'gap') {
    for (let skip = token.min; skip <= token.max && w + skip <= limit; skip++) {
      const end = matchFrom(tokens, t + 1, words, w + skip, limit)
      if (end !== -1) return end
    }
    return -1
  }
  if (w < limit && wordFits(token, words[w]!.folded)) {
    const end = matchFrom(tokens, t + 1, words, w + 1, limit)
    if (end !== -1) return end
  }
  return token.optional ? matchFrom(tokens, t + 1, words, w, limit) : -1
}

/** The first words a pattern can start with, for indexing (null = may start with anything). */
export function firstWords(
  pattern: WordPattern,
): { alternatives: string[]; prefixes: string[] } | null {
  const alternatives: string[] = []
  const prefixes: string[] = []
  for (const token of pattern.tokens) {
    if (token.kind === 'gap') return null
    alternatives.push(...token.alternatives)
    prefixes.push(...token.prefixes)
    if (!token.optional) return { alternatives, prefixes }
  }
  return null
}
