import type { StateRoundTrip } from './conversation-state.ts';
import type { Exchange } from './exchange.ts';
import type { SearchCollected } from './search.ts';

/** Everything the checks of one API version read: the exchanges of each step of the plan. */
export interface Collected {
  apiVersion: string;
  me?: Exchange;
  listDefault?: Exchange;
  /** The per_page=150 walk, page by page. */
  walk: Exchange[];
  /** True when the walk stopped at the page limit (or an interruption), not at the last page. */
  walkTruncated: boolean;
  perPageMax?: Exchange;
  perPageOverflow?: Exchange;
  retrieves: Exchange[];
  plaintext?: Exchange;
  errors401: Exchange[];
  error404?: Exchange;
  tags: TagRoundTrip;
  /** The searches built from what the list returned (and the user's own), page by page. */
  search?: SearchCollected;
  /** The state round trip: snooze, open, close, reopen one conversation, and its restoration. */
  states?: StateRoundTrip;
  /**
   * The target's clock minus ours (ms), from the `Date` header of `GET /me`: a snooze ends a few minutes ahead of
   * the target's time, and "in the future" is judged on it. Absent: no Date header (our clock is used).
   */
  clockOffsetMs?: number;
  /** The run was interrupted: steps after it were not taken (their exchanges are absent). */
  interrupted?: boolean;
}

export interface TagCleanup {
  attempted: boolean;
  /** The last detach of the cleanup. */
  exchange?: Exchange;
  /** True unless a retrieve showed the tag gone. */
  leftAttached: boolean;
  /** The tag may be gone, but no retrieve could show it (see `leftAttached`). */
  unverified?: boolean;
  attempts?: number;
}

export interface TagRoundTrip {
  /** Why the round trip did not run (live without the sandbox guard, no conversation, …). */
  skipped?: string;
  conversationId?: string;
  tagId?: string;
  /** The conversation's tags before the trip: what cleanup restores. */
  originalTags?: string[];
  attach?: Exchange;
  afterAttach?: Exchange;
  detach?: Exchange;
  afterDetach?: Exchange;
  /** Retrieves that settled whether a write that failed ambiguously (timeout, reset, 5xx) took effect. */
  verifications?: Array<{ step: 'attach' | 'detach'; status?: number; tagPresent?: boolean }>;
  /** The run was interrupted during the trip. */
  interrupted?: boolean;
  /** Cleanup that had to run because a step failed, and whether it worked. */
  cleanup?: TagCleanup;
}

export interface WritePlan {
  /** Null when writes are not allowed, with the reason. */
  allowed: boolean;
  reason?: string;
  tagId?: string;
  adminId?: string;
  /** Why the tag round trip has no tag, when writes are allowed without one (the state round trip needs none). */
  noTag?: string;
  /** Why the state round trip does not run although writes are allowed (a replay that did not record one). */
  noStateTrip?: string;
  /** The end of the trip's snooze (Unix seconds), when it must be a given one (a replay: the recorded one). */
  snoozeUntil?: number;
}

/** The tag ids a conversation body shows. */
export function tagIdsOf(body: unknown): string[] {
  const tags = (body as { tags?: { tags?: Array<{ id?: unknown }> } } | undefined)?.tags?.tags;
  return Array.isArray(tags) ? tags.map((t) => String(t?.id)) : [];
}
