import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/report/index.ts';

/** A fake stream and a fake clock: no timers, no real time. */
function setup(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  let now = 0;
  const progress = createProgress({
    stream: { write: (text: string) => writes.push(text), columns },
    isTTY,
    total: 10,
    now: () => now,
    intervalMs: 5_000,
    ttyIntervalMs: 100,
  });
  return { writes, progress, tick: (ms: number) => (now += ms) };
}

describe('progress on a TTY', () => {
  it('redraws one line in place, throttled, and ends it on done()', () => {
    const { writes, progress, tick } = setup(true);
    progress.update({ operationsDone: 1, requests: 3, rateLimitRemaining: 997 });
    tick(50);
    progress.update({ operationsDone: 2, requests: 6, rateLimitRemaining: 994 });
    tick(60);
    progress.update({ operationsDone: 3, requests: 9, rateLimitRemaining: 991 });
    progress.done();
    progress.done();
    expect(writes).toEqual([
      '\r\u001b[2Kintercom-conformance: 1/10 operations · 3 requests · rate limit 997 remaining',
      '\r\u001b[2Kintercom-conformance: 3/10 operations · 9 requests · rate limit 991 remaining',
      '\r\u001b[2Kintercom-conformance: 3/10 operations · 9 requests · rate limit 991 remaining',
      '\n',
    ]);
  });

  it('fits the line to the terminal width', () => {
    const { writes, progress } = setup(true, 30);
    progress.update({ operationsDone: 1, requests: 1 });
    expect(writes[0]).toBe('\r\u001b[2Kintercom-conformance: 1/10 op');
  });
});

describe('progress in CI logs (no TTY)', () => {
  it('prints a plain line per operation, at most every interval, and a final line', () => {
    const { writes, progress, tick } = setup(false);
    progress.update({ operationsDone: 0, requests: 1 });
    progress.update({ operationsDone: 1, requests: 2, rateLimitRemaining: 998 });
    tick(1_000);
    progress.update({ operationsDone: 2, requests: 4 });
    tick(4_000);
    progress.update({ operationsDone: 2, requests: 5 });
    progress.update({ operationsDone: 3, requests: 6 });
    tick(10_000);
    progress.update({ operationsDone: 10, requests: 20, rateLimitRemaining: 980 });
    progress.done();
    expect(writes).toEqual([
      'intercom-conformance: 1/10 operations · 2 requests · rate limit 998 remaining\n',
      'intercom-conformance: 2/10 operations · 5 requests\n',
      'intercom-conformance: 10/10 operations · 20 requests · rate limit 980 remaining\n',
    ]);
    expect(writes.join('')).not.toContain('\r');
  });

  it('prints the final state when it was not printed yet', () => {
    const { writes, progress } = setup(false);
    progress.update({ operationsDone: 1, requests: 1 });
    progress.update({ operationsDone: 2, requests: 2 });
    progress.done();
    expect(writes).toEqual([
      'intercom-conformance: 1/10 operations · 1 request\n',
      'intercom-conformance: 2/10 operations · 2 requests\n',
    ]);
  });
});
