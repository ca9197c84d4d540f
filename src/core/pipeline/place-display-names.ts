import type { Gazetteer, GazetteerEntry } from '../lexicon/gazetteer.js'
import type { Entity } from '../model/analysis.js'

/**
 * The name a reader knows a place by. Gazetteer names are transliterations ("Dar‘ā", "Tadmur");
 * when the articles never write the gazetteer's form, the form they write most often is shown
 * ("Daraa", "Palmyra"). Regions and countries keep their gazetteer names; a region whose name
 * would read like a town of the same picture gets its level ("Daraa Governorate" beside the
 * city "Daraa"), so the map never shows two different places under one name. Reads the
 * per-document entities (their mentions are the forms written).
 */
export function placeDisplayNames(
  entities: readonly Entity[],
  gazetteer: Gazetteer,
): Map<string, string> {
  const forms = new Map<string, Map<string, number>>()
  const regions = new Map<string, GazetteerEntry>()
  for (const entity of entities) {
    if (entity.kind !== 'place' || !entity.gazetteerId) continue
    const entry = gazetteer.get(entity.gazetteerId)
    if (!entry) continue
    if (entry.kind === 'admin1' || entry.kind === 'region') {
      regions.set(entity.id, entry)
      continue
    }
    if (entry.kind !== 'city' && entry.kind !== 'site' && entry.kind !== 'admin2') continue
    const counts = forms.get(entity.id) ?? new Map<string, number>()
    for (const mention of entity.mentions) {
      const surface = mention.text.replace(/['’]s$/, '').trim()
      if (!/^\p{Lu}/u.test(surface) || surface === surface.toUpperCase()) continue
      counts.set(surface, (counts.get(surface) ?? 0) + 1)
    }
    forms.set(entity.id, counts)
  }
  const names = new Map<string, string>()
  // The names towns will be shown under, to tell regions apart from them.
  const townNames = new Set<string>()
  for (const [id, counts] of forms) {
    const entryName = gazetteer.get(id)?.name
    if (!entryName) continue
    const written = [...counts.keys()]
    if (written.length === 0 || written.includes(entryName)) {
      townNames.add(nameKey(entryName))
      continue
    }
    const best = written.sort(
      (a, b) => counts.get(b)! - counts.get(a)! || a.length - b.length || a.localeCompare(b),
    )[0]!
    names.set(id, best)
    townNames.add(nameKey(best))
  }
  for (const [id, region] of regions) {
    // [Daraa] the city and [Daraa] the governorate: the region says what it is.
    if (!townNames.has(nameKey(region.name))) continue
    names.set(
      id,
      `${region.name} ${region.adminType ?? (region.kind === 'admin1' ? 'Province' : 'region')}`,
    )
  }
  return names
}

/** Names compared as a reader compares them: case, marks and apostrophes aside. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’‘ʿʾ`]/g, '')
    .toLowerCase()
    .trim()
}
