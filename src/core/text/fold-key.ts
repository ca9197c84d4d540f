/**
 * The normalised key under which names are compared: lower case, no diacritics, one kind of
 * apostrophe and hyphen, single spaces. Lives beside the text, never replaces it.
 * `foldKey('Türkiye’s  Al-Qa’im')` → `turkiye's al-qa'im`.
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘ʼʻ`´]/g, "'")
    .replace(/[‐-―−]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
