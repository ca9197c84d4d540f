/**
 * The places stage: place mentions in one document, resolved against the gazetteer.
 * See README.md for rule order and limits.
 */
export {
  findPlaces,
  unpinnedPlaceId,
  type FindPlacesOptions,
  type PlaceMention,
} from './find-places.js'
export {
  resolvePlaceName,
  resolvePlaceSpans,
  type PlaceSpanResolution,
} from './resolve-place-name.js'
export { demonymCountry } from './demonym-country.js'
export { createGazetteer, indexEntry, type IndexedEntry } from './create-gazetteer.js'
export { distanceKm } from './resolve-places.js'
