import { describe, expect, it } from 'vitest';
import { COVERED_OPERATIONS } from '../../src/descriptions/operations.ts';
import type { Exchange } from '../../src/model/exchange.ts';
import type { ProgressState } from '../../src/report/progress.ts';
import { progressTracker } from '../../src/run/engine.ts';
import { observeRun } from '../helpers/run.ts';

const ex = (apiVersion: string, operationId: string, remaining: string, attempts = 1): Exchange => ({
  step: 's',
  apiVersion,
  operationId,
  request: { method: 'GET', url: '/x' },
  status: 200,
  headers: { 'x-ratelimit-remaining': remaining },
  attempts,
});

describe('the progress of a run (the engine counts it)', () => {
  it('counts requests (attempts included), operations reached per version, and the latest rate-limit budget', () => {
    const p = progressTracker();
    p.add(ex('2.10', 'identifyAdmin', '99'));
    p.add(ex('2.10', 'listConversations', '98', 3));
    p.add(ex('2.11', 'identifyAdmin', '50'));
    expect(p.add(ex('2.11', 'identifyAdmin', '49'))).toEqual({
      operationsDone: 3,
      requests: 6,
      rateLimitRemaining: 49,
    });
  });

  it('is reported after every exchange of a real run on the mock, ending at what the run did', async () => {
    const states: ProgressState[] = [];
    const { result, exchanges } = await observeRun(
      { apiVersions: ['2.11'], conversations: 30 },
      {},
      { onProgress: (s) => states.push(s) },
    );
    expect(states).toHaveLength(exchanges.length);
    expect(states.at(-1)).toMatchObject({
      operationsDone: COVERED_OPERATIONS.length,
      requests: result.run.requestCount,
    });
    expect(states.at(-1)!.rateLimitRemaining).toBeLessThan(10_000);
    // monotonic: a progress line never goes backwards
    for (let i = 1; i < states.length; i++)
      expect(states[i]!.requests).toBeGreaterThanOrEqual(states[i - 1]!.requests);
  });
});
