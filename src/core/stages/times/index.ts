/**
 * The time stage: finds time expressions, resolves them to dated intervals against the
 * publication date, discovers that date when no header gives it, picks the expression that
 * governs an event (or the day the paragraph carries) and reconciles the dates several reports
 * give one claim.
 */
export { findTimes, TIME_RECOGNIZERS, TIME_REFINERS } from './find-times.js'
export { discoverPublished } from './discover-published.js'
export type { DiscoveredPublished } from './discover-published.js'
export { chooseEventTime } from './choose-event-time.js'
export { inheritEventTime } from './inherit-event-time.js'
export { reconcileDates } from './reconcile-dates.js'
export type { ReconciledDate } from './reconcile-dates.js'
export type { PartOfDay, TimeMention, TimePrecision, TimeValue } from './time-mention.js'
