import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import { type HostileServer, runThroughProxy } from './helpers.ts';

/**
 * The searches of a live run through a hostile proxy: a search is a POST that only reads, so a 503 on it is
 * retried like a GET's (a write's is not: a retrieve decides), and the answer then counts as any other.
 */
let mock: MockServer;
let proxy: HostileServer;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
});

describe('searches under faults', () => {
  it('a search answered 503 once is sent again and checked like the others', async () => {
    let failed = 0;
    const run = await runThroughProxy(
      (r) =>
        r.method === 'POST' && r.url === '/conversations/search' && failed++ === 0
          ? Promise.resolve({ status: 503, headers: { 'retry-after': '0' }, body: '' })
          : undefined,
      (m, p) => {
        mock = m;
        proxy = p;
      },
    );
    const first = run.exchanges.find((e) => e.operationId === 'searchConversations')!;
    expect(first).toMatchObject({ status: 200, attempts: 2 });
    expect(failed).toBeGreaterThan(1);
    for (const check of ['search-finds-known', 'search-results-satisfy-query', 'search-pagination'])
      expect(run.outcome(check, 'searchConversations'), check).toBe('pass');
  });
});
