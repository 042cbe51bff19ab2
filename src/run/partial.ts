import { readLock } from '../descriptions/lock.ts';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.ts';
import type { RunConfig } from './config.ts';
import { kitVersion } from './engine.ts';

/** A run that produced nothing (interrupted before any suite wrote its part): still a valid, partial report. */
export function emptyRunResult(config: RunConfig, startedAt: string): RunResult {
  const lock = readLock();
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    run: {
      kit: kitVersion(),
      target: config.target,
      ...(config.target === 'mock' ? { scenario: config.scenario, seed: config.seed } : {}),
      apiVersions: config.apiVersions,
      startedAt,
      finishedAt: new Date().toISOString(),
      requestCount: 0,
      redacted: config.redact,
      partial: true,
    },
    specs: Object.fromEntries(config.apiVersions.map((v) => [v, lock.versions[v]!])),
    results: [],
    specDefects: {},
    coverage: {},
    perPage: {},
    matrix: {},
  };
}

/**
 * What a run could not put back (one line each): a tag the tag round trip could not remove, a conversation the
 * state round trip could not restore, as their checks report them.
 */
export function leftBehind(result: RunResult): string[] {
  return result.results
    .filter(
      (r) =>
        (r.checkId === 'tag-round-trip' || r.checkId === 'state-round-trip') &&
        r.outcome === 'error' &&
        /^could not (remove|verify|restore)/.test(r.reason ?? ''),
    )
    .map((r) => `API ${r.apiVersion}: ${r.reason}`);
}
