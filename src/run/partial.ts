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

/** The tags a run could not remove, as the tag-round-trip check reports them (one line each). */
export function leftBehind(result: RunResult): string[] {
  return result.results
    .filter(
      (r) =>
        r.checkId === 'tag-round-trip' &&
        r.outcome === 'error' &&
        /^could not (remove|verify)/.test(r.reason ?? ''),
    )
    .map((r) => `API ${r.apiVersion}: ${r.reason}`);
}
