import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { parseVersionList } from '../descriptions/lock.ts';
import { DEFAULT_RUN_VERSIONS } from '../descriptions/versions.ts';
import { type OptionValues, parseCommandArgs } from '../options/parse.ts';
import { defaultsOf } from '../options/table.ts';
import { UserError } from '../util/errors.ts';

export type TargetKind = 'mock' | 'live' | 'replay';

/** Everything a conformance run needs; built from CLI flags or from environment variables (for `npx vitest`). */
export interface RunConfig {
  apiVersions: string[];
  target: TargetKind;
  /** What makes the exit code 1: violations, errors and leftovers (`error`), violations only, or never. */
  failOn: FailOn;
  /** Mock target: scenario, seed, workspace size, per_page overflow behaviour. */
  scenario: 'conformant' | 'documented' | 'faults';
  seed: number;
  conversations: number;
  perPageOverflow: 'reject' | 'clamp';
  /** Live target. */
  token?: string;
  baseUrl?: string;
  region?: string;
  allowInsecure: boolean;
  allowWrites: boolean;
  sandboxAppId?: string;
  testTagId?: string;
  adminId?: string;
  /** Record cassettes of a live run into this directory. */
  record?: string;
  /** Replay target: the cassettes. */
  cassettes?: string;
  maxRequests: number;
  maxPages: number;
  retrieveSample: number;
  timeoutMs: number;
  maxBodyBytes: number;
  maxRetries: number;
  /** Longest single wait honoured: Retry-After, a rate-limit reset, a backoff step (ms). */
  maxWaitMs: number;
  /** First step of the exponential backoff between retries (ms, doubled each attempt, with jitter). */
  backoffMs: number;
  /** Requests in flight at once (the retrieves run concurrently). */
  concurrency: number;
  /** Pace requests from X-RateLimit-Remaining / X-RateLimit-Reset instead of running into 429s. */
  pace: boolean;
  /** Time the tag cleanup may take, also after an interruption (ms). */
  cleanupTimeoutMs: number;
  redact: boolean;
  /** GitHub-native output (annotations, step summary); also on when GITHUB_ACTIONS=true. */
  github: boolean;
  reportDir: string;
}

import type { FailOn } from '../model/result.ts';

export type { FailOn } from '../model/result.ts';

/** The run's defaults, from the option table (the one place they are written). */
export const RUN_DEFAULTS = defaultsOf('run');

/** A RunConfig from the values parsed by the option table (flags, variables, defaults). */
export function configFromValues(values: OptionValues): RunConfig {
  // The table guarantees the types and the defaults of these keys (tests/options checks every key).
  const v = values as unknown as RunConfig;
  const opt = <K extends keyof RunConfig>(key: K) =>
    values[key] !== undefined ? ({ [key]: values[key] } as Pick<RunConfig, K>) : {};
  const config: RunConfig = {
    apiVersions: (values.apiVersions as string[] | undefined) ?? parseVersionList(DEFAULT_RUN_VERSIONS),
    target: v.target,
    failOn: v.failOn,
    scenario: v.scenario,
    seed: v.seed,
    conversations: v.conversations,
    perPageOverflow: v.perPageOverflow,
    ...opt('token'),
    ...opt('baseUrl'),
    ...opt('region'),
    allowInsecure: v.allowInsecure,
    allowWrites: v.allowWrites,
    ...opt('sandboxAppId'),
    ...opt('testTagId'),
    ...opt('adminId'),
    ...opt('record'),
    ...opt('cassettes'),
    maxRequests: v.maxRequests,
    maxPages: v.maxPages,
    retrieveSample: v.retrieveSample,
    timeoutMs: v.timeoutMs,
    maxBodyBytes: v.maxBodyBytes,
    maxRetries: v.maxRetries,
    maxWaitMs: v.maxWaitMs,
    backoffMs: v.backoffMs,
    concurrency: v.concurrency,
    pace: v.pace,
    cleanupTimeoutMs: v.cleanupTimeoutMs,
    redact: v.redact,
    github: v.github === true,
    reportDir: v.reportDir,
  };
  return config;
}

/**
 * The configuration of a run from environment variables alone (the vitest suites, `npx vitest --config
 * vitest.contract.config.ts`): the same table, names and checks as the flags of `run`.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const config = configFromValues(parseCommandArgs('run', [], env).values);
  checkConfig(config);
  return config;
}

/** One-line errors for what cannot work, before any test starts. */
export function checkConfig(config: RunConfig): void {
  if (config.target === 'live' && !config.token) {
    throw new UserError(
      '--target live needs INTERCOM_ACCESS_TOKEN (an access token of your sandbox workspace)',
    );
  }
  if (config.target === 'replay' && !config.cassettes) {
    throw new UserError(
      '--target replay needs --cassettes <dir> (recorded with run --target live --record <dir>)',
    );
  }
  if (config.record && config.target !== 'live')
    throw new UserError('--record works with --target live only');
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/**
 * One-line errors for folders that cannot work, before any request: the report folder (and the recording
 * folder) must be writable, the cassettes folder must exist.
 */
export function checkFolders(config: RunConfig): void {
  const writable = (dir: string, flag: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
      if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    } catch (error) {
      throw new UserError(`${flag} ${dir}: cannot write there (${errnoOf(error)})`);
    }
  };
  writable(config.reportDir, '--report-dir');
  if (config.record) writable(config.record, '--record');
  if (config.cassettes) {
    if (!existsSync(config.cassettes)) throw new UserError(`--cassettes ${config.cassettes}: no such folder`);
    if (!statSync(config.cassettes).isDirectory())
      throw new UserError(`--cassettes ${config.cassettes}: not a folder`);
  }
}
