import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { hasViolations, type RunResult } from '../model/result.ts';
import { mergeResults, writeReports } from '../report/index.ts';
import { checkConfig, configFromEnv, configToEnv, DEFAULTS, type RunConfig } from '../run/config.ts';
import { runtimeDiffOf, type Samples } from '../run/runtime-diff.ts';
import { parseVersionList } from '../spec/lock.ts';
import { partsDir } from '../suite/define.ts';
import { UserError } from '../util/errors.ts';
import { generatedDir, packageRoot } from '../util/paths.ts';
import type { CliIo } from './io.ts';

export const RUN_USAGE =
  'usage: intercom-conformance run [--api-version 2.10,2.11] [--target mock|live|replay] [--report-dir reports] [--seed 1] [--scenario conformant|documented|faults] [--record <dir>] [--cassettes <dir>] [--max-requests N] [--max-pages N] [--retrieve-sample N] [--no-redact] [--allow-insecure]';

/** Flags override the environment (INTERCOM_* variables), which overrides the defaults. */
export function runConfigFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunConfig {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      'api-version': { type: 'string' },
      target: { type: 'string' },
      'report-dir': { type: 'string' },
      seed: { type: 'string' },
      scenario: { type: 'string' },
      conversations: { type: 'string' },
      'per-page-overflow': { type: 'string' },
      record: { type: 'string' },
      cassettes: { type: 'string' },
      'max-requests': { type: 'string' },
      'max-pages': { type: 'string' },
      'retrieve-sample': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'max-retries': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'no-redact': { type: 'boolean' },
      'allow-insecure': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (positionals.length > 0) throw new UserError(RUN_USAGE);
  const merged: NodeJS.ProcessEnv = { ...env };
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined) merged[key] = value;
  };
  set('INTERCOM_CONFORMANCE_API_VERSIONS', values['api-version']);
  set('INTERCOM_CONFORMANCE_TARGET', values.target);
  set('INTERCOM_CONFORMANCE_REPORT_DIR', values['report-dir']);
  set('INTERCOM_CONFORMANCE_SEED', values.seed);
  set('INTERCOM_CONFORMANCE_SCENARIO', values.scenario);
  set('INTERCOM_CONFORMANCE_CONVERSATIONS', values.conversations);
  set('INTERCOM_CONFORMANCE_PER_PAGE_OVERFLOW', values['per-page-overflow']);
  set('INTERCOM_CONFORMANCE_RECORD', values.record && resolve(values.record));
  set('INTERCOM_CONFORMANCE_CASSETTES', values.cassettes && resolve(values.cassettes));
  set('INTERCOM_CONFORMANCE_MAX_REQUESTS', values['max-requests']);
  set('INTERCOM_CONFORMANCE_MAX_PAGES', values['max-pages']);
  set('INTERCOM_CONFORMANCE_RETRIEVE_SAMPLE', values['retrieve-sample']);
  set('INTERCOM_CONFORMANCE_TIMEOUT_MS', values['timeout-ms']);
  set('INTERCOM_CONFORMANCE_MAX_RETRIES', values['max-retries']);
  set('INTERCOM_CONFORMANCE_MAX_BODY_BYTES', values['max-body-bytes']);
  if (values['no-redact']) merged.INTERCOM_CONFORMANCE_REDACT = '0';
  if (values['allow-insecure']) merged.INTERCOM_ALLOW_INSECURE = '1';
  merged.INTERCOM_CONFORMANCE_REPORT_DIR = resolve(
    merged.INTERCOM_CONFORMANCE_REPORT_DIR || DEFAULTS.reportDir,
  );
  if (values['api-version']) parseVersionList(values['api-version']);
  return configFromEnv(merged);
}

function readParts(dir: string, versions: string[]): RunResult[] {
  return versions
    .map((v) => join(dir, `${v}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as RunResult);
}

/**
 * `run`: checks the configuration (one-line errors before any test starts), runs the contract suites through
 * vitest programmatically, merges the per-version parts and writes the reports. Exit 1 on any violation.
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const config = runConfigFromArgs(argv);
  checkConfig(config);
  const parts = partsDir(config.reportDir);
  rmSync(parts, { recursive: true, force: true });
  const env = configToEnv(config);
  Object.assign(process.env, env);
  const files = config.apiVersions.map((v) => join(generatedDir(), 'suites', `${v}.suite.ts`));
  const { startVitest } = await import('vitest/node');
  const vitest = await startVitest('test', files, {
    config: join(packageRoot, 'vitest.contract.config.ts'),
    root: packageRoot,
    run: true,
    watch: false,
    reporters: [process.stdout.isTTY ? 'default' : 'dot'],
  });
  await vitest?.close();
  const results = readParts(parts, config.apiVersions);
  if (results.length === 0) {
    io.stderr('intercom-conformance run: the suites produced no results (see the vitest output above)\n');
    return 1;
  }
  const merged = results.length === 1 ? results[0]! : mergeResults(results);
  const samples = config.apiVersions
    .map((apiVersion) => ({ apiVersion, file: join(parts, `${apiVersion}.samples.json`) }))
    .filter((s) => existsSync(s.file))
    .map((s) => ({ apiVersion: s.apiVersion, samples: JSON.parse(readFileSync(s.file, 'utf8')) as Samples }));
  if (samples.length >= 2) merged.runtimeDiff = runtimeDiffOf(samples);
  const secrets = [config.token ?? ''].filter(Boolean);
  const written = await writeReports(merged, config.reportDir, { secrets });
  rmSync(parts, { recursive: true, force: true });
  const counts = merged.results.reduce(
    (acc, r) => {
      acc[r.outcome]++;
      return acc;
    },
    { pass: 0, fail: 0, error: 0, skip: 0 },
  );
  io.stdout(
    `intercom-conformance run: ${counts.pass} passed, ${counts.fail} failed, ${counts.error} errors, ${counts.skip} skipped ` +
      `(${merged.run.target}, API ${config.apiVersions.join(', ')}, ${merged.run.requestCount} requests); reports: ${written.map((f) => f.replace(`${process.cwd()}/`, '')).join(', ')}\n`,
  );
  if (readdirSync(config.reportDir).length === 0) return 1;
  return hasViolations(merged) ? 1 : 0;
}
