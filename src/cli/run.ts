import { resolve } from 'node:path';
import { resolveBaseUrl } from '../client/regions.ts';
import { COVERED_OPERATIONS } from '../descriptions/operations.ts';
import type { RunResult } from '../model/result.ts';
import { parseCommandArgs } from '../options/parse.ts';
import { finalLine, githubEnabled, scrubSecrets, writeGithubOutput, writeReports } from '../report/index.ts';
import { createProgress } from '../report/progress.ts';
import { checkConfig, checkFolders, configFromValues, type RunConfig } from '../run/config.ts';
import { runConformance } from '../run/engine.ts';
import { exitCodeOf, failureReasons } from '../run/exit-code.ts';
import { exitCodeFor, onStopSignals } from '../run/interrupt.ts';
import { leftBehind } from '../run/partial.ts';
import { checkBaseUrl } from '../run/safe-url.ts';
import { checkTransportSecurity } from '../run/targets.ts';
import { oneLine, UserError } from '../util/errors.ts';
import { isCheckout } from '../util/paths.ts';
import { type CliIo, processIo } from './io.ts';

/** Flags override the environment (the variables of the option table), which overrides the defaults. */
function runConfigFromArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunConfig {
  const { values, positionals } = parseCommandArgs('run', argv, env);
  if (positionals.length > 0)
    throw new UserError(
      `run takes no arguments, not "${positionals[0]}" (intercom-conformance run --help lists the options)`,
    );
  for (const key of ['reportDir', 'record', 'cassettes'])
    if (typeof values[key] === 'string') values[key] = resolve(values[key] as string);
  const config = configFromValues(values);
  checkConfig(config);
  return config;
}

/**
 * `run`: checks the configuration (one-line errors, exit 2, before any request), runs the engine in this
 * process, writes the four reports and returns the exit code (`exitCodeOf`, after `--fail-on`). Interrupted
 * (SIGINT, SIGTERM), the engine stops, cleans up, and the reports are written marked partial; exit 130 (143).
 */
export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const config = runConfigFromArgs(argv);
  if (config.target === 'live') {
    // One-line refusals before any request: a base URL carrying a credential, plain http off loopback.
    if (config.baseUrl) checkBaseUrl(config.baseUrl);
    checkTransportSecurity(
      resolveBaseUrl({
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
        ...(config.region ? { region: config.region } : {}),
      }),
      config.allowInsecure,
    );
  }
  checkFolders(config);
  // In a checkout, generated/ follows the sources (the package ships its own, built when packed).
  if (isCheckout) await (await import('../generate/index.ts')).generate({ ifStale: true });
  const secrets = [config.token ?? ''].filter(Boolean);
  try {
    return await runAndReport(config, io);
  } catch (error) {
    // Whatever went wrong, the message printed never carries the token.
    throw new UserError(
      scrubSecrets(oneLine(error), secrets),
      error instanceof UserError ? error.exitCode : 1,
    );
  }
}

async function runAndReport(config: RunConfig, io: CliIo): Promise<number> {
  const stop = onStopSignals((signal, first) =>
    io.stderr(
      first
        ? `intercom-conformance run: ${signal} received: stopping, cleaning up (at most ${config.cleanupTimeoutMs} ms) and writing partial results\n`
        : `intercom-conformance run: ${signal} received: already stopping; the partial results are being written\n`,
    ),
  );
  // Progress on stderr: one redrawn line on a TTY; in CI logs a line at most every 10 s and a final summary.
  const progress = createProgress({
    stream: { write: (text: string) => io.stderr(text), columns: process.stderr.columns },
    isTTY: io === processIo && process.stderr.isTTY === true,
    total: config.apiVersions.length * COVERED_OPERATIONS.length,
    label: 'intercom-conformance run',
  });
  let result: RunResult;
  try {
    result = await runConformance(config, { signal: stop.signal, onProgress: progress.update });
  } finally {
    progress.done();
    stop.dispose();
  }
  const interrupted = stop.received;
  const secrets = [config.token ?? ''].filter(Boolean);
  const written = await writeReports(result, config.reportDir, { secrets });
  // GitHub-native output (annotations, $GITHUB_STEP_SUMMARY) with --github or in GitHub Actions.
  if (githubEnabled(config.github)) writeGithubOutput(result, { secrets, write: io.stdout });
  io.stdout(`${scrubSecrets(finalLine(result, written), secrets)}\n`);
  for (const line of leftBehind(result))
    io.stderr(`intercom-conformance run: LEFT IN THE WORKSPACE: ${line}\n`);
  if (interrupted) {
    io.stderr(
      `intercom-conformance run: interrupted by ${interrupted}: the reports hold partial results (run.partial: true)\n`,
    );
    return exitCodeFor(interrupted);
  }
  const reasons = failureReasons(result, config.failOn);
  if (reasons.length > 0)
    io.stderr(`intercom-conformance run: exit 1 (--fail-on ${config.failOn}): ${reasons.join(', ')}\n`);
  return exitCodeOf(result, config.failOn);
}
