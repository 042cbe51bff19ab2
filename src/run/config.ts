import { parseVersionList } from '../descriptions/lock.ts';
import { DEFAULT_RUN_VERSIONS } from '../descriptions/versions.ts';
import { UserError } from '../util/errors.ts';

export type TargetKind = 'mock' | 'live' | 'replay';

/** Everything a conformance run needs; built from CLI flags or from environment variables (for `npx vitest`). */
export interface RunConfig {
  apiVersions: string[];
  target: TargetKind;
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
  reportDir: string;
}

export const DEFAULTS = {
  target: 'mock' as TargetKind,
  scenario: 'conformant' as const,
  seed: 1,
  conversations: 200,
  perPageOverflow: 'clamp' as const,
  maxRequests: 2000,
  maxPages: 50,
  retrieveSample: 25,
  timeoutMs: 30_000,
  maxBodyBytes: 20 * 1024 * 1024,
  maxRetries: 3,
  maxWaitMs: 60_000,
  backoffMs: 250,
  concurrency: 4,
  pace: true,
  cleanupTimeoutMs: 15_000,
  reportDir: 'reports',
};

function int(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new UserError(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  return Number(value);
}

function oneOf<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T))
    throw new UserError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** Environment variables of a run (the CLI sets them for the vitest suites it starts). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RunConfig {
  const target = oneOf(
    env.INTERCOM_CONFORMANCE_TARGET,
    'target',
    ['mock', 'live', 'replay'] as const,
    DEFAULTS.target,
  );
  const config: RunConfig = {
    apiVersions: parseVersionList(env.INTERCOM_CONFORMANCE_API_VERSIONS || DEFAULT_RUN_VERSIONS),
    target,
    scenario: oneOf(
      env.INTERCOM_CONFORMANCE_SCENARIO,
      'scenario',
      ['conformant', 'documented', 'faults'] as const,
      DEFAULTS.scenario,
    ),
    seed: int(env.INTERCOM_CONFORMANCE_SEED, 'seed', DEFAULTS.seed),
    conversations: int(env.INTERCOM_CONFORMANCE_CONVERSATIONS, 'conversations', DEFAULTS.conversations, 1),
    perPageOverflow: oneOf(
      env.INTERCOM_CONFORMANCE_PER_PAGE_OVERFLOW,
      'per-page-overflow',
      ['reject', 'clamp'] as const,
      DEFAULTS.perPageOverflow,
    ),
    ...(env.INTERCOM_ACCESS_TOKEN ? { token: env.INTERCOM_ACCESS_TOKEN } : {}),
    ...(env.INTERCOM_BASE_URL ? { baseUrl: env.INTERCOM_BASE_URL } : {}),
    ...(env.INTERCOM_REGION ? { region: env.INTERCOM_REGION } : {}),
    allowInsecure: env.INTERCOM_ALLOW_INSECURE === '1',
    allowWrites: env.INTERCOM_ALLOW_WRITES === '1',
    ...(env.INTERCOM_SANDBOX_APP_ID ? { sandboxAppId: env.INTERCOM_SANDBOX_APP_ID } : {}),
    ...(env.INTERCOM_TEST_TAG_ID ? { testTagId: env.INTERCOM_TEST_TAG_ID } : {}),
    ...(env.INTERCOM_ADMIN_ID ? { adminId: env.INTERCOM_ADMIN_ID } : {}),
    ...(env.INTERCOM_CONFORMANCE_RECORD ? { record: env.INTERCOM_CONFORMANCE_RECORD } : {}),
    ...(env.INTERCOM_CONFORMANCE_CASSETTES ? { cassettes: env.INTERCOM_CONFORMANCE_CASSETTES } : {}),
    maxRequests: int(env.INTERCOM_CONFORMANCE_MAX_REQUESTS, 'max-requests', DEFAULTS.maxRequests, 1),
    maxPages: int(env.INTERCOM_CONFORMANCE_MAX_PAGES, 'max-pages', DEFAULTS.maxPages, 1),
    retrieveSample: int(
      env.INTERCOM_CONFORMANCE_RETRIEVE_SAMPLE,
      'retrieve-sample',
      DEFAULTS.retrieveSample,
      1,
    ),
    timeoutMs: int(env.INTERCOM_CONFORMANCE_TIMEOUT_MS, 'timeout-ms', DEFAULTS.timeoutMs, 1),
    maxBodyBytes: int(env.INTERCOM_CONFORMANCE_MAX_BODY_BYTES, 'max-body-bytes', DEFAULTS.maxBodyBytes, 1),
    maxRetries: int(env.INTERCOM_CONFORMANCE_MAX_RETRIES, 'max-retries', DEFAULTS.maxRetries),
    maxWaitMs: int(env.INTERCOM_CONFORMANCE_MAX_WAIT_MS, 'max-wait-ms', DEFAULTS.maxWaitMs),
    backoffMs: int(env.INTERCOM_CONFORMANCE_BACKOFF_MS, 'backoff-ms', DEFAULTS.backoffMs),
    concurrency: int(env.INTERCOM_CONFORMANCE_CONCURRENCY, 'concurrency', DEFAULTS.concurrency, 1),
    pace: env.INTERCOM_CONFORMANCE_PACE !== '0',
    cleanupTimeoutMs: int(
      env.INTERCOM_CONFORMANCE_CLEANUP_TIMEOUT_MS,
      'cleanup-timeout-ms',
      DEFAULTS.cleanupTimeoutMs,
      1,
    ),
    redact: env.INTERCOM_CONFORMANCE_REDACT !== '0',
    reportDir: env.INTERCOM_CONFORMANCE_REPORT_DIR || DEFAULTS.reportDir,
  };
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
  if (config.concurrency > 64)
    throw new UserError(`concurrency must be at most 64, not ${config.concurrency}`);
}

/** The environment that carries a config to the vitest suites (inverse of configFromEnv). */
export function configToEnv(config: RunConfig): Record<string, string> {
  const env: Record<string, string> = {
    INTERCOM_CONFORMANCE_TARGET: config.target,
    INTERCOM_CONFORMANCE_API_VERSIONS: config.apiVersions.join(','),
    INTERCOM_CONFORMANCE_SCENARIO: config.scenario,
    INTERCOM_CONFORMANCE_SEED: String(config.seed),
    INTERCOM_CONFORMANCE_CONVERSATIONS: String(config.conversations),
    INTERCOM_CONFORMANCE_PER_PAGE_OVERFLOW: config.perPageOverflow,
    INTERCOM_CONFORMANCE_MAX_REQUESTS: String(config.maxRequests),
    INTERCOM_CONFORMANCE_MAX_PAGES: String(config.maxPages),
    INTERCOM_CONFORMANCE_RETRIEVE_SAMPLE: String(config.retrieveSample),
    INTERCOM_CONFORMANCE_TIMEOUT_MS: String(config.timeoutMs),
    INTERCOM_CONFORMANCE_MAX_BODY_BYTES: String(config.maxBodyBytes),
    INTERCOM_CONFORMANCE_MAX_RETRIES: String(config.maxRetries),
    INTERCOM_CONFORMANCE_MAX_WAIT_MS: String(config.maxWaitMs),
    INTERCOM_CONFORMANCE_BACKOFF_MS: String(config.backoffMs),
    INTERCOM_CONFORMANCE_CONCURRENCY: String(config.concurrency),
    INTERCOM_CONFORMANCE_PACE: config.pace ? '1' : '0',
    INTERCOM_CONFORMANCE_CLEANUP_TIMEOUT_MS: String(config.cleanupTimeoutMs),
    INTERCOM_CONFORMANCE_REDACT: config.redact ? '1' : '0',
    INTERCOM_CONFORMANCE_REPORT_DIR: config.reportDir,
    INTERCOM_ALLOW_INSECURE: config.allowInsecure ? '1' : '0',
    INTERCOM_ALLOW_WRITES: config.allowWrites ? '1' : '0',
  };
  const optional: Array<[string, string | undefined]> = [
    ['INTERCOM_ACCESS_TOKEN', config.token],
    ['INTERCOM_BASE_URL', config.baseUrl],
    ['INTERCOM_REGION', config.region],
    ['INTERCOM_SANDBOX_APP_ID', config.sandboxAppId],
    ['INTERCOM_TEST_TAG_ID', config.testTagId],
    ['INTERCOM_ADMIN_ID', config.adminId],
    ['INTERCOM_CONFORMANCE_RECORD', config.record],
    ['INTERCOM_CONFORMANCE_CASSETTES', config.cassettes],
  ];
  for (const [k, v] of optional) if (v !== undefined) env[k] = v;
  return env;
}
