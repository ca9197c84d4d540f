/**
 * Disjoint sets over string ids whose representative is always the earliest-added member, so a
 * group's id (its first document) is stable as groups grow.
 */
export class UnionFind {
  private readonly parent = new Map<string, string>()
  private readonly order = new Map<string, number>()
  private readonly members = new Map<string, string[]>()

  add(id: string): void {
    if (this.parent.has(id)) return
    this.parent.set(id, id)
    this.order.set(id, this.order.size)
    this.members.set(id, [id])
  }

  find(id: string): string {
    let root = this.parent.get(id) ?? id
    while (root !== (this.parent.get(root) ?? root)) root = this.parent.get(root) ?? root
    let node = id
    while (node !== root) {
      const next = this.parent.get(node) ?? root
      this.parent.set(node, root)
      node = next
    }
    return root
  }

  /** Joins two sets; returns the members whose root changed (empty when already joined). */
  union(a: string, b: string): readonly string[] {
    const rootA = this.find(a)
    const rootB = this.find(b)
    if (rootA === rootB) return []
    const [keep, drop] =
      (this.order.get(rootA) ?? 0) <= (this.order.get(rootB) ?? 0) ? [rootA, rootB] : [rootB, rootA]
    this.parent.set(drop, keep)
    const moved = this.members.get(drop) ?? []
    this.members.get(keep)?.push(...moved)
    this.members.delete(drop)
    return moved
  }

  /** Members of the set holding `id`, in insertion order of joining. */
  membersOf(id: string): readonly string[] {
    return this.members.get(this.find(id)) ?? [id]
  }
}
