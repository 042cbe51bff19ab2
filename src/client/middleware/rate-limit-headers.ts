/**
 * Reading Intercom's rate-limit headers: `X-RateLimit-Limit`, `X-RateLimit-Remaining`, `X-RateLimit-Reset`
 * (Unix seconds of the end of the window) and `Retry-After` (seconds or an HTTP date).
 */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** End of the window, milliseconds since the epoch. */
  resetMs?: number;
}

function whole(value: string | null): number | undefined {
  if (value === null || !/^\s*\d{1,15}\s*$/.test(value)) return undefined;
  return Number(value);
}

/** A reset below 10^9 is read as "seconds from now" (some gateways send that), otherwise as Unix seconds. */
function resetMsOf(headers: Headers, nowMs: number): number | undefined {
  const reset = whole(headers.get('x-ratelimit-reset'));
  if (reset === undefined) return undefined;
  return reset < 1_000_000_000 ? nowMs + reset * 1000 : reset * 1000;
}

export function rateLimitOf(headers: Headers, nowMs: number): RateLimitState {
  const out: RateLimitState = {};
  const limit = whole(headers.get('x-ratelimit-limit'));
  const remaining = whole(headers.get('x-ratelimit-remaining'));
  const resetMs = resetMsOf(headers, nowMs);
  if (limit !== undefined) out.limit = limit;
  if (remaining !== undefined) out.remaining = remaining;
  if (resetMs !== undefined) out.resetMs = resetMs;
  return out;
}

/** The wait a `Retry-After` asks for, in milliseconds (never negative); undefined when absent or unreadable. */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = whole(value);
  if (seconds !== undefined) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - nowMs) : undefined;
}
