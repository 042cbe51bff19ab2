import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { call, findings } from './helpers.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({});
});
afterAll(() => mock.close());

// An untagged conversation (index 0 is never seeded with tags) and a tag of the catalogue.
const TAG = { id: '7522904', name: 'VIP' };

describe('tag round trip', () => {
  it('attaches in 2.11 (ids as numbers, as the docs send them), shows in both versions, detaches in 2.10', async () => {
    const id = mock.state.conversationId(0);
    expect(mock.state.tagsOf(id)).toEqual([]);
    const adminId = String(mock.state.admin.id);

    const attached = await call(mock.url, `/conversations/${id}/tags`, {
      method: 'POST',
      version: '2.11',
      body: { id: Number(TAG.id), admin_id: Number(adminId) },
    });
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({
      type: 'tag',
      id: TAG.id,
      name: TAG.name,
      applied_by: { type: 'admin', id: adminId },
    });
    expect(findings('2.11', 'attachTagToConversation', 200, attached.body)).toEqual([]);
    expect(mock.state.tagsOf(id)).toEqual([TAG.id]);

    for (const version of ['2.10', '2.11']) {
      const one = await call(mock.url, `/conversations/${id}`, { version });
      expect(one.body.tags.tags).toEqual([attached.body]);
      const list = await call(mock.url, '/conversations?per_page=1', { version });
      expect(list.body.conversations[0].tags.tags).toEqual([attached.body]);
    }

    // Attaching again keeps the first application.
    const again = await call(mock.url, `/conversations/${id}/tags`, {
      method: 'POST',
      body: { id: TAG.id, admin_id: adminId },
    });
    expect(again.body).toEqual(attached.body);

    // 2.10's path names the tag {id}; the same URL works.
    const detached = await call(mock.url, `/conversations/${id}/tags/${TAG.id}`, {
      method: 'DELETE',
      version: '2.10',
      body: { admin_id: adminId },
    });
    expect(detached.status).toBe(200);
    expect(detached.body).toEqual(attached.body);
    expect(findings('2.10', 'detachTagFromConversation', 200, detached.body)).toEqual([]);
    expect(mock.state.tagsOf(id)).toEqual([]);
    expect(mock.state.tagChanges()).toEqual([]);
    const after = await call(mock.url, `/conversations/${id}`, { version: '2.11' });
    expect(after.body.tags.tags).toEqual([]);
  });

  it('records what a suite left behind, including detached seeded tags', async () => {
    const seeded = Array.from({ length: 50 }, (_, i) => mock.state.conversationId(i)).find(
      (cid) => (mock.state.tagsOf(cid) ?? []).length > 0,
    )!;
    const tagId = mock.state.tagsOf(seeded)![0]!;
    const reply = await call(mock.url, `/conversations/${seeded}/tags/${tagId}`, {
      method: 'DELETE',
      body: { admin_id: mock.state.admin.id },
    });
    expect(reply.status).toBe(200);
    expect(mock.state.tagChanges()).toEqual([{ conversationId: seeded, added: [], removed: [tagId] }]);
    const back = await call(mock.url, `/conversations/${seeded}/tags`, {
      method: 'POST',
      body: { id: tagId, admin_id: mock.state.admin.id },
    });
    expect(back.status).toBe(200);
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('refuses bad tag requests with error.list bodies', async () => {
    const id = mock.state.conversationId(1);
    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', `/conversations/${id}/tags`, { id: '1', admin_id: '1' }, 404, 'tag_not_found'],
      ['POST', '/conversations/12/tags', { id: TAG.id, admin_id: '1' }, 404, 'not_found'],
      ['POST', `/conversations/${id}/tags`, { admin_id: '1' }, 400, 'parameter_not_found'],
      ['POST', `/conversations/${id}/tags`, { id: TAG.id }, 400, 'parameter_not_found'],
      ['POST', `/conversations/${id}/tags`, { id: { x: 1 }, admin_id: '1' }, 400, 'parameter_invalid'],
      ['POST', `/conversations/${id}/tags`, '{"id": ', 400, 'bad_request'],
      ['POST', `/conversations/${id}/tags`, '[1]', 400, 'parameter_invalid'],
      ['DELETE', `/conversations/${id}/tags/${TAG.id}`, {}, 400, 'parameter_not_found'],
      ['DELETE', `/conversations/${id}/tags/1`, { admin_id: '1' }, 404, 'tag_not_found'],
      ['DELETE', `/conversations/abc/tags/${TAG.id}`, { admin_id: '1' }, 404, 'not_found'],
    ];
    for (const [method, path, body, status, code] of cases) {
      const reply = await call(mock.url, path, { method, body });
      expect({ path, status: reply.status, code: reply.body?.errors?.[0]?.code }).toEqual({
        path,
        status,
        code,
      });
      expect(reply.body.type).toBe('error.list');
    }
    expect(mock.state.tagChanges()).toEqual([]);
  });
});
