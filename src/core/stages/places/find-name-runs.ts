/** One word of a capitalised run, as offsets into the text. */
export interface RunWord {
  readonly start: number
  readonly end: number
  /** Lower-case connector inside a name: al-, ez-, de, of … */
  readonly connector: boolean
  /** Joined to the previous word by a hyphen rather than a space. */
  readonly hyphenated: boolean
}

/** A maximal sequence of capitalised words (and connectors between them) in the text. */
export interface NameRun {
  readonly words: readonly RunWord[]
  /** True when the first word opens a sentence, a quote or a line. */
  readonly sentenceInitial: boolean
}

/**
 * Connectors that may sit between capitalised words of one place name: Arabic articles
 * ([Deir ez-Zor], [Ras al Ain], [al-Qaryatayn]), Romance and English particles ([Gulf of Aden],
 * [Rio de Janeiro]).
 */
const CONNECTORS = new Set([
  'al',
  'el',
  'il',
  'ul',
  'as',
  'es',
  'ash',
  'esh',
  'ar',
  'er',
  'ad',
  'ed',
  'adh',
  'az',
  'ez',
  'at',
  'et',
  'ath',
  'an',
  'en',
  'bin',
  'ibn',
  'bani',
  'beni',
  'de',
  'del',
  'della',
  'di',
  'da',
  'do',
  'dos',
  'das',
  'du',
  'des',
  'la',
  'le',
  'los',
  'las',
  'van',
  'von',
  'der',
  'den',
  'of',
  'upon',
  'on',
  'sur',
  'am',
  'im',
])

/** Connectors that are also English words: only inside hyphenated names ([Rostov-on-Don]). */
const HYPHEN_ONLY = new Set(['upon', 'on', 'am', 'im', 'sur', 'an', 'at', 'as', 'do', 'den'])

// Letters, combining marks and digits, with inner apostrophes kept ([Sa'sa'], [Rif'at]).
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ‘`][\p{L}\p{M}]+)*/gu
const UPPER = /^\p{Lu}/u
const DIGIT = /^\p{N}/u
const POSSESSIVE = /['’]s$/
const AYN_MARKS = new Set([..."'’ʼ‘`ʿ"].map((mark) => mark.charCodeAt(0)))

/**
 * Splits `text` into capitalised runs in one linear pass. A run breaks at any punctuation
 * other than a single hyphen or space, at a lower-case word that is not a connector, and
 * after a possessive ([Syria's] army).
 */
export function findNameRuns(text: string, sentenceStarts: ReadonlySet<number>): NameRun[] {
  const runs: NameRun[] = []
  let words: RunWord[] = []
  let pendingConnectors: RunWord[] = []
  let previousEnd = -1
  let runInitial = false

  const close = (): void => {
    if (words.length > 0) runs.push({ words, sentenceInitial: runInitial })
    words = []
    pendingConnectors = []
  }

  WORD.lastIndex = 0
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    let start = match.index
    const word = match[0]
    let end = start + word.length
    // The gap to the previous word: one space or one hyphen joins, anything else breaks.
    const gap = previousEnd < 0 ? 32 : start - previousEnd === 1 ? text.charCodeAt(previousEnd) : -1
    const joined = gap === 32 || gap === 45 || gap === 0x2010 || gap === 0x2011
    const hyphenated = gap !== 32 && joined
    if (!joined) close()
    previousEnd = end
    // Most words of a text are lower case and too long to be a connector: nothing to read.
    const firstCode = word.charCodeAt(0)
    if (firstCode >= 97 && firstCode <= 122 && word.length > 5) {
      close()
      continue
    }
    let possessive = false
    if (POSSESSIVE.test(word) && word.length > 3) {
      end -= 2
      possessive = true
    }
    // [ʿAyn al-Arab], [‘Ain]: a leading ayn mark belongs to the word.
    if (
      start > 0 &&
      AYN_MARKS.has(text.charCodeAt(start - 1)) &&
      !/\p{L}/u.test(text[start - 2] ?? ' ')
    ) {
      start -= 1
    }
    const lower = word.toLowerCase()
    const isUpper =
      firstCode >= 65 && firstCode <= 90
        ? true
        : firstCode >= 97 && firstCode <= 122
          ? false
          : UPPER.test(word) || (DIGIT.test(word) && hyphenated && words.length > 0)
    if (isUpper) {
      if (words.length === 0) runInitial = isSentenceInitial(text, start, sentenceStarts)
      words.push(...pendingConnectors, { start, end, connector: false, hyphenated })
      pendingConnectors = []
    } else if (
      CONNECTORS.has(lower) &&
      (!HYPHEN_ONLY.has(lower) || hyphenated || isArticleBeforeName(text, end)) &&
      (words.length > 0 || isArticleBeforeName(text, end))
    ) {
      if (words.length === 0 && pendingConnectors.length === 0) {
        runInitial = isSentenceInitial(text, start, sentenceStarts)
      }
      pendingConnectors.push({ start, end, connector: true, hyphenated })
    } else {
      close()
    }
    if (possessive) close()
  }
  close()
  return runs
}

/** [al-Qaryatayn]: a lower-case article hyphen-joined to a capitalised word opens a name. */
function isArticleBeforeName(text: string, end: number): boolean {
  return text[end] === '-' && UPPER.test(text[end + 1] ?? '')
}

function isSentenceInitial(
  text: string,
  start: number,
  sentenceStarts: ReadonlySet<number>,
): boolean {
  if (sentenceStarts.has(start)) return true
  for (let index = start - 1; index >= 0; index--) {
    const char = text[index] as string
    if (char === ' ' || char === '\t') continue
    return /[.!?\n"“”‘'(:;—–•*#>|]/.test(char)
  }
  return true
}
