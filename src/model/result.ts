import type { SpecDefect } from '../descriptions/defects.ts';

/**
 * The one result model of a conformance run. Every renderer (JSON, JUnit, Markdown, HTML) is a pure function
 * of a `RunResult`; `conformance.json` is this object as JSON (described by `conformance.schema.json`).
 */
export const RESULT_SCHEMA_VERSION = 1;

/** How one check went for one operation × version (Schemathesis' distinction). */
export type Outcome = 'pass' | 'fail' | 'error' | 'skip';

/** What a single deviation means for the API. */
export type Classification = 'conforms' | 'known-quirk' | 'violation';

export type Severity = 'error' | 'warning' | 'info';

export interface QuirkRef {
  id: string;
  summary: string;
  /** The documentation page or the description's own example that documents the quirk. */
  source: string;
}

export interface Finding {
  /** The check that produced it. */
  checkId: string;
  severity: Severity;
  classification: Classification;
  message: string;
  quirk?: QuirkRef;
  /** Ajv fields, for schema findings. */
  instancePath?: string;
  schemaPath?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  /** The offending value, truncated and (by default) redacted. */
  value?: unknown;
  /** JSON pointer of the rule in the description. */
  specPointer?: string;
  /** The request that produced the response (method and path, query included; never headers). */
  request?: { method: string; url: string; status?: number };
}

export interface CheckResult {
  checkId: string;
  operationId: string;
  apiVersion: string;
  outcome: Outcome;
  /** Why it was skipped, or what went wrong for `error` (timeout, 5xx after N retries, not JSON, …). */
  reason?: string;
  findings: Finding[];
  /** Free-form facts a check records (e.g. `{ perPageOverflow: 'clamp' }`). */
  observations?: Record<string, unknown>;
  /** The check's own time plus the time of the requests of its operation, in milliseconds (JUnit `time`). */
  durationMs?: number;
}

export interface OperationCoverage {
  /** Normalised instance paths of properties seen in responses that no schema describes. */
  undocumented: string[];
  /** Description pointers of schema properties never seen in any response. */
  unobserved: string[];
  observedCount: number;
  describedCount: number;
}

export interface PerPageBehaviour {
  /** What the target did with per_page=151. */
  overflow: 'reject' | 'clamp' | 'unknown';
  /** The page size the target used without per_page, and what the description documents. */
  observedDefault?: number;
  documentedDefault?: number;
  documentedMaximum?: number;
}

export interface MatrixCell {
  pass: number;
  fail: number;
  error: number;
  skip: number;
  conforms: number;
  knownQuirk: number;
  violation: number;
}

export interface RunMetadata {
  kit: { name: string; version: string };
  target: 'mock' | 'live' | 'replay';
  scenario?: string;
  seed?: number;
  apiVersions: string[];
  startedAt: string;
  finishedAt: string;
  requestCount: number;
  /** True when the run was interrupted or cut short: results are partial. */
  partial?: boolean;
  /** Set when shards were merged: how many. */
  shards?: number;
  /** Whether customer data in shown values was masked (`false` only with `--no-redact`). */
  redacted: boolean;
}

export interface SpecPin {
  repository: string;
  commit: string;
  path: string;
  sha256: string;
}

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  run: RunMetadata;
  specs: Record<string, SpecPin>;
  results: CheckResult[];
  specDefects: Record<string, SpecDefect[]>;
  coverage: Record<string, Record<string, OperationCoverage>>;
  perPage: Record<string, PerPageBehaviour>;
  matrix: Record<string, Record<string, MatrixCell>>;
  /** Runtime cross-version differences (when two versions ran against the same target). */
  runtimeDiff?: unknown[];
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const CLASS_RANK: Record<Classification, number> = { violation: 0, 'known-quirk': 1, conforms: 2 };

/** Deterministic order: classification, severity, check id, instance path, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    CLASS_RANK[a.classification] - CLASS_RANK[b.classification] ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.checkId.localeCompare(b.checkId) ||
    (a.instancePath ?? '').localeCompare(b.instancePath ?? '') ||
    a.message.localeCompare(b.message)
  );
}

export function compareResults(a: CheckResult, b: CheckResult): number {
  return (
    a.apiVersion.localeCompare(b.apiVersion, undefined, { numeric: true }) ||
    a.operationId.localeCompare(b.operationId) ||
    a.checkId.localeCompare(b.checkId)
  );
}

function emptyCell(): MatrixCell {
  return { pass: 0, fail: 0, error: 0, skip: 0, conforms: 0, knownQuirk: 0, violation: 0 };
}

/** The conformance matrix (version × operation → counts), derived from the results. */
export function buildMatrix(results: CheckResult[]): Record<string, Record<string, MatrixCell>> {
  const matrix: Record<string, Record<string, MatrixCell>> = {};
  for (const r of [...results].sort(compareResults)) {
    matrix[r.apiVersion] ??= {};
    matrix[r.apiVersion]![r.operationId] ??= emptyCell();
    const cell = matrix[r.apiVersion]![r.operationId]!;
    cell[r.outcome]++;
    for (const f of r.findings) {
      if (f.classification === 'violation') cell.violation++;
      else if (f.classification === 'known-quirk') cell.knownQuirk++;
      else cell.conforms++;
    }
  }
  return matrix;
}

/** The worst classification among findings (`conforms` when there are none). */
export function verdictOf(findings: Array<Pick<Finding, 'classification'>>): Classification {
  if (findings.some((f) => f.classification === 'violation')) return 'violation';
  if (findings.some((f) => f.classification === 'known-quirk')) return 'known-quirk';
  return 'conforms';
}

/** What makes a run's exit code 1 (`--fail-on`): see run/exit-code.ts. */
export type FailOn = 'violation' | 'error' | 'never';
