import { describe, expect, it } from 'vitest';
import { comparePayloads } from '../../src/diff/runtime.ts';
import {
  comparisonView,
  countStatuses,
  finalLine,
  renderHtml,
  renderJunit,
  renderMarkdown,
  STATUSES,
  statusOf,
  VOCABULARY,
  vocabularyTable,
} from '../../src/report/index.ts';
import { runtimeDiffOf } from '../../src/run/runtime-diff.ts';
import { loadFixture } from './helpers.ts';

describe('one vocabulary', () => {
  const run = loadFixture('mock-run.json');

  it('is one table: violation, known quirk, error, skip, pass; the stored outcome fail shows as violation', () => {
    expect(VOCABULARY.map((v) => v.word)).toEqual(['violation', 'known quirk', 'error', 'skip', 'pass']);
    expect(statusOf({ outcome: 'fail', findings: [] })).toBe('violation');
    expect(statusOf({ outcome: 'pass', findings: [{ classification: 'known-quirk' } as never] })).toBe(
      'known-quirk',
    );
    expect(vocabularyTable()).toContain('| violation | `fail` |');
  });

  it('counts the same in the final line, the headlines, the matrix and JUnit', () => {
    const counts = countStatuses(run.results);
    expect(counts).toEqual({ violation: 2, 'known-quirk': 1, error: 1, skip: 3, pass: 8 });
    const words = '2 violations, 1 known quirk, 1 error, 3 skips, 8 passes';
    expect(finalLine(run, ['/x/reports/summary.md'], '/x')).toBe(
      `intercom-conformance run: ${words} (mock, API 2.10, 2.11, 23 requests); reports: reports/summary.md`,
    );
    expect(renderMarkdown(run)).toContain(`> **${words}**`);
    expect(renderHtml(run)).toContain(`id="verdict">${words}</p>`);
    const junit = renderJunit(run);
    expect(junit).toContain('tests="15" failures="2" errors="1"');
    for (const s of STATUSES) {
      const word = VOCABULARY.find((v) => v.status === s)!.word;
      expect(junit.match(new RegExp(`status="${word}"`, 'g'))?.length ?? 0).toBe(counts[s]);
    }
    expect(renderHtml(run)).not.toMatch(/<th>fail<\/th>|badge fail/);
    expect(renderMarkdown(run)).not.toMatch(/\| fail \|/);
  });

  it('gets plurals right: "1 error", never "(1 errors)"', () => {
    const one = loadFixture('mock-run.json');
    one.results = one.results.filter((r) => r.outcome === 'error');
    one.run.requestCount = 1;
    expect(finalLine(one)).toBe(
      'intercom-conformance run: 0 violations, 0 known quirks, 1 error, 0 skips, 0 passes (mock, API 2.10, 2.11, 1 request)',
    );
  });
});

describe('the cross-version comparison view', () => {
  it('reads what the engine computes', () => {
    const a = { id: '1', ai_agent_participated: false, tags: { tags: [] }, rating: 5 };
    const b = { id: '1', tags: { tags: [] }, rating: '5', custom_attributes: {} };
    const diff = runtimeDiffOf([
      { apiVersion: '2.10', samples: { retrieveConversation: { '1': a } } },
      { apiVersion: '2.11', samples: { retrieveConversation: { '1': b } } },
    ]);
    expect(diff.length).toBe(comparePayloads([{ key: 'x', a, b }], { a: '2.10', b: '2.11' }).length);
    const rows = comparisonView(diff);
    expect(rows.map((r) => `${r.path} ${r.change} ${r.fromTypes} → ${r.toTypes}`)).toEqual([
      '/ai_agent_participated only in 2.10 boolean → –',
      '/custom_attributes only in 2.11 – → object',
      '/rating type differs number → string',
      '/rating values differ: 5 → "5" ×1 number → string',
    ]);
    expect(rows[0]).toMatchObject({ operation: 'retrieveConversation', from: '2.10', to: '2.11', count: 1 });
    const run = loadFixture('mock-run.json');
    run.runtimeDiff = diff;
    expect(renderMarkdown(run)).toContain(
      '| 2.10 → 2.11 | `retrieveConversation` | `/rating` | type differs | number | string | 1 |',
    );
    expect(renderHtml(run)).toContain('<td><code>/rating</code></td><td>type differs</td>');
  });

  it('leaves out what it cannot read, and says when nothing was compared', () => {
    expect(comparisonView([null, 3, { kind: 'only-in-a' }, { path: '/x' }])).toEqual([]);
    expect(comparisonView('nope')).toEqual([]);
    const run = loadFixture('mock-run.json');
    delete run.runtimeDiff;
    expect(renderMarkdown(run)).toContain('Not compared: a comparison needs two or more API versions');
  });
});
