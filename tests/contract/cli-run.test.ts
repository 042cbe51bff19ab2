import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/model/result.ts';
import { exitCodeOf } from '../../src/run/exit-code.ts';
import { packageRoot } from '../../src/util/paths.ts';
import { runCli, spawnCli } from '../helpers/cli.ts';
import { tempDir } from '../helpers/env.ts';
import { timeless } from '../helpers/run.ts';

const readResult = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'conformance.json'), 'utf8')) as RunResult;

/**
 * What two runs of the same configuration share: everything but times and the shard count. The state round
 * trip snoozes until a time on the mock's clock, which every earlier write moved on (a version run in its own
 * suite process saw fewer writes before it): that time is a time too.
 */
const comparable = (r: RunResult) => ({
  results: timeless(r).results.map((x) =>
    x.checkId === 'state-round-trip' && x.observations
      ? { ...x, observations: { ...x.observations, snoozedUntil: 0 } }
      : x,
  ),
  matrix: r.matrix,
  coverage: r.coverage,
  perPage: r.perPage,
  specDefects: r.specDefects,
  requestCount: r.run.requestCount,
});

/** `run` end to end, as a user types it: the engine in the CLI process, reports written, exit code. */
describe('intercom-conformance run', { timeout: 150_000 }, () => {
  it('runs both versions against the mock, writes the four reports, exits 0 without violations', () => {
    const dir = tempDir();
    const stepSummary = join(tempDir(), 'step-summary.md');
    const run = spawnCli(
      ['run', '--api-version', '2.10,2.11', '--report-dir', dir, '--conversations', '60'],
      {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /intercom-conformance run: 0 violations, \d+ known quirks?, 0 errors, 0 skips, \d+ pass(es)? \(mock, API 2\.10, 2\.11, \d+ requests\)/,
    );
    // Nothing else in the report folder: no part files, no progress files for a plain run.
    expect(readdirSync(dir).sort()).toEqual(['conformance.json', 'junit.xml', 'report.html', 'summary.md']);
    // Not a TTY: quiet, but a final progress line (operations reached, requests, rate-limit budget left).
    expect(run.stderr).toMatch(
      /intercom-conformance run: 14\/14 operations · \d+ requests · rate limit \d+ remaining\n/,
    );
    const result = readResult(dir);
    expect(result.run).toMatchObject({
      target: 'mock',
      scenario: 'conformant',
      seed: 1,
      apiVersions: ['2.10', '2.11'],
    });
    expect(result.runtimeDiff!.length).toBeGreaterThan(0);
    // In GitHub Actions the summary is appended to the step summary; no violation, no annotation.
    expect(readFileSync(stepSummary, 'utf8')).toBe(`${readFileSync(join(dir, 'summary.md'), 'utf8')}\n`);
    expect(run.stdout).not.toContain('::error');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Cross-version comparison');
  });

  it('exits 1 when the target violates the contract; --fail-on softens the gate', async () => {
    const argv = (dir: string) => [
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
    ];
    const dir = tempDir();
    const run = await runCli(argv(dir));
    expect(run.code, run.stderr).toBe(1);
    const result = readResult(dir);
    // --github: each violation group and each error as a workflow annotation, before the final line.
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning) title=/.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^intercom-conformance run: \d+ violations?, \d+ known quirks?, \d+ errors?, \d+ skips?, \d+ pass(es)? \(mock, API 2\.11, /,
    );
    expect(result.results.some((r) => r.outcome === 'fail' || r.outcome === 'error')).toBe(true);
    // The gate of --fail-on, on this very result.
    expect(exitCodeOf(result, 'error')).toBe(1);
    expect(exitCodeOf(result, 'never')).toBe(0);
    const errorsOnly = {
      ...result,
      results: result.results.filter(
        (r) => r.outcome !== 'fail' && !/^could not (remove|verify)/.test(r.reason ?? ''),
      ),
    };
    expect(exitCodeOf(errorsOnly, 'error')).toBe(
      errorsOnly.results.some((r) => r.outcome === 'error') ? 1 : 0,
    );
    expect(exitCodeOf(errorsOnly, 'violation')).toBe(0);
  });
});

describe('configuration errors: one line, exit 2, before any request', () => {
  const base = tempDir('ic-config-');
  const file = join(base, 'a-file');
  writeFileSync(file, 'x');
  const readOnly = join(base, 'read-only');
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o500);
  const asRoot = process.getuid?.() === 0;
  const notJson = join(base, 'not-json.json');
  writeFileSync(notJson, '{ "query": { "field": "state", ');
  const badOperator = join(base, 'bad-operator.json');
  writeFileSync(badOperator, JSON.stringify({ field: 'state', operator: 'LIKE', value: 'open' }));
  const tooDeep = join(base, 'too-deep.json');
  const leaf = { field: 'id', operator: '=', value: '1' };
  writeFileSync(
    tooDeep,
    JSON.stringify({
      query: { operator: 'AND', value: [{ operator: 'OR', value: [{ operator: 'AND', value: [leaf] }] }] },
    }),
  );

  it.each([
    [
      ['--report-dir', join(file, 'reports')],
      /^--report-dir .*a-file\/reports: cannot write there \(ENOTDIR\)$/,
    ],
    [['--report-dir', file], /^--report-dir .*a-file: cannot write there \((EEXIST|ENOTDIR)\)$/],
    [['--target', 'replay', '--cassettes', join(base, 'missing')], /^--cassettes .*missing: no such folder$/],
    [['--target', 'replay', '--cassettes', file], /^--cassettes .*a-file: not a folder$/],
    [
      ['--conversations', '100001'],
      /^--conversations must be a whole number from 1 to 100000 \(got "100001"\)$/,
    ],
    [['--conversations', '0'], /^--conversations must be a whole number from 1 to 100000 \(got "0"\)$/],
    [['--api-version', ''], /^--api-version needs at least one API version$/],
    [['--api-version', '2.99'], /^unknown API version "2\.99"/],
    [['--bogus'], /^Unknown option '--bogus' \(intercom-conformance run --help lists the options\)$/],
    [['--bogus=1'], /^Unknown option '--bogus' /],
    [['--max-retries', 'three'], /^--max-retries must be a whole number from 0 to 100 \(got "three"\)$/],
    [['--timeout-ms', '-5'], /^--timeout-ms needs a value$|^--timeout-ms must be a whole number/],
    [['--concurrency', '65'], /^--concurrency must be a whole number from 1 to 64 \(got "65"\)$/],
    [['--target', 'staging'], /^unknown --target "staging" \(mock, live, replay\)$/],
    [['--fail-on', 'warning'], /^unknown --fail-on "warning" \(error, violation, never\)$/],
    [['--no-pace=0'], /^--no-pace takes no value$/],
    [['--seed', '1', '--seed', '2'], /^--seed is given twice$/],
    [['extra'], /^run takes no arguments, not "extra"/],
    [['--target', 'replay'], /^--target replay needs --cassettes <dir>/],
    [['--target', 'live'], /^--target live needs INTERCOM_ACCESS_TOKEN/],
    [['--record', base], /^--record works with --target live only$/],
    [
      ['--search-query', join(base, 'missing.json')],
      /^--search-query .*missing\.json: cannot read it \(ENOENT\)$/,
    ],
    [['--search-query', notJson], /^--search-query .*not-json\.json: not valid JSON \(.+\)$/],
    [
      ['--search-query', badOperator, '--api-version', '2.16'],
      /^--search-query .*bad-operator\.json: .*LIKE.* at \/operator\)$/,
    ],
    [
      ['--search-query', tooDeep, '--api-version', '2.11'],
      /^--search-query .*too-deep\.json: .*\(search-nesting-depth at .+\)$/,
    ],
  ])('run %j', async (argv, message) => {
    const run = await runCli(['run', ...(argv as string[])]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    const line = run.stderr.replace(/^intercom-conformance run: /, '');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(line.trimEnd()).toMatch(message);
  });

  it.skipIf(asRoot)('an unwritable --report-dir', async () => {
    const run = await runCli(['run', '--report-dir', join(readOnly, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--report-dir .*read-only\/reports: cannot write there \(EACCES\)\n$/);
  });

  it('a bad variable is named, for the vitest suites and for run alike', async () => {
    const saved = process.env.INTERCOM_CONFORMANCE_MAX_PAGES;
    process.env.INTERCOM_CONFORMANCE_MAX_PAGES = 'lots';
    try {
      const run = await runCli(['run']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'intercom-conformance run: INTERCOM_CONFORMANCE_MAX_PAGES must be a whole number from 1 to 100000 (got "lots")\n',
      );
      // a flag wins over the variable
      expect((await runCli(['run', '--max-pages', '0'])).stderr).toContain('--max-pages must be');
    } finally {
      if (saved === undefined) delete process.env.INTERCOM_CONFORMANCE_MAX_PAGES;
      else process.env.INTERCOM_CONFORMANCE_MAX_PAGES = saved;
    }
  });

  it('sends no request: a live run against a counting server with a bad --report-dir', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const saved = { ...process.env };
    Object.assign(process.env, {
      INTERCOM_ACCESS_TOKEN: 'tok_config_errors_1234',
      INTERCOM_BASE_URL: `http://127.0.0.1:${port}`,
    });
    try {
      const run = await runCli(['run', '--target', 'live', '--report-dir', join(file, 'x')]);
      expect(run.code).toBe(2);
      expect(requests).toBe(0);
    } finally {
      process.env = saved;
      await new Promise((r) => server.close(r));
    }
  });
});

describe('the vitest adapter and the merge recipe', { timeout: 240_000 }, () => {
  it('the suites run under plain vitest from the environment, give the CLI results, and merge as the README says', async () => {
    const env = {
      INTERCOM_CONFORMANCE_TARGET: 'mock',
      INTERCOM_CONFORMANCE_API_VERSIONS: '2.10,2.11',
      INTERCOM_CONFORMANCE_CONVERSATIONS: '30',
    };
    const suites = tempDir('ic-adapter-');
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
        env: { ...process.env, ...env, INTERCOM_CONFORMANCE_REPORT_DIR: suites },
        encoding: 'utf8',
        timeout: 200_000,
      },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+.*\d+ passed/);
    expect(readdirSync(join(suites, 'parts')).sort()).toEqual(['2.10.json', '2.11.json']);

    // The README's recipe, as written (the shell expands the glob).
    const merged = tempDir('ic-merged-');
    const sh = spawnSync(
      'sh',
      ['-c', `npx intercom-conformance report merge ${suites}/parts/*.json --out ${merged}`],
      { cwd: packageRoot, encoding: 'utf8', timeout: 120_000 },
    );
    expect(sh.status, sh.stderr).toBe(0);
    expect(sh.stdout).toContain('merged 2 shards');

    // The same configuration through the CLI: the same results.
    const cliDir = tempDir('ic-cli-');
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      expect((await runCli(['run', '--report-dir', cliDir])).code).toBe(0);
    } finally {
      process.env = saved;
    }
    expect(comparable(readResult(merged))).toEqual(comparable(readResult(cliDir)));

    // The same shard twice is refused, by path and as a copy.
    const twice = await runCli([
      'report',
      'merge',
      join(suites, 'parts', '2.11.json'),
      join(suites, 'parts', '2.11.json'),
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/2\.11\.json is given twice .*: each shard is merged once\n$/);
    const copy = join(tempDir(), 'copy.json');
    writeFileSync(copy, readFileSync(join(suites, 'parts', '2.11.json')));
    const copied = await runCli([
      'report',
      'merge',
      join(suites, 'parts', '2.11.json'),
      copy,
      '--out',
      tempDir(),
    ]);
    expect(copied.code).toBe(2);
    expect(copied.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(copied.stderr).toContain('are the same shard');
  });
});
