import { makeSpan } from '../../../model/span.js'
import { addDays, daysBetween, formatDay, WEEKDAY_NAMES, weekdayOf } from '../calendar.js'
import { inferYear, resolveReading } from '../resolve-reading.js'
import type { TimeCandidate, TimeContext, TimeRefiner, TimeValue } from '../time-mention.js'

/**
 * Gives each candidate its interval from its reading and the publication date, then applies
 * the part of day and "since". Anchored readings wait for the anchor refiner.
 */
export const resolveRefiner: TimeRefiner = {
  rule: 'times/resolve',
  refine(candidates: readonly TimeCandidate[], context: TimeContext): TimeCandidate[] {
    return candidates.map((c) => {
      if (c.reading.kind === 'anchored') return c
      const checked = checkWeekday(c, context)
      if (checked !== null) return finish(c, checked, context)
      const resolution = resolveReading(c.reading, context.published, c.future === true)
      if ('reason' in resolution) return { ...c, value: null, unresolved: resolution.reason }
      return finish(c, sinceLookingBack(c, resolution.value, context.published), context)
    })
  },
}

/**
 * "Since January" in a December article is this January, not the coming one: an open interval
 * starts before publication, so a yearless start that landed ahead moves back a year.
 */
function sinceLookingBack(c: TimeCandidate, value: TimeValue, published: string | null): TimeValue {
  const reading = c.reading
  if (c.open !== true || published === null || value.start <= published) return value
  if ((reading.kind !== 'date' && reading.kind !== 'month') || reading.year !== undefined)
    return value
  const back = resolveReading({ ...reading, year: Number(value.start.slice(0, 4)) - 1 }, published)
  return 'value' in back ? back.value : value
}

/** Applies part of day and "since" to a resolved interval. */
function finish(c: TimeCandidate, base: TimeValue, context: TimeContext): TimeCandidate {
  let value = base
  if (c.part !== undefined && value.precision === 'day') {
    if (c.part === 'overnight') {
      // Overnight into Saturday: Friday night to Saturday; overnight on Friday: Friday to Saturday.
      value =
        c.rule === 'times/overnight-into'
          ? { start: addDays(value.start, -1), end: value.start, precision: 'part-of-day' }
          : { start: value.start, end: addDays(value.start, 1), precision: 'part-of-day' }
    } else {
      value = { ...value, precision: 'part-of-day' }
    }
  }
  if (c.open === true) {
    if (context.published === null) {
      return { ...c, value: null, unresolved: '"since" needs a publication date to close it' }
    }
    const end = context.published > value.end ? context.published : value.end
    value = { start: value.start, end, precision: 'open' }
  }
  return { ...c, value }
}

/**
 * "Sunday, 6 December" when the 6th is a Friday: two readings, the date and the weekday
 * nearest it. Keeps the reading the publication date supports (not after it, nearest to it;
 * the stated date on a tie) and reports both. Null when there is no contradiction.
 */
function checkWeekday(c: TimeCandidate, context: TimeContext): TimeValue | null {
  const reading = c.reading
  if (reading.kind !== 'date' || reading.weekday === undefined) return null
  const year =
    reading.year ?? inferYear(reading.month, reading.day, context.published, c.future === true)
  if (year === null) return null
  const dated = formatDay(year, reading.month, reading.day)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dated) || weekdayOf(dated) === reading.weekday) return null
  // The weekday nearest the stated date: "Sunday, 6 December" → Sunday 8 December.
  let shift = (reading.weekday - weekdayOf(dated) + 7) % 7
  if (shift > 3) shift -= 7
  const weekdayReading = addDays(dated, shift)
  const published = context.published
  let kept = dated
  if (published !== null) {
    const supported = [dated, weekdayReading].filter((d) =>
      c.future === true ? d >= published : d <= published,
    )
    const nearest = supported.sort(
      (a, b) =>
        Math.abs(daysBetween(a, published)) - Math.abs(daysBetween(b, published)) ||
        (a === dated ? -1 : 1),
    )[0]
    kept = nearest ?? dated
  }
  const quote = context.text.slice(c.start, c.end)
  context.report({
    severity: 'warning',
    message:
      `"${quote}": ${dated} is a ${WEEKDAY_NAMES[weekdayOf(dated)]}, not a ${WEEKDAY_NAMES[reading.weekday]}; ` +
      `read as the date it is ${dated}, read as the weekday ${weekdayReading}; kept ${kept}` +
      (published === null
        ? ' (no publication date to decide)'
        : `, the reading the publication date ${published} supports`),
    stage: 'times',
    rule: 'times/weekday-contradiction',
    doc: context.doc,
    span: makeSpan(context.doc, context.text, c.start, c.end),
    actual: `${WEEKDAY_NAMES[reading.weekday]} / ${dated}`,
  })
  return { start: kept, end: kept, precision: 'day' }
}
