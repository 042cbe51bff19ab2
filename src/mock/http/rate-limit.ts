/**
 * Intercom-style rate limiting: a budget of requests per fixed window; every response carries
 * X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (Unix seconds of the window's end), and a
 * request over budget gets a 429 with Retry-After. The clock is injected (milliseconds).
 */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

export class FixedWindowLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private used = 0;

  constructor(
    private readonly limit: number,
    private readonly windowSeconds: number,
    private readonly clock: () => number,
  ) {}

  take(): RateDecision {
    const now = this.clock();
    const windowMs = this.windowSeconds * 1000;
    const start = Math.floor(now / windowMs) * windowMs;
    if (start !== this.windowStart) {
      this.windowStart = start;
      this.used = 0;
    }
    const allowed = this.used < this.limit;
    if (allowed) this.used++;
    const resetMs = start + windowMs;
    return {
      allowed,
      headers: rateLimitHeaders(this.limit, this.limit - this.used, Math.ceil(resetMs / 1000)),
      retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
    };
  }
}

export function rateLimitHeaders(
  limit: number,
  remaining: number,
  resetSeconds: number,
): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(Math.max(0, remaining)),
    'X-RateLimit-Reset': String(resetSeconds),
  };
}
