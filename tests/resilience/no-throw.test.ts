import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.ts';
import type { MockServer } from '../../src/mock/index.ts';
import type { CheckResult } from '../../src/model/result.ts';
import { type HostileServer, type ProxyReply, runLive, startProxy, startTarget } from './helpers.ts';

/**
 * Every registered check on every hostile body the tests know, served for every request of a live run (the
 * identity, the list, the walk, per_page=151, the error probes): no check throws (the engine's catch-all
 * "the check failed" never appears, nothing is filed under operation `*`), and where the body carries nothing
 * to check, no check passes — only the two that read the status line and the headers may.
 */
const STATUS_LINE_CHECKS = new Set(['status-documented', 'content-type-json']);

const json = (body: ProxyReply['body'], extra: Record<string, string> = {}): ProxyReply => ({
  status: 200,
  headers: { 'content-type': 'application/json', ...extra },
  body,
});

interface Hostile {
  name: string;
  reply: ProxyReply;
  /** The body carries nothing a check could verify (only the status line checks may pass). */
  nothing: boolean;
  /** The body is valid JSON (of the wrong shape): `body-parses` has something to check, and passes. */
  parses?: boolean;
  maxBodyBytes?: number;
}

const HOSTILE: Hostile[] = [
  { name: 'an empty 200', reply: json(''), nothing: true },
  {
    name: 'JSON nested 100,000 deep',
    reply: json(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    nothing: true,
  },
  {
    name: 'a body over the size limit',
    reply: json(JSON.stringify({ type: 'conversation.list', conversations: [], pad: 'x'.repeat(30_000) })),
    nothing: true,
    maxBodyBytes: 20_000,
  },
  {
    name: 'gzip labelled deflate',
    reply: json(gzipSync('{"type":"conversation.list","conversations":[]}'), {
      'content-encoding': 'deflate',
    }),
    nothing: true,
  },
  {
    name: 'a truncated page',
    reply: json('{"type":"conversation.list","conversations":[{"id":"1","sta'),
    nothing: true,
  },
  {
    name: 'an HTML error page',
    reply: { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>oops</body></html>' },
    nothing: true,
  },
  { name: 'null', reply: json('null'), nothing: true, parses: true },
  { name: 'an array', reply: json('[]'), nothing: true, parses: true },
  { name: 'a string', reply: json('"conversations"'), nothing: true, parses: true },
  {
    name: 'every property of the wrong type',
    reply: json(
      JSON.stringify({
        type: 7,
        id: {},
        conversations: 'x',
        pages: 7,
        total_count: 'many',
        tags: 'x',
        conversation_parts: 5,
        source: [],
      }),
    ),
    nothing: true,
    parses: true,
  },
  {
    name: 'a list of junk with a numeric cursor',
    reply: json(
      JSON.stringify({
        type: 'conversation.list',
        conversations: [
          null,
          1,
          'a',
          { id: {} },
          { tags: { tags: 'x' }, conversation_parts: { conversation_parts: 'x' } },
        ],
        total_count: -1,
        pages: { next: { starting_after: 5 }, per_page: 'many', total_pages: null },
      }),
    ),
    nothing: false,
  },
];

let mock: MockServer;
const proxies: HostileServer[] = [];
beforeAll(async () => {
  mock = await startTarget();
});
afterAll(async () => {
  for (const p of proxies) await p.close();
  await mock.close();
});

const thrown = (results: CheckResult[]) =>
  results.filter((r) => r.operationId === '*' || /the check failed/.test(r.reason ?? ''));

describe('no check throws, and none passes on nothing', () => {
  it.each(HOSTILE.map((h) => [h.name, h] as const))('%s, for every request', async (_name, hostile) => {
    const proxy = await startProxy(mock.url, async () => hostile.reply);
    proxies.push(proxy);
    const run = await runLive(proxy.url, mock, {
      maxRetries: 0,
      ...(hostile.maxBodyBytes ? { maxBodyBytes: hostile.maxBodyBytes } : {}),
    });
    const results = run.result.results;
    expect(thrown(results)).toEqual([]);
    expect(new Set(results.map((r) => r.checkId))).toEqual(new Set(CHECKS.map((c) => c.id)));
    if (hostile.nothing)
      expect(
        results
          .filter((r) => r.outcome === 'pass' && !STATUS_LINE_CHECKS.has(r.checkId))
          .filter((r) => !(hostile.parses && r.checkId === 'body-parses'))
          .map((r) => `${r.checkId} ${r.operationId}`),
      ).toEqual([]);
    expect(mock.state.tagChanges()).toEqual([]);
  });
});
