import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from '../../src/mock/http/rate-limit.ts';
import { type MockServer, startMockServer } from '../../src/mock/index.ts';
import { call } from './helpers.ts';

let now = 1_800_000_000_000;
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ rateLimit: { limit: 5, windowSeconds: 1 }, clock: () => now });
});
afterAll(() => mock.close());

describe('rate limiting', () => {
  it('counts down on every response, returns 429 at the budget, and recovers after the reset', async () => {
    const reset = String(now / 1000 + 1);
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      // errors count too, and carry the headers
      const reply = await call(mock.url, '/me', { token: i === 2 ? 'wrong' : undefined });
      expect(reply.status).toBe(i === 2 ? 401 : 200);
      expect(reply.headers['x-ratelimit-limit']).toBe('5');
      expect(reply.headers['x-ratelimit-reset']).toBe(reset);
      remaining.push(reply.headers['x-ratelimit-remaining'] as string);
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    now += 400;
    const limited = await call(mock.url, '/conversations');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ type: 'error.list', errors: [{ code: 'rate_limit_exceeded' }] });
    expect(limited.headers).toMatchObject({
      'retry-after': '1',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    });
    expect(mock.state.requests.at(-1)).toMatchObject({ status: 429, path: '/conversations' });

    now += 600;
    const recovered = await call(mock.url, '/conversations');
    expect(recovered.status).toBe(200);
    expect(recovered.headers['x-ratelimit-remaining']).toBe('4');
    expect(recovered.headers['x-ratelimit-reset']).toBe(String(now / 1000 + 1));
  });
});

describe('FixedWindowLimiter', () => {
  it('gives Retry-After as the whole seconds left in the window', () => {
    let t = 1_000_000_000_000;
    const limiter = new FixedWindowLimiter(1, 10, () => t);
    expect(limiter.take().allowed).toBe(true);
    t += 2_500;
    const refused = limiter.take();
    expect(refused).toMatchObject({ allowed: false, retryAfter: 8 });
    expect(refused.headers['X-RateLimit-Reset']).toBe('1000000010');
    t += 7_500;
    expect(limiter.take().allowed).toBe(true);
  });
});
