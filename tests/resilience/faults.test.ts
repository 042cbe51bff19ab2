import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/client/middleware/index.ts';
import { FAULT_IDS, type FaultId, type FaultOptions, type MockServer } from '../../src/mock/index.ts';
import type { RunConfig } from '../../src/run/config.ts';
import { type LiveRun, resultKeys, runLive, startTarget } from './helpers.ts';

/**
 * One live run per fault of the mock's `faults` scenario: the run completes (every check × operation has a
 * result), the fault becomes exactly the expected outcome, and the sandbox is left as it was. Faults hit the
 * conversation endpoints in order, so the first one faulted is the list without per_page (`list-default`).
 */
let completeKeys: string[];
/** The faults the tests below ran under: afterAll checks that every fault the mock offers is among them. */
const exercised = new Set<FaultId>();
let mock: MockServer | undefined;

beforeAll(async () => {
  const healthy = await startTarget();
  try {
    completeKeys = resultKeys((await runLive(healthy.url, healthy)).result);
  } finally {
    await healthy.close();
  }
});
afterAll(() => {
  expect(
    [...FAULT_IDS].filter((f) => !exercised.has(f)),
    'faults without a test',
  ).toEqual([]);
});
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function underFault(
  fault: FaultId | FaultId[],
  options: FaultOptions,
  overrides: Partial<RunConfig> = {},
): Promise<LiveRun & { waits: number[] }> {
  const clock = manualClock();
  // Only a run under one fault on its own counts as that fault's test.
  if (!Array.isArray(fault)) exercised.add(fault);
  mock = await startTarget([fault].flat(), options, { clock: clock.now });
  // A generous timeout unless the fault is the slow one: with 300 ms, a loaded machine timed out on the faulted
  // request, the retry got a healthy answer, and the test saw `pass` (it passed quiet and failed under load).
  const timeout = [fault].flat().includes('slow') ? {} : { timeoutMs: 30_000 };
  const run = await runLive(mock.url, mock, { ...timeout, ...overrides }, { clock });
  expect(resultKeys(run.result), 'the run completed').toEqual(completeKeys);
  expect(run.result.run.partial).toBeUndefined();
  expect(mock.state.tagChanges(), 'nothing left attached').toEqual([]);
  // no check throws under any fault (nothing is filed under operation `*` as "the check failed")
  expect(
    run.result.results.filter((r) => r.operationId === '*' || /the check failed/.test(r.reason ?? '')),
  ).toEqual([]);
  return { ...run, waits: clock.waits };
}

const notPassing = (run: LiveRun) =>
  run.result.results
    .filter((r) => r.outcome !== 'pass')
    .map((r) => `${r.operationId} ${r.checkId} ${r.outcome}`);

describe('a live run under each fault completes, with the fault as its exact outcome', () => {
  it('429: a storm is waited out as Retry-After asks; nothing is lost', async () => {
    const run = await underFault('429', { stormLength: 2, retryAfterSeconds: 1 });
    expect(run.step('list-default')).toMatchObject({ status: 200, attempts: 3 });
    // each retry waited what Retry-After asked (the pacer may wait longer, for the announced reset)
    expect(run.waits.filter((w) => w >= 1000).length).toBeGreaterThanOrEqual(2);
    expect(mock!.state.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(notPassing(run)).toEqual([]);
  });

  it('429: a Retry-After beyond --max-wait-ms gives up at once: an error with the cause', async () => {
    const run = await underFault('429', { stormLength: 1, retryAfterSeconds: 30 });
    expect(run.step('list-default')).toMatchObject({ status: 429, attempts: 1 });
    expect(run.outcome('body-parses', 'listConversations')).toBe(
      'error: 429 after 1 attempt on GET /conversations (the server asked to wait 30 s, longer than the longest wait of 2000 ms)',
    );
  });

  it('500: retried with backoff; still failing after --max-retries: "500 after N attempts"', async () => {
    const run = await underFault('500', { times: 3 }, { maxRetries: 2 });
    expect(run.step('list-default')).toMatchObject({ status: 500, attempts: 3 });
    expect(run.waits).toHaveLength(2);
    expect(run.waits[1]!).toBeGreaterThan(run.waits[0]!);
    expect(run.outcome('body-parses', 'listConversations')).toBe(
      'error: 500 after 3 attempts on GET /conversations',
    );
    expect(run.step('walk:1')).toMatchObject({ status: 200, attempts: 1 });
  });

  it('503: Retry-After honoured, then the retry succeeds', async () => {
    const run = await underFault('503', { times: 1, retryAfterSeconds: 1 });
    expect(run.step('list-default')).toMatchObject({ status: 200, attempts: 2 });
    expect(run.waits[0]).toBe(1000);
    expect(notPassing(run)).toEqual([]);
  });

  it('html: an HTML error page is an error with the cause, and a content-type violation', async () => {
    const run = await underFault('html', { times: 1 });
    expect(run.outcome('body-parses', 'listConversations')).toBe(
      'error: HTML error page (text/html; charset=utf-8) instead of JSON on GET /conversations',
    );
    expect(run.outcome('content-type-json', 'listConversations')).toBe('fail');
  });

  it('malformed-json: "not JSON" with the parser position', async () => {
    const run = await underFault('malformed-json', { times: 1 });
    expect(run.outcome('body-parses', 'listConversations')).toMatch(
      /^error: not JSON \(.* at position \d+\) on GET \/conversations$/,
    );
  });

  it('truncated-json: "not JSON" for a body cut mid-token', async () => {
    const run = await underFault('truncated-json', { times: 1 });
    expect(run.outcome('body-parses', 'listConversations')).toMatch(
      /^error: not JSON \(.* at position \d+\) on GET \/conversations$/,
    );
  });

  it('slow: a timeout is retried; past --max-retries it is an error "timeout after … (N attempts)"', async () => {
    const run = await underFault('slow', { times: 2, slowMs: 800 }, { maxRetries: 1 });
    expect(run.step('list-default')).toMatchObject({ attempts: 2 });
    expect(run.step('list-default')?.status).toBeUndefined();
    expect(run.outcome('status-documented', 'listConversations')).toBe(
      'error: timeout after 300 ms on GET /conversations (2 attempts)',
    );
    expect(run.step('walk:1')).toMatchObject({ status: 200, attempts: 1 });
  });

  it('oversized: a page past --max-body-bytes is an error, read no further than the limit', async () => {
    const run = await underFault(
      'oversized',
      { times: 1, oversizedBytes: 3_000_000 },
      // The limit must decide, not the clock: with a 300 ms timeout a loaded machine timed out mid-body, the
      // retry got a healthy page and the run said `pass`. No timeout and no retry can come first here.
      { maxBodyBytes: 1_000_000, timeoutMs: 120_000, maxRetries: 0 },
    );
    expect(run.step('list-default')).toMatchObject({ status: 200 });
    expect(run.step('list-default')?.bodyText).toBeUndefined();
    expect(run.outcome('body-parses', 'listConversations')).toBe(
      'error: body larger than 1000000 bytes on GET /conversations',
    );
  });

  it('reset: a connection reset mid-body is retried; without retries it is an error "connection reset"', async () => {
    const retried = await underFault('reset', { times: 1 });
    expect(retried.step('list-default')).toMatchObject({ status: 200, attempts: 2 });
    await mock!.close();
    const run = await underFault('reset', { times: 1 }, { maxRetries: 0 });
    expect(run.outcome('status-documented', 'listConversations')).toBe(
      'error: connection reset on GET /conversations',
    );
  });

  it('truncated-json on per_page=151: an error, not a false known quirk "clamped to 0 items"', async () => {
    // faults hit the conversation requests in order: list-default (malformed), walk:1, per-page-151 (truncated)
    const run = await underFault(['malformed-json', 'truncated-json'], { every: 2, times: 2 });
    expect(run.step('per-page-151')).toMatchObject({ status: 200 });
    expect(run.step('per-page-151')?.parseError).toBeDefined();
    expect(run.outcome('per-page-cap', 'listConversations')).toMatch(
      /^error: per_page=151 answered 200 without a readable list page \(not JSON \(.+\) on GET \/conversations\)$/,
    );
    const cap = run.result.results.find((r) => r.checkId === 'per-page-cap')!;
    expect(cap.findings.filter((f) => f.classification === 'known-quirk')).toEqual([]);
    expect(run.result.perPage['2.11']?.overflow).toBe('unknown');
  });

  it('every fault in turn, on every other request: the run completes and cleans up', async () => {
    const run = await underFault(
      FAULT_IDS.filter((f) => f !== '429' && f !== 'slow'),
      { every: 2 },
    );
    expect(run.result.results.length).toBeGreaterThan(0);
  });
});
