import { describe, expect, it } from 'vitest'
import { foldPlaceName, foldPlaceNameLight } from './fold-place-name.js'

/** Spellings of one place that news uses side by side; each group must fold to one key. */
const SAME_PLACE: readonly (readonly string[])[] = [
  [
    'Sweida',
    'As-Suwayda',
    'Suwayda',
    'Soueida',
    'As Suwayda',
    'Es Suweida',
    'Suwaida',
    'as-Sweida',
  ],
  [
    'Deir Ezzor',
    'Dayr al-Zor',
    'Deir ez-Zor',
    'Dayr az Zawr',
    'Deir ez-Zour',
    'Deir al-Zour',
    'Deir el-Zor',
  ],
  ['Qaryatayn', 'Al-Qaryatayn', 'Qaryatain', 'al-Qaryatayn', 'Al Qaryatayn'],
  ['Albu Kamal', 'Abu Kamal', 'Al-Bukamal', 'Abukamal', 'Boukamal', 'Al Bukamal'],
  ['Raqqa', 'Ar-Raqqa', 'Ar Raqqah', 'Al-Raqqa', 'Raqqah', 'Rakka'],
  ['Hama', 'Hamah', 'Ḩamāh'],
  ['Daraa', 'Deraa', 'Dar‘ā', "Dar'a", 'Dar`a', 'Daraʿa'],
  ['Tel Rifaat', 'Tall Rif‘at', 'Tell Rifat', "Tal Rif'at"],
  ['Latakia', 'Lattakia', 'Lattakieh', 'Al-Lattakia'],
  ['Qamishli', 'Al-Qamishli', 'Kamishli', 'Qamishly'],
  ['Mayadin', 'Mayadeen', 'Al-Mayadin', 'Al Mayādīn'],
  ['Jaramana', 'Jaramānā'],
  ["Sa'sa'", 'Saasaa', 'Sa‘sa‘'],
  ['Khan Shaykhun', 'Khan Sheikhoun', 'Khān Shaykhūn', 'Khan Shaykhoun'],
  ['Maarat al-Numan', 'Ma‘arrat an Nu‘mān', "Ma'arat al-Nu'man"],
  ['Ras al-Ain', 'Ra’s al ‘Ayn', 'Ras al Ain', 'Ras al-Ayn'],
  ['Tell Abyad', 'Tal Abyad', 'Tall Abyaḑ'],
  ['Jisr al-Shughur', 'Jisr ash-Shughur', 'Jisr ash Shughūr'],
  ['Yabroud', 'Yabrūd', 'Yabrud'],
  ['Quneitra', 'Al-Quneitra', 'El Quneitra'],
  ['Kramatorsk', 'Kramators’k', "Kramators'k"],
  ['Lysychansk', 'Lysychans’k'],
  ['Saint Petersburg', 'St. Petersburg', 'St Petersburg'],
  ['Mount Hermon', 'Mt. Hermon'],
  ['Saraqeb', 'Saraqib', 'Sarāqib'],
  ['Idleb', 'Idlib'],
  ['Deir Hafer', 'Dayr Ḩāfir', 'Deir Hafir'],
  ['Harem', 'Ḩārim', 'Harim'],
  ['Jassem', 'Jāsim', 'Jasim'],
  ['Mezzeh', 'Mazzeh', 'Mezza'],
]

/** Different places whose names are close; their keys must differ. */
const DIFFERENT_PLACES: readonly (readonly [string, string])[] = [
  ['Homs', 'Hama'],
  ['Raqqa', 'Ar-Rastan'],
  ['Rastan', 'Raqqa'],
  ['Idlib', 'Ariha'],
  ['Iran', 'Iraq'],
  ['Gaza', 'Giza'],
  ['Niger', 'Nigeria'],
  ['Austria', 'Australia'],
  ['Sudan', 'South Sudan'],
  ['Daraa', 'Dara Adam'],
  ['Aleppo', 'Afrin'],
  ['Manbij', 'Mambo'],
  ['Kherson', 'Kharkiv'],
  ['Donetsk', 'Luhansk'],
  ['Deir ez-Zor', 'Deir Hafer'],
  ['Tal Abyad', 'Tal Tamr'],
  ['Jableh', 'Jabal'],
  ['Harem', 'Haram'],
]

describe('foldPlaceName()', () => {
  it.each(SAME_PLACE.map((group) => [group[0] as string, group] as const))(
    'folds every spelling of %s to one key',
    (_first, group) => {
      const keys = new Set(group.map((name) => foldPlaceName(name)))
      expect([...keys], group.join(' / ')).toHaveLength(1)
    },
  )

  it.each(DIFFERENT_PLACES)('keeps %s and %s apart', (a, b) => {
    expect(foldPlaceName(a)).not.toBe(foldPlaceName(b))
  })

  it('ignores case, diacritics, apostrophes, hyphens and spacing', () => {
    expect(foldPlaceName('  AL-QAIM ')).toBe(foldPlaceName('Al Qā’im'))
    expect(foldPlaceName('Bab al-Hawa')).toBe(foldPlaceName('Bab al Hawa'))
    expect(foldPlaceName('New York')).toBe(foldPlaceName('Newyork'))
  })

  it('keeps an article that is the whole name or its last word', () => {
    expect(foldPlaceName('As')).toBe('as')
    expect(foldPlaceName('Ras al')).not.toBe('')
  })

  it('returns the empty key for names without letters', () => {
    expect(foldPlaceName(' -- ')).toBe('')
  })
})

describe('foldPlaceNameLight()', () => {
  it('removes only case, marks and punctuation', () => {
    expect(foldPlaceNameLight('Dar‘ā')).toBe('dara')
    expect(foldPlaceNameLight('Deir ez-Zor')).toBe('deir ez zor')
    expect(foldPlaceNameLight('Columbia')).not.toBe(foldPlaceNameLight('Colombia'))
  })
})
