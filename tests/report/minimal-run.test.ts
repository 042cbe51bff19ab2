import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.ts';
import {
  parseRunResult,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
} from '../../src/report/index.ts';

/** The smallest valid run: nothing ran, no spec pinned, no coverage (an interrupted run, say). */
const minimal: RunResult = {
  schemaVersion: 1,
  run: {
    kit: { name: 'intercom-conformance', version: '0.1.0' },
    target: 'live',
    apiVersions: ['2.11'],
    startedAt: '2025-03-14T09:26:53.000Z',
    finishedAt: '2025-03-14T09:26:54.000Z',
    requestCount: 0,
    redacted: true,
    partial: true,
  },
  specs: {},
  results: [],
  specDefects: {},
  coverage: {},
  perPage: {},
  matrix: {},
};

describe('a run where nothing ran', () => {
  it('is a valid conformance.json', () => {
    expect(parseRunResult(renderJson(minimal), 'minimal')).toEqual(minimal);
  });

  it('renders in every format, saying that nothing ran', () => {
    expect(renderJunit(minimal)).toContain(
      '<testsuites name="intercom-conformance" tests="0" failures="0" errors="0" time="1.000">\n</testsuites>',
    );
    const md = renderMarkdown(minimal);
    expect(md).toContain('**Partial run**');
    expect(md).toContain('No checks ran.');
    expect(md).toContain('> **0 violations, 0 known quirks, 0 errors, 0 skips, 0 passes**');
    const html = renderHtml(minimal);
    expect(html).toContain('Partial run: the run was interrupted; results are incomplete.');
    expect(html).toContain('Showing 0 of 0 groups');
    expect(html).toContain('<p class="muted">No findings.</p>');
  });
});
