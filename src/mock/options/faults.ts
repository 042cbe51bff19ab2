/**
 * The fault catalogue of the `faults` scenario (ids, summaries) and its knobs: data only. What each fault does
 * to a response lives with the HTTP pipeline (http/faults.ts).
 */
export const FAULTS = {
  '429': {
    summary:
      'a storm of 429 rate_limit_exceeded (Retry-After, X-RateLimit-Remaining 0, X-RateLimit-Reset) for the first stormLength requests, then recovery',
  },
  '500': { summary: '500 error.list (server_error)' },
  '503': { summary: '503 error.list (service_unavailable) with Retry-After' },
  html: { summary: '200 with a text/html error page instead of JSON' },
  'malformed-json': {
    summary: '200 application/json whose body is not JSON (a trailing comma before the last brace)',
  },
  'truncated-json': { summary: '200 application/json cut mid-token (Content-Length matches the cut body)' },
  slow: { summary: 'the normal response, after slowMs (default 2000 ms): longer than the client timeout' },
  oversized: {
    summary:
      'listConversations only: a 200 page streamed past oversizedBytes (default 10 MiB), far more items than per_page',
  },
  reset: { summary: 'headers announcing the full length and half the body, then the connection is reset' },
} as const satisfies Record<string, { summary: string }>;

export type FaultId = keyof typeof FAULTS;

export const FAULT_IDS = Object.keys(FAULTS) as FaultId[];

export interface FaultOptions {
  /** Fault one faultable request in `every` (1 = all of them; 2 = every other one, so that retries succeed). */
  every?: number;
  /** Stop faulting after this many faulted responses (default: never stop). */
  times?: number;
  /** How many requests a `429` storm lasts before the target recovers (default 3). */
  stormLength?: number;
  /** `Retry-After` of the `429` and `503` faults, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Delay of the `slow` fault, in milliseconds (default 2000): set it above your client's timeout. */
  slowMs?: number;
  /** Minimum body size of the `oversized` fault, in bytes (default 10 MiB). */
  oversizedBytes?: number;
  /** Which operations the faults hit: the conversation endpoints (default), or every one including `/me`. */
  scope?: 'conversations' | 'all';
}
