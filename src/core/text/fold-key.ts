/**
 * The normalised key under which names are compared: lower case, no diacritics, one kind of
 * apostrophe and hyphen, single spaces. Lives beside the text, never replaces it.
 * `foldKey('Türkiye’s  Al-Qa’im')` → `turkiye's al-qa'im`.
 */
export function foldKey(text: string): string {
  // [Damascus], [al-Qa'im], [free syrian army]: plain ASCII with single inner spaces is already
  // folded but for its case. Most keys are one word of such text, folded once per word of every
  // document, so the Unicode path below (normalisation and five replacements) is worth skipping.
  if (isPlainAscii(text)) return text.toLowerCase()
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘ʼʻ`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * True when folding changes nothing but case: printable ASCII other than the backtick (an
 * apostrophe to unify), spaces only single and inside. NFKD leaves ASCII as it is.
 */
function isPlainAscii(text: string): boolean {
  const last = text.length - 1
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x20) {
      if (i === 0 || i === last || text.charCodeAt(i - 1) === 0x20) return false
    } else if (code < 0x21 || code > 0x7e || code === 0x60) {
      return false
    }
  }
  return true
}
