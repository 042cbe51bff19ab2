import type { Classification, Finding, QuirkRef, RunResult, Severity } from '../model/result.ts';
import { allFindings, locationOf } from './prepare.ts';
import { displayValue, visibleControls } from './visible.ts';

/**
 * Findings grouped the way a reviewer reads them: by classification, then by check and spec pointer (or, for a
 * known quirk, by check and quirk). Every renderer shows one line per group and the instances on demand. All
 * strings of the view are display text: control bytes already visible (`\u0000`), nothing escaped for a format.
 */
export interface FindingInstance {
  version: string;
  operation: string;
  /** Where in the response (`/conversations/0/rating`), or '' when the finding has no path. */
  path: string;
  message: string;
  /** The offending value as shown (a string in quotes, not JSON-escaped), or ''. */
  value: string;
  /** `GET /conversations?per_page=151 → 200`, or ''. */
  request: string;
}

export interface FindingGroup {
  /** Stable within a run: `violation:schema:#/components/…`. */
  key: string;
  classification: Classification;
  severity: Severity;
  checkId: string;
  specPointer?: string;
  quirk?: QuirkRef;
  /** One line: the quirk's summary, or the (first) message. */
  title: string;
  /** How many distinct messages the instances carry. */
  messages: number;
  count: number;
  versions: string[];
  operations: string[];
  example: FindingInstance;
  instances: FindingInstance[];
}

const CLASS_RANK: Record<Classification, number> = { violation: 0, 'known-quirk': 1, conforms: 2 };
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const text = (s: string) => visibleControls(s, false);

export function requestText(f: Finding): string {
  if (!f.request) return '';
  return text(`${f.request.method} ${f.request.url}${f.request.status ? ` → ${f.request.status}` : ''}`);
}

function groupKey(f: Finding): string {
  const what =
    f.classification === 'known-quirk' ? `quirk ${f.quirk?.id ?? '(unnamed)'}` : (f.specPointer ?? '');
  return `${f.classification}:${f.checkId}:${what}`;
}

function byVersion(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true });
}

/** Every finding of the run in groups: violations first, then known quirks, then notes; larger groups first. */
export function groupFindings(run: RunResult): FindingGroup[] {
  const groups = new Map<string, FindingGroup & { seen: Set<string> }>();
  for (const { result: r, finding: f } of allFindings(run)) {
    const key = groupKey(f);
    const instance: FindingInstance = {
      version: text(r.apiVersion),
      operation: text(r.operationId),
      path: text(locationOf(f)),
      message: text(f.message),
      value: f.value === undefined ? '' : displayValue(f.value),
      request: requestText(f),
    };
    let g = groups.get(key);
    if (!g) {
      g = {
        key: text(key),
        classification: f.classification,
        severity: f.severity,
        checkId: text(f.checkId),
        ...(f.specPointer ? { specPointer: text(f.specPointer) } : {}),
        ...(f.quirk
          ? { quirk: { id: text(f.quirk.id), summary: text(f.quirk.summary), source: text(f.quirk.source) } }
          : {}),
        title: text(f.classification === 'known-quirk' && f.quirk ? f.quirk.summary : f.message),
        messages: 0,
        count: 0,
        versions: [],
        operations: [],
        example: instance,
        instances: [],
        seen: new Set<string>(),
      };
      groups.set(key, g);
    }
    g.count++;
    g.instances.push(instance);
    if (!g.seen.has(instance.message)) {
      g.seen.add(instance.message);
      g.messages++;
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g.severity]) g.severity = f.severity;
    if (!g.versions.includes(instance.version)) g.versions.push(instance.version);
    if (!g.operations.includes(instance.operation)) g.operations.push(instance.operation);
    // The example: the first instance that shows a value, if any does.
    if (g.example.value === '' && instance.value !== '') g.example = instance;
  }
  return [...groups.values()]
    .map(({ seen: _seen, ...g }) => ({
      ...g,
      versions: g.versions.sort(byVersion),
      operations: g.operations.sort((a, b) => a.localeCompare(b)),
    }))
    .sort(
      (a, b) =>
        CLASS_RANK[a.classification] - CLASS_RANK[b.classification] ||
        b.count - a.count ||
        a.key.localeCompare(b.key),
    );
}

export function groupsOf(groups: FindingGroup[], classification: Classification): FindingGroup[] {
  return groups.filter((g) => g.classification === classification);
}

export function findingCount(groups: FindingGroup[]): number {
  return groups.reduce((n, g) => n + g.count, 0);
}
