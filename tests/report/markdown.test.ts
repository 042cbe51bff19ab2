import { describe, expect, it } from 'vitest';
import type { CheckResult, RunResult } from '../../src/model/result.ts';
import { buildMatrix } from '../../src/model/result.ts';
import { renderMarkdown, SUMMARY_MAX_BYTES } from '../../src/report/index.ts';
import { mdCode, mdText } from '../../src/report/markdown-text.ts';
import { loadFixture } from './helpers.ts';

/** A run with `n` violations spread over many operations and spec pointers (`n` groups), each with a long message. */
function manyViolations(n: number): RunResult {
  const base = loadFixture('mock-run.json');
  const results: CheckResult[] = Array.from({ length: n }, (_, i) => ({
    checkId: 'response-schema',
    operationId: `operation${String(i).padStart(5, '0')}`,
    apiVersion: '2.11',
    outcome: 'fail',
    findings: [
      {
        checkId: 'response-schema',
        severity: 'error',
        classification: 'violation',
        message: `must be string ${'x'.repeat(400)}`,
        instancePath: `/conversations/${i}/id`,
        keyword: 'type',
        value: i,
        specPointer: `#/components/schemas/conversation_list_item/properties/id${i}/type`,
      },
    ],
  }));
  return { ...base, results, matrix: buildMatrix(results) };
}

describe('summary.md', () => {
  const md = renderMarkdown(loadFixture('mock-run.json'));

  it('puts the matrix first, then violations, known quirks and spec defects', () => {
    const order = [
      '## Matrix',
      '## Violations (3 findings in 3 groups)',
      '## Known quirks (3 findings in 2 groups)',
      '## Cross-version comparison',
      '## Errors and skips (1 error, 3 skips)',
      '## Spec defects (5)',
      '## Schema coverage',
      '## per_page behaviour',
    ];
    const positions = order.map((heading) => md.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('states the verdict and whether values are redacted', () => {
    expect(md).toContain('> **2 violations, 1 known quirk, 1 error, 3 skips, 8 passes**');
    expect(md).toContain(
      '> 3 violation findings in 3 groups · 3 known-quirk findings in 2 groups · 5 spec defects',
    );
    expect(md).toContain('**Values:** redacted');
    const raw = loadFixture('mock-run.json');
    raw.run.redacted = false;
    expect(renderMarkdown(raw)).toContain('**Values:** NOT redacted (--no-redact)');
  });

  it('says so when nothing violates', () => {
    const clean = loadFixture('mock-run.json');
    clean.results = clean.results.filter((r) => r.outcome !== 'fail');
    clean.matrix = buildMatrix(clean.results);
    const out = renderMarkdown(clean);
    expect(out).toContain('> **0 violations, 1 known quirk, 1 error, 3 skips, 8 passes**');
    expect(out).toContain('## Violations (0 findings in 0 groups)\n\nNone.');
  });

  it('truncates long lists with "…and N more"', () => {
    const out = renderMarkdown(manyViolations(30), { maxItems: 10 });
    expect(out.match(/^\| 1 \| `response-schema` \|/gm)).toHaveLength(10);
    expect(out).toContain('…and 20 more violation groups (see report.html or conformance.json)');
    expect(out).toContain('…and 20 more rows (see report.html or conformance.json)');
  });

  it('stays well under the 65,536 characters of a pull-request comment, however large the run', () => {
    const out = renderMarkdown(manyViolations(5000), { maxItems: 5000 });
    expect(Buffer.byteLength(out, 'utf8')).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
    expect(SUMMARY_MAX_BYTES).toBeLessThan(65_536);
    expect(out).toContain('…truncated to fit a pull-request comment');
    const byDefault = renderMarkdown(manyViolations(5000));
    expect(byDefault.length).toBeLessThan(65_536);
    expect(byDefault).toContain('…and 4960 more violation groups');
  });

  it('escapes markdown, HTML and table pipes in data', () => {
    const out = renderMarkdown(loadFixture('hostile-markup.json'));
    // Outside code spans (which GitHub shows literally), no markup character is left unescaped.
    const prose = out.replace(/(`+)[\s\S]*?\1/g, '').replace(/<\/?(details|summary)>/g, '');
    expect(prose).not.toMatch(/(^|[^\\])</m);
    expect(out).toContain('\\<script\\>window.\\_\\_pwned = 1\\</script\\>');
    expect(mdText('a | b $x$ *c*')).toBe('a \\| b \\$x\\$ \\*c\\*');
    expect(mdCode('a|b')).toBe('`a\\|b`');
    expect(mdCode('uses `code`')).toBe('`` uses `code` ``');
  });
});
