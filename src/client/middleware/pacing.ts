import { abortReason, type Clock } from './clock.ts';
import { classifyFailure, TransportError } from './errors.ts';
import { rateLimitOf } from './rate-limit-headers.ts';
import { type Layer, signalOf } from './types.ts';

/**
 * Pacing from the rate-limit headers, as Intercom asks integrators to do: it reads X-RateLimit-Remaining and
 * X-RateLimit-Reset of every response and, when the requests already in flight would use up what is left of
 * the window, waits for the window to reset instead of running into a 429. Fixed-window aware: a window that
 * has passed is forgotten, and the first response of the next one tells the new budget.
 */
export class RatePacer {
  private remaining?: number;
  private resetMs?: number;
  private inflight = 0;
  /** How many times, and how long in all, the pacer waited (for progress and benchmarks). */
  waits = 0;
  waitedMs = 0;
  /** Requests refused at once because the window resets later than the longest wait. */
  refused = 0;

  constructor(
    private readonly clock: Clock,
    /** Longest single wait; a window resetting later than that is a give-up error, not a wait. */
    private readonly maxWaitMs: number,
    /** Requests kept in hand at the end of a window (default 0). */
    private readonly reserve = 0,
    /** Wait this long past the announced reset (clocks of client and server differ a little). */
    private readonly marginMs = 25,
  ) {}

  /** What the pacer knows of the current window. */
  get state(): { remaining?: number; resetMs?: number; inflight: number } {
    return {
      inflight: this.inflight,
      ...(this.remaining !== undefined ? { remaining: this.remaining } : {}),
      ...(this.resetMs !== undefined ? { resetMs: this.resetMs } : {}),
    };
  }

  /**
   * Waits, if the window is used up, until it resets — once, and at most `maxWaitMs`. A window that resets
   * later than that ends the request at once with a give-up error (`rate-limited`), without waiting and
   * without sending: the same holds for every request until the window resets, so an exhausted rate budget
   * stops the run's remaining requests at once instead of costing one wait each.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw abortReason(signal);
    const now = this.clock.now();
    if (this.resetMs !== undefined && now >= this.resetMs + this.marginMs) {
      this.resetMs = undefined;
      this.remaining = undefined;
    }
    if (
      this.remaining !== undefined &&
      this.resetMs !== undefined &&
      this.remaining - this.inflight <= this.reserve
    ) {
      const wanted = this.resetMs + this.marginMs - now;
      if (wanted > this.maxWaitMs) {
        this.refused++;
        throw new TransportError(
          'rate-limited',
          `rate limit exhausted: the window resets in ${Math.ceil(wanted / 1000)} s, longer than the longest wait of ${this.maxWaitMs} ms (not sent)`,
        );
      }
      this.waits++;
      this.waitedMs += wanted;
      await this.clock.sleep(wanted, signal);
      // the wait covered the window: whatever it held is gone, the next response tells the new one
      if (this.resetMs !== undefined && this.clock.now() >= this.resetMs + this.marginMs) {
        this.resetMs = undefined;
        this.remaining = undefined;
      }
    }
    this.inflight++;
  }

  release(headers?: Headers): void {
    this.inflight = Math.max(0, this.inflight - 1);
    if (headers) this.observe(headers);
  }

  /** Learns from a response: the latest window wins; within one window the lowest remaining count wins. */
  observe(headers: Headers): void {
    const { remaining, resetMs } = rateLimitOf(headers, this.clock.now());
    if (remaining === undefined || resetMs === undefined) return;
    if (this.resetMs === resetMs) this.remaining = Math.min(this.remaining ?? remaining, remaining);
    else {
      this.resetMs = resetMs;
      this.remaining = remaining;
    }
  }
}

export function withPacing(pacer: RatePacer): Layer {
  return (next) => async (input, init) => {
    try {
      await pacer.acquire(signalOf(input, init));
    } catch (error) {
      throw classifyFailure(error);
    }
    try {
      const response = await next(input, init);
      pacer.release(response.headers);
      return response;
    } catch (error) {
      pacer.release(error instanceof TransportError ? error.headers : undefined);
      throw error;
    }
  };
}
