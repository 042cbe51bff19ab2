import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.ts';
import { spawnCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/env.ts';

/** `run` end to end, as a user types it: vitest suites started programmatically, reports written, exit code. */
describe('intercom-conformance run', { timeout: 150_000 }, () => {
  it('runs both versions against the mock, writes the four reports, exits 0 without violations', () => {
    const dir = tempDir();
    const stepSummary = join(tempDir(), 'step-summary.md');
    const run = spawnCli(['run', '--report-dir', dir, '--conversations', '60'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /intercom-conformance run: 0 violations, \d+ known quirks?, 0 errors, 0 skips, \d+ pass(es)? \(mock, API 2\.10, 2\.11, \d+ requests\)/,
    );
    expect(readdirSync(dir).sort()).toEqual(['conformance.json', 'junit.xml', 'report.html', 'summary.md']);
    // Not a TTY: quiet, but a final progress line (operations reached, requests, rate-limit budget left).
    expect(run.stderr).toMatch(
      /intercom-conformance run: 10\/10 operations · \d+ requests · rate limit \d+ remaining\n/,
    );
    const result = JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8'));
    expect(result.run).toMatchObject({
      target: 'mock',
      scenario: 'conformant',
      seed: 1,
      apiVersions: ['2.10', '2.11'],
    });
    expect(result.runtimeDiff.length).toBeGreaterThan(0);
    // In GitHub Actions the summary is appended to the step summary; no violation, no annotation.
    expect(readFileSync(stepSummary, 'utf8')).toBe(`${readFileSync(join(dir, 'summary.md'), 'utf8')}\n`);
    expect(run.stdout).not.toContain('::error');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Cross-version comparison');
  });

  it('exits 1 when the target violates the contract (the mock answering HTML error pages)', () => {
    const dir = tempDir();
    const run = spawnCli([
      'run',
      '--report-dir',
      dir,
      '--api-version',
      '2.11',
      '--scenario',
      'faults',
      '--conversations',
      '30',
      '--max-retries',
      '0',
      '--github',
    ]);
    expect(run.code, run.stderr).toBe(1);
    const result = JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8'));
    const failing = result.results.filter(
      (r: { outcome: string }) => r.outcome === 'fail' || r.outcome === 'error',
    );
    expect(failing.length).toBeGreaterThan(0);
    // --github: each violation group and each error as a workflow annotation, before the final line.
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning) title=/.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^intercom-conformance run: \d+ violations?, \d+ known quirks?, \d+ errors?, \d+ skips?, \d+ pass(es)? \(mock, API 2\.11, /,
    );
  });

  it('the contract suites also run under plain vitest with the same environment variables', () => {
    const dir = tempDir();
    const result = spawnSync(
      process.execPath,
      [
        join(packageRoot, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--config',
        'vitest.contract.config.ts',
      ],
      {
        cwd: packageRoot,
        env: {
          ...process.env,
          INTERCOM_CONFORMANCE_TARGET: 'mock',
          INTERCOM_CONFORMANCE_API_VERSIONS: '2.11',
          INTERCOM_CONFORMANCE_CONVERSATIONS: '30',
          INTERCOM_CONFORMANCE_REPORT_DIR: dir,
        },
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+.*\d+ passed/);
    expect(existsSync(join(dir, '.parts', '2.11.json'))).toBe(true);
  });
});
