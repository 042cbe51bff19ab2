import type { Exchange } from './exchange.ts';
import type { SearchRequest } from './search.ts';

/**
 * The part of a conversation a state round trip changes and must restore (its state, when a snooze ends, who it
 * is assigned to), the actions of `POST /conversations/{id}/parts` (`manageConversation`) that change it, and
 * what one round trip collected. Shared by the pure plan (`src/conversation-state/`), the collector that runs it
 * (`src/run/state-trip.ts`) and the check that reads it.
 */
export type ConversationStateName = 'open' | 'closed' | 'snoozed';

export interface ConversationState {
  state: ConversationStateName;
  /** Unix seconds; null unless snoozed. */
  snoozedUntil: number | null;
  /** Admin assignee id as a string (the request bodies take strings); null when unassigned. */
  adminAssigneeId: string | null;
  teamAssigneeId: string | null;
}

/** What a response must show after a step: state, `open`, `snoozed_until` (the documented rules). */
export interface StateExpectation {
  state: ConversationStateName;
  /** snoozed ⇒ open is true (a snoozed conversation is open); closed ⇒ false. */
  open: boolean;
  /** The snooze end for a snooze; null for open and closed. */
  snoozedUntil: number | null;
  adminAssigneeId?: string | null;
  teamAssigneeId?: string | null;
}

export type ManageAction =
  | { action: 'close' }
  | { action: 'open' }
  | { action: 'snooze'; until: number }
  | { action: 'assign'; assigneeType: 'admin' | 'team'; assigneeId: string | null };

/** One step of the trip as it ran. */
export interface StateStepRecord {
  /** The plan's step id: `snooze`, `retrieve-after-snooze`, `list-after-snooze`, `search-after-snooze`, `open`, … */
  id: string;
  kind: 'manage' | 'retrieve' | 'list' | 'search';
  expect: StateExpectation;
  /** The request of the step (for `list`: the page that held the conversation, or the last page walked). */
  exchange?: Exchange;
  /** The search of a `search` step, for the record. */
  request?: SearchRequest;
  /** `list`/`search`: whether the answer held the conversation at all. */
  found?: boolean;
  /** `list`: the walk stopped at the page limit before it found the conversation. */
  truncated?: boolean;
  /** A manage write that failed: what a retrieve showed afterwards (undefined: nobody could tell). */
  verifiedState?: ConversationState;
}

export interface StateRestoration {
  /** What the conversation was brought back to (the original, or open where an original snooze has ended). */
  target: ConversationState;
  notes: string[];
  /** The requests restoration sent (manage writes and the retrieves that checked them). */
  exchanges: Exchange[];
  /** True once a retrieve showed the target state. */
  restored: boolean;
  /** Nothing could show the conversation's state after restoration (see `restored`). */
  unverified?: boolean;
  /** The state the last successful retrieve showed. */
  last?: ConversationState;
}

export interface StateRoundTrip {
  /** Why the trip did not run (writes not allowed, no open conversation, …). */
  skipped?: string;
  conversationId?: string;
  original?: ConversationState;
  snoozedUntil?: number;
  steps: StateStepRecord[];
  /** The run was interrupted during the trip. */
  interrupted?: boolean;
  /** Present whenever the trip did not end where it began (a failure, an interruption). */
  restoration?: StateRestoration;
}
