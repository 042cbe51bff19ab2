import { lockedVersions } from '../../descriptions/lock.ts';
import { UserError } from '../../util/errors.ts';
import { mix } from '../workspace/prng.ts';
import type { AdminOverrides } from '../workspace/roster.ts';
import type { CatalogueTag } from '../workspace/tag-state.ts';
import { FAULT_IDS, type FaultId, type FaultOptions } from './faults.ts';

export type { AdminOverrides } from '../workspace/roster.ts';
export type { CatalogueTag } from '../workspace/tag-state.ts';
export type { FaultOptions } from './faults.ts';

export const SCENARIO_IDS = ['conformant', 'documented', 'faults'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export type PerPageOverflow = 'reject' | 'clamp';

export interface MockOptions {
  /** API versions served (default: every locked version). */
  apiVersions?: string[];
  /** The version of requests without an `Intercom-Version` header (default 2.11). */
  defaultVersion?: string;
  scenario?: ScenarioId;
  /** The faults of the `faults` scenario (default: all of them, in turn). */
  faults?: FaultId[];
  faultOptions?: FaultOptions;
  /** Workspace seed: same seed, same requests → byte-identical responses (default 1). */
  seed?: number;
  /** Number of conversations in the workspace (default 200, up to 100,000). */
  conversations?: number;
  /** What `per_page` above 150 does (default `clamp`). */
  perPageOverflow?: PerPageOverflow;
  /** Request budget per fixed window (default 10,000 per 10 s). */
  rateLimit?: { limit: number; windowSeconds: number };
  /** The accepted bearer token (default `test-token`). */
  token?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /**
   * The workspace clock, Unix seconds: data timestamps are relative to it (default: the injected `clock` at start
   * when one is given, so that data and rate-limit headers share one time; else fixed, derived from the seed).
   */
  now?: number;
  /** Wall clock in milliseconds for the rate limiter and `Retry-After` (default `Date.now`; inject one in tests). */
  clock?: () => number;
  /** The workspace's tag catalogue (default: eight tags). */
  tags?: CatalogueTag[];
  admin?: AdminOverrides;
  /** How many requests `state.requests` keeps (default 1000). */
  requestLogLimit?: number;
}

export interface ResolvedOptions {
  apiVersions: string[];
  defaultVersion: string;
  scenario: ScenarioId;
  faults: FaultId[];
  faultOptions: Required<FaultOptions>;
  seed: number;
  conversations: number;
  perPageOverflow: PerPageOverflow;
  rateLimit: { limit: number; windowSeconds: number };
  token: string;
  port: number;
  now: number;
  clock: () => number;
  tags: CatalogueTag[];
  admin: AdminOverrides;
  requestLogLimit: number;
}

const MAX_CONVERSATIONS = 100_000;

export const DEFAULT_TAGS: CatalogueTag[] = [
  { id: '7522901', name: 'Billing' },
  { id: '7522902', name: 'Bug' },
  { id: '7522903', name: 'Feature request' },
  { id: '7522904', name: 'VIP' },
  { id: '7522905', name: 'Onboarding' },
  { id: '7522906', name: 'Churn risk' },
  { id: '7522907', name: 'Refund' },
  { id: '7522908', name: 'Escalated' },
];

/**
 * The default workspace clock: mid-2024 (like the descriptions' own examples) plus up to a day derived from the
 * seed. Fixed, so that responses are byte-identical run after run. `snoozed_until` is placed after 2100-01-01
 * (see `SNOOZE_BASE`), so it is in the future both of this clock and of the real one.
 */
function defaultNow(seed: number): number {
  return 1_719_000_000 + (mix(seed, 0x6e6f77) % 86_400);
}

/** The data clock an injected wall clock implies (its time at start), when that is a plausible Unix time. */
function nowOf(clock: (() => number) | undefined): number | undefined {
  if (!clock) return undefined;
  const seconds = Math.floor(clock() / 1000);
  return seconds >= 1_000_000_000 && seconds <= 4_000_000_000 ? seconds : undefined;
}

function integerIn(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Checks and completes the options; any bad value is a one-line UserError. */
export function resolveOptions(
  options: MockOptions = {},
  locked: string[] = lockedVersions(),
): ResolvedOptions {
  const apiVersions = options.apiVersions ?? locked;
  if (apiVersions.length === 0) throw new UserError('no API version to serve');
  for (const v of apiVersions) {
    if (!locked.includes(v))
      throw new UserError(`unknown API version "${v}" (locked versions: ${locked.join(', ')})`);
  }
  const defaultVersion =
    options.defaultVersion ?? (apiVersions.includes('2.11') ? '2.11' : apiVersions.at(-1)!);
  if (!apiVersions.includes(defaultVersion)) {
    throw new UserError(
      `default API version "${defaultVersion}" is not served (serving: ${apiVersions.join(', ')})`,
    );
  }
  const scenario = options.scenario ?? 'conformant';
  if (!SCENARIO_IDS.includes(scenario)) {
    throw new UserError(`unknown scenario "${scenario}" (${SCENARIO_IDS.join(', ')})`);
  }
  const faults = options.faults ?? (scenario === 'faults' ? [...FAULT_IDS] : []);
  for (const f of faults) {
    if (!FAULT_IDS.includes(f)) throw new UserError(`unknown fault "${f}" (${FAULT_IDS.join(', ')})`);
  }
  if (faults.length > 0 && scenario !== 'faults')
    throw new UserError('faults are only produced by the "faults" scenario');
  const fo = options.faultOptions ?? {};
  const seed = integerIn('seed', options.seed ?? 1, 0, 0xffffffff);
  const perPageOverflow = options.perPageOverflow ?? 'clamp';
  if (perPageOverflow !== 'clamp' && perPageOverflow !== 'reject') {
    throw new UserError(`per-page overflow must be "clamp" or "reject" (got "${String(perPageOverflow)}")`);
  }
  const rl = options.rateLimit ?? { limit: 10_000, windowSeconds: 10 };
  const tags = options.tags ?? DEFAULT_TAGS;
  if (tags.length === 0) throw new UserError('the tag catalogue is empty');
  const tagIds = new Set<string>();
  for (const t of tags) {
    if (typeof t?.id !== 'string' || !/^\d+$/.test(t.id) || typeof t.name !== 'string' || t.name === '') {
      throw new UserError(`a tag needs a digit-string id and a name (got ${JSON.stringify(t)})`);
    }
    if (tagIds.has(t.id)) throw new UserError(`tag id ${t.id} appears twice in the catalogue`);
    tagIds.add(t.id);
  }
  const token = options.token ?? 'test-token';
  if (typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)) {
    throw new UserError('the token must be a non-empty string of visible ASCII characters');
  }
  return {
    apiVersions: [...new Set(apiVersions)],
    defaultVersion,
    scenario,
    faults: [...faults],
    faultOptions: {
      every: integerIn('fault every', fo.every ?? 1, 1, 1_000_000),
      times:
        fo.times === undefined
          ? Number.POSITIVE_INFINITY
          : integerIn('fault times', fo.times, 0, 1_000_000_000),
      stormLength: integerIn('429 storm length', fo.stormLength ?? 3, 0, 1_000_000),
      retryAfterSeconds: integerIn('Retry-After', fo.retryAfterSeconds ?? 1, 0, 86_400),
      slowMs: integerIn('slow delay (ms)', fo.slowMs ?? 2000, 0, 600_000),
      oversizedBytes: integerIn(
        'oversized bytes',
        fo.oversizedBytes ?? 10 * 1024 * 1024,
        1,
        1024 * 1024 * 1024,
      ),
      scope: fo.scope === 'all' ? 'all' : 'conversations',
    },
    seed,
    conversations: integerIn('conversations', options.conversations ?? 200, 0, MAX_CONVERSATIONS),
    perPageOverflow,
    rateLimit: {
      limit: integerIn('rate limit', rl.limit, 1, 1_000_000_000),
      windowSeconds: integerIn('rate-limit window (s)', rl.windowSeconds, 1, 86_400),
    },
    token,
    port: integerIn('port', options.port ?? 0, 0, 65_535),
    now: integerIn(
      'now',
      options.now ?? nowOf(options.clock) ?? defaultNow(seed),
      1_000_000_000,
      4_000_000_000,
    ),
    clock: options.clock ?? Date.now,
    tags: tags.map((t) => ({ id: t.id, name: t.name })),
    admin: options.admin ?? {},
    requestLogLimit: integerIn('request log limit', options.requestLogLimit ?? 1000, 0, 1_000_000),
  };
}
