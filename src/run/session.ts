import type { Clock } from '../client/middleware/index.ts';
import type { CollectOptions } from './collect.ts';
import type { RunConfig } from './config.ts';
import { RequestBudget } from './http.ts';
import { checkBaseUrl } from './safe-url.ts';
import { openTarget, type Target } from './targets.ts';
import { createTransport, type Transport } from './transport.ts';

/** What every reading of a target shares (`run`, `upgrade`): the target, one request budget, one transport. */
export interface RunSession {
  target: Target;
  budget: RequestBudget;
  transport: Transport;
  /** Every token the session knows, short ones too: scrubbed from everything that leaves it. */
  secrets: string[];
}

/**
 * Opens the target of a configuration with the run's resilience settings (timeouts, retries, waits, body limit,
 * concurrency, pacing, budget). Replayed cassettes hold the final answer of each request: nothing to retry, no
 * rate limit to pace.
 */
export async function openSession(config: RunConfig, clock?: Clock): Promise<RunSession> {
  if (config.target === 'live' && config.baseUrl) checkBaseUrl(config.baseUrl);
  const target = await openTarget(config);
  const budget = new RequestBudget(config.maxRequests);
  const replay = config.target === 'replay';
  const transport = createTransport(
    {
      timeoutMs: config.timeoutMs,
      maxBodyBytes: config.maxBodyBytes,
      maxRetries: replay ? 0 : config.maxRetries,
      maxWaitMs: config.maxWaitMs,
      backoffMs: config.backoffMs,
      concurrency: config.concurrency,
      pace: config.pace && !replay,
      ...(target.fetch ? { fetch: target.fetch } : {}),
      ...(clock ? { clock } : {}),
    },
    budget,
  );
  const secrets = [config.token ?? '', target.token].filter((s) => s.length > 0);
  return { target, budget, transport, secrets };
}

/** What every collection of a session shares: the transport, the budget, the limits and the write plan. */
export function collectOptions(session: RunSession, config: RunConfig, signal?: AbortSignal): CollectOptions {
  const { target, transport, budget } = session;
  return {
    settings: {
      ...transport.settings,
      baseUrl: target.baseUrl,
      token: target.token,
      maxRequests: config.maxRequests,
      transport,
    },
    ...(signal ? { signal } : {}),
    cleanupTimeoutMs: config.cleanupTimeoutMs,
    budget,
    maxPages: config.maxPages,
    retrieveSample: config.retrieveSample,
    ...(target.now ? { now: target.now } : {}),
    ...(config.snoozeMinutes !== undefined ? { snoozeMinutes: config.snoozeMinutes } : {}),
    writes: target.writes,
    ...(target.pickTag ? { pickTag: target.pickTag } : {}),
  };
}
