import { defaultsOf } from '../../options/table.ts';
import { withBufferedBody } from './body-limit.ts';
import { type RequestBudget, withBudget } from './budget.ts';
import { type Clock, realClock } from './clock.ts';
import { Semaphore, withConcurrency } from './concurrency.ts';
import { RatePacer, withPacing } from './pacing.ts';
import { withRetry } from './retry.ts';
import { withTimeout } from './timeout.ts';
import { compose, type FetchFn, type Layer } from './types.ts';

export { readLimited } from './body-limit.ts';
export {
  describeWorstCase,
  type TimeBoundSettings,
  worstCaseRunMs,
} from './bounds.ts';
export { RequestBudget } from './budget.ts';
export {
  type Clock,
  manualClock,
  realClock,
} from './clock.ts';
export { Semaphore } from './concurrency.ts';
export {
  type FailureKind,
  TransportError,
} from './errors.ts';
export { RatePacer } from './pacing.ts';

export {
  backoffDelay,
  markRetrySafe,
  type ResponseMeta,
  responseMeta,
} from './retry.ts';

export {
  compose,
  type FetchFn,
  type Layer,
} from './types.ts';

/** The resilience settings, with the defaults the CLI documents. */
export interface ResilienceOptions {
  /** The fetch underneath (default: the global one). */
  fetch?: FetchFn;
  /** Per-attempt timeout, headers and body included (ms). */
  timeoutMs?: number;
  /** Largest body read (bytes); larger ones fail with `body-too-large` without being held in memory. */
  maxBodyBytes?: number;
  /** Retries of idempotent requests on 429, 408, 5xx and network failures. */
  maxRetries?: number;
  /** Longest single wait honoured (Retry-After, rate-limit reset, backoff), ms. */
  maxWaitMs?: number;
  /** First backoff step (ms), doubled each attempt, with jitter. */
  backoffMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Pace from X-RateLimit-Remaining / X-RateLimit-Reset before hitting the limit. */
  pace?: boolean;
  /** Counts every attempt and refuses past it. */
  budget?: RequestBudget;
  budgetMode?: 'normal' | 'cleanup';
  clock?: Clock;
  /** Share pacing and the concurrency limit between several pipelines (e.g. the cleanup one). */
  pacer?: RatePacer;
  semaphore?: Semaphore;
}

const RUN_DEFAULTS = defaultsOf('run');

/** The defaults of the resilience settings: those of the option table (src/options/table.ts). */
export const RESILIENCE_DEFAULTS = {
  timeoutMs: RUN_DEFAULTS.timeoutMs as number,
  maxBodyBytes: RUN_DEFAULTS.maxBodyBytes as number,
  maxRetries: RUN_DEFAULTS.maxRetries as number,
  maxWaitMs: RUN_DEFAULTS.maxWaitMs as number,
  backoffMs: RUN_DEFAULTS.backoffMs as number,
  concurrency: RUN_DEFAULTS.concurrency as number,
  pace: RUN_DEFAULTS.pace as boolean,
} as const;

/** The layers, outermost first: concurrency → retry → budget → pacing → timeout → body limit. */
export function resilienceLayers(options: ResilienceOptions = {}): Layer[] {
  const o = { ...RESILIENCE_DEFAULTS, ...options };
  const clock = options.clock ?? realClock;
  const layers: Layer[] = [
    withConcurrency(options.semaphore ?? new Semaphore(o.concurrency)),
    withRetry({ maxRetries: o.maxRetries, maxWaitMs: o.maxWaitMs, backoffMs: o.backoffMs, clock }),
  ];
  if (options.budget) layers.push(withBudget(options.budget, options.budgetMode));
  if (o.pace) layers.push(withPacing(options.pacer ?? new RatePacer(clock, o.maxWaitMs)));
  layers.push(withTimeout(o.timeoutMs), withBufferedBody(o.maxBodyBytes));
  return layers;
}

/**
 * A fetch with every resilience rule in one place — usable as `createIntercomClient({ fetch })` and by the run
 * engine: rate-limit pacing, retries of idempotent requests with backoff and jitter (honouring Retry-After and
 * X-RateLimit-Reset), a per-request timeout, a maximum body size read as it streams, and a concurrency limit.
 * Failures are thrown as `TransportError` (kind + one-line message without URLs).
 */
export function resilientFetch(options: ResilienceOptions = {}): typeof globalThis.fetch {
  const base: FetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return compose(base, resilienceLayers(options)) as typeof globalThis.fetch;
}
