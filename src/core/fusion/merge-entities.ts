import type { Entity } from '../model/analysis.js'

/**
 * Entities of separately fused stories as one list: one entity per id, in first-seen order, its
 * aliases, mentions and alias outlets the union of every story's (the first story's name, side
 * and coordinates stand; they come from the same gazetteer or lexicon entry).
 */
export function mergeEntities(lists: readonly (readonly Entity[])[]): Entity[] {
  const merged = new Map<
    string,
    {
      entity: Entity
      aliases: string[]
      mentions: Entity['mentions'][number][]
      outlets: Map<string, Set<string>>
    }
  >()
  for (const list of lists) {
    for (const entity of list) {
      let entry = merged.get(entity.id)
      if (entry === undefined) {
        entry = { entity, aliases: [], mentions: [], outlets: new Map() }
        merged.set(entity.id, entry)
      }
      for (const alias of entity.aliases)
        if (!entry.aliases.includes(alias)) entry.aliases.push(alias)
      entry.mentions.push(...entity.mentions)
      for (const [alias, outlets] of Object.entries(entity.aliasOutlets ?? {})) {
        let set = entry.outlets.get(alias)
        if (set === undefined) entry.outlets.set(alias, (set = new Set()))
        for (const outlet of outlets) set.add(outlet)
      }
    }
  }
  return [...merged.values()].map(({ entity, aliases, mentions, outlets }) => {
    const aliasOutlets: Record<string, readonly string[]> = {}
    for (const [alias, set] of outlets) aliasOutlets[alias] = [...set]
    return { ...entity, aliases, mentions, aliasOutlets }
  })
}
