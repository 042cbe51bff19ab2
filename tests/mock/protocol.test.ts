import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/mock/http/cursor.ts';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { call } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ perPageOverflow: 'reject' });
});
afterAll(() => mock.close());

describe('authentication', () => {
  it.each([
    ['no token', null],
    ['a wrong token', 'nope'],
  ])('answers %s with 401 error.list', async (_, token) => {
    const reply = await call(mock.url, '/me', { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      type: 'error.list',
      errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }],
    });
    expect(reply.body.request_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('accepts the configured token only', async () => {
    const other = await startMockServer({ token: 's3cret' });
    try {
      expect((await call(other.url, '/me', { token: 's3cret' })).status).toBe(200);
      expect((await call(other.url, '/me')).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('API versions', () => {
  it('serves the default version (2.11) without a header, and each version in its own shape', async () => {
    const id = mock.state.conversationId(9);
    const none = await call(mock.url, `/conversations/${id}`);
    const v211 = await call(mock.url, `/conversations/${id}`, { version: '2.11' });
    const v210 = await call(mock.url, `/conversations/${id}`, { version: '2.10' });
    expect(none.text).toBe(v211.text);
    expect(mock.state.requests.at(-3)!.version).toBe('2.11');
    expect(v211.body).toHaveProperty('topics');
    expect(v211.body).toHaveProperty('ai_agent_participated');
    expect(v210.body).not.toHaveProperty('topics');
    expect(v210.body).not.toHaveProperty('ai_agent');
    expect(v210.body.id).toBe(v211.body.id);
    expect(v210.body.conversation_parts).toEqual(v211.body.conversation_parts);
  });

  it('answers 2.10 with null where 2.10 allows it and 2.11 by leaving the property out', async () => {
    // index 6 is never rated
    const id = mock.state.conversationId(6);
    const v210 = await call(mock.url, `/conversations/${id}`, { version: '2.10' });
    const v211 = await call(mock.url, `/conversations/${id}`, { version: '2.11' });
    expect(v210.body.conversation_rating).toBeNull();
    expect(v211.body).not.toHaveProperty('conversation_rating');
  });

  it('refuses an unsupported version with 400 error.list naming it', async () => {
    const reply = await call(mock.url, '/me', { version: '2.6' });
    expect(reply.status).toBe(400);
    expect(reply.body.type).toBe('error.list');
    expect(reply.body.errors[0].code).toBe('intercom_version_invalid');
    expect(reply.body.errors[0].message).toContain('"2.6"');
    expect(reply.body.errors[0].message).toContain(mock.options.apiVersions.join(', '));
  });

  it('lets the default version be configured', async () => {
    const other = await startMockServer({ defaultVersion: '2.10', apiVersions: ['2.10'] });
    try {
      const reply = await call(other.url, '/conversations?per_page=1');
      expect(reply.body.conversations[0]).not.toHaveProperty('topics');
      expect((await call(other.url, '/me', { version: '2.11' })).status).toBe(400);
    } finally {
      await other.close();
    }
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/contacts', 404, 'not_found'],
    ['GET', '/conversations/999', 404, 'not_found'],
    ['GET', '/conversations/not-a-number', 404, 'not_found'],
    ['PUT', '/conversations', 405, 'method_not_allowed'],
  ])('%s %s → %i %s', async (method, path, status, code) => {
    const reply = await call(mock.url, path, { method });
    expect(reply.status).toBe(status);
    expect(reply.body).toMatchObject({ type: 'error.list', errors: [{ code }] });
  });

  it('refuses a body over 1 MiB with 413 error.list', async () => {
    const reply = await call(mock.url, `/conversations/${mock.state.conversationId(0)}/tags`, {
      method: 'POST',
      body: JSON.stringify({ id: 'x'.repeat(1024 * 1024 + 10), admin_id: '1' }),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.type).toBe('error.list');
  });
});

describe('pagination', () => {
  it.each([
    ['', 20],
    ['?per_page=1', 1],
    ['?per_page=150', 150],
  ])('list%s serves %i items', async (query, n) => {
    const reply = await call(mock.url, `/conversations${query}`);
    expect(reply.body.conversations).toHaveLength(n);
    expect(reply.body.pages.per_page).toBe(n);
    expect(reply.body.pages.total_pages).toBe(Math.ceil(200 / n));
  });

  it.each(['0', '-1', 'ten', '1.5'])('refuses per_page=%s', async (v) => {
    const reply = await call(mock.url, `/conversations?per_page=${v}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors[0].code).toBe('parameter_invalid');
  });

  it('per_page over 150: rejects or clamps, as configured', async () => {
    const rejected = await call(mock.url, '/conversations?per_page=151');
    expect(rejected.status).toBe(400);
    expect(rejected.body).toMatchObject({ type: 'error.list', errors: [{ code: 'parameter_invalid' }] });
    const clamping = await startMockServer({ perPageOverflow: 'clamp' });
    try {
      const clamped = await call(clamping.url, '/conversations?per_page=151');
      expect(clamped.status).toBe(200);
      expect(clamped.body.conversations).toHaveLength(150);
      expect(clamped.body.pages.per_page).toBe(150);
    } finally {
      await clamping.close();
    }
  });

  it('refuses garbage, foreign and stale cursors with 400 error.list', async () => {
    const foreign = encodeCursor(2, 200, { after: 19, page: 1 });
    const stale = encodeCursor(1, 200, { after: 199, page: 10 });
    const own = encodeCursor(1, 200, { after: 19, page: 1 });
    expect((await call(mock.url, `/conversations?starting_after=${own}`)).status).toBe(200);
    for (const cursor of ['garbage!', 'WzE2NTg3NTk2MzAwMDAsNCwzXQ==', foreign, stale]) {
      const reply = await call(mock.url, `/conversations?starting_after=${encodeURIComponent(cursor)}`);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ type: 'error.list', errors: [{ code: 'parameter_invalid' }] });
      expect(reply.body.errors[0].message).toMatch(/^starting_after /);
    }
  });

  it('an empty workspace lists nothing', async () => {
    const empty = await startMockServer({ conversations: 0 });
    try {
      const reply = await call(empty.url, '/conversations');
      expect(reply.body).toMatchObject({
        total_count: 0,
        conversations: [],
        pages: { page: 1, total_pages: 0 },
      });
      expect(reply.body.pages.next).toBeUndefined();
    } finally {
      await empty.close();
    }
  });
});

describe('display_as=plaintext', () => {
  it('turns HTML bodies into text', async () => {
    const id = mock.state.conversationId(7);
    const html = (await call(mock.url, `/conversations/${id}`)).body;
    const text = (await call(mock.url, `/conversations/${id}?display_as=plaintext`)).body;
    const bodies = (c: {
      source: { body: string };
      conversation_parts: { conversation_parts: Array<{ body: string | null }> };
    }) => [
      c.source.body,
      ...c.conversation_parts.conversation_parts.map((p) => p.body).filter((b): b is string => b !== null),
    ];
    expect(bodies(html).some((b) => /<\w+|&\w+;|&#/.test(b))).toBe(true);
    for (const b of bodies(text)) expect(b).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i);
    expect(bodies(text).length).toBe(bodies(html).length);
  });
});

describe('determinism and concurrency', () => {
  const sequence = (id: string) => [
    '/me',
    '/conversations?per_page=5',
    `/conversations/${id}`,
    '/conversations/1',
    '/nope',
  ];

  it('the same seed gives byte-identical responses; another seed does not', async () => {
    const clock = () => 1_800_000_000_000;
    const runs: string[][] = [];
    for (const seed of [5, 5, 6]) {
      const m = await startMockServer({ seed, clock });
      try {
        const out: string[] = [];
        for (const path of sequence(m.state.conversationId(3))) {
          const reply = await call(m.url, path);
          out.push(`${reply.status} ${JSON.stringify(reply.headers)} ${reply.text}`);
        }
        runs.push(out);
      } finally {
        await m.close();
      }
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[2]).not.toEqual(runs[0]);
  });

  it('serves 50 concurrent requests correctly', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => mock.state.conversationId(i * 4));
    const before = mock.state.requestCount;
    const replies = await Promise.all(
      ids.map((id, k) => call(mock.url, `/conversations/${id}`, { version: k % 2 ? '2.10' : '2.11' })),
    );
    expect(replies.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(replies.map((r) => r.body.id)).toEqual(ids);
    expect(mock.state.requestCount).toBe(before + 50);
  });
});
