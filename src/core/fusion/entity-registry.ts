import type { Entity, EntityKind } from '../model/analysis.js'
import type { Span } from '../model/span.js'
import { foldText } from './fold-text.js'

interface MergedEntity {
  id: string
  kind: EntityKind
  name: string
  aliases: string[]
  aliasKeys: Set<string>
  mentions: Span[]
  aliasOutlets: Map<string, Set<string>>
  side: string | null
  lat: number | null
  lon: number | null
  country: string | null
  featureClass: string | null
  gazetteerId: string | null
}

/**
 * Entities resolved across documents. Entities with one id are one entity (the gazetteer already
 * made "Sweida", "Suwayda" and "As-Suwayda" one id); people and organisations whose ids differ
 * merge when their names agree, people also when only their vowels differ ("Hassan Abdel Ghani",
 * "Hassan Abdul Ghani"), the usual drift of transliterated Arabic names.
 */
export class EntityRegistry {
  private readonly merged = new Map<string, MergedEntity>()
  private readonly canonical = new Map<string, string>()
  private readonly byNameKey = new Map<string, string>()

  /** Adds one document's entity; `outletOf` names the outlet of a document id. */
  add(entity: Entity, outletOf: (doc: string) => string): string {
    let id = this.canonical.get(entity.id)
    if (id === undefined) {
      const nameKeys = nameKeysOf(entity.kind, entity.name)
      id = nameKeys.map((key) => this.byNameKey.get(key)).find((found) => found !== undefined)
      id ??= entity.id
      this.canonical.set(entity.id, id)
      for (const key of nameKeys) if (!this.byNameKey.has(key)) this.byNameKey.set(key, id)
    }
    let target = this.merged.get(id)
    if (target === undefined) {
      target = {
        id,
        kind: entity.kind,
        name: entity.name,
        aliases: [],
        aliasKeys: new Set(),
        mentions: [],
        aliasOutlets: new Map(),
        side: entity.side ?? null,
        lat: entity.lat ?? null,
        lon: entity.lon ?? null,
        country: entity.country ?? null,
        featureClass: entity.featureClass ?? null,
        gazetteerId: entity.gazetteerId ?? null,
      }
      this.merged.set(id, target)
    }
    target.side ??= entity.side ?? null
    target.lat ??= entity.lat ?? null
    target.lon ??= entity.lon ?? null
    target.country ??= entity.country ?? null
    target.featureClass ??= entity.featureClass ?? null
    target.gazetteerId ??= entity.gazetteerId ?? null
    const fallbackDoc = entity.mentions[0]?.doc
    const note = (alias: string, doc: string | undefined): void => {
      if (alias.trim() === '') return
      if (!target.aliasKeys.has(alias)) {
        target.aliasKeys.add(alias)
        target.aliases.push(alias)
      }
      if (doc === undefined) return
      let outlets = target.aliasOutlets.get(alias)
      if (outlets === undefined) target.aliasOutlets.set(alias, (outlets = new Set()))
      outlets.add(outletOf(doc))
    }
    // The canonical name may be the gazetteer's, not the outlet's words: no outlet for it.
    note(entity.name, undefined)
    for (const alias of entity.aliases) note(alias, fallbackDoc)
    for (const mention of entity.mentions) {
      target.mentions.push(mention)
      note(mention.text, mention.doc)
    }
    return id
  }

  /** The id an entity id was merged into (itself when unknown). */
  canonicalId(id: string): string {
    return this.canonical.get(id) ?? id
  }

  nameOf(id: string): string | undefined {
    return this.merged.get(this.canonicalId(id))?.name
  }

  sideOf(id: string): string | null {
    return this.merged.get(this.canonicalId(id))?.side ?? null
  }

  snapshot(): Entity[] {
    return [...this.merged.values()].map((entity) => {
      const aliasOutlets: Record<string, readonly string[]> = {}
      for (const [alias, outlets] of entity.aliasOutlets) aliasOutlets[alias] = [...outlets]
      const base: Entity = {
        id: entity.id,
        kind: entity.kind,
        name: entity.name,
        aliases: [...entity.aliases],
        mentions: [...entity.mentions],
        side: entity.side,
        aliasOutlets,
      }
      if (entity.kind !== 'place' && entity.kind !== 'country') return base
      return {
        ...base,
        lat: entity.lat,
        lon: entity.lon,
        country: entity.country,
        featureClass: entity.featureClass,
        gazetteerId: entity.gazetteerId,
      }
    })
  }
}

/**
 * Keys under which entities of different ids are one: the folded name for people and
 * organisations, and for people of two or more words the consonant skeleton.
 */
export function nameKeysOf(kind: EntityKind, name: string): string[] {
  if (kind !== 'person' && kind !== 'organization') return []
  const folded = foldText(name)
  if (folded === '') return []
  const keys = [`${kind}|${folded}`]
  if (kind === 'person') {
    const skeleton = skeletonOf(folded)
    if (skeleton !== null) keys.push(`person~${skeleton}`)
  }
  return keys
}

// [Abdel] and [Abdul], [Ahmed] and [Ahmad]: transliterations differ in vowels. Each run of
// vowels becomes one mark and consonants stay, doubled ones too, so [Haddad] and [Hadid] differ.
function skeletonOf(folded: string): string | null {
  const tokens = folded
    .split(' ')
    .filter((token) => token !== 'al' && token !== 'el')
    .map((token) => token.replace(/[aeiouy]+/g, '_'))
  const consonants = tokens.join('').replace(/_/g, '').length
  return tokens.length >= 2 && consonants >= 6 ? tokens.join(' ') : null
}
