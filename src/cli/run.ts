import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBaseUrl } from '../client/regions.ts';
import { parseVersionList } from '../descriptions/lock.ts';
import { COVERED_OPERATIONS } from '../descriptions/operations.ts';
import type { RunResult } from '../model/result.ts';
import { mergeResults, scrubSecrets, writeReports } from '../report/index.ts';
import { createProgress } from '../report/progress.ts';
import { checkConfig, configFromEnv, configToEnv, DEFAULTS, type RunConfig } from '../run/config.ts';
import { exitCodeOf, type FailOn, failureReasons, takeFailOn } from '../run/exit-code.ts';
import { exitCodeFor, interruptFile, onStopSignals, SIGNALS } from '../run/interrupt.ts';
import { emptyRunResult, leftBehind, markPartial } from '../run/partial.ts';
import { runtimeDiffOf, type Samples } from '../run/runtime-diff.ts';
import { checkBaseUrl } from '../run/safe-url.ts';
import { checkTransportSecurity } from '../run/targets.ts';
import { partsDir } from '../suite/define.ts';
import { readProgress } from '../suite/progress.ts';
import { oneLine, UserError } from '../util/errors.ts';
import { generatedDir, packageRoot } from '../util/paths.ts';
import type { CliIo } from './io.ts';

export const RUN_USAGE =
  'usage: intercom-conformance run [--api-version 2.10,2.11] [--target mock|live|replay] [--report-dir reports] [--seed 1] [--scenario conformant|documented|faults] [--conversations 200] [--per-page-overflow clamp|reject] [--record <dir>] [--cassettes <dir>] [--max-requests N] [--max-pages N] [--retrieve-sample N] [--timeout-ms N] [--max-retries N] [--max-wait-ms N] [--backoff-ms N] [--max-body-bytes N] [--concurrency N] [--no-pace] [--cleanup-timeout-ms N] [--no-redact] [--allow-insecure] [--fail-on error|violation|never]';

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
      'max-wait-ms': { type: 'string' },
      'backoff-ms': { type: 'string' },
      concurrency: { type: 'string' },
      'no-pace': { type: 'boolean' },
      'cleanup-timeout-ms': { type: 'string' },
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
  set('INTERCOM_CONFORMANCE_MAX_WAIT_MS', values['max-wait-ms']);
  set('INTERCOM_CONFORMANCE_BACKOFF_MS', values['backoff-ms']);
  set('INTERCOM_CONFORMANCE_CONCURRENCY', values.concurrency);
  set('INTERCOM_CONFORMANCE_CLEANUP_TIMEOUT_MS', values['cleanup-timeout-ms']);
  if (values['no-pace']) merged.INTERCOM_CONFORMANCE_PACE = '0';
  if (values['no-redact']) merged.INTERCOM_CONFORMANCE_REDACT = '0';
  if (values['allow-insecure']) merged.INTERCOM_ALLOW_INSECURE = '1';
  merged.INTERCOM_CONFORMANCE_REPORT_DIR = resolve(
    merged.INTERCOM_CONFORMANCE_REPORT_DIR || DEFAULTS.reportDir,
  );
  if (values['api-version']) parseVersionList(values['api-version']);
  return configFromEnv(merged);
}

/** The parts the suites wrote; a part that cannot be read (a suite killed mid-write) is left out. */
function readParts(dir: string, versions: string[]): RunResult[] {
  return versions.flatMap((v) => {
    const file = join(dir, `${v}.json`);
    if (!existsSync(file)) return [];
    try {
      return [JSON.parse(readFileSync(file, 'utf8')) as RunResult];
    } catch {
      return [];
    }
  });
}

/** Extra time the command waits for the suites after Ctrl-C, beyond the cleanup timeout. */
const INTERRUPT_GRACE_MS = 10_000;

/**
 * Runs the suite files through vitest. Vitest's own SIGINT/SIGTERM handlers exit the process at once; they are
 * removed, so that an interruption lets the suites clean up and the command still writes the reports.
 */
async function runSuites(files: string[]): Promise<{ done: Promise<void>; close(): Promise<void> }> {
  const { createVitest } = await import('vitest/node');
  process.env.TEST ??= 'true';
  process.env.VITEST ??= 'true';
  process.env.NODE_ENV ??= 'test';
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const vitest = await createVitest('test', {
    config: join(packageRoot, 'vitest.contract.config.ts'),
    root: packageRoot,
    run: true,
    watch: false,
    reporters: [process.stdout.isTTY ? 'default' : 'dot'],
  });
  for (const s of SIGNALS)
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l as () => void);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= vitest.close().catch(() => {});
    return closing;
  };
  const done = vitest.start(files).then(
    () => close(),
    () => close(),
  );
  return { done, close };
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * `run`: checks the configuration (one-line errors before any test starts), runs the contract suites through
 * vitest programmatically, merges the per-version parts and writes the reports. Exit 1 on any violation.
 * Interrupted (Ctrl-C, SIGTERM), the suites stop, clean up and write what they have; the reports are written
 * marked partial, and the exit code is 130 (143 for SIGTERM).
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { failOn, rest } = takeFailOn(argv);
  const config = runConfigFromArgs(rest);
  checkConfig(config);
  if (config.target === 'live') {
    // One-line refusals before any suite starts: a base URL carrying a credential, plain http off loopback.
    if (config.baseUrl) checkBaseUrl(config.baseUrl);
    checkTransportSecurity(
      resolveBaseUrl({
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        ...(config.region ? { region: config.region } : {}),
      }),
      config.allowInsecure,
    );
  }
  const secrets = [config.token ?? ''].filter(Boolean);
  try {
    return await runAndReport(config, io, failOn);
  } catch (error) {
    // Whatever went wrong, the message printed never carries the token.
    throw new UserError(
      scrubSecrets(oneLine(error), secrets),
      error instanceof UserError ? error.exitCode : 1,
    );
  }
}

async function runAndReport(config: RunConfig, io: CliIo, failOn: FailOn): Promise<number> {
  const startedAt = new Date().toISOString();
  const parts = partsDir(config.reportDir);
  rmSync(parts, { recursive: true, force: true });
  mkdirSync(parts, { recursive: true });
  const stop = onStopSignals(interruptFile(parts));
  const env = configToEnv(config);
  Object.assign(process.env, env);
  const files = config.apiVersions.map((v) => join(generatedDir(), 'suites', `${v}.suite.ts`));
  // Progress on stderr: one redrawn line on a TTY; in CI logs a line at most every 10 s and a final summary.
  const progress = createProgress({
    stream: process.stderr,
    isTTY: process.stderr.isTTY === true,
    total: config.apiVersions.length * COVERED_OPERATIONS.length,
    label: 'intercom-conformance run',
  });
  const poll = setInterval(() => progress.update(readProgress(parts)), 250);
  try {
    // Interrupted while vitest starts, the suites see the interrupt file at once and stop just as quickly.
    const suites = await runSuites(files);
    const first = await Promise.race([suites.done.then(() => undefined), stop.stopped]);
    if (first) {
      io.stderr(
        `intercom-conformance run: ${first} received: stopping, cleaning up and writing partial results (again to stop waiting)\n`,
      );
      await Promise.race([suites.done, stop.forced, delay(config.cleanupTimeoutMs + INTERRUPT_GRACE_MS)]);
      await Promise.race([suites.close(), delay(5_000)]);
    }
  } finally {
    clearInterval(poll);
    progress.update(readProgress(parts));
    progress.done();
    stop.dispose();
  }
  const interrupted = stop.received;
  const results = readParts(parts, config.apiVersions);
  if (results.length === 0 && !interrupted) {
    io.stderr('intercom-conformance run: the suites produced no results (see the vitest output above)\n');
    rmSync(parts, { recursive: true, force: true });
    return 1;
  }
  let merged =
    results.length === 0
      ? emptyRunResult(config, startedAt)
      : results.length === 1
        ? results[0]!
        : mergeResults(results);
  if (interrupted || results.length < config.apiVersions.length) merged = markPartial(merged);
  const samples = config.apiVersions
    .map((apiVersion) => ({ apiVersion, file: join(parts, `${apiVersion}.samples.json`) }))
    .filter((s) => existsSync(s.file))
    .flatMap((s) => {
      try {
        return [{ apiVersion: s.apiVersion, samples: JSON.parse(readFileSync(s.file, 'utf8')) as Samples }];
      } catch {
        return [];
      }
    });
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
  for (const line of leftBehind(merged))
    io.stderr(`intercom-conformance run: LEFT IN THE WORKSPACE: ${line}\n`);
  if (interrupted) {
    io.stderr(
      `intercom-conformance run: interrupted by ${interrupted}: the reports hold partial results (run.partial: true)\n`,
    );
    return exitCodeFor(interrupted);
  }
  if (readdirSync(config.reportDir).length === 0) return 1;
  const reasons = failureReasons(merged, failOn);
  if (reasons.length > 0)
    io.stderr(`intercom-conformance run: exit 1 (--fail-on ${failOn}): ${reasons.join(', ')}\n`);
  return exitCodeOf(merged, failOn);
}
