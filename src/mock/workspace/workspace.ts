import {
  buildConversation,
  type Conversation,
  conversationId,
  conversationIndex,
  type WorkspaceContext,
} from './conversation.ts';
import { Lru } from './lru.ts';
import { type AdminOverrides, buildRoster, type Roster } from './roster.ts';
import { type AppliedTag, type CatalogueTag, type TagChange, TagState } from './tag-state.ts';

/** What the workspace is seeded from (the resolved mock options carry them). */
export interface WorkspaceOptions {
  seed: number;
  conversations: number;
  now: number;
  tags: CatalogueTag[];
  admin: AdminOverrides;
}

/**
 * The seeded workspace: nothing is stored per conversation but the tag overlay; conversations are built on
 * demand from (seed, index) and the recently used ones kept in an LRU, so 100,000 conversations cost no more
 * memory than 200.
 */
export class Workspace {
  readonly seed: number;
  readonly size: number;
  readonly now: number;
  readonly roster: Roster;
  readonly catalogue: CatalogueTag[];
  readonly tags: TagState;
  private readonly ctx: WorkspaceContext;
  private readonly cache = new Lru<number, Conversation>(512);

  constructor(options: WorkspaceOptions) {
    this.seed = options.seed;
    this.size = options.conversations;
    this.now = options.now;
    this.roster = buildRoster(options.seed, options.admin);
    this.catalogue = options.tags;
    this.tags = new TagState(options.now);
    this.ctx = {
      seed: this.seed,
      now: this.now,
      size: this.size,
      roster: this.roster,
      tags: this.catalogue,
    };
  }

  idOf(index: number): string {
    return conversationId(this.seed, index);
  }

  indexOf(id: string): number | undefined {
    return conversationIndex(this.seed, this.size, id);
  }

  conversation(index: number): Conversation {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`no conversation #${index}`);
    return this.cache.getOrCreate(index, () => buildConversation(this.ctx, index));
  }

  /** How many built conversations are held (bounded by the LRU). */
  get cachedCount(): number {
    return this.cache.size;
  }

  byId(id: string): Conversation | undefined {
    const index = this.indexOf(id);
    return index === undefined ? undefined : this.conversation(index);
  }

  tagsOf(c: Conversation): AppliedTag[] {
    return this.tags.effective(c);
  }

  tag(id: string): CatalogueTag | undefined {
    return this.catalogue.find((t) => t.id === id);
  }

  tagChanges(): TagChange[] {
    return this.tags.changes((index) => this.conversation(index));
  }
}
