/**
 * Which actor sides can name the same actor. A report that "the opposition" took a town and one
 * that the "Syrian Free Army" took it speak of one controller when the SFA is an opposition
 * faction; "opposition" and "government" never do.
 */
export const DEFAULT_SIDE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  // Rebels as a whole [the opposition] and the factions news names inside it [HTS, the SNA].
  opposition: ['hts', 'sfa', 'sna', 'fsa', 'rebels', 'southern-operations-room'],
}

export class SideRelations {
  private readonly umbrellaOf = new Map<string, string>()

  constructor(groups: Readonly<Record<string, readonly string[]>> = DEFAULT_SIDE_GROUPS) {
    for (const [umbrella, members] of Object.entries(groups)) {
      for (const member of members) this.umbrellaOf.set(member, umbrella)
    }
  }

  /** The umbrella a side belongs to, or the side itself (`hts` → `opposition`). */
  rootOf(side: string): string {
    return this.umbrellaOf.get(side) ?? side
  }

  /**
   * True when two sides may name one actor: equal, one the umbrella of the other, or either
   * unknown. Two factions of one umbrella (`hts`, `sna`) are not the same actor.
   */
  compatible(a: string | null, b: string | null): boolean {
    if (a === null || b === null || a === b) return true
    return this.umbrellaOf.get(a) === b || this.umbrellaOf.get(b) === a
  }

  /** True when the sides are different actors that cannot both hold one place. */
  opposed(a: string | null, b: string | null): boolean {
    if (a === null || b === null) return false
    return this.rootOf(a) !== this.rootOf(b)
  }
}
