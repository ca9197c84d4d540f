import { describe, expect, it } from 'vitest'
import { foldText, wordsOf } from './fold-text.js'

describe('foldText()', () => {
  const cases: [string, string, string][] = [
    ['plain ASCII', 'Rebels TOOK the town, residents said.', 'rebels took the town residents said'],
    [
      'dashes and curly quotes (fast path)',
      'KESSEL – The army’s “redeployment”…',
      'kessel the armys redeployment',
    ],
    ['an apostrophe inside a word', "Ma'arrat al-Nu'man", 'maarrat al numan'],
    ['diacritics (Unicode path)', 'Ḥamāh, Kharkiv’s ÉCOLE', 'hamah kharkivs ecole'],
    ['non-Latin letters kept', 'Дніпро – Алеппо', 'дніпро алеппо'],
    ['spaces of the punctuation block', '\u2002Valmora\u2003north\u2060', 'valmora north'],
    ['nothing to fold', '— … —', ''],
  ]
  for (const [name, text, folded] of cases) {
    it(`folds ${name}`, () => {
      expect(foldText(text)).toBe(folded)
    })
  }

  it('gives the same words whichever path a text takes', () => {
    // One non-plain character sends the text down the Unicode path; the rest must fold alike.
    const plain = 'On Monday – rebels’ “advance” near Kessel, witnesses said.'
    expect(wordsOf(`${plain} é`).slice(0, -1)).toEqual(wordsOf(plain))
  })
})
