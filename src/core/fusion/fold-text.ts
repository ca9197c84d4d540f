/** ASCII and the General Punctuation block (dashes, curly quotes, ellipsis, spaces) only. */
const PLAIN = /^[\u0000-\u007f\u2000-\u206f]*$/

/**
 * Folding for comparisons across documents: lower case, no diacritics, no apostrophes, words
 * separated by single spaces. Keys only: the folded text never replaces a document's text.
 */
export function foldText(text: string): string {
  // Plain ASCII with general punctuation ("Idlib – rebels’ gains") has nothing to decompose and
  // no letters beyond a-z: the same result without the Unicode passes, several times faster.
  if (PLAIN.test(text)) {
    return text
      .toLowerCase()
      .replace(/[’'`‘]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
  }
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`ʼʻ‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** The folded words of a text, in order. */
export function wordsOf(text: string): string[] {
  const folded = foldText(text)
  return folded === '' ? [] : folded.split(' ')
}

/** 32-bit FNV-1a hash of a string, for shingles and MinHash seeds. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
