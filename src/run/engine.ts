import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks } from '../checks/index.ts';
import type { CheckContext } from '../checks/types.ts';
import { allExchanges } from '../checks/types.ts';
import type { Clock } from '../client/middleware/index.ts';
import { readLock } from '../descriptions/lock.ts';
import type { Collected } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import {
  buildMatrix,
  type CheckResult,
  compareResults,
  type OperationCoverage,
  type PerPageBehaviour,
  RESULT_SCHEMA_VERSION,
  type RunResult,
} from '../model/result.ts';
import type { ProgressState } from '../report/progress.ts';
import { redactValue, scrubSecretsDeep } from '../report/redact.ts';
import { packageRoot } from '../util/paths.ts';
import { loadArtifacts, type VersionArtifacts } from '../validate/artifacts.ts';
import { describedProperties, schemaCoverage } from '../validate/coverage.ts';
import { documentedStatus } from '../validate/validate.ts';
import { forCassette, MASKED_KEYS, writeCassettes } from './cassette.ts';
import { collect, targetNow } from './collect.ts';
import type { RunConfig } from './config.ts';
import { runtimeDiffOf, type Samples, samplesOf } from './runtime-diff.ts';
import { collectOptions, openSession } from './session.ts';
import type { Target } from './targets.ts';

export interface RunHooks {
  /** Called once the target is up (tests inspect the mock's state). */
  onTarget?: (target: Target) => void | Promise<void>;
  /** Called after the target closed, with what it held. */
  onExchange?: (e: Exchange) => void;
  /** Called with what one version collected (the suites keep the retrieved payloads for the runtime diff). */
  onCollected?: (apiVersion: string, collected: Collected) => void;
  /** Only keep results of these operations (suite shards). */
  operations?: string[];
  /** Interrupts the run: it stops, cleans up, and returns what it has with `run.partial: true`. */
  signal?: AbortSignal;
  /** The clock of waits (Retry-After, pacing, backoff): tests inject one that does not really wait. */
  clock?: Clock;
  /** Called after every exchange with the run's progress (operations reached, requests, rate-limit budget). */
  onProgress?: (state: ProgressState) => void;
}

/** Counts what a run has done so far, from its exchanges. */
export function progressTracker(): { state: ProgressState; add(e: Exchange): ProgressState } {
  const state: ProgressState = { operationsDone: 0, requests: 0 };
  const reached = new Set<string>();
  return {
    state,
    add(e) {
      state.requests += e.attempts ?? 1;
      reached.add(`${e.apiVersion} ${e.operationId}`);
      state.operationsDone = reached.size;
      const remaining = Number(e.headers['x-ratelimit-remaining']);
      if (e.headers['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining))
        state.rateLimitRemaining = remaining;
      return state;
    },
  };
}

export function kitVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { name: pkg.name, version: pkg.version };
}

/** Schema coverage per operation: undocumented properties seen, and described properties never seen. */
function coverageOf(artifacts: VersionArtifacts, exchanges: Exchange[]): Record<string, OperationCoverage> {
  const out: Record<string, OperationCoverage> = {};
  const schemas = artifacts.schemas();
  for (const op of Object.values(artifacts.index.operations)) {
    const media = op.responses['200']?.content['application/json'];
    if (!media) continue;
    const bundle = schemas[media.validator]!;
    const undocumented = new Set<string>();
    const observed = new Set<string>();
    for (const e of exchanges) {
      if (e.operationId !== op.operationId || e.status === undefined || e.body === undefined) continue;
      if (documentedStatus(op, e.status) !== '200') continue;
      const c = schemaCoverage(bundle, e.body, media.pointer);
      for (const u of c.undocumented) undocumented.add(u);
      for (const o of c.observed) observed.add(o);
    }
    const described = describedProperties(bundle, media.pointer);
    out[op.operationId] = {
      undocumented: [...undocumented].sort(),
      unobserved: described.filter((d) => !observed.has(d)),
      observedCount: described.filter((d) => observed.has(d)).length,
      describedCount: described.length,
    };
  }
  return out;
}

function perPageOf(results: CheckResult[], artifacts: VersionArtifacts): PerPageBehaviour {
  const cap = results.find((r) => r.checkId === 'per-page-cap')?.observations;
  const def = results.find((r) => r.checkId === 'per-page-default')?.observations;
  const param = artifacts.index.operations.listConversations?.parameters.find(
    (p) => p.name === 'per_page',
  )?.schema;
  return {
    overflow: (cap?.perPageOverflow as PerPageBehaviour['overflow']) ?? 'unknown',
    ...(typeof def?.observedDefault === 'number' ? { observedDefault: def.observedDefault } : {}),
    ...(typeof param?.default === 'number' ? { documentedDefault: param.default } : {}),
    ...(typeof param?.maximum === 'number' ? { documentedMaximum: param.maximum } : {}),
  };
}

/**
 * A whole conformance run: opens the target, collects each API version's exchanges, runs the checks, and
 * returns the result model. Reports are written by the caller (`writeReports`).
 */
export async function runConformance(config: RunConfig, hooks: RunHooks = {}): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  const lock = readLock();
  const session = await openSession(config, hooks.clock);
  const { target, budget, secrets } = session;
  const redact = (value: unknown, key?: string) =>
    redactValue(value, { redact: config.redact, ...(key ? { key } : {}) });
  const results: CheckResult[] = [];
  const coverage: RunResult['coverage'] = {};
  const perPage: RunResult['perPage'] = {};
  const specDefects: RunResult['specDefects'] = {};
  const recorded = new Map<string, Exchange[]>();
  const samples: Array<{ apiVersion: string; samples: Samples }> = [];
  let partial = false;
  const progress = progressTracker();
  try {
    await hooks.onTarget?.(target);
    for (const apiVersion of config.apiVersions) {
      if (hooks.signal?.aborted) {
        partial = true;
        break;
      }
      const artifacts = loadArtifacts(apiVersion);
      const exchanges: Exchange[] = [];
      const collected: Collected = await collect(artifacts, {
        ...collectOptions(session, config, hooks.signal),
        searchQueries: (config.searchQueries ?? []).map((q) => q.byVersion[apiVersion]!),
        ...(config.record ? { transform: (e: Exchange) => forCassette(e, secrets) } : {}),
        ...(config.record || config.target === 'replay' ? { maskedKeys: MASKED_KEYS } : {}),
        onExchange: (e) => {
          exchanges.push(e);
          hooks.onExchange?.(e);
          if (hooks.onProgress) hooks.onProgress({ ...progress.add(e) });
        },
      });
      if (collected.interrupted) partial = true;
      if (config.record) recorded.set(apiVersion, exchanges);
      hooks.onCollected?.(apiVersion, collected);
      samples.push({ apiVersion, samples: samplesOf(collected) });
      const ctx: CheckContext = {
        apiVersion,
        artifacts,
        collected,
        now: targetNow(target.now, collected.clockOffsetMs),
        redact,
      };
      const versionResults = runChecks(ctx).filter(
        (r) => !hooks.operations || hooks.operations.includes(r.operationId),
      );
      results.push(...versionResults);
      try {
        coverage[apiVersion] = coverageOf(artifacts, allExchanges(collected));
      } catch {
        // a body the coverage walk cannot read is reported by the checks; coverage stays empty
        coverage[apiVersion] = {};
      }
      perPage[apiVersion] = perPageOf(versionResults, artifacts);
      specDefects[apiVersion] = artifacts.defects().filter((d) => (d.operations ?? []).length > 0);
    }
  } finally {
    await target.close();
  }
  if (config.record) writeCassettes(config.record, recorded, Math.floor(Date.parse(startedAt) / 1000));
  results.sort(compareResults);
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    run: {
      kit: kitVersion(),
      target: config.target,
      ...(config.target === 'mock' ? { scenario: config.scenario, seed: config.seed } : {}),
      apiVersions: config.apiVersions,
      startedAt,
      finishedAt: new Date().toISOString(),
      requestCount: budget.used,
      redacted: config.redact,
      ...(partial ? { partial: true } : {}),
    },
    specs: Object.fromEntries(config.apiVersions.map((v) => [v, lock.versions[v]!])),
    results,
    specDefects,
    coverage,
    perPage,
    matrix: buildMatrix(results),
    ...(samples.length >= 2 ? { runtimeDiff: runtimeDiffOf(samples) } : {}),
  };
  // The token never leaves the engine: a hostile server may echo it back in a body or a header.
  return scrubSecretsDeep(result, secrets);
}
