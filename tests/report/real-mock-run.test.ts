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
  const first = normalizeForSnapshot((await observeRun(config)).result);
  const second = normalizeForSnapshot((await observeRun(config)).result);

  it('are byte-identical for the same seed and mock, apart from times', () => {
    for (const render of [renderJson, renderJunit, renderMarkdown, renderHtml])
      expect(render(second)).toBe(render(first));
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
