import { Intercom, IntercomClient } from 'intercom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, SNOOZE_BASE, startMockServer } from '../../src/mock/index.ts';
import { findings, TOKEN } from './helpers.ts';
import { sdkCases, sdkDefault } from './sdk-versions.ts';

/**
 * The official Node SDK (`intercom-client`, pinned) against the mock's search and manage routes: its search pager
 * walks every match exactly once, and its `conversations.manage` snoozes, opens and closes — at its default
 * version and at every locked version it accepts (read from its own code, as in sdk.test.ts).
 */

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ conversations: 200 });
});
afterAll(() => mock.close());

const cases = sdkCases;

it('has versions to test: the SDK accepts at least 8 locked versions', () => {
  expect(sdkDefault).toBeDefined();
  expect(cases.length).toBeGreaterThanOrEqual(9);
});

describe.each(cases)('intercom-client search and manage at API %s', (_label, version) => {
  const client = () =>
    new IntercomClient({ token: TOKEN, baseUrl: mock.url, maxRetries: 0, ...(version ? { version } : {}) });
  const sent = version ?? sdkDefault!;

  it('walks every closed conversation exactly once through the search pager, each page valid', async () => {
    const before = mock.state.requestCount;
    const ids: string[] = [];
    const pager = await client().conversations.search({
      query: { operator: 'AND', value: [{ field: 'state', operator: '=', value: 'closed' }] },
      pagination: { per_page: 25 },
    });
    for await (const c of pager) {
      expect(c.state).toBe('closed');
      ids.push(c.id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const want = Array.from({ length: 200 }, (_, i) => mock.state.conversationId(i)).filter(
      (id) => mock.state.stateOf(id)!.state === 'closed',
    );
    expect(ids).toEqual(want);
    const served = mock.state.requests.slice(-(mock.state.requestCount - before));
    expect(served.length).toBe(Math.ceil(want.length / 25));
    for (const r of served)
      expect({ op: r.operationId, status: r.status, version: r.version }).toEqual({
        op: 'searchConversations',
        status: 200,
        version: sent,
      });
    expect(findings(sent, 'searchConversations', 200, pager.response)).toEqual([]);
  });

  it('snoozes, opens, closes and reopens through conversations.manage, each answer valid', async () => {
    const sdk = client();
    const admin = String(mock.state.admin.id);
    const id = Array.from({ length: 200 }, (_, i) => mock.state.conversationId(199 - i)).find(
      (x) => mock.state.stateOf(x)!.state === 'open',
    )!;
    const until = SNOOZE_BASE + 600;
    const snoozed = await sdk.conversations.manage({
      conversation_id: id,
      body: { message_type: 'snoozed', admin_id: admin, snoozed_until: until },
    });
    expect(snoozed).toMatchObject({ id, state: 'snoozed', open: true, snoozed_until: until });
    expect(findings(sent, 'manageConversation', 200, snoozed)).toEqual([]);
    const found = await sdk.conversations.find({ conversation_id: id });
    expect(found).toMatchObject({ state: 'snoozed', open: true, snoozed_until: until });
    const opened = await sdk.conversations.manage({
      conversation_id: id,
      body: { message_type: 'open', admin_id: admin },
    });
    expect(opened).toMatchObject({ state: 'open', open: true });
    const closed = await sdk.conversations.manage({
      conversation_id: id,
      body: { message_type: 'close', type: 'admin', admin_id: admin, body: 'Done' },
    });
    expect(closed).toMatchObject({ state: 'closed', open: false });
    expect(findings(sent, 'manageConversation', 200, closed)).toEqual([]);
    await sdk.conversations.manage({ conversation_id: id, body: { message_type: 'open', admin_id: admin } });
    expect(mock.state.stateChanges()).toEqual([]);
    await expect(
      sdk.conversations.manage({ conversation_id: id, body: { message_type: 'open', admin_id: '1' } }),
    ).rejects.toBeInstanceOf(Intercom.NotFoundError);
  });
});
