import type { SpecDefect } from '../descriptions/defects.ts';
import {
  type CheckResult,
  compareFindings,
  compareResults,
  type Finding,
  type MatrixCell,
  type OperationCoverage,
  type PerPageBehaviour,
  type RunMetadata,
  type RunResult,
  type SpecPin,
} from '../model/result.ts';

/**
 * The canonical form of a RunResult: every list sorted by the model's compare functions (ties broken on
 * content), every map keyed in order (versions numerically, operations by name), every known object's keys in
 * the model's declaration order. Renderers only ever see this form, so equal runs give byte-identical reports.
 */

export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

export function compareNames(a: string, b: string): number {
  return a.localeCompare(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Finding order: the model's compare, then spec pointer, schema path and content, so no tie stays. */
function compareFindingsTotal(a: Finding, b: Finding): number {
  return (
    compareFindings(a, b) ||
    compareNames(a.specPointer ?? '', b.specPointer ?? '') ||
    compareNames(a.schemaPath ?? '', b.schemaPath ?? '') ||
    compareNames(JSON.stringify(orderFinding(a)), JSON.stringify(orderFinding(b)))
  );
}

export function compareDefects(a: SpecDefect, b: SpecDefect): number {
  return (
    compareNames(a.kind, b.kind) ||
    compareNames(a.pointer, b.pointer) ||
    compareNames(JSON.stringify(a.details ?? {}), JSON.stringify(b.details ?? {}))
  );
}

/** A copy of a record with its keys in the given order. */
function sortRecord<V, W = V>(
  record: Record<string, V>,
  compare: (a: string, b: string) => number,
  map: (value: V, key: string) => W = (v) => v as unknown as W,
): Record<string, W> {
  const out: Record<string, W> = {};
  for (const key of Object.keys(record).sort(compare)) out[key] = map(record[key]!, key);
  return out;
}

/** Copies `keys` of `source` in order, leaving out undefined ones. */
function pick<T extends object>(source: T, keys: Array<keyof T>): T {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}

function orderFinding(f: Finding): Finding {
  const out = pick(f, [
    'checkId',
    'severity',
    'classification',
    'message',
    'quirk',
    'instancePath',
    'schemaPath',
    'keyword',
    'params',
    'value',
    'specPointer',
    'request',
  ]);
  if (f.quirk) out.quirk = pick(f.quirk, ['id', 'summary', 'source']);
  if (f.request) out.request = pick(f.request, ['method', 'url', 'status']);
  return out;
}

export function orderCheckResult(r: CheckResult): CheckResult {
  const out = pick(r, [
    'checkId',
    'operationId',
    'apiVersion',
    'outcome',
    'reason',
    'findings',
    'observations',
    'durationMs',
  ]);
  out.findings = r.findings.map(orderFinding).sort(compareFindingsTotal);
  return out;
}

function orderRun(run: RunMetadata): RunMetadata {
  const out = pick(run, [
    'kit',
    'target',
    'scenario',
    'seed',
    'apiVersions',
    'startedAt',
    'finishedAt',
    'requestCount',
    'redacted',
    'partial',
    'shards',
  ]);
  out.kit = pick(run.kit, ['name', 'version']);
  out.apiVersions = [...run.apiVersions].sort(compareVersions);
  return out;
}

function orderDefect(d: SpecDefect): SpecDefect {
  const out = pick(d, ['kind', 'pointer', 'message', 'operations', 'details']);
  if (d.operations) out.operations = [...d.operations].sort(compareNames);
  return out;
}

function orderCoverage(c: OperationCoverage): OperationCoverage {
  return {
    undocumented: [...c.undocumented].sort(compareNames),
    unobserved: [...c.unobserved].sort(compareNames),
    observedCount: c.observedCount,
    describedCount: c.describedCount,
  };
}

function orderCell(c: MatrixCell): MatrixCell {
  return pick(c, ['pass', 'fail', 'error', 'skip', 'conforms', 'knownQuirk', 'violation']);
}

export function canonicalize(result: RunResult): RunResult {
  const out: RunResult = {
    schemaVersion: result.schemaVersion,
    run: orderRun(result.run),
    specs: sortRecord(result.specs, compareVersions, (p: SpecPin) =>
      pick(p, ['repository', 'commit', 'path', 'sha256']),
    ),
    results: result.results.map(orderCheckResult).sort(compareResults),
    specDefects: sortRecord(result.specDefects, compareVersions, (list) =>
      list.map(orderDefect).sort(compareDefects),
    ),
    coverage: sortRecord(result.coverage, compareVersions, (ops) =>
      sortRecord(ops, compareNames, orderCoverage),
    ),
    perPage: sortRecord(result.perPage, compareVersions, (p: PerPageBehaviour) =>
      pick(p, ['overflow', 'observedDefault', 'documentedDefault', 'documentedMaximum']),
    ),
    matrix: sortRecord(result.matrix, compareVersions, (ops) => sortRecord(ops, compareNames, orderCell)),
  };
  if (result.runtimeDiff !== undefined) out.runtimeDiff = result.runtimeDiff;
  return out;
}
