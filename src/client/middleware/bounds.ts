/**
 * The longest a run can take, computed from its settings. Every attempt counts against the request budget
 * (`maxRequests`, plus the reserve kept for tag cleanup), and each attempt costs at most: one pacing wait
 * (≤ maxWaitMs: a window resetting later is a give-up error, not a wait), one wait before it (a retry's
 * Retry-After/backoff, or the pause of a verified tag write: ≤ maxWaitMs) and the attempt itself (≤ timeoutMs,
 * headers and body). The two cleanups of each API version — the tag round trip's and the state round trip's
 * restoration — each have their own deadline on top. Concurrency only makes a run shorter, so the bound is the
 * serial one:
 *
 *   worst = (maxRequests + reserve) × (timeoutMs + 2 × maxWaitMs) + apiVersions × 2 × cleanupTimeoutMs
 */
export interface TimeBoundSettings {
  timeoutMs: number;
  maxWaitMs: number;
  maxRequests: number;
  /** Requests kept for cleanup above the budget (RequestBudget's reserve, 20 by default). */
  reserve?: number;
  cleanupTimeoutMs: number;
  apiVersions: number;
}

export const BUDGET_RESERVE = 20;
/** The tag round trip's cleanup and the state round trip's restoration. */
const CLEANUPS_PER_VERSION = 2;

export function worstCaseRunMs(s: TimeBoundSettings): number {
  const attempts = s.maxRequests + (s.reserve ?? BUDGET_RESERVE);
  return (
    attempts * (s.timeoutMs + 2 * s.maxWaitMs) + s.apiVersions * CLEANUPS_PER_VERSION * s.cleanupTimeoutMs
  );
}

/** The bound in words, e.g. "at most 84 h 10 min (2020 attempts × (30 s + 2 × 60 s) + 1 × 15 s)". */
export function describeWorstCase(s: TimeBoundSettings): string {
  const ms = worstCaseRunMs(s);
  const minutes = Math.ceil(ms / 60_000);
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  const sec = (x: number) => `${x / 1000} s`;
  return `at most ${text} (${s.maxRequests + (s.reserve ?? BUDGET_RESERVE)} attempts × (${sec(s.timeoutMs)} + 2 × ${sec(s.maxWaitMs)}) + ${s.apiVersions} × ${CLEANUPS_PER_VERSION} × ${sec(s.cleanupTimeoutMs)})`;
}
