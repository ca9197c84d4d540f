import { describe, expect, it } from 'vitest'
import { readQuantity } from './read-quantity.js'

/** The quantity read around the first occurrence of `trigger` in `text` (sentences written here). */
function read(text: string, trigger: string, type: 'casualties' | 'displacement' = 'casualties') {
  const start = text.indexOf(trigger)
  const found = readQuantity(text, type, start, start + trigger.length, 0, text.length)
  return (
    found && { value: found.value, unit: found.unit, quoted: text.slice(found.start, found.end) }
  )
}

describe('readQuantity()', () => {
  it.each([
    // A number, what it counts, an auxiliary, then the trigger.
    ['At least 30 people were killed in the strike.', 'killed', 30, 'killed', '30'],
    [
      'More than 1,500 Syrian soldiers have been wounded since Friday.',
      'wounded',
      1500,
      'wounded',
      '1,500',
    ],
    // The trigger, then the number.
    ['Gunmen killed 12 villagers on Monday.', 'killed', 12, 'killed', '12'],
    ['The death toll in the city rose to 120 on Sunday.', 'death toll', 120, 'killed', '120'],
    [
      'Fighting has killed more than 20,000 people since April.',
      'killed',
      20000,
      'killed',
      '20,000',
    ],
    // Number words and scales.
    ['Two soldiers died near the border.', 'died', 2, 'killed', 'Two'],
    [
      'The floods displaced 1.5 million people.',
      'displaced',
      1_500_000,
      'displaced',
      '1.5 million',
    ],
  ] as const)('in %j at %j reads %d %s', (text, trigger, value, unit, quoted) => {
    const type = unit === 'displaced' ? 'displacement' : 'casualties'
    expect(read(text, trigger, type)).toEqual({ value, unit, quoted })
  })

  it.each([
    // Vague counts, years and numbers of other things are no toll.
    ['Dozens were killed in the attack.', 'killed'],
    ['The attack in 2023 killed civilians.', 'killed'],
    ['The convoy of 40 trucks was hit and the driver killed.', 'killed'],
  ])('reads no number in %j', (text, trigger) => {
    expect(read(text, trigger)).toBeNull()
  })

  it('counts nothing for event types without a toll', () => {
    const text = 'Rebels captured 3 villages.'
    expect(readQuantity(text, 'control', 7, 15, 0, text.length)).toBeNull()
  })
})
