import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import type { TagRoundTrip } from '../../src/model/collected.ts';
import type { RunConfig } from '../../src/run/config.ts';
import type { RunHooks } from '../../src/run/engine.ts';
import {
  type HostileServer,
  type LiveRun,
  type ProxyRequest,
  runThroughProxy,
  TOKEN,
  type TripRule,
} from './helpers.ts';

/**
 * The tag round trip under faults, through a hostile proxy in front of a healthy mock: whatever step fails,
 * the conversation ends with its original tags — or the run says exactly which tag it could not remove, on
 * which conversation. The mock's own state is the proof either way.
 */
let mock: MockServer;
let proxy: HostileServer;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
});

const isWrite = (r: ProxyRequest, method: string) =>
  r.method === method && r.url.includes('/tags') && r.headers.authorization === `Bearer ${TOKEN}`;
const TAG_WRITES = new Set(['attachTagToConversation', 'detachTagFromConversation']);
/** Successful tag writes the mock applied (the 401 probes carry a bad token and write nothing). */
const applied = (method: string) =>
  mock.state.requests.filter(
    (r) => r.method === method && r.status === 200 && TAG_WRITES.has(r.operationId ?? ''),
  ).length;

async function trip(
  rule: TripRule,
  overrides: Partial<RunConfig> = {},
  hooks: RunHooks = {},
): Promise<LiveRun & { tags: TagRoundTrip; conversationId: string; tagId: string }> {
  const run = await runThroughProxy(
    rule,
    (m, p) => {
      mock = m;
      proxy = p;
    },
    overrides,
    hooks,
  );
  const tags = run.collected.tags;
  expect(tags.skipped).toBeUndefined();
  return { ...run, tags, conversationId: tags.conversationId!, tagId: tags.tagId! };
}

describe('the tag round trip restores the conversation whatever fails', () => {
  it('attach succeeded but the retrieve after it timed out: detach still runs; nothing is left', async () => {
    let afterPost = false;
    const run = await trip(
      (r) => {
        if (isWrite(r, 'POST')) afterPost = true;
        else if (afterPost && r.method === 'GET') {
          afterPost = false;
          return Promise.resolve('hang');
        }
        return undefined;
      },
      { maxRetries: 0 },
    );
    expect(run.outcome('tag-round-trip', 'attachTagToConversation')).toBe(
      `error: the retrieve after attach failed: timeout after 300 ms on GET /conversations/${run.conversationId}`,
    );
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe('pass');
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('attach timed out after the target applied it: a retrieve shows it took effect, it is not sent again', async () => {
    const run = await trip((r, forward) =>
      isWrite(r, 'POST') ? forward().then(() => 'hang' as const) : undefined,
    );
    expect(run.outcome('tag-round-trip', 'attachTagToConversation')).toBe(
      `error: attach failed: timeout after 300 ms on POST /conversations/${run.conversationId}/tags; a retrieve showed it took effect`,
    );
    expect(run.tags.verifications).toEqual([{ step: 'attach', status: 200, tagPresent: true }]);
    expect(applied('POST')).toBe(1);
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe('pass');
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('attach answered 503 without applying it: a retrieve shows it did not, then it is sent again', async () => {
    let failed = 0;
    const run = await trip((r) =>
      isWrite(r, 'POST') && failed++ === 0
        ? Promise.resolve({
            status: 503,
            headers: { 'content-type': 'text/html' },
            body: '<html>busy</html>',
          })
        : undefined,
    );
    expect(run.tags.verifications).toEqual([{ step: 'attach', status: 200, tagPresent: false }]);
    expect(run.tags.attach).toMatchObject({ status: 200, attempts: 2 });
    expect(applied('POST')).toBe(1);
    expect(run.outcome('tag-round-trip', 'attachTagToConversation')).toBe('pass');
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('detach answered 503 after applying it: verified gone, not sent again, no cleanup needed', async () => {
    const run = await trip((r, forward) =>
      isWrite(r, 'DELETE')
        ? forward().then(() => ({ status: 503, headers: { 'retry-after': '0' }, body: '' }))
        : undefined,
    );
    expect(run.tags.verifications).toEqual([{ step: 'detach', status: 200, tagPresent: false }]);
    expect(run.tags.cleanup).toBeUndefined();
    expect(applied('DELETE')).toBe(1);
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('detach always fails: the result names exactly the tag left, on which conversation (as the mock shows)', async () => {
    const run = await trip(
      (r) =>
        isWrite(r, 'DELETE')
          ? Promise.resolve({ status: 503, headers: { 'content-type': 'application/json' }, body: '{}' })
          : undefined,
      { maxRetries: 1 },
    );
    expect(run.tags.cleanup).toMatchObject({ attempted: true, leftAttached: true, attempts: 2 });
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe(
      `error: could not remove tag ${run.tagId} from conversation ${run.conversationId}: remove it by hand`,
    );
    expect(mock.state.tagChanges()).toEqual([
      { conversationId: run.conversationId, added: [run.tagId], removed: [] },
    ]);
  });

  it('interrupted right after attach: cleanup still runs (own deadline), the result is partial', async () => {
    const controller = new AbortController();
    const run = await trip(
      (r, forward) =>
        isWrite(r, 'POST')
          ? forward().then((reply) => {
              controller.abort();
              return reply;
            })
          : undefined,
      {},
      { signal: controller.signal },
    );
    expect(run.result.run.partial).toBe(true);
    expect(run.tags.interrupted).toBe(true);
    expect(run.tags.cleanup).toMatchObject({ attempted: true, leftAttached: false });
    expect(run.outcome('tag-round-trip', 'attachTagToConversation')).toBe(
      `error: attach failed: interrupted on POST /conversations/${run.conversationId}/tags`,
    );
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe(
      'error: the run was interrupted before the detach',
    );
    expect(mock.state.tagChanges()).toEqual([]);
  });

  it('interrupted and the cleanup cannot finish in time: the exact tag and conversation are reported', async () => {
    const controller = new AbortController();
    const run = await trip(
      (r, forward) => {
        if (isWrite(r, 'POST'))
          return forward().then((reply) => {
            controller.abort();
            return reply;
          });
        return isWrite(r, 'DELETE') ? Promise.resolve('hang') : undefined;
      },
      { cleanupTimeoutMs: 800, maxRetries: 5 },
      { signal: controller.signal },
    );
    expect(run.result.run.partial).toBe(true);
    expect(run.tags.cleanup).toMatchObject({ attempted: true, leftAttached: true });
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe(
      `error: could not remove tag ${run.tagId} from conversation ${run.conversationId}: remove it by hand`,
    );
    expect(mock.state.tagChanges()).toEqual([
      { conversationId: run.conversationId, added: [run.tagId], removed: [] },
    ]);
  });
});
