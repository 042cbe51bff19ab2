import type { RunResult } from '../model/result.ts';

export const ZERO_TIME = '1970-01-01T00:00:00.000Z';

/** `http://127.0.0.1:43127/me` → `http://127.0.0.1/me`: ephemeral ports of loopback servers vary per run. */
export function stripPorts(text: string): string {
  return text.replace(
    /\b((?:https?|wss?):\/\/(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)):\d{1,5}(?=[/?#\s"'<>)\]]|$)/g,
    '$1',
  );
}

/**
 * A copy of a run fit for snapshot tests: start and end times and check durations zeroed, ports stripped from every URL in every
 * string. Everything else (the seed, the order, the values) must already be deterministic.
 */
export function normalizeForSnapshot(result: RunResult): RunResult {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return stripPorts(v);
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(visit);
    return Object.fromEntries(Object.entries(v).map(([k, child]) => [k, visit(child)]));
  };
  const copy = visit(result) as RunResult;
  copy.run.startedAt = ZERO_TIME;
  copy.run.finishedAt = ZERO_TIME;
  for (const r of copy.results) if (r.durationMs !== undefined) r.durationMs = 0;
  return copy;
}
