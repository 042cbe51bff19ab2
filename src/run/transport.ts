import {
  type Clock,
  compose,
  type FetchFn,
  RatePacer,
  RESILIENCE_DEFAULTS,
  type RequestBudget,
  realClock,
  resilienceLayers,
  Semaphore,
} from '../client/middleware/index.ts';

/** The resilience settings of a run (see RunConfig). */
export interface TransportSettings {
  timeoutMs: number;
  maxBodyBytes: number;
  maxRetries: number;
  maxWaitMs: number;
  backoffMs?: number;
  concurrency?: number;
  pace?: boolean;
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
}

/**
 * The fetch of one run: one pipeline for the plan, and one for cleanup that may dip into the budget's reserve.
 * Both share the pacer (one rate limit per workspace) and the concurrency limit.
 */
export interface Transport {
  fetch: FetchFn;
  cleanupFetch: FetchFn;
  clock: Clock;
  pacer: RatePacer;
  semaphore: Semaphore;
  settings: TransportSettings;
}

export function createTransport(settings: TransportSettings, budget: RequestBudget): Transport {
  const clock = settings.clock ?? realClock;
  const pacer = new RatePacer(clock, settings.maxWaitMs);
  const semaphore = new Semaphore(settings.concurrency ?? RESILIENCE_DEFAULTS.concurrency);
  const base: FetchFn = settings.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const pipeline = (budgetMode: 'normal' | 'cleanup') =>
    compose(
      base,
      resilienceLayers({
        timeoutMs: settings.timeoutMs,
        maxBodyBytes: settings.maxBodyBytes,
        maxRetries: settings.maxRetries,
        maxWaitMs: settings.maxWaitMs,
        ...(settings.backoffMs !== undefined ? { backoffMs: settings.backoffMs } : {}),
        pace: settings.pace ?? true,
        budget,
        budgetMode,
        clock,
        pacer,
        semaphore,
      }),
    );
  return {
    fetch: pipeline('normal'),
    cleanupFetch: pipeline('cleanup'),
    clock,
    pacer,
    semaphore,
    settings,
  };
}
