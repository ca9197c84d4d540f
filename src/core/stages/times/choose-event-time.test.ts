import { describe, expect, it } from 'vitest'
import { chooseEventTime } from './choose-event-time.js'
import { findTimes } from './find-times.js'

const PUBLISHED = '2024-12-07'

/**
 * Runs the real findTimes over a sentence we wrote and asks which expression governs the
 * event. `clause` and `trigger` are quoted words, located in the sentence.
 */
function choose(sentence: string, clause: string, trigger: string, withText = true) {
  const times = findTimes(sentence, PUBLISHED)
  const c = sentence.indexOf(clause)
  const t = sentence.indexOf(trigger, c)
  if (c < 0 || t < 0) throw new Error(`test setup: "${clause}" / "${trigger}" not in "${sentence}"`)
  const span = { start: 0, end: sentence.length, ...(withText ? { text: sentence } : {}) }
  return chooseEventTime(
    times,
    span,
    { start: c, end: c + clause.length },
    { start: t, end: t + trigger.length },
  )
}

interface Row {
  readonly sentence: string
  readonly clause: string
  readonly trigger: string
  /** The governing expression's words, or null. */
  readonly expect: string | null
}

const rows: Row[] = [
  // Inside the clause.
  {
    sentence: 'Rebels took the airport on Friday.',
    clause: 'Rebels took the airport on Friday',
    trigger: 'took',
    expect: 'Friday',
  },
  // Fronted: scopes both clauses of the sentence.
  {
    sentence: 'On Thursday, militias seized the dam and shelled the bridge.',
    clause: 'shelled the bridge',
    trigger: 'shelled',
    expect: 'Thursday',
  },
  {
    sentence: 'Late on December 6, the brigade announced it had taken the port.',
    clause: 'it had taken the port',
    trigger: 'taken',
    expect: 'Late on December 6',
  },
  // Joined after the clause with no boundary.
  {
    sentence: 'The garrison withdrew from the town on Saturday.',
    clause: 'The garrison withdrew from the town',
    trigger: 'withdrew',
    expect: 'Saturday',
  },
  // The clause's own expression beats the sentence's.
  {
    sentence: 'On Friday, the army said its troops had left the base on Wednesday.',
    clause: 'its troops had left the base on Wednesday',
    trigger: 'left',
    expect: 'Wednesday',
  },
  // The one expression of the sentence scopes a participial clause.
  {
    sentence:
      'The militia Sunday captured the town centre, while continuing to advance on the outskirts.',
    clause: 'while continuing to advance on the outskirts',
    trigger: 'advance',
    expect: 'Sunday',
  },
  // Near misses.
  {
    sentence: 'The group, which has fought the government since 2011, took the city.',
    clause: 'The group, which has fought the government since 2011, took the city',
    trigger: 'took',
    expect: null,
  },
  {
    sentence: 'The province is under rebel control for the first time since 2016.',
    clause: 'The province is under rebel control for the first time since 2016',
    trigger: 'control',
    expect: null,
  },
  {
    sentence: 'Envoys met the militia for the first time since the governor fled over the weekend.',
    clause: 'Envoys met the militia for the first time since the governor fled over the weekend',
    trigger: 'met',
    expect: null,
  },
  {
    sentence: 'Rebels, who lost the town in 2016, entered it again.',
    clause: 'entered it again',
    trigger: 'entered',
    expect: null,
  },
  {
    sentence: 'Veterans of the 2011 uprising joined the assault.',
    clause: 'Veterans of the 2011 uprising joined the assault',
    trigger: 'joined',
    expect: null,
  },
  {
    sentence: 'Troops crossed the river, the ministry said on Tuesday.',
    clause: 'Troops crossed the river',
    trigger: 'crossed',
    expect: null,
  },
  {
    sentence: 'Troops crossed the river.',
    clause: 'Troops crossed the river',
    trigger: 'crossed',
    expect: null,
  },
]

describe('chooseEventTime()', () => {
  for (const row of rows) {
    it(`${row.expect === null ? 'finds no governing time' : `picks "${row.expect}"`} for "${row.clause}" in "${row.sentence}"`, () => {
      const chosen = choose(row.sentence, row.clause, row.trigger)
      if (row.expect === null) {
        expect(chosen).toBeNull()
      } else {
        expect(chosen?.text).toBe(row.expect)
        expect(chosen?.start).toBe(row.sentence.indexOf(row.expect))
      }
    })
  }

  it('without the sentence text, still takes an expression at the very start of the sentence', () => {
    const chosen = choose(
      'Friday saw the army pull back from the ridge.',
      'the army pull back',
      'pull',
      false,
    )
    expect(chosen?.text).toBe('Friday')
  })

  it('ignores expressions outside the sentence', () => {
    const text = 'The town fell on Friday. Troops regrouped.'
    const times = findTimes(text, PUBLISHED)
    const second = { start: 25, end: text.length, text: text.slice(25) }
    expect(
      chooseEventTime(times, second, { start: 25, end: 41 }, { start: 32, end: 41 }),
    ).toBeNull()
  })
})
