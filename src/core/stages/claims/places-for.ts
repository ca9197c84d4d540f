import type { TriggerRule } from '../../lexicon/claim-cues.js'
import type { EventPlace, EventType } from '../../model/analysis.js'
import { makeSpan } from '../../model/span.js'
import type { PlaceInput } from './extract-input.js'
import { unpinnedPlaceId } from '../places/find-places.js'

// Types whose events fall back to the document's country when they name no place:
// "Iran has begun evacuating its diplomats" → evacuation in the focus country.
export const COUNTRY_FALLBACK: ReadonlySet<EventType> = new Set([
  'offensive',
  'evacuation',
  'casualties',
  'diplomacy',
  'command_change',
  'border',
  'displacement',
])
// Types whose place may be read before the trigger ("Aleppo ... is under rebel control"); others need an object.
const PLACE_BEFORE_TYPES: ReadonlySet<EventType> = new Set([
  'control',
  'withdrawal',
  'redeployment',
  'protest',
  'defection',
  'strike',
  'clash',
])
// Locative words that make a later place a modifier of an earlier one: Izraa, [north of] Daraa.
const LOCATIVE_GAP =
  /\b(?:near|outside|north|south|east|west|northeast|northwest|southeast|southwest|between|in|of|from|at|close to|around|on|towards|toward|to|into|via|along|across|beyond|within|than)\b[^,]*$/i
// A coordinated list continues with commas/and/or, optionally "the town of".
const LIST_GAP =
  /^\s*(?:(?:province|governorate|city|region|countryside)\s*)?(?:,\s*(?:and\s+|or\s+)?(?:as\s+well\s+as\s+|along\s+with\s+)?|\s+(?:and|or|as\s+well\s+as|along\s+with)\s+)(?:(?:several|some|many|dozens\s+of|two|three|other)\s+)?(?:(?:towns|villages|areas|cities|positions|districts)\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+)?(?:(?:in|from|to|on)\s+)?(?:(?:all|parts|most|much|some|areas|part)\s+of\s+)?(?:the\s+)?(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central|rural)\s+)?(?:(?:city|cities|town|towns|village|villages|province|provinces|governorate|governorates|area|areas|district|districts|region|regions)\s+of\s+)?$/i

/** "the road to", "the highway linking", "the main supply route between": a road named by its ends. */
const ROAD_TO =
  /\b(?:road|roads|highway|motorway|route|routes|corridor)\s+(?:to|towards|toward|linking|connecting|between|from)\s+(?:the\s+)?$/i

export function placesFor(
  text: string,
  rule: TriggerRule,
  triggerStart: number,
  triggerEnd: number,
  scopeEnd: number,
  clauseStart: number,
  places: readonly PlaceInput[],
): PlaceInput[] {
  const flags = rule.flags
  const chosen: PlaceInput[] = []
  // "crossed [the Al-Qa'im border checkpoint] into the Anbar province": a place inside the
  // trigger's own words is its place.
  const inside = places.filter(
    (place) => place.start > triggerStart && place.end < triggerEnd && place.entry,
  )
  if (inside.length > 0) return inside
  if (!flags.has('place-before')) {
    // The gap to a list continuation is measured from the last place read, even one skipped as a
    // locative modifier: "Quneitra and Daraa near the Golan Heights, as well as in Sweida".
    let gapStart = triggerEnd
    let skippedLast = false
    for (const place of places) {
      if (place.start < triggerEnd || place.start >= scopeEnd) continue
      const gap = text.slice(gapStart, place.start)
      gapStart = place.end
      // "Al-Sukhna between Homs and Deir ez-Zor": the list after a skipped modifier is skipped too.
      // ("as well as" joins the main list again: "Daraa near the Golan Heights, as well as in Sweida".)
      // (Only a bare "and" continues the modifier — "between Homs and Deir ez-Zor" — a comma does not.)
      if (skippedLast && /^\s+and\s+(?:the\s+)?$/i.test(gap)) continue
      // "Idlib, in Syria's northwest, [as well as] parts of Aleppo": after a skipped modifier, "as well
      // as" after its comma continues the main list.
      const listTail = gap.slice(gap.lastIndexOf(','))
      const aside = gap.slice(0, gap.length - listTail.length)
      // "evacuations from Quneitra, where Israel has troops, [as well as from] Deir Ezzor": the
      // repeated preposition carries the list over a longer aside.
      const repeated =
        /^,\s*(?:and\s+)?(?:as\s+well\s+as|along\s+with)\s+(from|in|into|to|towards|near|at)\s/i.exec(
          listTail,
        )?.[1]
      const parallel =
        repeated !== undefined &&
        chosen.length > 0 &&
        prepositionBefore(text, chosen[0]!) === repeated.toLowerCase() &&
        !/[;]/.test(aside) &&
        aside.trim().split(/\s+/).length <= 30
      if (
        (parallel ||
          ((skippedLast || aside.trim().split(/\s+/).length <= 4) &&
            !/[;]|\b(?:which|who|where|while|but|said)\b/i.test(aside))) &&
        chosen.length > 0 &&
        /^,\s*(?:and\s+)?(?:as\s+well\s+as|along\s+with)\b/i.test(listTail) &&
        LIST_GAP.test(listTail)
      ) {
        skippedLast = false
        chosen.push(place)
        continue
      }
      skippedLast = false
      const lead =
        /(\w+)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern|rural|outskirts\s+of)\s+)?$/i
          .exec(gap)?.[1]
          ?.toLowerCase()
      if (flags.has('from-is-origin') && lead === 'from') continue
      // Diplomacy happens somewhere: "met in Doha"; "talks with Ankara" names a partner, not a place.
      if (
        rule.type === 'diplomacy' &&
        chosen.length === 0 &&
        !/\b(?:in|at|to|inside)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(
          text.slice(triggerStart, place.start),
        )
      )
        continue
      if (
        flags.has('to-is-destination') &&
        (lead === 'to' || lead === 'towards' || lead === 'toward' || lead === 'into')
      )
        continue
      if (chosen.length > 0 && !LIST_GAP.test(gap) && LOCATIVE_GAP.test(gap)) {
        skippedLast = true
        continue
      }
      // "lost control of [the road to] Damascus", "seized the highway linking X and Y": a
      // place a road leads to is not the place taken.
      if (
        chosen.length === 0 &&
        (rule.type === 'control' || rule.type === 'withdrawal') &&
        ROAD_TO.test(gap)
      )
        break
      if (chosen.length === 0) {
        // The first place must be near the trigger and not behind a clause boundary.
        if (
          /[;]|,\s*(?:while|whereas|but|which|who|where|as)\b/i.test(gap) ||
          gap.split(/\s+/).length > 18
        )
          break
        chosen.push(place)
      } else if (LIST_GAP.test(gap)) {
        chosen.push(place)
      } else if (LOCATIVE_GAP.test(gap)) {
        skippedLast = true
        continue
      } else if (
        /^\s*,\s*(?:where|which|who)\b/i.test(gap) &&
        continuesAfterAside(text, chosen, place, scopeEnd)
      ) {
        // "from Quneitra, where [Israel] has troops, as well as from Deir Ezzor": a place inside a
        // relative aside is skipped when the list picks up again after it.
        skippedLast = true
        continue
      } else {
        break
      }
    }
  }
  if (chosen.length === 0) {
    // Passive and state readings name the place first: "Aleppo ... is under rebel control".
    // A country before the trigger is usually its subject ("Iran has begun evacuating"), not its place.
    const before = places.filter(
      (place) =>
        place.end <= triggerStart &&
        place.start >= clauseStart - 80 &&
        place.entry?.kind !== 'country',
    )
    let nearest = before[before.length - 1]
    // "residents of Jaramana in rural Damascus were protesting": the place the modifier qualifies.
    const qualified = before[before.length - 2]
    if (
      nearest &&
      qualified &&
      /^\s+(?:in|near|outside|of)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}$/i.test(
        text.slice(qualified.end, nearest.start),
      )
    )
      nearest = qualified
    // "Deir ez-Zor, where Kurdish militias are engaged in fighting": a place before `where` scopes its clause.
    const whereClause =
      nearest !== undefined && /^\s*,\s*where\b/i.test(text.slice(nearest.end, triggerStart))
    const beforeAllowed = flags.has('place-before') || PLACE_BEFORE_TYPES.has(rule.type)
    // "… entering Ar-Rastan and Talbiseh, showing … the regime forces withdrawing from their military
    // points": a generic site after the trigger points back to the places named before it.
    const genericSite =
      /^\s+(?:from|of|at|in)\s+(?:their|its|the)\s+(?:[a-z]+\s+)?(?:positions|points|posts|bases|checkpoints|barracks|headquarters)\b/i.test(
        text.slice(triggerEnd, triggerEnd + 60),
      )
    if (genericSite && nearest && beforeAllowed) {
      chosen.push(nearest)
      for (let k = before.length - 2; k >= 0; k--) {
        if (!LIST_GAP.test(text.slice(before[k]!.end, chosen[0]!.start))) break
        chosen.unshift(before[k]!)
      }
    }
    if (
      chosen.length === 0 &&
      nearest &&
      (whereClause ||
        (beforeAllowed &&
          nearest.start >= clauseStart &&
          (flags.has('place-before') || triggerStart - nearest.end < 60)))
    ) {
      chosen.push(nearest)
      // Walk back through the list the nearest place ends: "in Daraa and Suwayda have repositioned".
      for (let k = before.length - 2; k >= 0; k--) {
        if (!LIST_GAP.test(text.slice(before[k]!.end, chosen[0]!.start))) break
        chosen.unshift(before[k]!)
      }
    }
  }
  // A country is an event's place only for country-level events (offensives, evacuations, diplomacy);
  // beside a city in the same list it is context ("Nasib, a crossing between Syria and Jordan").
  // "Syria's Aleppo": the possessive country only qualifies the next place.
  for (let k = 0; k < chosen.length; k++) {
    const place = chosen[k]!
    if (place.entry?.kind !== 'country' || !/^['’]s\s/.test(text.slice(place.end, place.end + 3)))
      continue
    const next = places.find((other) => other.start > place.end && other.start - place.end <= 4)
    if (next) chosen[k] = next
  }
  const usable = chosen.filter((place) => !isCompoundModifier(text, place))
  const specific = usable.filter((place) => place.entry?.kind !== 'country')
  if (specific.length > 0) return specific
  // "At a conference on the sidelines of the [Doha] Forum, ministers agreed to end hostilities in
  // Syria": a meeting happens at its venue, not in the country it is about.
  if (rule.type === 'diplomacy') {
    const venue = places
      .filter(
        (place) =>
          place.end <= triggerStart &&
          place.entry?.kind === 'city' &&
          (/\b(?:in|at)\s+(?:the\s+)?$/i.test(
            text.slice(Math.max(0, place.start - 12), place.start),
          ) ||
            /^\s+(?:forum|summit|conference|talks|meeting)\b/i.test(
              text.slice(place.end, place.end + 15),
            )),
      )
      .pop()
    if (venue) return [venue]
  }
  if (!COUNTRY_FALLBACK.has(rule.type)) return []
  // "crossed into Iraq …, the mayor of Iraq's Al-Qaim border town": the named town is the place.
  return usable.map(
    (place) =>
      places.find(
        (other) =>
          other.entry &&
          other.entry.kind !== 'country' &&
          other.entry.country === place.entry?.country &&
          other !== place,
      ) ?? place,
  )
}

/**
 * Whether the list resumes with the first place's own preposition after an aside: "from X,
 * where …, as well as from Y".
 */
function continuesAfterAside(
  text: string,
  chosen: readonly PlaceInput[],
  place: PlaceInput,
  scopeEnd: number,
): boolean {
  const preposition = chosen[0] && prepositionBefore(text, chosen[0])
  if (!preposition) return false
  return resumingWith(preposition).test(text.slice(place.end, Math.min(scopeEnd, place.end + 200)))
}

/** The preposition that introduces a place ("from [the] Quneitra"), lower case, if any. */
function prepositionBefore(text: string, place: PlaceInput): string | undefined {
  return /\b(from|in|into|to|towards|near|at)\s+(?:the\s+)?$/i
    .exec(text.slice(Math.max(0, place.start - 20), place.start))?.[1]
    ?.toLowerCase()
}

/** ", as well as from …" after an aside, one pattern per preposition, built once. */
const RESUMING = new Map<string, RegExp>()
function resumingWith(preposition: string): RegExp {
  let pattern = RESUMING.get(preposition)
  if (!pattern) {
    pattern = new RegExp(
      `^[^;.]*?,\\s*(?:and\\s+)?(?:as\\s+well\\s+as|along\\s+with)\\s+${preposition}\\s`,
      'i',
    )
    RESUMING.set(preposition, pattern)
  }
  return pattern
}

/** "the Amman-Damascus highway", "the Palmyra-Damascus road": a place naming a road, not the event's place. */
export function isCompoundModifier(text: string, place: PlaceInput): boolean {
  const after = text.slice(place.end, place.end + 40)
  const before = text.slice(Math.max(0, place.start - 30), place.start)
  // "a Damascus ally", "an Aleppo resident": the place only qualifies a person or thing.
  if (
    /\b(?:a|an)\s+$/i.test(before) &&
    /^\s+(?:ally|allies|resident|residents|native|official|officials|man|woman|group|based|businessman|source|family|court)\b/i.test(
      after,
    )
  )
    return true
  return (
    /^-\p{Lu}[\p{L}'’-]*\s+(?:highway|road|motorway|axis|route|front|line|railway|border|format|process|talks|forum)\b/u.test(
      after,
    ) ||
    (/\p{Lu}[\p{L}'’]*-$/u.test(before) &&
      /^\s+(?:highway|road|motorway|axis|route|railway)\b/.test(after)) ||
    /^\s+(?:format|process|talks|forum|agreement|accords?|declaration|parties|group|summit|peace)\b/i.test(
      after,
    )
  )
}

export function toEventPlace(doc: string, text: string, place: PlaceInput): EventPlace {
  const entry = place.entry
  // A place the text names but the map cannot pin keeps its name, without coordinates.
  if (entry === null)
    return {
      entity: unpinnedPlaceId(place.text),
      name: place.text,
      lat: null,
      lon: null,
      span: makeSpan(doc, text, place.start, place.end),
    }
  return {
    entity: entry.id,
    name: entry.name,
    lat: entry.lat,
    lon: entry.lon,
    span: makeSpan(doc, text, place.start, place.end),
  }
}
