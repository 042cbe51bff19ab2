import type { SearchRequest } from '../model/search.ts';
import type { ManageAction } from './requests.ts';
import { applyAction } from './restore.ts';
import { type ConversationState, expectationOf, type StateExpectation, stateOf } from './state.ts';

/**
 * The state round trip as data: which conversation, which requests in which order, and what each response and
 * each look afterwards must show. The collector executes it; `restoreActions` says how to get back from wherever
 * it stopped.
 */
export type StateTripStep =
  | { id: string; kind: 'manage'; action: ManageAction; expect: StateExpectation }
  | { id: string; kind: 'retrieve'; expect: StateExpectation }
  /** A search that must return the conversation, showing the expected state. */
  | { id: string; kind: 'search'; request: SearchRequest; expect: StateExpectation }
  /** The conversation as the list shows it (found in a bounded walk), showing the expected state. */
  | { id: string; kind: 'list'; expect: StateExpectation };

export interface StateTripPlan {
  conversationId: string;
  original: ConversationState;
  snoozedUntil: number;
  steps: StateTripStep[];
}

export interface PlanOptions {
  /** Unix seconds. */
  now: number;
  /** How far ahead the snooze ends, 1 … 1440 minutes (default 5). */
  snoozeMinutes?: number;
}

export const DEFAULT_SNOOZE_MINUTES = 5;

/**
 * The conversation the trip uses: open, not snoozed, with a usable id; the lowest id of those listed, so the
 * same workspace gives the same pick.
 */
export function pickConversation(
  listed: unknown[],
): { conversationId: string; original: ConversationState } | { skipped: string } {
  const candidates: Array<{ conversationId: string; original: ConversationState }> = [];
  for (const c of listed) {
    const s = stateOf(c);
    const conv = c as Record<string, unknown>;
    if ('error' in s || typeof conv.id !== 'string' || conv.id === '') continue;
    if (s.state === 'open' && conv.open === true && s.snoozedUntil === null)
      candidates.push({ conversationId: conv.id, original: s });
  }
  candidates.sort((a, b) => a.conversationId.localeCompare(b.conversationId, 'en', { numeric: true }));
  return candidates[0] ?? { skipped: `no open, unsnoozed conversation among the ${listed.length} listed` };
}

/**
 * Snooze until now + N minutes; retrieve, list and search must show it snoozed (open, `snoozed_until` set);
 * open; close; reopen — each followed by a retrieve. The original state is open (see `pickConversation`), so
 * the trip ends where it began; `restoreActions` covers every stop in between.
 */
export function planStateTrip(listed: unknown[], options: PlanOptions): StateTripPlan | { skipped: string } {
  const minutes = options.snoozeMinutes ?? DEFAULT_SNOOZE_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440)
    throw new RangeError(`snoozeMinutes must be an integer from 1 to 1440, not ${minutes}`);
  if (!Number.isInteger(options.now) || options.now <= 0)
    throw new RangeError(`now must be a Unix time in seconds, not ${options.now}`);
  const picked = pickConversation(listed);
  if ('skipped' in picked) return picked;
  const { conversationId, original } = picked;
  const snoozedUntil = options.now + minutes * 60;
  const steps: StateTripStep[] = [];
  let state = original;
  const manage = (id: string, action: ManageAction) => {
    state = applyAction(state, action);
    steps.push({ id, kind: 'manage', action, expect: expectationOf(state) });
    steps.push({ id: `retrieve-after-${id}`, kind: 'retrieve', expect: expectationOf(state) });
  };
  manage('snooze', { action: 'snooze', until: snoozedUntil });
  steps.push({ id: 'list-after-snooze', kind: 'list', expect: expectationOf(state) });
  steps.push({
    id: 'search-after-snooze',
    kind: 'search',
    request: {
      query: {
        operator: 'AND',
        value: [
          { field: 'id', operator: '=', value: conversationId },
          { field: 'state', operator: '=', value: 'snoozed' },
        ],
      },
    },
    expect: expectationOf(state),
  });
  manage('open', { action: 'open' });
  manage('close', { action: 'close' });
  manage('reopen', { action: 'open' });
  return { conversationId, original, snoozedUntil, steps };
}
