import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  describeWorstCase,
  manualClock,
  readLimited,
  resilientFetch,
  TransportError,
  worstCaseRunMs,
} from '../../src/client/middleware/index.ts';
import type { MockServer } from '../../src/mock/index.ts';
import type { TagRoundTrip } from '../../src/model/collected.ts';
import { exitCodeOf, failureReasons } from '../../src/run/exit-code.ts';
import { tempDir } from '../helpers/env.ts';
import {
  type HostileServer,
  type LiveRun,
  liveEnv,
  type ProxyAnswer,
  type ProxyRequest,
  runLive,
  spawnCliAsync,
  startProxy,
  startTarget,
  TOKEN,
} from './helpers.ts';

/**
 * Faults never pass silently: each case below is a hostile server on loopback (a proxy in front of our mock,
 * or a server of its own) and the truthful outcome — a give-up instead of a wait, exit 1 instead of 0, an
 * endless chain failed, a decoding error named, a tag verified and cleaned up.
 */
let mock: MockServer | undefined;
const servers: HostileServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  await mock?.close();
  mock = undefined;
});

type Rule = (
  r: ProxyRequest,
  forward: () => Promise<ProxyAnswer & object>,
) => Promise<ProxyAnswer> | undefined;

async function behind(rule: Rule): Promise<{ mock: MockServer; proxy: HostileServer }> {
  mock = await startTarget();
  const proxy = await startProxy(mock.url, (r, forward) => rule(r, forward as never) ?? forward());
  servers.push(proxy);
  return { mock, proxy };
}

const ours = (r: ProxyRequest) => r.headers.authorization === `Bearer ${TOKEN}`;
const isList = (r: ProxyRequest) => r.method === 'GET' && /^\/conversations(\?|$)/.test(r.url);

describe('pacing: a rate-limit window past --max-wait-ms is a give-up, not a wait', () => {
  it('X-RateLimit-Remaining 0 with a reset 11 days ahead: one request goes, the rest end at once with one cause', async () => {
    const clock = manualClock();
    const elevenDays = Math.floor(clock.now() / 1000) + 11 * 24 * 3600;
    let seen = 0;
    const { mock: m, proxy } = await behind((_r, forward) => {
      seen++;
      return forward().then((reply) => ({
        ...reply,
        headers: { ...reply.headers, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(elevenDays) },
      }));
    });
    const run = await runLive(proxy.url, m, { maxWaitMs: 60_000, concurrency: 1 }, { clock });
    // no wait at all: before, each request waited the longest wait (60 s) and was sent anyway
    expect(clock.waits).toEqual([]);
    expect(seen).toBe(1);
    const list = run.step('list-default')!;
    expect(list.error).toMatch(
      /^rate limit exhausted: the window resets in \d+ s, longer than the longest wait of 60000 ms \(not sent\) on GET \/conversations$/,
    );
    expect(list.notSent).toBe(true);
    expect(run.exchanges.filter((e) => e.step !== 'me').every((e) => e.notSent)).toBe(true);
    expect(exitCodeOf(run.result, 'error')).toBe(1);
  });

  it('the worst case of a run is computed from its settings, and bounds what a hostile run waits', async () => {
    expect(
      worstCaseRunMs({
        timeoutMs: 30_000,
        maxWaitMs: 60_000,
        maxRequests: 2000,
        cleanupTimeoutMs: 15_000,
        apiVersions: 2,
      }),
    ).toBe(2020 * (30_000 + 2 * 60_000) + 2 * 2 * 15_000);
    // the README's example
    expect(
      describeWorstCase({
        timeoutMs: 10_000,
        maxWaitMs: 5000,
        maxRequests: 500,
        cleanupTimeoutMs: 15_000,
        apiVersions: 2,
      }),
    ).toBe('at most 2 h 55 min (520 attempts × (10 s + 2 × 5 s) + 2 × 2 × 15 s)');
    // a server that answers 429 with a 1 s Retry-After and a 1 s reset forever: everything waits, nothing passes
    const clock = manualClock();
    const { mock: m, proxy } = await behind((r) =>
      ours(r)
        ? Promise.resolve({
            status: 429,
            headers: {
              'content-type': 'application/json',
              'retry-after': '1',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': String(Math.floor(clock.now() / 1000) + 1),
            },
            body: '{"type":"error.list","errors":[{"code":"rate_limit_exceeded","message":"slow down"}]}',
          })
        : undefined,
    );
    const settings = { timeoutMs: 300, maxWaitMs: 2000, maxRequests: 40, cleanupTimeoutMs: 3000 };
    const run = await runLive(proxy.url, m, { ...settings, maxRetries: 3 }, { clock });
    const waited = clock.waits.reduce((a, b) => a + b, 0);
    expect(waited).toBeGreaterThan(0);
    expect(run.result.run.requestCount).toBeLessThanOrEqual(40);
    expect(waited + run.result.run.requestCount * settings.timeoutMs).toBeLessThanOrEqual(
      worstCaseRunMs({ ...settings, apiVersions: 1 }),
    );
    expect(exitCodeOf(run.result, 'error')).toBe(1);
  });
});

describe('exit codes a CI can trust', () => {
  it('an unreachable target: exit 1 (was 0 with "13 errors"); --fail-on violation 0; a bad --fail-on 2', async () => {
    mock = await startTarget();
    const env = liveEnv('http://127.0.0.1:1', mock, {
      INTERCOM_CONFORMANCE_MAX_RETRIES: '0',
      INTERCOM_CONFORMANCE_TIMEOUT_MS: '2000',
    });
    const strict = spawnCliAsync(['run', '--target', 'live', '--report-dir', tempDir('ic-gate-')], env);
    expect(await strict.exited, strict.stderr()).toBe(1);
    expect(strict.stderr()).toMatch(
      /intercom-conformance run: exit 1 \(--fail-on error\): .*could not be checked \(errors\)/,
    );
    const soft = spawnCliAsync(
      ['run', '--target', 'live', '--report-dir', tempDir('ic-gate-'), '--fail-on', 'violation'],
      env,
    );
    expect(await soft.exited, soft.stderr()).toBe(0);
    const bad = spawnCliAsync(['run', '--fail-on', 'sometimes'], env);
    expect(await bad.exited).toBe(2);
    expect(bad.stderr()).toBe(
      'intercom-conformance run: unknown --fail-on "sometimes" (error, violation, never)\n',
    );
  }, 180_000);

  it('no response at all: no check passes; body-parses and content-type-json say why they skipped', async () => {
    mock = await startTarget();
    const run = await runLive('http://127.0.0.1:1', mock, { maxRetries: 0 });
    expect(run.result.results.filter((r) => r.outcome === 'pass')).toEqual([]);
    expect(run.outcome('body-parses', 'listConversations')).toBe(
      'skip: no response body was received (network error (bad port) on GET /conversations)',
    );
    expect(run.outcome('content-type-json', 'listConversations')).toBe(
      'error: no response (network error (bad port) on GET /conversations)',
    );
    expect(exitCodeOf(run.result, 'error')).toBe(1);
    expect(exitCodeOf(run.result, 'violation')).toBe(0);
    expect(exitCodeOf(run.result, 'never')).toBe(0);
  });

  it('connection resets on every list request: exit 1', async () => {
    const { mock: m, proxy } = await behind((r) => (isList(r) ? Promise.resolve('reset') : undefined));
    const run = await runLive(proxy.url, m, { maxRetries: 1 });
    expect(run.outcome('pagination', 'listConversations')).toMatch(
      /^error: the list walk got no page \(connection reset/,
    );
    expect(failureReasons(run.result, 'error')).toContainEqual(expect.stringMatching(/could not be checked/));
    expect(exitCodeOf(run.result, 'error')).toBe(1);
  });

  it('a DELETE answering 200 but keeping the tag: left in the workspace, exit 1 even with --fail-on violation', async () => {
    let tags: TagRoundTrip = {};
    const { mock: m, proxy } = await behind((r) =>
      r.method === 'DELETE' && ours(r)
        ? Promise.resolve({
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ type: 'tag', id: r.url.split('/').pop(), name: 'kept' }),
          })
        : undefined,
    );
    const run = await runLive(proxy.url, m, { maxRetries: 1 }, { onCollected: (_v, c) => (tags = c.tags) });
    expect(m.state.tagChanges()).toEqual([
      { conversationId: tags.conversationId, added: [tags.tagId], removed: [] },
    ]);
    expect(run.outcome('tag-round-trip', 'detachTagFromConversation')).toBe(
      `error: could not remove tag ${tags.tagId} from conversation ${tags.conversationId}: remove it by hand`,
    );
    expect(failureReasons(run.result, 'violation')).toContain('1 left in the workspace');
    expect(exitCodeOf(run.result, 'violation')).toBe(1);
    expect(exitCodeOf(run.result, 'never')).toBe(0);
  });

  it('a healthy target: exit 0 (known quirks allowed)', async () => {
    mock = await startTarget();
    const run = await runLive(mock.url, mock);
    expect(failureReasons(run.result, 'error')).toEqual([]);
    expect(exitCodeOf(run.result, 'error')).toBe(0);
  });
});

describe('tag writes are verified', () => {
  it('an attach answered 422 that the server applied anyway: a retrieve shows it, and it is removed', async () => {
    let tags: TagRoundTrip = {};
    const { mock: m, proxy } = await behind((r, forward) =>
      r.method === 'POST' && ours(r)
        ? forward().then(() => ({
            status: 422,
            headers: { 'content-type': 'application/json' },
            body: '{"type":"error.list","errors":[{"code":"parameter_invalid","message":"no"}]}',
          }))
        : undefined,
    );
    const run = await runLive(proxy.url, m, {}, { onCollected: (_v, c) => (tags = c.tags) });
    expect(tags.verifications).toEqual([{ step: 'attach', status: 200, tagPresent: true }]);
    expect(
      run.result.results
        .find((r) => r.checkId === 'tag-round-trip' && r.operationId === 'attachTagToConversation')
        ?.findings.map((f) => f.message),
    ).toEqual(['attach answered 422; a retrieve showed it took effect']);
    expect(m.state.tagChanges()).toEqual([]);
  });
});

describe('pagination: an endless cursor chain fails, saying which way', () => {
  /** A list that never ends: 150 new conversations a page, total_count 400 (or `total`), always a next cursor. */
  async function endless(total: number) {
    let page = 0;
    const { mock: m, proxy } = await behind((r) => {
      if (!isList(r) || !ours(r) || !r.url.includes('per_page=150')) return undefined;
      const n = page++;
      // real conversations of the mock (so that only the chain is wrong), 150 a page under new ids
      return fetch(`${mock!.url}/conversations?per_page=150`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
        .then((res) => res.json() as Promise<{ conversations: Array<Record<string, unknown>> }>)
        .then(({ conversations: real }) => {
          const conversations = Array.from({ length: 150 }, (_, i) => ({
            ...real[i % real.length],
            id: String(1_000_000 + n * 150 + i),
          }));
          return {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'conversation.list',
              conversations,
              total_count: total,
              pages: {
                type: 'pages',
                page: n + 1,
                per_page: 150,
                total_pages: Math.ceil(total / 150),
                next: { page: n + 2, starting_after: `c${n + 1}`, per_page: 150 },
              },
            }),
          };
        });
    });
    return { m, proxy };
  }

  it('7,500 distinct conversations against total_count 400: fail, more than total_count and past --max-pages', async () => {
    const { m, proxy } = await endless(400);
    const run = await runLive(proxy.url, m, { maxPages: 50 });
    const result = run.result.results.find((r) => r.checkId === 'pagination')!;
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'the walk saw 7500 distinct conversations, more than total_count 400: the cursor chain does not end',
        'the cursor chain still goes after 50 pages (the --max-pages limit), enough for total_count 400 at per_page=150',
      ]),
    );
  });

  it('a chain cut by --max-pages before total_count: an error (the totals could not be checked), never a pass', async () => {
    const { m, proxy } = await endless(100_000);
    const run = await runLive(proxy.url, m, { maxPages: 3 });
    expect(run.outcome('pagination', 'listConversations')).toBe(
      'error: the walk stopped at the --max-pages limit (3 pages) with the cursor chain still going: 450 of total_count 100000 conversations seen, so the totals could not be checked (raise --max-pages)',
    );
  });
});

describe('bodies the transport cannot read', () => {
  it('gzip labelled Content-Encoding: deflate is a decoding error, not "connection reset"', async () => {
    let served = false;
    const { mock: m, proxy } = await behind((r, forward) => {
      if (served || !isList(r) || !ours(r)) return undefined;
      served = true;
      return forward().then((reply) => ({
        status: 200,
        headers: { 'content-type': 'application/json', 'content-encoding': 'deflate' },
        body: gzipSync(reply.body as Buffer),
      }));
    });
    const run = await runLive(proxy.url, m);
    expect(run.step('list-default')).toMatchObject({ status: 200, attempts: 1 });
    expect(run.outcome('body-parses', 'listConversations')).toMatch(
      /^error: the body could not be decoded as Content-Encoding "deflate" \(.+\) on GET \/conversations$/,
    );
    expect(run.outcome('body-parses', 'listConversations')).not.toContain('reset');
  });

  it('the body limit holds however the body is chunked, with or without Content-Length', async () => {
    const limit = 10_000;
    const over = Buffer.alloc(limit + 1, 0x61);
    const chunked = (size: number) =>
      function* () {
        for (let at = 0; at < over.length; at += size) yield over.subarray(at, at + size);
      };
    const answers: Record<string, ProxyAnswer> = {
      '/length': { status: 200, headers: { 'content-type': 'application/json' }, body: over },
      '/one-chunk': {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: chunked(over.length),
      },
      '/bytes': { status: 200, headers: { 'content-type': 'application/json' }, body: chunked(1) },
      '/odd': { status: 200, headers: { 'content-type': 'application/json' }, body: chunked(997) },
      '/exact': {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: over.subarray(0, limit),
      },
    };
    const server = await startProxy('http://127.0.0.1:1', async (r) => answers[r.url] ?? 'reset');
    servers.push(server);
    // no timeout can come first: the limit alone decides
    const f = resilientFetch({ maxBodyBytes: limit, timeoutMs: 120_000, maxRetries: 0, pace: false });
    for (const path of ['/length', '/one-chunk', '/bytes', '/odd']) {
      const error = await f(server.url + path).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(TransportError);
      expect((error as TransportError).message, path).toBe(`body larger than ${limit} bytes`);
    }
    const exact = await f(`${server.url}/exact`);
    expect((await readLimited(exact, limit)).byteLength).toBe(limit);
  });
});

export type { LiveRun };
