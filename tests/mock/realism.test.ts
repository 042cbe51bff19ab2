import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, SNOOZE_BASE, startMockServer } from '../../src/mock/index.ts';
import { call, findings, TOKEN } from './helpers.ts';

/** What real clients found: HEAD, admin ids, detaching what is not attached, one clock, request ids. */
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

function head(
  base: string,
  path: string,
): Promise<{ status: number; length: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method: 'HEAD', headers: { Authorization: `Bearer ${TOKEN}` }, agent: false },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, length: res.headers['content-length'], body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('mock realism', () => {
  it('answers HEAD on every GET route with the GET headers and no body', async () => {
    for (const path of [
      '/me',
      '/conversations?per_page=3',
      `/conversations/${mock.state.conversationId(2)}`,
    ]) {
      const get = await call(mock.url, path);
      const h = await head(mock.url, path);
      expect({ path, status: h.status, length: h.length, body: h.body }).toEqual({
        path,
        status: 200,
        length: String(Buffer.byteLength(get.text)),
        body: '',
      });
    }
    expect((await head(mock.url, '/conversations/999')).status).toBe(404);
    const put = await call(mock.url, '/conversations', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.allow).toContain('HEAD');
  });

  it('refuses an admin_id that is no admin of the workspace with 404 admin_not_found, and changes nothing', async () => {
    const id = mock.state.conversationId(0);
    const attach = await call(mock.url, `/conversations/${id}/tags`, {
      method: 'POST',
      body: { id: mock.state.tagCatalogue[0]!.id, admin_id: '1' },
    });
    expect(attach.status).toBe(404);
    expect(attach.body.errors).toEqual([
      { code: 'admin_not_found', message: 'Admin for admin_id not found' },
    ]);
    expect(findings('2.11', 'attachTagToConversation', 404, attach.body)).toEqual([]);
    expect(mock.state.tagChanges()).toEqual([]);
    const seeded = Array.from({ length: 40 }, (_, i) => mock.state.conversationId(i)).find(
      (cid) => (mock.state.tagsOf(cid) ?? []).length > 0,
    )!;
    const detach = await call(mock.url, `/conversations/${seeded}/tags/${mock.state.tagsOf(seeded)![0]}`, {
      method: 'DELETE',
      body: { admin_id: '999' },
    });
    expect(detach.status).toBe(404);
    expect(detach.body.errors[0].code).toBe('admin_not_found');
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('answers detaching a tag that is not on the conversation with the documented 404 "Tag not found"', async () => {
    const id = mock.state.conversationId(0);
    expect(mock.state.tagsOf(id)).toEqual([]);
    for (const version of ['2.10', '2.11', '2.16']) {
      const reply = await call(mock.url, `/conversations/${id}/tags/${mock.state.tagCatalogue[1]!.id}`, {
        method: 'DELETE',
        version,
        body: { admin_id: mock.state.admin.id },
      });
      expect(reply.status).toBe(404);
      expect(reply.body.errors).toEqual([{ code: 'tag_not_found', message: 'Tag not found' }]);
      expect(findings(version, 'detachTagFromConversation', 404, reply.body)).toEqual([]);
    }
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('keeps data and rate-limit headers on one clock: an injected clock moves the data with it', async () => {
    // A wall clock in 2096: the data clock follows it, so "now" in the data and in X-RateLimit-Reset agree, and
    // every snooze lies after both.
    const start = 3_990_000_000;
    let ms = start * 1000;
    const later = await startMockServer({ clock: () => ms });
    try {
      expect(later.options.now).toBe(start);
      for (let i = 0; i < 30; i++) {
        const reply = await call(later.url, `/conversations/${later.state.conversationId(i)}`);
        const reset = Number(reply.headers['x-ratelimit-reset']);
        expect(reply.body.updated_at).toBeLessThanOrEqual(reset);
        if (i === 0) expect(reset - reply.body.updated_at).toBeLessThan(86_400);
        if (reply.body.state === 'snoozed') {
          expect(reply.body.snoozed_until).toBeGreaterThan(reset);
          expect(reply.body.snoozed_until).toBeGreaterThan(SNOOZE_BASE);
        }
        ms += 1000;
      }
    } finally {
      await later.close();
    }
  });

  it('gives every request its own request id (X-Request-Id, and request_id in error bodies)', async () => {
    const limited = await startMockServer({ rateLimit: { limit: 5, windowSeconds: 3600 } });
    try {
      const ids = new Set<string>();
      const replies = [];
      for (let i = 0; i < 12; i++) {
        replies.push(await call(limited.url, i % 3 === 0 ? '/conversations/999' : '/me'));
        replies.push(await call(limited.url, '/me', { token: 'wrong' }));
      }
      expect(replies.some((r) => r.status === 429)).toBe(true);
      for (const r of replies) {
        const id = r.headers['x-request-id'] as string;
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        if (r.body?.type === 'error.list') expect(r.body.request_id).toBe(id);
        ids.add(id);
      }
      expect(ids.size).toBe(replies.length);
    } finally {
      await limited.close();
    }
  });
});
