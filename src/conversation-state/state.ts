import type {
  ConversationState,
  ConversationStateName,
  StateExpectation,
} from '../model/conversation-state.ts';

export type { ConversationState, ConversationStateName, StateExpectation };

/**
 * The part of a conversation a state round trip changes and must restore: its state, when a snooze ends, and
 * who it is assigned to. Read from a conversation object of any version.
 */
const STATES: readonly string[] = ['open', 'closed', 'snoozed'];

const idOrNull = (v: unknown): string | null =>
  (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '' && v !== '0') ? String(v) : null;

/** The state of a conversation object, or a one-line reason it has none the trip can use. */
export function stateOf(conversation: unknown): ConversationState | { error: string } {
  if (typeof conversation !== 'object' || conversation === null || Array.isArray(conversation))
    return { error: 'not a conversation object' };
  const c = conversation as Record<string, unknown>;
  if (typeof c.state !== 'string' || !STATES.includes(c.state))
    return { error: `conversation ${String(c.id)} has state ${JSON.stringify(c.state)}` };
  const until = c.snoozed_until;
  return {
    state: c.state as ConversationStateName,
    snoozedUntil: typeof until === 'number' && Number.isInteger(until) ? until : null,
    adminAssigneeId: idOrNull(c.admin_assignee_id),
    teamAssigneeId: idOrNull(c.team_assignee_id),
  };
}

export interface StateMismatch {
  property: 'state' | 'open' | 'snoozed_until' | 'admin_assignee_id' | 'team_assignee_id';
  expected: unknown;
  actual: unknown;
}

/** How a conversation differs from what a step should have left; empty when it matches. */
export function compareState(conversation: unknown, want: StateExpectation): StateMismatch[] {
  const c = (typeof conversation === 'object' && conversation !== null ? conversation : {}) as Record<
    string,
    unknown
  >;
  const out: StateMismatch[] = [];
  if (c.state !== want.state) out.push({ property: 'state', expected: want.state, actual: c.state });
  if (c.open !== want.open) out.push({ property: 'open', expected: want.open, actual: c.open });
  const until = c.snoozed_until ?? null;
  if (until !== want.snoozedUntil)
    out.push({ property: 'snoozed_until', expected: want.snoozedUntil, actual: until });
  if (want.adminAssigneeId !== undefined && idOrNull(c.admin_assignee_id) !== want.adminAssigneeId)
    out.push({ property: 'admin_assignee_id', expected: want.adminAssigneeId, actual: c.admin_assignee_id });
  if (want.teamAssigneeId !== undefined && idOrNull(c.team_assignee_id) !== want.teamAssigneeId)
    out.push({ property: 'team_assignee_id', expected: want.teamAssigneeId, actual: c.team_assignee_id });
  return out;
}

/** The expectation a state implies. */
export function expectationOf(s: ConversationState): StateExpectation {
  return {
    state: s.state,
    open: s.state !== 'closed',
    snoozedUntil: s.state === 'snoozed' ? s.snoozedUntil : null,
    adminAssigneeId: s.adminAssigneeId,
    teamAssigneeId: s.teamAssigneeId,
  };
}
