import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LARGE_CONVERSATION_INDEX,
  type MockServer,
  SNOOZE_BASE,
  startMockServer,
} from '../../src/mock/index.ts';
import { call, findings, VERSIONS } from './helpers.ts';

/**
 * `POST /conversations/{id}/parts` on the mock: one state overlay for every version (snoozed under 2.10 is
 * snoozed when retrieved under 2.16), every 200 strictly valid in every version, the parts and statistics the
 * actions add, the list order (a changed conversation moves to the top), and the errors.
 */

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

let mock: MockServer;
let admin: string;
beforeAll(async () => {
  mock = await startMockServer({ scenario: 'conformant' });
  admin = String(mock.state.admin.id);
});
afterAll(() => mock.close());

const manage = (id: string, body: unknown, version?: string) =>
  call(mock.url, `/conversations/${id}/parts`, { method: 'POST', body, ...(version ? { version } : {}) });
const retrieve = (id: string, version?: string) =>
  call(mock.url, `/conversations/${id}`, version ? { version } : {});

/** Conversations of the seeded workspace in a given state and not yet touched, by list position. */
function untouched(state: string, skip = 0): string {
  const changed = new Set(mock.state.stateChanges().map((c) => c.conversationId));
  let seen = 0;
  for (let i = mock.state.conversationCount - 1; i >= 0; i--) {
    const id = mock.state.conversationId(i);
    if (changed.has(id) || mock.state.stateOf(id)!.state !== state) continue;
    if (seen++ === skip) return id;
  }
  throw new Error(`no untouched ${state} conversation`);
}

describe.each(VERSIONS)('manageConversation, API %s', (version) => {
  it('snooze, open, close, reopen: each 200 valid, retrieve agrees, one part per action, restored at the end', async () => {
    const id = untouched('open', VERSIONS.indexOf(version));
    const before = (await retrieve(id, version)).body;
    const until = SNOOZE_BASE + 3_600 + VERSIONS.indexOf(version);
    const steps: Array<[Json, Json]> = [
      [
        { message_type: 'snoozed', admin_id: admin, snoozed_until: until },
        { state: 'snoozed', open: true, snoozed_until: until },
      ],
      [
        { message_type: 'open', admin_id: admin },
        { state: 'open', open: true, snoozed_until: null },
      ],
      [
        { message_type: 'close', type: 'admin', admin_id: admin, body: 'Goodbye :)' },
        { state: 'closed', open: false, snoozed_until: null },
      ],
      [
        { message_type: 'open', admin_id: Number(admin) },
        { state: 'open', open: true, snoozed_until: null },
      ],
    ];
    const partTypes = ['snoozed', 'open', 'close', 'open'];
    let last = before.updated_at;
    for (const [k, [body, want]] of steps.entries()) {
      const reply = await manage(id, body, version);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(findings(version, 'manageConversation', 200, reply.body)).toEqual([]);
      const c = reply.body;
      expect({ state: c.state, open: c.open, snoozed_until: c.snoozed_until ?? null }).toEqual(want);
      const parts = c.conversation_parts;
      expect(parts.total_count).toBe(before.conversation_parts.total_count + k + 1);
      const part = parts.conversation_parts.at(-1);
      expect(part).toMatchObject({
        part_type: partTypes[k],
        author: { type: 'admin', id: admin },
        created_at: c.updated_at,
      });
      expect(c.updated_at).toBeGreaterThan(last);
      last = c.updated_at;
      // A retrieve (the render cache must not serve the rendering from before the change) shows the same.
      const again = await retrieve(id, version);
      expect(again.body).toEqual(c);
      expect(findings(version, 'retrieveConversation', 200, again.body)).toEqual([]);
    }
    const closed = (await retrieve(id, version)).body;
    expect(closed.conversation_parts.conversation_parts.at(-2).body).toBe('<p>Goodbye :)</p>');
    expect(closed.statistics.count_reopens).toBe(before.statistics.count_reopens + 2);
    expect(closed.statistics.last_closed_by_id).toBe(admin);
    expect(closed.statistics.count_conversation_parts).toBe(before.statistics.count_conversation_parts + 4);
    expect(mock.state.stateChanges().filter((c) => c.conversationId === id)).toEqual([]);
  });

  it('assigns and unassigns: unassigned reads null up to 2.15 and 0 in 2.16 and Preview', async () => {
    const id = untouched('closed', VERSIONS.indexOf(version));
    const original = mock.state.stateOf(id)!;
    const assignee = admin;
    const assigned = await manage(
      id,
      { message_type: 'assignment', type: 'admin', admin_id: admin, assignee_id: Number(assignee) },
      version,
    );
    expect(assigned.status).toBe(200);
    expect(findings(version, 'manageConversation', 200, assigned.body)).toEqual([]);
    expect(assigned.body.admin_assignee_id).toBe(Number(assignee));
    expect(assigned.body.conversation_parts.conversation_parts.at(-1)).toMatchObject({
      part_type: 'assignment',
      assigned_to: { type: 'admin', id: assignee },
    });
    // Assignment does not change the state (closed stays closed).
    expect(assigned.body.state).toBe('closed');

    const team = await manage(
      id,
      { message_type: 'assignment', type: 'team', admin_id: admin, assignee_id: '0' },
      version,
    );
    const unassigned = await manage(
      id,
      { message_type: 'assignment', type: 'admin', admin_id: admin, assignee_id: 0 },
      version,
    );
    for (const reply of [team, unassigned]) {
      expect(reply.status).toBe(200);
      expect(findings(version, 'manageConversation', 200, reply.body)).toEqual([]);
    }
    const none = version === '2.16' || version === 'Preview' ? 0 : null;
    expect(unassigned.body.admin_assignee_id).toBe(none);
    expect(unassigned.body.team_assignee_id).toBe(none);
    expect(mock.state.stateOf(id)).toMatchObject({ adminAssigneeId: null, teamAssigneeId: null });

    // Restore the original assignees: the workspace reads as seeded again.
    for (const [type, value] of [
      ['admin', original.adminAssigneeId],
      ['team', original.teamAssigneeId],
    ] as const) {
      const r = await manage(
        id,
        { message_type: 'assignment', type, admin_id: admin, assignee_id: value ?? '0' },
        version,
      );
      expect(r.status).toBe(200);
    }
    expect(mock.state.stateOf(id)).toEqual(original);
    expect(mock.state.stateChanges().filter((c) => c.conversationId === id)).toEqual([]);
  });
});

describe('one workspace for every version', () => {
  it('snoozed under 2.10 is snoozed when retrieved, listed and searched under 2.16; stateChanges until restored', async () => {
    const id = untouched('open', 20);
    const until = SNOOZE_BASE + 7_777;
    // The same search before and after each write: a page is never served from matches made before a write.
    const countSnoozed = async () =>
      (
        await call(mock.url, '/conversations/search', {
          method: 'POST',
          version: '2.16',
          body: { query: { field: 'state', operator: '=', value: 'snoozed' }, pagination: { per_page: 5 } },
        })
      ).body.total_count as number;
    const snoozedBefore = await countSnoozed();
    expect(await countSnoozed()).toBe(snoozedBefore);
    const snoozed = await manage(
      id,
      { message_type: 'snoozed', admin_id: admin, snoozed_until: until },
      '2.10',
    );
    expect(snoozed.status).toBe(200);
    expect(mock.state.stateOf(id)).toMatchObject({ state: 'snoozed', snoozedUntil: until });
    expect(mock.state.stateChanges()).toEqual([
      {
        conversationId: id,
        seeded: expect.objectContaining({ state: 'open', snoozedUntil: null }),
        now: expect.objectContaining({ state: 'snoozed', snoozedUntil: until }),
      },
    ]);
    for (const version of ['2.10', '2.16']) {
      const one = await retrieve(id, version);
      expect(one.body).toMatchObject({ state: 'snoozed', open: true, snoozed_until: until });
      // The list is newest first: the conversation just changed leads it.
      const list = await call(mock.url, '/conversations?per_page=150', { version });
      expect(list.body.conversations[0]).toMatchObject({ id, state: 'snoozed', snoozed_until: until });
      const updated = list.body.conversations.map((c: Json) => c.updated_at);
      expect(updated).toEqual([...updated].sort((a: number, b: number) => b - a));
      expect(mock.state.conversationId(0)).toBe(id);
      const search = await call(mock.url, '/conversations/search', {
        method: 'POST',
        version,
        body: {
          query: {
            operator: 'AND',
            value: [
              { field: 'id', operator: '=', value: id },
              { field: 'state', operator: '=', value: 'snoozed' },
            ],
          },
        },
      });
      expect(search.body.conversations.map((c: Json) => c.id)).toEqual([id]);
      expect(search.body.conversations[0]).toEqual(list.body.conversations[0]);
    }
    expect(await countSnoozed()).toBe(snoozedBefore + 1);
    const opened = await manage(id, { message_type: 'open', admin_id: admin }, '2.16');
    expect(opened.body).toMatchObject({ state: 'open', open: true });
    expect(await countSnoozed()).toBe(snoozedBefore);
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('opening an open conversation or closing a closed one changes nothing', async () => {
    for (const [state, body] of [
      ['open', { message_type: 'open', admin_id: admin }],
      ['closed', { message_type: 'close', type: 'admin', admin_id: admin }],
    ] as const) {
      const id = untouched(state, 31);
      const before = await retrieve(id);
      const reply = await manage(id, body);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual(before.body);
      expect(mock.state.conversationId(0)).not.toBe(id);
    }
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('snoozes a closed conversation: snoozed and open, in one action', async () => {
    const id = untouched('closed', 30);
    const reply = await manage(id, {
      message_type: 'snoozed',
      admin_id: admin,
      snoozed_until: SNOOZE_BASE + 1,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ state: 'snoozed', open: true, snoozed_until: SNOOZE_BASE + 1 });
    const close = await manage(id, { message_type: 'close', type: 'admin', admin_id: admin });
    expect(close.body).toMatchObject({ state: 'closed', open: false });
    expect(mock.state.stateChanges()).toEqual([]);
  });
});

describe('manageConversation errors', () => {
  it('404 for an unknown conversation, admin_not_found for an admin_id or assignee that is no admin, team_not_found', async () => {
    const id = untouched('open', 40);
    const unknown = await manage('999', { message_type: 'open', admin_id: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'error.list', errors: [{ code: 'not_found' }] });
    for (const [body, code] of [
      [{ message_type: 'open', admin_id: '42' }, 'admin_not_found'],
      [{ message_type: 'assignment', type: 'admin', admin_id: admin, assignee_id: '42' }, 'admin_not_found'],
      [{ message_type: 'assignment', type: 'team', admin_id: admin, assignee_id: '42' }, 'team_not_found'],
    ] as const) {
      const reply = await manage(id, body);
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ type: 'error.list', errors: [{ code }] });
      expect(findings('2.11', 'manageConversation', 404, reply.body)).toEqual([]);
    }
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('400 error.list for bad bodies, and nothing changes', async () => {
    const id = untouched('open', 41);
    const past = mock.options.now - 60;
    const cases: Array<[unknown, string]> = [
      ['{nope', 'bad_request'],
      [[1], 'parameter_invalid'],
      [{ admin_id: admin }, 'parameter_not_found'],
      [{ message_type: 'delete', admin_id: admin }, 'parameter_invalid'],
      [{ message_type: 'open' }, 'parameter_not_found'],
      [{ message_type: 'open', admin_id: { id: admin } }, 'parameter_invalid'],
      [{ message_type: 'close', admin_id: admin }, 'parameter_not_found'],
      [{ message_type: 'close', type: 'team', admin_id: admin }, 'parameter_invalid'],
      [{ message_type: 'close', type: 'admin', admin_id: admin, body: 7 }, 'parameter_invalid'],
      [{ message_type: 'snoozed', admin_id: admin }, 'parameter_not_found'],
      [{ message_type: 'snoozed', admin_id: admin, snoozed_until: String(SNOOZE_BASE) }, 'parameter_invalid'],
      [{ message_type: 'snoozed', admin_id: admin, snoozed_until: SNOOZE_BASE + 0.5 }, 'parameter_invalid'],
      [{ message_type: 'snoozed', admin_id: admin, snoozed_until: past }, 'parameter_invalid'],
      [{ message_type: 'assignment', admin_id: admin, assignee_id: admin }, 'parameter_not_found'],
      [{ message_type: 'assignment', type: 'bot', admin_id: admin, assignee_id: admin }, 'parameter_invalid'],
      [{ message_type: 'assignment', type: 'admin', admin_id: admin }, 'parameter_not_found'],
    ];
    for (const [body, code] of cases) {
      const reply = await manage(id, body);
      expect({ body, status: reply.status, code: reply.body?.errors?.[0]?.code }).toEqual({
        body,
        status: 400,
        code,
      });
      expect(reply.body.request_id).toBe(reply.headers['x-request-id']);
    }
    expect(mock.state.stateChanges()).toEqual([]);
    expect(mock.state.stateOf(id)).toMatchObject({ state: 'open' });
  });

  it('answers GET and HEAD on the parts route with 405 and Allow: POST', async () => {
    const id = mock.state.conversationId(1);
    for (const method of ['GET', 'HEAD']) {
      const reply = await call(mock.url, `/conversations/${id}/parts`, { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.allow).toBe('POST');
    }
  });
});

describe('manageConversation on a fresh workspace', () => {
  it('keeps the 500 most recent parts (the new one last) and total_count of a conversation with more than 500', async () => {
    const fresh = await startMockServer({ scenario: 'documented' });
    try {
      const id = fresh.state.conversationId(LARGE_CONVERSATION_INDEX);
      const admin = String(fresh.state.admin.id);
      const before = await call(fresh.url, `/conversations/${id}`, { version: '2.11' });
      expect(before.body.conversation_parts.total_count).toBeGreaterThan(500);
      const reply = await call(fresh.url, `/conversations/${id}/parts`, {
        method: 'POST',
        version: '2.11',
        body: { message_type: 'snoozed', admin_id: admin, snoozed_until: SNOOZE_BASE + 5 },
      });
      expect(reply.status).toBe(200);
      const parts = reply.body.conversation_parts;
      expect(parts.total_count).toBe(before.body.conversation_parts.total_count + 1);
      expect(parts.conversation_parts).toHaveLength(500);
      expect(parts.conversation_parts.at(-1)).toMatchObject({ part_type: 'snoozed', author: { id: admin } });
      // documented: the manage answer is shaped (and tagged) like a retrieve of the same conversation.
      const retrieved = await call(fresh.url, `/conversations/${id}`, { version: '2.11' });
      expect(reply.body).toEqual(retrieved.body);
      expect(fresh.state.requests.at(-2)!.deviations).toEqual(fresh.state.requests.at(-1)!.deviations);
      expect(fresh.state.conversationId(0)).toBe(id);
    } finally {
      await fresh.close();
    }
  });
});
