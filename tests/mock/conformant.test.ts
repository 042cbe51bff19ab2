import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LARGE_CONVERSATION_INDEX, type MockServer, startMockServer } from '../../src/mock/index.ts';
import { call, findings, VERSIONS } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ scenario: 'conformant' });
});
afterAll(() => mock.close());

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

/** Walks every page of the list; returns the pages. */
async function walk(version: string): Promise<Json[]> {
  const pages: Json[] = [];
  let path = '/conversations';
  for (let guard = 0; guard < 100; guard++) {
    const reply = await call(mock.url, path, { version });
    expect(reply.status).toBe(200);
    pages.push(reply.body);
    const next = reply.body.pages.next?.starting_after;
    if (!next) return pages;
    path = `/conversations?starting_after=${encodeURIComponent(next)}`;
  }
  throw new Error('pagination did not end');
}

describe.each(VERSIONS)('conformant scenario, API %s', (version) => {
  const retrieved = new Map<string, Json>();
  let pages: Json[] = [];

  beforeAll(async () => {
    pages = await walk(version);
    for (const page of pages) {
      for (const item of page.conversations) {
        const reply = await call(mock.url, `/conversations/${item.id}`, { version });
        expect(reply.status).toBe(200);
        retrieved.set(item.id, reply.body);
      }
    }
  });

  it('walks every conversation exactly once, 20 per page, newest first', () => {
    const ids = pages.flatMap((p) => p.conversations.map((c: Json) => c.id));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, i) => mock.state.conversationId(i)));
    expect(pages).toHaveLength(10);
    pages.forEach((p, k) => {
      expect(p.pages).toMatchObject({ type: 'pages', page: k + 1, per_page: 20, total_pages: 10 });
      expect(p.total_count).toBe(200);
      expect(p.pages.next === undefined).toBe(k === 9);
    });
    const updated = pages.flatMap((p) => p.conversations.map((c: Json) => c.updated_at));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });

  it('serves list pages valid against the strict schema, without conversation_parts', () => {
    for (const page of pages) {
      expect(findings(version, 'listConversations', 200, page)).toEqual([]);
      for (const item of page.conversations) {
        expect(item.conversation_parts).toBeUndefined();
        // 2.10's list schema does not describe items: hold them to the 2.10 conversation schema instead.
        if (version === '2.10') expect(findings(version, 'retrieveConversation', 200, item)).toEqual([]);
      }
    }
  });

  it('serves every conversation valid against the strict schema', () => {
    expect(retrieved.size).toBe(200);
    for (const body of retrieved.values())
      expect(findings(version, 'retrieveConversation', 200, body)).toEqual([]);
  });

  it('shows the list item and the retrieved conversation alike, but for the parts', () => {
    for (const page of pages) {
      for (const item of page.conversations) {
        const { conversation_parts: _, ...rest } = retrieved.get(item.id);
        expect(item).toEqual(rest);
      }
    }
  });

  it('keeps every conversation internally consistent', () => {
    const realNow = Date.now() / 1000;
    for (const c of retrieved.values()) {
      expect(c.id).toMatch(/^\d+$/);
      expect(c.created_at).toBeLessThanOrEqual(c.updated_at);
      if (c.state === 'closed') expect(c.open).toBe(false);
      if (c.state === 'snoozed') {
        expect(c.open).toBe(true);
        expect(c.snoozed_until).toBeGreaterThan(realNow);
        expect(c.snoozed_until).toBeGreaterThan(mock.options.now);
      } else expect(c.snoozed_until).toBeNull();
      if (c.conversation_rating) {
        expect(c.conversation_rating.rating).toBeGreaterThanOrEqual(1);
        expect(c.conversation_rating.rating).toBeLessThanOrEqual(5);
      }
      const parts = c.conversation_parts.conversation_parts;
      const times = parts.map((p: Json) => p.created_at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const t of times) {
        expect(t).toBeGreaterThanOrEqual(c.created_at);
        expect(t).toBeLessThanOrEqual(c.updated_at);
      }
      const replies = [
        { type: c.source.author.type, at: c.created_at },
        ...parts
          .filter((p: Json) => p.part_type === 'comment')
          .map((p: Json) => ({ type: p.author.type, at: p.created_at })),
      ];
      const last = replies.at(-1);
      if (last.type === 'admin' || last.type === 'bot') expect(c.waiting_since).toBeNull();
      else expect(c.waiting_since).toBe(last.at);
    }
  });

  it('has a mix of states, ratings and tags, and one conversation with more than 500 parts', () => {
    const all = [...retrieved.values()];
    for (const state of ['open', 'closed', 'snoozed']) expect(all.some((c) => c.state === state)).toBe(true);
    expect(all.some((c) => c.conversation_rating?.rating)).toBe(true);
    expect(all.some((c) => !c.conversation_rating)).toBe(true);
    expect(all.some((c) => c.tags.tags.length > 0)).toBe(true);
    expect(all.some((c) => c.tags.tags.length === 0)).toBe(true);
    const large = retrieved.get(mock.state.conversationId(LARGE_CONVERSATION_INDEX));
    expect(large.conversation_parts.total_count).toBeGreaterThan(500);
    expect(large.conversation_parts.conversation_parts).toHaveLength(500);
    expect(large.statistics.count_conversation_parts).toBe(large.conversation_parts.total_count);
    // the 500 most recent: the last part is the one that closed or snoozed it or the latest reply
    expect(large.conversation_parts.conversation_parts.at(-1).created_at).toBe(large.updated_at);
  });

  it('answers /me and every documented error with a valid body', async () => {
    const me = await call(mock.url, '/me', { version });
    expect(findings(version, 'identifyAdmin', 200, me.body)).toEqual([]);
    const id = mock.state.conversationId(0);
    const cases: Array<[string, string, string, number, object?]> = [
      ['listConversations', 'GET', '/conversations', 401],
      ['retrieveConversation', 'GET', `/conversations/${id}`, 401],
      ['retrieveConversation', 'GET', '/conversations/999', 404],
      ['attachTagToConversation', 'POST', '/conversations/999/tags', 404, { id: '7522901', admin_id: '1' }],
      ['detachTagFromConversation', 'DELETE', `/conversations/${id}/tags/1`, 404, { admin_id: '1' }],
      ['detachTagFromConversation', 'DELETE', `/conversations/${id}/tags/7522901`, 401, { admin_id: '1' }],
    ];
    for (const [op, method, path, status, body] of cases) {
      const reply = await call(mock.url, path, {
        version,
        method,
        body,
        token: status === 401 ? 'wrong' : undefined,
      });
      expect(reply.status).toBe(status);
      expect(reply.body.type).toBe('error.list');
      expect(findings(version, op, status, reply.body)).toEqual([]);
    }
  });
});
