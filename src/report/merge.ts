import type { SpecDefect } from '../descriptions/defects.ts';
import {
  buildMatrix,
  type CheckResult,
  type OperationCoverage,
  type Outcome,
  type PerPageBehaviour,
  type RunResult,
  type SpecPin,
} from '../model/result.ts';
import { UserError } from '../util/errors.ts';
import {
  canonicalize,
  compareDefects,
  compareNames,
  compareVersions,
  orderCheckResult,
} from './canonical.ts';

/** When two shards report the same check × operation × version differently, the most telling one wins. */
const OUTCOME_RANK: Record<Outcome, number> = { fail: 0, error: 1, pass: 2, skip: 3 };

function describePin(pin: SpecPin): string {
  return `commit ${pin.commit.slice(0, 12)} (sha256 ${pin.sha256.slice(0, 12)}…, ${pin.path})`;
}

function requireSame<T>(results: RunResult[], labels: string[], what: string, get: (r: RunResult) => T): T {
  const first = get(results[0]!);
  results.forEach((r, i) => {
    const value = get(r);
    if (JSON.stringify(value) !== JSON.stringify(first)) {
      throw new UserError(
        `cannot merge ${labels[0]} and ${labels[i]}: they are not shards of one run (${what} ${JSON.stringify(first) ?? 'none'} vs ${JSON.stringify(value) ?? 'none'})`,
      );
    }
  });
  return first;
}

function mergeSpecs(results: RunResult[], labels: string[]): Record<string, SpecPin> {
  const specs: Record<string, SpecPin> = {};
  const owner: Record<string, string> = {};
  results.forEach((r, i) => {
    for (const [version, pin] of Object.entries(r.specs)) {
      const seen = specs[version];
      if (!seen) {
        specs[version] = pin;
        owner[version] = labels[i]!;
      } else if (
        seen.commit !== pin.commit ||
        seen.sha256 !== pin.sha256 ||
        seen.path !== pin.path ||
        seen.repository !== pin.repository
      ) {
        throw new UserError(
          `cannot merge runs made against different spec locks: API ${version} is ${describePin(seen)} in ${owner[version]} but ${describePin(pin)} in ${labels[i]}`,
        );
      }
    }
  });
  return specs;
}

function mergeResultsList(results: RunResult[]): CheckResult[] {
  const byKey = new Map<string, CheckResult>();
  for (const run of results) {
    for (const r of run.results) {
      const key = JSON.stringify([r.apiVersion, r.operationId, r.checkId]);
      const candidate = orderCheckResult(r);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, candidate);
        continue;
      }
      if (JSON.stringify(seen) === JSON.stringify(candidate)) continue;
      const better =
        OUTCOME_RANK[candidate.outcome] - OUTCOME_RANK[seen.outcome] ||
        seen.findings.length - candidate.findings.length ||
        compareNames(JSON.stringify(candidate), JSON.stringify(seen));
      if (better < 0) byKey.set(key, candidate);
    }
  }
  return [...byKey.values()];
}

function mergeDefects(results: RunResult[]): Record<string, SpecDefect[]> {
  const out: Record<string, Map<string, SpecDefect>> = {};
  for (const run of results) {
    for (const [version, defects] of Object.entries(run.specDefects)) {
      const map = out[version] ?? new Map<string, SpecDefect>();
      out[version] = map;
      for (const d of defects) {
        const key = JSON.stringify([d.kind, d.pointer, d.details ?? {}]);
        const seen = map.get(key);
        if (!seen) map.set(key, { ...d });
        else if (d.operations || seen.operations) {
          seen.operations = [...new Set([...(seen.operations ?? []), ...(d.operations ?? [])])].sort(
            compareNames,
          );
        }
      }
    }
  }
  return Object.fromEntries(
    Object.entries(out).map(([v, map]) => [v, [...map.values()].sort(compareDefects)]),
  );
}

/** Undocumented: seen by any shard (union). Unobserved: seen by no shard that exercised the operation (intersection). */
function mergeCoverage(results: RunResult[]): Record<string, Record<string, OperationCoverage>> {
  const out: Record<string, Record<string, OperationCoverage>> = {};
  for (const run of results) {
    for (const [version, ops] of Object.entries(run.coverage)) {
      const target = out[version] ?? {};
      out[version] = target;
      for (const [op, c] of Object.entries(ops)) {
        const seen = target[op];
        if (!seen) {
          target[op] = { ...c, undocumented: [...c.undocumented], unobserved: [...c.unobserved] };
          continue;
        }
        const unobserved = new Set(c.unobserved);
        const describedCount = Math.max(seen.describedCount, c.describedCount);
        seen.undocumented = [...new Set([...seen.undocumented, ...c.undocumented])];
        seen.unobserved = seen.unobserved.filter((p) => unobserved.has(p));
        seen.observedCount = Math.max(
          seen.observedCount,
          c.observedCount,
          describedCount - seen.unobserved.length,
        );
        seen.describedCount = describedCount;
      }
    }
  }
  return out;
}

/** Agreeing shards keep their behaviour; `unknown` yields to what another shard observed; a conflict is `unknown`. */
function mergePerPage(results: RunResult[]): Record<string, PerPageBehaviour> {
  const out: Record<string, PerPageBehaviour> = {};
  for (const run of results) {
    for (const [version, p] of Object.entries(run.perPage)) {
      const seen = out[version];
      if (!seen) {
        out[version] = { ...p };
        continue;
      }
      if (seen.overflow === 'unknown') seen.overflow = p.overflow;
      else if (p.overflow !== 'unknown' && p.overflow !== seen.overflow) seen.overflow = 'unknown';
      for (const key of ['observedDefault', 'documentedDefault', 'documentedMaximum'] as const) {
        if (seen[key] === undefined) {
          if (p[key] !== undefined) seen[key] = p[key];
        } else if (p[key] !== undefined && p[key] !== seen[key]) delete seen[key];
      }
    }
  }
  return out;
}

function earliest(times: string[]): string {
  return [...times].sort((a, b) => Date.parse(a) - Date.parse(b) || compareNames(a, b))[0]!;
}

function latest(times: string[]): string {
  return [...times].sort((a, b) => Date.parse(b) - Date.parse(a) || compareNames(b, a))[0]!;
}

/**
 * Merges the results of shards (`vitest --shard`, CI matrix jobs) into one run. Refuses runs made against
 * different spec locks, targets, scenarios, seeds or kit versions (one-line UserError). Identical check ×
 * operation × version entries are kept once; the matrix is recomputed.
 */
export function mergeResults(
  results: RunResult[],
  labels: string[] = results.map((_, i) => `shard ${i + 1}`),
): RunResult {
  if (results.length === 0) throw new UserError('nothing to merge (give at least one conformance.json)');
  requireSame(results, labels, 'result schema version', (r) => r.schemaVersion);
  requireSame(results, labels, 'kit', (r) => `${r.run.kit.name} ${r.run.kit.version}`);
  requireSame(results, labels, 'target', (r) => r.run.target);
  requireSame(results, labels, 'scenario', (r) => r.run.scenario);
  requireSame(results, labels, 'seed', (r) => r.run.seed);
  const specs = mergeSpecs(results, labels);
  const checks = mergeResultsList(results);
  const first = results[0]!.run;
  const merged: RunResult = {
    schemaVersion: results[0]!.schemaVersion,
    run: {
      kit: first.kit,
      target: first.target,
      scenario: first.scenario,
      seed: first.seed,
      apiVersions: [...new Set(results.flatMap((r) => r.run.apiVersions))].sort(compareVersions),
      startedAt: earliest(results.map((r) => r.run.startedAt)),
      finishedAt: latest(results.map((r) => r.run.finishedAt)),
      requestCount: results.reduce((n, r) => n + r.run.requestCount, 0),
      redacted: results.every((r) => r.run.redacted),
      partial: results.some((r) => r.run.partial) ? true : undefined,
      shards: results.reduce((n, r) => n + (r.run.shards ?? 1), 0),
    },
    specs,
    results: checks,
    specDefects: mergeDefects(results),
    coverage: mergeCoverage(results),
    perPage: mergePerPage(results),
    matrix: buildMatrix(checks),
  };
  const diffs = results.flatMap((r) => r.runtimeDiff ?? []);
  if (results.some((r) => r.runtimeDiff !== undefined)) {
    merged.runtimeDiff = [...new Map(diffs.map((d) => [JSON.stringify(d), d])).values()];
  }
  return canonicalize(merged);
}
