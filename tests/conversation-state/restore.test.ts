import { describe, expect, it } from 'vitest';
import type { ManageAction } from '../../src/conversation-state/requests.ts';
import { applyAction, restoreActions } from '../../src/conversation-state/restore.ts';
import type { ConversationState } from '../../src/conversation-state/state.ts';

const NOW = 1_800_000_000;
const s = (
  state: ConversationState['state'],
  snoozedUntil: number | null = null,
  adminAssigneeId: string | null = null,
  teamAssigneeId: string | null = null,
): ConversationState => ({ state, snoozedUntil, adminAssigneeId, teamAssigneeId });

/** given an original and a current state, want the actions that restore it. */
const TABLE: Array<[string, ConversationState, ConversationState, ManageAction[]]> = [
  ['open, already open', s('open'), s('open'), []],
  ['open, left snoozed', s('open'), s('snoozed', NOW + 300), [{ action: 'open' }]],
  ['open, left closed', s('open'), s('closed'), [{ action: 'open' }]],
  ['closed, left open', s('closed'), s('open'), [{ action: 'close' }]],
  ['closed, left snoozed', s('closed'), s('snoozed', NOW + 300), [{ action: 'close' }]],
  ['closed, already closed', s('closed'), s('closed'), []],
  ['snoozed, same snooze', s('snoozed', NOW + 3600), s('snoozed', NOW + 3600), []],
  [
    'snoozed, another snooze',
    s('snoozed', NOW + 3600),
    s('snoozed', NOW + 300),
    [{ action: 'snooze', until: NOW + 3600 }],
  ],
  ['snoozed, left open', s('snoozed', NOW + 3600), s('open'), [{ action: 'snooze', until: NOW + 3600 }]],
  [
    'snoozed, left closed: reopen, then snooze',
    s('snoozed', NOW + 3600),
    s('closed'),
    [{ action: 'open' }, { action: 'snooze', until: NOW + 3600 }],
  ],
  ['snoozed, but the snooze has ended: open', s('snoozed', NOW - 10), s('closed'), [{ action: 'open' }]],
  [
    'snoozed, ending within the margin: open',
    s('snoozed', NOW + 30),
    s('snoozed', NOW + 300),
    [{ action: 'open' }],
  ],
  [
    'assignee changed, then state',
    s('open', null, '1', '2'),
    s('closed', null, '9', null),
    [
      { action: 'assign', assigneeType: 'admin', assigneeId: '1' },
      { action: 'assign', assigneeType: 'team', assigneeId: '2' },
      { action: 'open' },
    ],
  ],
  [
    'unassigned originally',
    s('closed', null, null, null),
    s('closed', null, '9', '8'),
    [
      { action: 'assign', assigneeType: 'admin', assigneeId: null },
      { action: 'assign', assigneeType: 'team', assigneeId: null },
    ],
  ],
];

describe('restoreActions: back to the original state from anywhere', () => {
  it.each(TABLE)('%s', (_name, original, current, want) => {
    expect(restoreActions(original, current, NOW).actions).toEqual(want);
  });

  it('applying the actions to any current state gives the target; the target is the original unless its snooze ended', () => {
    const admins = [null, '1', '2'];
    const states = [
      ...['open', 'closed'].map((x) => s(x as 'open')),
      s('snoozed', NOW + 300),
      s('snoozed', NOW + 7200),
      s('snoozed', NOW - 5),
    ];
    const all = states.flatMap((st) =>
      admins.flatMap((a) => admins.map((t) => ({ ...st, adminAssigneeId: a, teamAssigneeId: t }))),
    );
    let pairs = 0;
    for (const original of all)
      for (const current of all) {
        const r = restoreActions(original, current, NOW);
        const reached = r.actions.reduce(applyAction, current);
        expect(reached).toEqual(r.target);
        const ended = original.state === 'snoozed' && original.snoozedUntil! <= NOW + 60;
        expect(r.target).toEqual(ended ? { ...original, state: 'open', snoozedUntil: null } : original);
        expect(r.notes.length).toBe(ended ? 1 : 0);
        // Nothing to do when already there; a state action is always last.
        if (JSON.stringify(current) === JSON.stringify(r.target)) expect(r.actions).toEqual([]);
        const last = r.actions.at(-1);
        if (r.actions.some((x) => x.action !== 'assign')) expect(last?.action).not.toBe('assign');
        pairs++;
      }
    expect(pairs).toBe(45 * 45);
  });

  it('says why a snoozed original comes back open', () => {
    expect(restoreActions(s('snoozed', NOW - 10), s('open'), NOW).notes).toEqual([
      `the original snooze (until ${NOW - 10}) has ended by now: restored to open, as it would be`,
    ]);
  });
});
