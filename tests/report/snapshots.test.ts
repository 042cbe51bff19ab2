import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  artifactSchemaExcerpt,
  canonicalize,
  normalizeForSnapshot,
  parseRunResult,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
} from '../../src/report/index.ts';
import { loadFixture, SNAPSHOTS, shuffled } from './helpers.ts';

/**
 * Every renderer on a deterministic run (fixed seed, normalised times and ports). The snapshots are files in
 * `__snapshots__/` so that a change of output is reviewed like code (`vitest -u` to accept one).
 */
const run = normalizeForSnapshot(loadFixture('mock-run.json'));
const excerpt = artifactSchemaExcerpt();
const renderers = {
  'conformance.json': (r: typeof run) => renderJson(r),
  'junit.xml': (r: typeof run) => renderJunit(r),
  'summary.md': (r: typeof run) => renderMarkdown(r),
  'report.html': (r: typeof run) => renderHtml(r, { schemaExcerpt: excerpt }),
};

describe.each(Object.entries(renderers))('%s', (file, render) => {
  it('matches its snapshot', async () => {
    await expect(render(run)).toMatchFileSnapshot(join(SNAPSHOTS, `mock-run.${file}`));
  });

  it('is byte-identical whatever the order of the input', () => {
    expect(render(shuffled(run))).toBe(render(run));
  });
});

describe('conformance.json', () => {
  it('reads back as the canonical run', () => {
    expect(parseRunResult(renderJson(run), 'conformance.json')).toEqual(canonicalize(run));
  });

  it('differs between runs only in times', () => {
    const later = loadFixture('mock-run.json');
    later.run.startedAt = '2025-06-01T00:00:00.000Z';
    later.run.finishedAt = '2025-06-01T00:00:12.000Z';
    const a = renderJson(loadFixture('mock-run.json')).split('\n');
    const b = renderJson(later).split('\n');
    const changed = a.filter((line, i) => line !== b[i]);
    expect(changed.map((l) => l.trim().split(':')[0])).toEqual(['"startedAt"', '"finishedAt"']);
  });
});
