import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { parseVersionList } from '../descriptions/lock.ts';
import { DEFAULT_RUN_VERSIONS } from '../descriptions/versions.ts';
import type { SearchRequest } from '../model/search.ts';
import { type OptionValues, parseCommandArgs } from '../options/parse.ts';
import { defaultsOf } from '../options/table.ts';
import { parseSearchQuery } from '../search/user-query.ts';
import { UserError } from '../util/errors.ts';

/** A search the user passed, as each selected API version reads it. */
export interface UserSearchQuery {
  file: string;
  byVersion: Record<string, SearchRequest>;
}

/** Largest query file read (a query holds at most 15 filters a group, two levels deep: a few KB). */
const MAX_QUERY_FILE_BYTES = 64 * 1024;

/**
 * Reads the `--search-query` files and checks each against every selected version's query language: a file
 * that cannot be read, is not JSON or is not a valid query is one line (exit 2), before any request.
 */
function readSearchQueries(files: readonly string[], apiVersions: readonly string[]): UserSearchQuery[] {
  return files.map((file) => {
    let text: string;
    try {
      if (statSync(file).size > MAX_QUERY_FILE_BYTES)
        throw new UserError(`--search-query ${file}: larger than ${MAX_QUERY_FILE_BYTES} bytes`);
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof UserError) throw error;
      throw new UserError(`--search-query ${file}: cannot read it (${errnoOf(error)})`);
    }
    const byVersion: Record<string, SearchRequest> = {};
    for (const v of apiVersions) {
      const parsed = parseSearchQuery(text, v, `--search-query ${file}`);
      if (!parsed.ok) {
        // JSON is JSON in every version; only the query language differs between versions.
        const json = parsed.message.includes(': not valid JSON (');
        throw new UserError(`${parsed.message}${apiVersions.length > 1 && !json ? ` (API ${v})` : ''}`);
      }
      byVersion[v] = parsed.request;
    }
    return { file, byVersion };
  });
}

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
  /** The user's own searches (`--search-query <file>`), read and checked against every selected version. */
  searchQueries?: UserSearchQuery[];
  /** How far ahead the state round trip snoozes its conversation (minutes). */
  snoozeMinutes: number;
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
    snoozeMinutes: v.snoozeMinutes,
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
  const files = values.searchQueries as string[] | undefined;
  if (files && files.length > 0) config.searchQueries = readSearchQueries(files, config.apiVersions);
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
