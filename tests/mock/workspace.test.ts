import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/mock/http/cursor.ts';
import { startMockServer } from '../../src/mock/index.ts';
import { DEFAULT_TAGS, resolveOptions } from '../../src/mock/options/options.ts';
import {
  buildConversation,
  conversationIndex,
  type WorkspaceContext,
} from '../../src/mock/workspace/conversation.ts';
import { CHANNELS, neutralPicks, PRIORITY_LEVELS } from '../../src/mock/workspace/neutral.ts';
import { buildRoster } from '../../src/mock/workspace/roster.ts';
import { Workspace } from '../../src/mock/workspace/workspace.ts';
import { call, findings } from './helpers.ts';

function context(seed: number, size = 200): WorkspaceContext {
  return { seed, now: 1_719_000_000, size, roster: buildRoster(seed, {}), tags: DEFAULT_TAGS };
}

describe('seeded conversations', () => {
  it('are the same for the same (seed, index) and differ across seeds', () => {
    expect(buildConversation(context(1), 12)).toEqual(buildConversation(context(1), 12));
    expect(JSON.stringify(buildConversation(context(2), 12).neutral)).not.toBe(
      JSON.stringify(buildConversation(context(1), 12).neutral),
    );
  });

  it('pick their neutral facts from the neutral vocabulary, the same for the same (seed, index)', () => {
    const picks = Array.from({ length: 60 }, (_, i) => neutralPicks(1, i));
    expect(new Set(picks.map((p) => p.channel)).size).toBeGreaterThan(3);
    for (const p of picks) expect(CHANNELS).toContain(p.channel);
    expect(new Set(picks.map((p) => p.priority))).toEqual(new Set(PRIORITY_LEVELS));
    expect(neutralPicks(1, 5)).toEqual(neutralPicks(1, 5));
    const c = buildConversation(context(1), 5);
    expect(c.neutral.priority).toBe(neutralPicks(1, 5).priority);
    expect((c.neutral.source as { type: string }).type).toBe(neutralPicks(1, 5).channel);
  });

  it('have digit-string ids that map back to their index, and no other id does', () => {
    const ctx = context(3, 300);
    const ids = Array.from({ length: 300 }, (_, i) => buildConversation(ctx, i).id);
    expect(new Set(ids).size).toBe(300);
    ids.forEach((id, i) => {
      expect(id).toMatch(/^\d+$/);
      expect(conversationIndex(3, 300, id)).toBe(i);
    });
    for (const bad of [String(Number(ids[0]) + 1), '0', '', 'abc', `${ids[0]}x`, '1'.repeat(30)]) {
      expect(conversationIndex(3, 300, bad)).toBeUndefined();
    }
    expect(conversationIndex(3, 299, ids[299]!)).toBeUndefined();
  });

  it('stay consistent over several seeds', () => {
    for (const seed of [2, 3, 4]) {
      const ctx = context(seed, 60);
      for (let i = 0; i < 60; i++) {
        const c = buildConversation(ctx, i);
        const n = c.neutral as Record<string, number | null | string | boolean>;
        expect(n.created_at as number).toBeLessThanOrEqual(n.updated_at as number);
        expect(n.open).toBe(n.state !== 'closed');
        if (n.state === 'snoozed') expect(n.snoozed_until as number).toBeGreaterThan(Date.now() / 1000);
        const times = c.parts.map((p) => p.created_at as number);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        if (c.parts.length > 0) expect(times.at(-1)).toBe(n.updated_at);
        if (n.state === 'closed') expect(c.parts.at(-1)!.part_type).toBe('close');
        if (n.state === 'snoozed') expect(c.parts.at(-1)!.part_type).toBe('snoozed');
      }
    }
  });
});

describe('a workspace of 100,000 conversations', () => {
  it('keeps only recently used conversations in memory', () => {
    const ws = new Workspace(resolveOptions({ conversations: 100_000 }, ['2.10', '2.11']));
    for (let i = 0; i < 600; i++) ws.conversation(i * 150);
    expect(ws.cachedCount).toBe(512);
  });

  it('lists pages from the middle of the walk and retrieves a conversation, all valid', async () => {
    const mock = await startMockServer({ conversations: 100_000, seed: 9 });
    try {
      let cursor = encodeCursor(9, 100_000, { after: 49_999, page: 2500 });
      for (let k = 0; k < 3; k++) {
        const reply = await call(mock.url, `/conversations?starting_after=${cursor}`, { version: '2.11' });
        expect(reply.status).toBe(200);
        expect(reply.body.total_count).toBe(100_000);
        expect(reply.body.pages).toMatchObject({ page: 2501 + k, per_page: 20, total_pages: 5000 });
        expect(reply.body.conversations[0].id).toBe(mock.state.conversationId(50_000 + k * 20));
        expect(findings('2.11', 'listConversations', 200, reply.body)).toEqual([]);
        cursor = reply.body.pages.next.starting_after;
      }
      const last = await call(mock.url, `/conversations/${mock.state.conversationId(99_999)}`, {
        version: '2.10',
      });
      expect(last.status).toBe(200);
      expect(findings('2.10', 'retrieveConversation', 200, last.body)).toEqual([]);
      const final = encodeCursor(9, 100_000, { after: 99_979, page: 4999 });
      const end = await call(mock.url, `/conversations?starting_after=${final}`);
      expect(end.body.conversations).toHaveLength(20);
      expect(end.body.pages.next).toBeUndefined();
    } finally {
      await mock.close();
    }
  });
});
