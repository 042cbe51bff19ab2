import type { ManageAction } from './requests.ts';
import type { ConversationState } from './state.ts';

/** A snooze that ends this close to now may elapse before the request lands: treat it as elapsed. */
const SNOOZE_MARGIN_SECONDS = 60;

export interface Restoration {
  /** The requests to send, in order: assignments first, then the state (so nothing reopens it afterwards). */
  actions: ManageAction[];
  /** What the conversation will look like afterwards. */
  target: ConversationState;
  /** Why the target differs from the original, if it does. */
  notes: string[];
}

/**
 * What to send to get a conversation from its current state back to its original one, from any intermediate
 * state of the trip (or of a failure in the middle of it).
 *
 * - open: `open` unless already open (an open from snoozed also ends the snooze);
 * - closed: `close` unless already closed;
 * - snoozed until T: nothing if snoozed until T; from closed `open` then `snooze` (a closed conversation is
 *   reopened before it is snoozed); otherwise `snooze` until T. If T has passed (or is within a minute) the
 *   snooze would have ended by itself: the target is open, and a note says so;
 * - assignees: an `assignment` for the admin and for the team when they differ (`0` for none).
 */
export function restoreActions(
  original: ConversationState,
  current: ConversationState,
  now: number,
): Restoration {
  const actions: ManageAction[] = [];
  const notes: string[] = [];
  let target = original;
  if (
    original.state === 'snoozed' &&
    (original.snoozedUntil === null || original.snoozedUntil <= now + SNOOZE_MARGIN_SECONDS)
  ) {
    target = { ...original, state: 'open', snoozedUntil: null };
    notes.push(
      original.snoozedUntil === null
        ? 'the original state was snoozed with no snoozed_until: restored to open'
        : `the original snooze (until ${original.snoozedUntil}) has ended by now: restored to open, as it would be`,
    );
  }
  if (current.adminAssigneeId !== target.adminAssigneeId)
    actions.push({ action: 'assign', assigneeType: 'admin', assigneeId: target.adminAssigneeId });
  if (current.teamAssigneeId !== target.teamAssigneeId)
    actions.push({ action: 'assign', assigneeType: 'team', assigneeId: target.teamAssigneeId });
  switch (target.state) {
    case 'open':
      if (current.state !== 'open') actions.push({ action: 'open' });
      break;
    case 'closed':
      if (current.state !== 'closed') actions.push({ action: 'close' });
      break;
    case 'snoozed': {
      const until = target.snoozedUntil!;
      if (current.state === 'snoozed' && current.snoozedUntil === until) break;
      if (current.state === 'closed') actions.push({ action: 'open' });
      actions.push({ action: 'snooze', until });
      break;
    }
  }
  return { actions, target, notes };
}

/** Applies an action to a state as the documentation says it acts: what the mock does and a retrieve should show. */
export function applyAction(s: ConversationState, action: ManageAction): ConversationState {
  switch (action.action) {
    case 'open':
      return { ...s, state: 'open', snoozedUntil: null };
    case 'close':
      return { ...s, state: 'closed', snoozedUntil: null };
    case 'snooze':
      return { ...s, state: 'snoozed', snoozedUntil: action.until };
    case 'assign':
      return action.assigneeType === 'admin'
        ? { ...s, adminAssigneeId: action.assigneeId }
        : { ...s, teamAssigneeId: action.assigneeId };
  }
}
