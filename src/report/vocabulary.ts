import type { CheckResult, RunResult } from '../model/result.ts';

/**
 * The one vocabulary of every report: what a check × operation × version came to. The CLI's final line, the
 * headline of `summary.md` and `report.html`, the matrix and JUnit all count check results in these words, in
 * this order; the README's definition is generated from this table (`npm run docs`).
 */
export type Status = 'violation' | 'known-quirk' | 'error' | 'skip' | 'pass';

export interface StatusEntry {
  status: Status;
  /** The word shown, singular and plural. */
  word: string;
  plural: string;
  /** The outcome stored in `conformance.json` (`fail` stays for schema compatibility). */
  outcome: CheckResult['outcome'];
  /** What JUnit makes of it. */
  junit: string;
  meaning: string;
}

export const VOCABULARY: readonly StatusEntry[] = [
  {
    status: 'violation',
    word: 'violation',
    plural: 'violations',
    outcome: 'fail',
    junit: '`<failure type="violation">`',
    meaning: 'the API answered against its description, and no documented quirk explains it',
  },
  {
    status: 'known-quirk',
    word: 'known quirk',
    plural: 'known quirks',
    outcome: 'pass',
    junit: 'passes; the quirks in `<system-out>`',
    meaning:
      'the API deviates from its description only in ways Intercom documents elsewhere (doc pages, examples); each finding names its quirk and source',
  },
  {
    status: 'error',
    word: 'error',
    plural: 'errors',
    outcome: 'error',
    junit: '`<error>`',
    meaning:
      'the check could not be made (timeout, 5xx after retries, a body that is not JSON, …): not checked',
  },
  {
    status: 'skip',
    word: 'skip',
    plural: 'skips',
    outcome: 'skip',
    junit: '`<skipped message>`',
    meaning: 'nothing to check (no sandbox for writes, no data of that kind), with the reason',
  },
  {
    status: 'pass',
    word: 'pass',
    plural: 'passes',
    outcome: 'pass',
    junit: 'passes',
    meaning: 'the check ran and the responses matched the description',
  },
];

export const STATUSES: readonly Status[] = VOCABULARY.map((v) => v.status);

const BY_STATUS = new Map(VOCABULARY.map((v) => [v.status, v]));

export function statusEntry(status: Status): StatusEntry {
  return BY_STATUS.get(status)!;
}

/** The status of a check result: its outcome, with `fail` shown as violation and quirk-only passes apart. */
export function statusOf(r: Pick<CheckResult, 'outcome' | 'findings'>): Status {
  if (r.outcome === 'fail') return 'violation';
  if (r.outcome === 'error' || r.outcome === 'skip') return r.outcome;
  return r.findings.some((f) => f.classification === 'known-quirk') ? 'known-quirk' : 'pass';
}

/** `1 violation`, `2 known quirks`, `1 error`, `0 skips`, `3 passes`. */
export function countOf(n: number, status: Status): string {
  const e = statusEntry(status);
  return `${n} ${n === 1 ? e.word : e.plural}`;
}

export type StatusCounts = Record<Status, number>;

function emptyCounts(): StatusCounts {
  return { violation: 0, 'known-quirk': 0, error: 0, skip: 0, pass: 0 };
}

export function countStatuses(
  results: ReadonlyArray<Pick<CheckResult, 'outcome' | 'findings'>>,
): StatusCounts {
  const counts = emptyCounts();
  for (const r of results) counts[statusOf(r)]++;
  return counts;
}

/** `0 violations, 12 known quirks, 0 errors, 0 skips, 68 passes`: every status, in the table's order. */
export function countsText(counts: StatusCounts): string {
  return STATUSES.map((s) => countOf(counts[s], s)).join(', ');
}

/**
 * The CLI's final line of a run: the counts in the vocabulary, the target, versions and requests, and the
 * report files (`written`, shown relative to `cwd`).
 */
export function finalLine(result: RunResult, written: readonly string[] = [], cwd = process.cwd()): string {
  const m = result.run;
  const files = written.map((f) => (f.startsWith(`${cwd}/`) ? f.slice(cwd.length + 1) : f));
  const requests = `${m.requestCount} request${m.requestCount === 1 ? '' : 's'}`;
  const where = `${m.target}, API ${m.apiVersions.join(', ')}, ${requests}${m.partial ? ', partial' : ''}`;
  return `intercom-conformance run: ${countsText(countStatuses(result.results))} (${where})${files.length ? `; reports: ${files.join(', ')}` : ''}`;
}

/** The README's definition of the vocabulary (generated into the Reports section). */
export function vocabularyTable(): string {
  const rows = VOCABULARY.map(
    (v) => `| ${v.word} | \`${v.outcome}\` | ${v.junit} | ${v.meaning.replace(/\|/g, '\\|')} |`,
  );
  return ['| status | `outcome` in conformance.json | JUnit | meaning |', '|---|---|---|---|', ...rows].join(
    '\n',
  );
}

/** One row of the matrix every renderer shows: a version × operation, its checks per status, its findings. */
export interface MatrixRow {
  version: string;
  operation: string;
  counts: Record<Status, number>;
  findings: number;
}

/** The matrix of a run, in the order results come (the renderers only format it). */
export function matrixRows(results: readonly CheckResult[]): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const r of results) {
    const key = `${r.apiVersion}\u0000${r.operationId}`;
    const row = rows.get(key) ?? {
      version: r.apiVersion,
      operation: r.operationId,
      counts: countStatuses([]),
      findings: 0,
    };
    row.counts[statusOf(r)]++;
    row.findings += r.findings.length;
    rows.set(key, row);
  }
  return [...rows.values()];
}
