import { foldPlaceName } from '../text/fold-place-name.js'
import type { DocumentAnalysis } from './analyze-document.js'

/**
 * The name a reader knows a place by. Gazetteer names are transliterations ("Dar‘ā", "Tadmur");
 * when the articles never write the gazetteer's form, the form they write most often is shown
 * ("Daraa", "Palmyra"). Regions keep their gazetteer names, so a governorate stays distinct from
 * its capital.
 */
export function placeDisplayNames(analyses: readonly DocumentAnalysis[]): Map<string, string> {
  const forms = new Map<string, { entryName: string; counts: Map<string, number> }>()
  for (const analysis of analyses) {
    for (const place of analysis.places) {
      const entry = place.entry
      if (!entry || (entry.kind !== 'city' && entry.kind !== 'site' && entry.kind !== 'admin2')) continue
      // Surface forms as written, without a possessive or a leading article's case change.
      const surface = place.text.replace(/['’]s$/, '').trim()
      if (!/^\p{Lu}/u.test(surface) || surface === surface.toUpperCase()) continue
      const record = forms.get(entry.id) ?? { entryName: entry.name, counts: new Map<string, number>() }
      record.counts.set(surface, (record.counts.get(surface) ?? 0) + 1)
      forms.set(entry.id, record)
    }
  }
  const names = new Map<string, string>()
  for (const [id, { entryName, counts }] of forms) {
    const written = [...counts.keys()]
    if (written.some((form) => form === entryName)) continue
    const best = written.sort((a, b) => counts.get(b)! - counts.get(a)! || a.length - b.length || a.localeCompare(b))[0]
    // A form that folds like the gazetteer's name is the same name without its diacritics: prefer it.
    if (best && best !== entryName) names.set(id, best)
    if (best && foldPlaceName(best) === foldPlaceName(entryName)) names.set(id, best)
  }
  return names
}
