import type { Conversation } from './conversation.ts';

export type { CatalogueTag } from './conversation.ts';

/**
 * The mutable part of the workspace: tags attached and detached through the API, per conversation, on top of
 * the seeded tags. One overlay serves every API version (one workspace).
 */
export interface AppliedTag {
  id: string;
  appliedAt: number;
  appliedBy: string;
  /** True while this is the seeded application (not one made through the API). */
  seeded: boolean;
}

export interface TagChange {
  conversationIndex: number;
  added: string[];
  removed: string[];
}

export class TagState {
  /** conversation index → tag id → the API's application, or `null` when a seeded tag was detached. */
  private readonly overlay = new Map<number, Map<string, AppliedTag | null>>();
  private mutations = 0;

  constructor(private readonly now: number) {}

  effective(c: Conversation): AppliedTag[] {
    const over = this.overlay.get(c.index);
    const out: AppliedTag[] = [];
    for (const s of c.seededTags) {
      const o = over?.get(s.id);
      if (o === undefined) out.push({ ...s, seeded: true });
      else if (o !== null) out.push(o);
    }
    if (over) {
      for (const [id, o] of over) if (o && !c.seededTags.some((s) => s.id === id)) out.push(o);
    }
    return out;
  }

  /** Attaches a tag (idempotent: an attached tag keeps its first application). */
  attach(c: Conversation, tagId: string, adminId: string): AppliedTag {
    const current = this.effective(c).find((t) => t.id === tagId);
    if (current) return current;
    const applied: AppliedTag = { id: tagId, appliedAt: this.nextTime(), appliedBy: adminId, seeded: false };
    this.overlayOf(c.index).set(tagId, applied);
    return applied;
  }

  /** Detaches a tag; returns the application it removed (undefined when it was not attached). */
  detach(c: Conversation, tagId: string): AppliedTag | undefined {
    const current = this.effective(c).find((t) => t.id === tagId);
    if (!current) return undefined;
    const over = this.overlayOf(c.index);
    if (c.seededTags.some((s) => s.id === tagId)) over.set(tagId, null);
    else over.delete(tagId);
    this.mutations++;
    return current;
  }

  /** A deterministic "now" for API applications: the workspace clock plus the number of mutations so far. */
  nextTime(): number {
    this.mutations++;
    return this.now + this.mutations;
  }

  /** The time `nextTime` would return, without advancing the clock. */
  peekTime(): number {
    return this.now + this.mutations + 1;
  }

  /** What differs from the seeded workspace, conversation by conversation (sorted by index). */
  changes(seededOf: (index: number) => Conversation): TagChange[] {
    const out: TagChange[] = [];
    for (const index of [...this.overlay.keys()].sort((a, b) => a - b)) {
      const c = seededOf(index);
      const now = new Set(this.effective(c).map((t) => t.id));
      const before = new Set(c.seededTags.map((t) => t.id));
      const added = [...now].filter((id) => !before.has(id)).sort();
      const removed = [...before].filter((id) => !now.has(id)).sort();
      if (added.length > 0 || removed.length > 0) out.push({ conversationIndex: index, added, removed });
    }
    return out;
  }

  private overlayOf(index: number): Map<string, AppliedTag | null> {
    let over = this.overlay.get(index);
    if (!over) {
      over = new Map();
      this.overlay.set(index, over);
    }
    return over;
  }
}
