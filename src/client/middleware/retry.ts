import type { Clock } from './clock.ts';
import { classifyFailure, isRetryableFailure, TransportError } from './errors.ts';
import { rateLimitOf, retryAfterMs } from './rate-limit-headers.ts';
import { type Layer, methodOf, signalOf } from './types.ts';

/** Methods retried without asking: safe reads. Writes (POST, DELETE of a tag) are verified by the caller first. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Requests that are safe to send again although their method is not idempotent (a search is a POST). */
const RETRY_SAFE = new WeakSet<object>();

/** Marks the `init` of a POST that reads only (a search) as safe to retry like a GET. */
export function markRetrySafe<T extends object>(init: T): T {
  RETRY_SAFE.add(init);
  return init;
}

export interface RetryOptions {
  maxRetries: number;
  /** Longest wait honoured; a server asking for more (Retry-After, reset) makes the request give up. */
  maxWaitMs: number;
  /** First backoff step; doubled at each attempt, with jitter, capped at `maxWaitMs`. */
  backoffMs: number;
  clock: Clock;
}

/** What happened to a request beyond its response: how many attempts, and why retrying stopped early. */
export interface ResponseMeta {
  attempts: number;
  gaveUp?: string;
}

const META = new WeakMap<Response, ResponseMeta>();

export function responseMeta(response: Response): ResponseMeta {
  return META.get(response) ?? { attempts: 1 };
}

function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 408 || status >= 500;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'backoffMs' | 'maxWaitMs' | 'clock'>,
): number {
  const step = Math.min(options.maxWaitMs, options.backoffMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + options.clock.random() * (step / 2));
}

/** The wait the server asked for (Retry-After; for a 429 also X-RateLimit-Reset), if any. */
function serverDelay(response: Response, nowMs: number): number | undefined {
  const after = retryAfterMs(response.headers, nowMs);
  if (after !== undefined) return after;
  if (response.status !== 429) return undefined;
  const { resetMs } = rateLimitOf(response.headers, nowMs);
  return resetMs === undefined ? undefined : Math.max(0, resetMs - nowMs);
}

/**
 * Retries idempotent requests on 429, 408, 5xx and network failures (timeout, reset, refused): the wait is what
 * the server asked for (Retry-After, X-RateLimit-Reset) or a bounded exponential backoff with jitter. The final
 * response carries the number of attempts (`responseMeta`); a final failure is a TransportError with it.
 */
export function withRetry(options: RetryOptions): Layer {
  return (next) => async (input, init) => {
    const method = methodOf(input, init);
    const signal = signalOf(input, init);
    const retries =
      IDEMPOTENT_METHODS.has(method) || (init !== undefined && RETRY_SAFE.has(init)) ? options.maxRetries : 0;
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: TransportError | undefined;
      try {
        response = await next(input, init);
      } catch (error) {
        failure = classifyFailure(error);
        failure.attempts = attempt;
      }
      const retryable = response ? isRetryableStatus(response.status) : isRetryableFailure(failure!);
      if (!retryable || attempt > retries) {
        if (failure) throw failure;
        META.set(response!, { attempts: attempt });
        return response!;
      }
      const asked = response ? serverDelay(response, options.clock.now()) : undefined;
      if (asked !== undefined && asked > options.maxWaitMs) {
        META.set(response!, {
          attempts: attempt,
          gaveUp: `the server asked to wait ${Math.ceil(asked / 1000)} s, longer than the longest wait of ${options.maxWaitMs} ms`,
        });
        return response!;
      }
      await response?.body?.cancel().catch(() => {});
      try {
        await options.clock.sleep(asked ?? backoffDelay(attempt, options), signal);
      } catch {
        const interrupted = new TransportError('interrupted', 'interrupted');
        interrupted.attempts = attempt;
        throw interrupted;
      }
    }
  };
}
