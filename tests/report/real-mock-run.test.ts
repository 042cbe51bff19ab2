import { describe, expect, it } from 'vitest';
import {
  normalizeForSnapshot,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
} from '../../src/report/index.ts';
import { observeRun } from '../helpers/run.ts';

/**
 * Every renderer on a real, deterministic run: the mock's conformant scenario (seed 1, 2.11, 30 conversations):
 * real results, the per_page quirk, spec defects and coverage. Two runs render byte-identically once times are
 * normalised.
 */
describe('reports of a deterministic mock run', async () => {
  const config = {
    apiVersions: ['2.11'],
    scenario: 'conformant' as const,
    seed: 1,
    conversations: 30,
    retrieveSample: 5,
  };
  const raw = (await observeRun(config)).result;
  const first = normalizeForSnapshot(raw);
  const second = normalizeForSnapshot((await observeRun(config)).result);

  it('are byte-identical for the same seed and mock, apart from times', () => {
    for (const render of [renderJson, renderJunit, renderMarkdown, renderHtml])
      expect(render(second)).toBe(render(first));
  });

  it('times each check: its own time plus its operation’s requests, as JUnit testcase times', () => {
    expect(raw.results.every((r) => typeof r.durationMs === 'number' && r.durationMs >= 0)).toBe(true);
    // Operations the run requested take time; every check of one accounts for those requests.
    const listing = raw.results.filter((r) => r.operationId === 'listConversations');
    expect(listing.length).toBeGreaterThan(3);
    expect(listing.every((r) => r.durationMs! > 0)).toBe(true);
    const xml = renderJunit(raw);
    const times = [...xml.matchAll(/<testcase [^>]*time="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(times).toHaveLength(raw.results.length);
    expect(times.filter((t) => t > 0).length).toBeGreaterThan(times.length / 2);
    expect(renderJunit(first)).not.toMatch(/<testcase [^>]*time="(?!0\.000")/);
  });

  it.each([
    ['conformance.json', renderJson],
    ['junit.xml', renderJunit],
    ['summary.md', renderMarkdown],
    ['report.html', renderHtml],
  ] as const)('%s matches its snapshot', async (name, render) => {
    await expect(render(first)).toMatchFileSnapshot(`__snapshots__/real-mock-run.${name}`);
  });
});
