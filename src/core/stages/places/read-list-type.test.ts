import { describe, expect, it } from 'vitest'
import { readListType } from './read-list-type.js'

/** `[name]` marks where the name ends; the rest of the sentence decides. */
function typeAfter(sentence: string): string | null {
  const end = sentence.indexOf(']')
  return readListType(sentence.replace(/[[\]]/g, ''), end - 1)
}

describe('readListType()', () => {
  it.each([
    ['Floods closed roads in [Clay], Pine and Otter Tail counties.', 'county'],
    ['Floods closed roads in Clay, Pine and [Otter Tail] counties.', 'county'],
    ['Schools in [Barrow] and Jackson counties cut staff.', 'county'],
    ['Schools in [Barrow], Jackson, and Madison counties cut staff.', 'county'],
    ['Shelling hit [Daraa] and Quneitra provinces overnight.', 'province'],
    ['Troops massed in [Kursk] & Belgorod regions.', 'region'],
    ['Levees broke in [Orleans] or Jefferson parishes.', 'parish'],
    ['Voters in [Ohio], Michigan and Wisconsin states.', 'state'],
  ])('%s → %s', (sentence, type) => {
    expect(typeAfter(sentence)).toBe(type)
  })

  it.each([
    // No plural type word closes the list.
    'Floods closed roads in [Clay], Pine and Otter Tail on Monday.',
    // A lower-case word other than a joiner ends the list before the type word.
    'Schools in [Barrow] and several other counties cut staff.',
    // "the United States" is no list of states.
    'Talks between [Iraq] and the United States resumed.',
    // The name is followed by neither a comma nor a space.
    'The [Clay]-Pine counties line.',
    // A type word of another kind.
    'Roads in [Clay] and Pine towns.',
  ])('finds no list type in %s', (sentence) => {
    expect(typeAfter(sentence)).toBeNull()
  })
})
