import type { Gazetteer } from '../lexicon/gazetteer.js'
import type { Entity } from '../model/analysis.js'

/**
 * The name a reader knows a place by. Gazetteer names are transliterations ("Dar‘ā", "Tadmur");
 * when the articles never write the gazetteer's form, the form they write most often is shown
 * ("Daraa", "Palmyra"). Regions and countries keep their gazetteer names, so a governorate stays
 * distinct from its capital. Reads the per-document entities (their mentions are the forms written).
 */
export function placeDisplayNames(
  entities: readonly Entity[],
  gazetteer: Gazetteer,
): Map<string, string> {
  const forms = new Map<string, Map<string, number>>()
  for (const entity of entities) {
    if (entity.kind !== 'place' || !entity.gazetteerId) continue
    const kind = gazetteer.get(entity.gazetteerId)?.kind
    if (kind !== 'city' && kind !== 'site' && kind !== 'admin2') continue
    const counts = forms.get(entity.id) ?? new Map<string, number>()
    for (const mention of entity.mentions) {
      const surface = mention.text.replace(/['’]s$/, '').trim()
      if (!/^\p{Lu}/u.test(surface) || surface === surface.toUpperCase()) continue
      counts.set(surface, (counts.get(surface) ?? 0) + 1)
    }
    forms.set(entity.id, counts)
  }
  const names = new Map<string, string>()
  for (const [id, counts] of forms) {
    const entryName = gazetteer.get(id)?.name
    const written = [...counts.keys()]
    if (!entryName || written.length === 0 || written.includes(entryName)) continue
    const best = written.sort(
      (a, b) => counts.get(b)! - counts.get(a)! || a.length - b.length || a.localeCompare(b),
    )[0]!
    names.set(id, best)
  }
  return names
}
