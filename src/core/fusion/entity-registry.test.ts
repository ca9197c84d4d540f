import { describe, expect, it } from 'vitest'
import type { Entity } from '../model/analysis.js'
import { EntityRegistry, nameKeysOf } from './entity-registry.js'

const entity = (id: string, kind: Entity['kind'], name: string): Entity => ({
  id,
  kind,
  name,
  aliases: [name],
  mentions: [],
})

describe('EntityRegistry', () => {
  const merges: [string, Entity, Entity, boolean][] = [
    [
      'one id, two spellings',
      entity('gn:1', 'place', 'Valmora'),
      entity('gn:1', 'place', 'Valmura'),
      true,
    ],
    [
      'a person whose vowels differ',
      entity('p:1', 'person', 'Hassan Abdel Karim'),
      entity('p:2', 'person', 'Hassan Abdul Karim'),
      true,
    ],
    [
      'Ahmed and Ahmad',
      entity('p:1', 'person', 'Ahmed al-Tamimi'),
      entity('p:2', 'person', 'Ahmad Al-Tamimi'),
      true,
    ],
    [
      'an organisation under one name',
      entity('o:1', 'organization', 'Defence Ministry'),
      entity('o:2', 'organization', 'defence ministry'),
      true,
    ],
    [
      'Haddad and Hadid (near miss)',
      entity('p:1', 'person', 'Omar Haddad'),
      entity('p:2', 'person', 'Omar Hadid'),
      false,
    ],
    [
      'a one-word name (near miss)',
      entity('p:1', 'person', 'Karim'),
      entity('p:2', 'person', 'Kerim'),
      false,
    ],
    [
      'two places of one name (near miss)',
      entity('gn:1', 'place', 'Homs'),
      entity('adm:1', 'place', 'Homs'),
      false,
    ],
  ]
  for (const [name, a, b, merged] of merges) {
    it(`${merged ? 'merges' : 'keeps apart'} ${name}`, () => {
      const registry = new EntityRegistry()
      registry.add(a, () => 'Outlet')
      registry.add(b, () => 'Outlet')
      expect(registry.snapshot()).toHaveLength(merged ? 1 : 2)
      expect(registry.canonicalId(b.id) === registry.canonicalId(a.id)).toBe(merged)
    })
  }

  it('keeps every alias of a merged person with the first name as canonical', () => {
    const registry = new EntityRegistry()
    registry.add(entity('p:1', 'person', 'Hassan Abdel Karim'), () => 'A')
    registry.add(entity('p:2', 'person', 'Hassan Abdul Karim'), () => 'B')
    const [merged] = registry.snapshot()
    expect(merged?.name).toBe('Hassan Abdel Karim')
    expect(merged?.aliases).toEqual(['Hassan Abdel Karim', 'Hassan Abdul Karim'])
    expect(registry.nameOf('p:2')).toBe('Hassan Abdel Karim')
  })
})

describe('nameKeysOf()', () => {
  it('gives places and actors no name keys: their ids decide', () => {
    expect(nameKeysOf('place', 'Valmora')).toEqual([])
    expect(nameKeysOf('actor', 'rebels')).toEqual([])
    expect(nameKeysOf('person', 'Hassan Abdel Karim')).toEqual([
      'person|hassan abdel karim',
      'person~h_ss_n _bd_l k_r_m',
    ])
  })
})
