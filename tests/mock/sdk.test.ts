import { Intercom, IntercomClient } from 'intercom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { findings, TOKEN } from './helpers.ts';
import { sdkCases, sdkDefault, sdkVersions } from './sdk-versions.ts';

/**
 * The official Node SDK (`intercom-client`, pinned) as a contract test of the mock: it lists every conversation
 * through its own pager exactly once, retrieves, tags and untags — at its default version and at every locked
 * version it accepts. The versions it accepts and its default are read from its own code, not copied here.
 */

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ conversations: 200 });
});
afterAll(() => mock.close());

it('reads the SDK: its default version is 2.14 and it accepts versions up to 2.14', () => {
  expect(sdkDefault).toBe('2.14');
  expect(sdkVersions).toContain('2.14');
  expect(lockedVersions().filter((v) => sdkVersions.includes(v)).length).toBeGreaterThanOrEqual(8);
});

const cases = sdkCases;

describe.each(cases)('intercom-client at API %s', (_label, version) => {
  const client = () =>
    new IntercomClient({ token: TOKEN, baseUrl: mock.url, maxRetries: 0, ...(version ? { version } : {}) });
  const sent = version ?? sdkDefault!;

  it('lists every conversation exactly once through its pager', async () => {
    const before = mock.state.requestCount;
    const ids: string[] = [];
    const pager = await client().conversations.list({ per_page: 20 });
    for await (const c of pager) ids.push(c.id);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => mock.state.conversationId(i)));
    const served = mock.state.requests.slice(-(mock.state.requestCount - before));
    expect(served.length).toBe(10);
    for (const r of served)
      expect({ status: r.status, version: r.version }).toEqual({ status: 200, version: sent });
  });

  it('retrieves a conversation, valid in the version it asked for', async () => {
    const id = mock.state.conversationId(7);
    const c = await client().conversations.find({ conversation_id: id });
    expect(c.id).toBe(id);
    expect(findings(sent, 'retrieveConversation', 200, c)).toEqual([]);
    expect(mock.state.requests.at(-1)!.version).toBe(sent);
  });

  it('tags and untags, and gets the documented 404 for a tag that is not there', async () => {
    const id = mock.state.conversationId(0);
    const tag = mock.state.tagCatalogue[3]!;
    const admin = String(mock.state.admin.id);
    const sdk = client();
    const attached = await sdk.tags.tagConversation({ conversation_id: id, id: tag.id, admin_id: admin });
    expect(attached).toMatchObject({ type: 'tag', id: tag.id, name: tag.name });
    expect(mock.state.tagsOf(id)).toContain(tag.id);
    const detached = await sdk.tags.untagConversation({
      conversation_id: id,
      tag_id: tag.id,
      admin_id: admin,
    });
    expect(detached).toMatchObject({ type: 'tag', id: tag.id });
    expect(mock.state.tagChanges()).toEqual([]);
    await expect(
      sdk.tags.untagConversation({ conversation_id: id, tag_id: tag.id, admin_id: admin }),
    ).rejects.toBeInstanceOf(Intercom.NotFoundError);
    expect(mock.state.tagChanges()).toEqual([]);
  });
});
