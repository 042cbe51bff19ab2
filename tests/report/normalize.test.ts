import { describe, expect, it } from 'vitest';
import { normalizeForSnapshot, stripPorts, ZERO_TIME } from '../../src/report/index.ts';
import { loadFixture } from './helpers.ts';

describe('normalizeForSnapshot', () => {
  it.each([
    ['http://127.0.0.1:43127/me', 'http://127.0.0.1/me'],
    [
      'GET http://localhost:8080/conversations?per_page=151 timed out',
      'GET http://localhost/conversations?per_page=151 timed out',
    ],
    ['http://[::1]:9000/me', 'http://[::1]/me'],
    ['see (http://127.0.0.1:5000)', 'see (http://127.0.0.1)'],
    ['https://api.intercom.io/conversations', 'https://api.intercom.io/conversations'],
    ['ratio 2:30 and 127.0.0.1:80 without a scheme', 'ratio 2:30 and 127.0.0.1:80 without a scheme'],
  ])('%s → %s', (given, want) => {
    expect(stripPorts(given)).toBe(want);
  });

  it('zeroes the times and strips ports everywhere, leaving the input alone', () => {
    const run = loadFixture('mock-run.json');
    run.results[0]!.findings[0]!.request!.url = 'http://127.0.0.1:40123/conversations?per_page=20';
    run.results.find((r) => r.outcome === 'error')!.reason =
      'GET http://127.0.0.1:40123/conversations/0 timed out';
    const normal = normalizeForSnapshot(run);
    expect(normal.run.startedAt).toBe(ZERO_TIME);
    expect(normal.run.finishedAt).toBe(ZERO_TIME);
    expect(JSON.stringify(normal)).not.toContain(':40123');
    expect(run.run.startedAt).toBe('2025-03-14T09:26:53.000Z');
    expect(run.results[0]!.findings[0]!.request!.url).toContain(':40123');
    expect(normalizeForSnapshot(loadFixture('mock-run.json'))).toEqual(
      normalizeForSnapshot(normalizeForSnapshot(loadFixture('mock-run.json'))),
    );
  });
});
