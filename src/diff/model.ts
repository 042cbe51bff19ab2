/**
 * The change model of `diff` and `drift`: what a rule found, as data. Messages are rendered from `args`
 * separately (see `messages.ts`), so that renderers, tests and tools all read the same fields.
 */

export type Severity = 'breaking' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/** Lower is more severe; used for sorting and for `--fail-on`. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The arguments a rule stores with a change (a type alias, not an interface, so it fits the index type). */
export type Args = Record<string, JsonValue>;

export type ChangeLocation = 'operation' | 'parameter' | 'request' | 'response';

/** How a change relates to a registered quirk (see `quirks.ts` for the exact semantics). */
export type QuirkRelation = 'may-resolve' | 'introduces' | 'touches';

export interface QuirkAnnotation {
  quirkId: string;
  relation: QuirkRelation;
  /** The quirk's target pointer that the change's pointer equals or lies under. */
  target: string;
}

export interface Change {
  ruleId: string;
  severity: Severity;
  /** The operationId, or `METHOD /path` for the few operations that have none. */
  operationId: string;
  /** Upper-case HTTP method and path template of the new side (the old side's when the operation is gone). */
  method: string;
  path: string;
  location: ChangeLocation;
  status?: string;
  mediaType?: string;
  /** Where the change is in a schema, e.g. `conversations[].tags.tags[].applied_at` (`(root)` for the body). */
  property?: string;
  /** JSON pointers (URI fragment form) of the changed place in each description. */
  oldPointer?: string;
  newPointer?: string;
  args: Args;
  quirks?: QuirkAnnotation[];
}

export interface OperationScope {
  /** Operations compared (present on at least one side), sorted. */
  compared: string[];
  /** Requested operations that neither description has. */
  missing: string[];
}

export interface DiffReport {
  scope: OperationScope;
  counts: Record<Severity, number>;
  /** Sorted by severity, operation, rule id, location, pointers. */
  changes: Change[];
}

/** A side of a comparison as the user named it, with what was resolved. */
export interface SideInfo {
  label: string;
  kind: 'locked' | 'commit' | 'file';
  version?: string;
  commit?: string;
  file: string;
}

/** One comparison: what `diff` prints, and one section of `drift`. */
export interface DiffSection {
  title: string;
  old: SideInfo;
  new: SideInfo;
  report: DiffReport;
}
