import { describe, expect, it } from 'vitest';
import { pickConversation, planStateTrip } from '../../src/conversation-state/plan.ts';
import { applyAction, restoreActions } from '../../src/conversation-state/restore.ts';
import {
  type ConversationState,
  compareState,
  expectationOf,
  stateOf,
} from '../../src/conversation-state/state.ts';
import { evaluate } from '../../src/search/evaluate.ts';
import { validateSearchRequest } from '../../src/search/validate.ts';
import { sampleConversations } from '../search/conversations.ts';

const NOW = 1_750_000_000;
const convs = sampleConversations();

describe('the state round trip plan', () => {
  it('picks the lowest-id open, unsnoozed conversation; none is a skip with the reason', () => {
    expect(pickConversation([...convs].reverse())).toEqual({
      conversationId: '101',
      original: { state: 'open', snoozedUntil: null, adminAssigneeId: null, teamAssigneeId: '5017691' },
    });
    const notOpen = convs.filter((c) => c.state !== 'open');
    expect(pickConversation(notOpen)).toEqual({
      skipped: 'no open, unsnoozed conversation among the 4 listed',
    });
    expect(planStateTrip([], { now: NOW })).toEqual({
      skipped: 'no open, unsnoozed conversation among the 0 listed',
    });
  });

  it('snoozes, looks, opens, closes and reopens, each followed by a retrieve', () => {
    const plan = planStateTrip(convs, { now: NOW, snoozeMinutes: 3 });
    if ('skipped' in plan) throw new Error(plan.skipped);
    expect(plan.snoozedUntil).toBe(NOW + 180);
    expect(plan.steps.map((st) => `${st.kind}:${st.id}`)).toEqual([
      'manage:snooze',
      'retrieve:retrieve-after-snooze',
      'list:list-after-snooze',
      'search:search-after-snooze',
      'manage:open',
      'retrieve:retrieve-after-open',
      'manage:close',
      'retrieve:retrieve-after-close',
      'manage:reopen',
      'retrieve:retrieve-after-reopen',
    ]);
    const snoozed = {
      state: 'snoozed',
      open: true,
      snoozedUntil: NOW + 180,
      adminAssigneeId: null,
      teamAssigneeId: '5017691',
    };
    expect(plan.steps[0]).toEqual({
      id: 'snooze',
      kind: 'manage',
      action: { action: 'snooze', until: NOW + 180 },
      expect: snoozed,
    });
    expect(plan.steps.slice(1, 4).map((st) => st.expect)).toEqual([snoozed, snoozed, snoozed]);
    expect(plan.steps[6]!.expect).toMatchObject({ state: 'closed', open: false, snoozedUntil: null });
    expect(plan.steps.at(-1)!.expect).toEqual(expectationOf(plan.original));
  });

  it('follows the documented state rules at every step: snoozed ⇒ open and snoozed_until ahead; closed ⇒ not open', () => {
    const plan = planStateTrip(convs, { now: NOW });
    if ('skipped' in plan) throw new Error(plan.skipped);
    for (const st of plan.steps) {
      if (st.expect.state === 'snoozed') {
        expect(st.expect.open).toBe(true);
        expect(st.expect.snoozedUntil).toBeGreaterThan(NOW);
      } else expect(st.expect.snoozedUntil).toBeNull();
      if (st.expect.state === 'closed') expect(st.expect.open).toBe(false);
    }
  });

  it('its search is valid in every version and finds the conversation in the snoozed state, not before', () => {
    const plan = planStateTrip(convs, { now: NOW });
    if ('skipped' in plan) throw new Error(plan.skipped);
    const search = plan.steps.find((st) => st.kind === 'search')!;
    if (search.kind !== 'search') throw new Error('no search step');
    expect(validateSearchRequest(search.request, '2.7', { schema: 'strict' }).ok).toBe(true);
    const before = convs.find((c) => c.id === plan.conversationId)!;
    const after = { ...before, state: 'snoozed', snoozed_until: plan.snoozedUntil };
    expect(evaluate(search.request.query, before)).toBe(false);
    expect(evaluate(search.request.query, after)).toBe(true);
    expect(compareState(after, search.expect)).toEqual([]);
  });

  it('from whichever step the trip stops at, restoration returns the original state', () => {
    const plan = planStateTrip(convs, { now: NOW });
    if ('skipped' in plan) throw new Error(plan.skipped);
    let current: ConversationState = plan.original;
    for (const st of plan.steps) {
      if (st.kind === 'manage') current = applyAction(current, st.action);
      const r = restoreActions(plan.original, current, NOW);
      expect(r.actions.reduce(applyAction, current)).toEqual(plan.original);
      // What the retrieve after the step should show is what a conversation in `current` shows.
      const conversation = {
        state: current.state,
        open: current.state !== 'closed',
        snoozed_until: current.snoozedUntil,
        team_assignee_id: 5017691,
        admin_assignee_id: null,
      };
      expect(compareState(conversation, st.expect)).toEqual([]);
      expect(stateOf(conversation)).toEqual(current);
    }
  });

  it('refuses a snooze length or a clock it cannot use', () => {
    expect(() => planStateTrip(convs, { now: NOW, snoozeMinutes: 0 })).toThrow(
      'snoozeMinutes must be an integer from 1 to 1440, not 0',
    );
    expect(() => planStateTrip(convs, { now: 1.5 })).toThrow('now must be a Unix time in seconds, not 1.5');
  });

  it('reads the state of a conversation, or says why it cannot', () => {
    expect(stateOf({ id: '1', state: 'pending' })).toEqual({ error: 'conversation 1 has state "pending"' });
    expect(stateOf(null)).toEqual({ error: 'not a conversation object' });
    expect(
      stateOf({ state: 'snoozed', snoozed_until: 1700000000, admin_assignee_id: 0, team_assignee_id: '0' }),
    ).toEqual({
      state: 'snoozed',
      snoozedUntil: 1700000000,
      adminAssigneeId: null,
      teamAssigneeId: null,
    });
  });
});
