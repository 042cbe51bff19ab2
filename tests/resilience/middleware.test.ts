import { afterEach, describe, expect, it } from 'vitest';
import { createIntercomClient } from '../../src/client/index.ts';
import {
  manualClock,
  RatePacer,
  RequestBudget,
  readLimited,
  resilientFetch,
  responseMeta,
  Semaphore,
  TransportError,
} from '../../src/client/middleware/index.ts';
import type { MockServer } from '../../src/mock/index.ts';
import { startProxy, startTarget, TOKEN } from './helpers.ts';

/**
 * The fetch wrapper on its own, against our mock on loopback, with a clock whose waits are instant and
 * recorded: pacing, retries honouring Retry-After / X-RateLimit-Reset, backoff, idempotency, timeout, body
 * size, concurrency, budget.
 */
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const auth = { headers: { Authorization: `Bearer ${TOKEN}` } };
const statuses = () => mock!.state.requests.map((r) => r.status);

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError);
    return error as TransportError;
  }
  throw new Error('expected a TransportError');
}

describe('rate-limit pacing (fixed window: 5 requests per 1 s)', () => {
  it('paces from X-RateLimit-Remaining / Reset: 12 requests, not a single 429', async () => {
    const clock = manualClock();
    mock = await startTarget([], {}, { rateLimit: { limit: 5, windowSeconds: 1 }, clock: clock.now });
    const f = resilientFetch({ clock, maxRetries: 0, concurrency: 1 });
    for (let i = 0; i < 12; i++)
      expect((await f(`${mock.url}/conversations?per_page=1`, auth)).status).toBe(200);
    expect(statuses().filter((s) => s === 429)).toEqual([]);
    expect(clock.waits).toEqual([1025, 1000]);
  });

  it('without pacing the same requests run into the limit', async () => {
    const clock = manualClock();
    mock = await startTarget([], {}, { rateLimit: { limit: 5, windowSeconds: 1 }, clock: clock.now });
    const f = resilientFetch({ clock, maxRetries: 0, pace: false });
    for (let i = 0; i < 7; i++) await f(`${mock.url}/conversations?per_page=1`, auth);
    expect(statuses()).toEqual([200, 200, 200, 200, 200, 429, 429]);
  });

  it('counts requests in flight: concurrent requests never overshoot the window', async () => {
    const clock = manualClock();
    mock = await startTarget([], {}, { rateLimit: { limit: 5, windowSeconds: 1 }, clock: clock.now });
    const f = resilientFetch({ clock, maxRetries: 0, concurrency: 4 });
    await f(`${mock.url}/me`, auth);
    await Promise.all(Array.from({ length: 11 }, () => f(`${mock!.url}/me`, auth)));
    expect(statuses().filter((s) => s === 429)).toEqual([]);
  });

  it('a reset far beyond --max-wait-ms is a give-up error at once: no wait, nothing sent', async () => {
    const clock = manualClock();
    const pacer = new RatePacer(clock, 2000);
    pacer.observe(
      new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now() / 1000 + 3600) }),
    );
    const error = await failure(pacer.acquire());
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toBe(
      'rate limit exhausted: the window resets in 3601 s, longer than the longest wait of 2000 ms (not sent)',
    );
    expect(clock.waits).toEqual([]);
    // a reset within --max-wait-ms is waited for, once
    const near = new RatePacer(clock, 2000);
    near.observe(
      new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now() / 1000 + 1) }),
    );
    await near.acquire();
    expect(clock.waits).toEqual([1025]);
  });
});

describe('retries', () => {
  it('429: waits what Retry-After asks, then succeeds', async () => {
    const clock = manualClock();
    mock = await startTarget(['429'], { stormLength: 2, retryAfterSeconds: 1 }, { clock: clock.now });
    const response = await resilientFetch({ clock, pace: false })(`${mock.url}/conversations`, auth);
    expect(response.status).toBe(200);
    expect(responseMeta(response)).toEqual({ attempts: 3 });
    expect(clock.waits).toEqual([1000, 1000]);
  });

  it('429 without Retry-After: waits until X-RateLimit-Reset', async () => {
    const clock = manualClock();
    let first = true;
    const f = resilientFetch({
      clock,
      pace: false,
      fetch: async () => {
        if (!first) return new Response('{}', { status: 200 });
        first = false;
        return new Response('{}', {
          status: 429,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now() / 1000 + 7) },
        });
      },
    });
    expect((await f('http://127.0.0.1:1/x')).status).toBe(200);
    expect(clock.waits).toEqual([7000]);
  });

  it('503 asking for more than --max-wait-ms: gives up at once, saying why', async () => {
    const clock = manualClock();
    mock = await startTarget(['503'], { retryAfterSeconds: 120 }, { clock: clock.now });
    const response = await resilientFetch({ clock, maxWaitMs: 5000 })(`${mock.url}/conversations`, auth);
    expect(response.status).toBe(503);
    expect(responseMeta(response)).toEqual({
      attempts: 1,
      gaveUp: 'the server asked to wait 120 s, longer than the longest wait of 5000 ms',
    });
    expect(clock.waits).toEqual([]);
  });

  it('500: bounded exponential backoff with jitter, then the last answer with the attempts', async () => {
    const clock = manualClock();
    mock = await startTarget(['500'], {}, { clock: clock.now });
    const response = await resilientFetch({ clock, backoffMs: 100, maxRetries: 3, maxWaitMs: 300 })(
      `${mock.url}/conversations`,
      auth,
    );
    expect(response.status).toBe(500);
    expect(responseMeta(response).attempts).toBe(4);
    // steps 100, 200, 400→capped at 300; half fixed, half jitter (the test clock's random() is 0.5)
    expect(clock.waits).toEqual([75, 150, 225]);
  });

  it('a connection reset is retried for a GET', async () => {
    mock = await startTarget(['reset'], { times: 1 });
    const response = await resilientFetch({ clock: manualClock(), pace: false })(
      `${mock.url}/conversations`,
      auth,
    );
    expect(response.status).toBe(200);
    expect(responseMeta(response).attempts).toBe(2);
  });

  it('never retries a POST or a DELETE by itself: the caller verifies first', async () => {
    mock = await startTarget(['500'], { times: 2 });
    const f = resilientFetch({ clock: manualClock() });
    const id = mock.state.conversationId(0);
    for (const [method, url] of [
      ['POST', `/conversations/${id}/tags`],
      ['DELETE', `/conversations/${id}/tags/7522901`],
    ] as const) {
      const response = await f(`${mock.url}${url}`, {
        method,
        headers: { ...auth.headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: '7522901', admin_id: '1' }),
      });
      expect([response.status, responseMeta(response).attempts]).toEqual([500, 1]);
    }
    expect(mock.state.tagsOf(id)).toEqual([]);
  });

  it('an abort during a wait ends the request as interrupted', async () => {
    mock = await startTarget(['503'], { retryAfterSeconds: 30 });
    const controller = new AbortController();
    const pending = resilientFetch({ maxWaitMs: 60_000 })(`${mock.url}/conversations`, {
      ...auth,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect([error.kind, error.message, error.attempts]).toEqual(['interrupted', 'interrupted', 1]);
  });
});

describe('timeout, body size, concurrency, budget', () => {
  it('a response slower than the timeout fails with "timeout after N ms"', async () => {
    mock = await startTarget(['slow'], { slowMs: 1000 });
    const error = await failure(
      resilientFetch({ timeoutMs: 200, maxRetries: 0 })(`${mock.url}/conversations`, auth),
    );
    expect([error.kind, error.message]).toEqual(['timeout', 'timeout after 200 ms']);
  });

  it('a body past the limit fails with "body larger than N bytes", keeping the status', async () => {
    mock = await startTarget(['oversized'], { oversizedBytes: 2_000_000 });
    const error = await failure(
      resilientFetch({ maxBodyBytes: 256 * 1024 })(`${mock.url}/conversations`, auth),
    );
    expect([error.kind, error.message, error.status]).toEqual([
      'body-too-large',
      'body larger than 262144 bytes',
      200,
    ]);
  });

  it('a 50 MB body under a larger limit is read as it streams, and counted', async () => {
    const chunk = Buffer.alloc(1 << 20, 0x78);
    const proxy = await startProxy('http://127.0.0.1:1', async () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: function* () {
        for (let i = 0; i < 50; i++) yield chunk;
      },
    }));
    try {
      const response = await fetch(proxy.url);
      expect((await readLimited(response, 64 * 1024 * 1024)).byteLength).toBe(50 * (1 << 20));
      const declared = new Response('x'.repeat(100), { headers: { 'content-length': '100' } });
      expect((await failure(readLimited(declared, 10))).message).toBe('body larger than 10 bytes');
    } finally {
      await proxy.close();
    }
  });

  it('at most --concurrency requests in flight', async () => {
    mock = await startTarget();
    const semaphore = new Semaphore(2);
    const f = resilientFetch({ semaphore, pace: false });
    await Promise.all(Array.from({ length: 8 }, () => f(`${mock!.url}/me`, auth)));
    expect(semaphore.peak).toBe(2);
  });

  it('the budget counts every attempt and refuses past it; cleanup may use the reserve', async () => {
    mock = await startTarget();
    const budget = new RequestBudget(2, 1);
    const f = resilientFetch({ budget, pace: false });
    await f(`${mock.url}/me`, auth);
    await f(`${mock.url}/me`, auth);
    expect((await failure(f(`${mock.url}/me`, auth))).message).toBe('request budget of 2 exhausted');
    const cleanup = resilientFetch({ budget, budgetMode: 'cleanup', pace: false });
    expect((await cleanup(`${mock.url}/me`, auth)).status).toBe(200);
    expect(budget.used).toBe(3);
  });
});

describe('the typed client with the resilient fetch', () => {
  it('rides out a 429 storm and a 503 through createIntercomClient({ fetch })', async () => {
    const clock = manualClock();
    mock = await startTarget(['429', '503'], { stormLength: 1, every: 1, times: 1 }, { clock: clock.now });
    const client = createIntercomClient({
      apiVersion: '2.11',
      token: TOKEN,
      baseUrl: mock.url,
      fetch: resilientFetch({ clock }),
    });
    const { data, response } = await client.GET('/conversations', { params: { query: { per_page: 2 } } });
    expect(response.status).toBe(200);
    expect(data?.conversations).toHaveLength(2);
    expect(statuses()).toEqual([429, 503, 200]);
  });
});
