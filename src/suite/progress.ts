import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../model/exchange.ts';

/**
 * Progress crosses from the suite workers to the `run` process through small files in the parts folder:
 * each suite writes `<version>.progress.json` (throttled), and `run` sums them for its progress line.
 */
export interface SuiteProgress {
  requests: number;
  /** Operations the run has reached (at least one exchange done). */
  operations: string[];
  rateLimitRemaining?: number;
}

export function progressWriter(dir: string, apiVersion: string, intervalMs = 250, now = Date.now) {
  const state: SuiteProgress = { requests: 0, operations: [] };
  const seen = new Set<string>();
  let last = 0;
  const file = join(dir, `${apiVersion}.progress.json`);
  const flush = () => {
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
    last = now();
  };
  return {
    onExchange(e: Exchange) {
      state.requests += e.attempts ?? 1;
      if (!seen.has(e.operationId)) {
        seen.add(e.operationId);
        state.operations = [...seen].sort();
      }
      const remaining = Number(e.headers['x-ratelimit-remaining']);
      if (Number.isFinite(remaining)) state.rateLimitRemaining = remaining;
      if (now() - last >= intervalMs) flush();
    },
    flush,
  };
}

/** The sum of every suite's progress file (the rate-limit budget: the lowest reported). */
export function readProgress(dir: string): {
  operationsDone: number;
  requests: number;
  rateLimitRemaining?: number;
} {
  let operationsDone = 0;
  let requests = 0;
  let rateLimitRemaining: number | undefined;
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.progress.json'));
  } catch {
    return { operationsDone, requests };
  }
  for (const name of names) {
    try {
      const p = JSON.parse(readFileSync(join(dir, name), 'utf8')) as SuiteProgress;
      operationsDone += p.operations.length;
      requests += p.requests;
      if (p.rateLimitRemaining !== undefined)
        rateLimitRemaining = Math.min(rateLimitRemaining ?? Number.POSITIVE_INFINITY, p.rateLimitRemaining);
    } catch {
      // A file being replaced: the next poll reads it.
    }
  }
  return { operationsDone, requests, ...(rateLimitRemaining !== undefined ? { rateLimitRemaining } : {}) };
}
