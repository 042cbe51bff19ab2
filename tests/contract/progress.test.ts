import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../src/model/exchange.ts';
import { progressWriter, readProgress } from '../../src/suite/progress.ts';
import { tempDir } from '../helpers/env.ts';

const ex = (operationId: string, remaining: string, attempts = 1): Exchange => ({
  step: 's',
  apiVersion: '2.11',
  operationId,
  request: { method: 'GET', url: '/x' },
  status: 200,
  headers: { 'x-ratelimit-remaining': remaining },
  attempts,
});

describe('progress across suite workers', () => {
  it('sums requests (attempts included) and operations reached, and keeps the lowest rate-limit budget', () => {
    const dir = tempDir();
    let t = 0;
    const a = progressWriter(dir, '2.10', 250, () => t);
    const b = progressWriter(dir, '2.11', 250, () => t);
    a.onExchange(ex('identifyAdmin', '99'));
    a.onExchange(ex('listConversations', '98', 3));
    b.onExchange(ex('identifyAdmin', '50'));
    a.flush();
    b.flush();
    expect(readProgress(dir)).toEqual({ operationsDone: 3, requests: 5, rateLimitRemaining: 50 });
    t = 100;
    b.onExchange(ex('retrieveConversation', '40'));
    expect(readProgress(dir).requests).toBe(5); // throttled: not written yet
    t = 400;
    b.onExchange(ex('retrieveConversation', '39'));
    expect(readProgress(dir)).toEqual({ operationsDone: 4, requests: 7, rateLimitRemaining: 39 });
  });

  it('reads nothing from a folder that does not exist', () => {
    expect(readProgress('/nonexistent/parts')).toEqual({ operationsDone: 0, requests: 0 });
  });
});
