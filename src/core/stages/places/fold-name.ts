import { foldPlaceName, foldPlaceNameLight } from '../../text/fold-place-name.js'

/**
 * Memoised place-name folds. The recogniser folds every word window of every capitalised run
 * (Damascus, Syrian Observatory …) and the same names recur in every article of a story, so
 * one fold per distinct string instead of one per occurrence is most of the stage's speed.
 * The caches are bounded: a long-running server never holds more than CACHE_LIMIT names each.
 */
const CACHE_LIMIT = 50_000

const keys = new Map<string, string>()
const lightKeys = new Map<string, string>()

/** `foldPlaceName(name)`, remembered (see src/core/text/fold-place-name.ts). */
export function foldName(name: string): string {
  let key = keys.get(name)
  if (key === undefined) {
    if (keys.size >= CACHE_LIMIT) keys.clear()
    key = foldPlaceName(name)
    keys.set(name, key)
  }
  return key
}

/** `foldPlaceNameLight(name)`, remembered. */
export function foldNameLight(name: string): string {
  let key = lightKeys.get(name)
  if (key === undefined) {
    if (lightKeys.size >= CACHE_LIMIT) lightKeys.clear()
    key = foldPlaceNameLight(name)
    lightKeys.set(name, key)
  }
  return key
}
