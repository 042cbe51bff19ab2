import type { ConversationState, ManageAction } from '../../conversation-state/index.ts';
import {
  buildConversation,
  type Conversation,
  conversationId,
  conversationIndex,
  type WorkspaceContext,
} from './conversation.ts';
import { Lru } from './lru.ts';
import { type Admin, type AdminOverrides, buildRoster, type Roster } from './roster.ts';
import { type StateChange, StateOverlay } from './state-overlay.ts';
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
 * The seeded workspace: nothing is stored per conversation but the tag and state overlays; conversations are
 * built on demand from (seed, index) and the recently used ones kept in an LRU, so 100,000 conversations cost no
 * more memory than 200. `conversation(index)` is the conversation as it reads now (state overlay applied);
 * `conversationAt(position)` follows the list's order, where a conversation an action changed comes first.
 */
export class Workspace {
  readonly seed: number;
  readonly size: number;
  readonly now: number;
  readonly roster: Roster;
  readonly catalogue: CatalogueTag[];
  readonly tags: TagState;
  readonly states = new StateOverlay();
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

  /** The conversation as seeded (no state overlay). */
  seeded(index: number): Conversation {
    if (!Number.isInteger(index) || index < 0 || index >= this.size)
      throw new RangeError(`no conversation #${index}`);
    return this.cache.getOrCreate(index, () => buildConversation(this.ctx, index));
  }

  /** The conversation as it reads now (the state overlay applied). */
  conversation(index: number): Conversation {
    return this.states.current(this.seeded(index));
  }

  /** The conversation at a list position (newest first: the ones an action changed lead). */
  conversationAt(position: number): Conversation {
    if (!Number.isInteger(position) || position < 0 || position >= this.size)
      throw new RangeError(`no conversation at position ${position}`);
    return this.conversation(this.states.indexAt(position));
  }

  /**
   * Applies a `manageConversation` action at the workspace clock (shared with tag writes: strictly after every
   * seeded time and every earlier write); an action that changes nothing (opening an open conversation) leaves
   * the clock as it was.
   */
  manage(c: Conversation, action: ManageAction, admin: Admin, body?: string): Conversation {
    const time = this.tags.peekTime();
    const changed = this.states.apply(this.seeded(c.index), action, {
      admin,
      time,
      ...(body === undefined ? {} : { body }),
    });
    if (changed) this.tags.nextTime();
    return this.conversation(c.index);
  }

  /** The time the next write would get (the workspace clock now), without advancing it. */
  clockNow(): number {
    return this.tags.peekTime();
  }

  stateOf(c: Conversation): ConversationState {
    return this.states.stateOf(c);
  }

  stateChanges(): StateChange[] {
    return this.states.changes((index) => this.seeded(index));
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
    return this.tags.changes((index) => this.seeded(index));
  }
}
