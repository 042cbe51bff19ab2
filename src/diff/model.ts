/**
 * The change model of `diff` and `drift`: what a rule found, as data. Messages are rendered from `args`
 * separately (see `messages.ts`), so that renderers, tests and tools all read the same fields.
 */

export type Severity = 'breaking' | 'warning' | 'info';

const SEVERITIES: readonly Severity[] = ['breaking', 'warning', 'info'];

/**
 * What a change means for a client that is already running:
 * - `wire`: what goes over the wire changes; its severity says how much (`breaking`: a client that worked
 *   can misbehave at run time; `warning`: it may; `info`: it cannot);
 * - `type-only`: only generated types change (a path parameter renamed with the same URLs, a `required`
 *   list, a component renamed) — the compiler catches it; reported, never failing by default;
 * - `artefact`: the descriptions describing themselves (the `Intercom-Version` header's own default and
 *   enum), a schema its own examples contradict, or a move a registered quirk already explains (the old
 *   API already sent what the new description allows) — shown, counted, never failing.
 */
export type ChangeClass = 'wire' | 'type-only' | 'artefact';

/** A level an override may set: a wire severity, or one of the two classes that never fail. */
export type Level = Severity | 'type-only' | 'artefact';

export const LEVELS: readonly Level[] = [...SEVERITIES, 'type-only', 'artefact'];

/** Counts per wire severity (wire changes only) and per non-wire class. */
export type Counts = Record<Level, number>;

/** The level a change is counted and grouped under. */
export function levelOf(change: { class: ChangeClass; severity: Severity }): Level {
  return change.class === 'wire' ? change.severity : change.class;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The arguments a rule stores with a change (a type alias, not an interface, so it fits the index type). */
export type Args = Record<string, JsonValue>;

export type ChangeLocation = 'operation' | 'parameter' | 'request' | 'response';

/** How a change relates to a registered quirk (see `quirks.ts` for the exact semantics). */
export type QuirkRelation = 'resolves' | 'may-resolve' | 'introduces' | 'touches';

export interface QuirkAnnotation {
  quirkId: string;
  relation: QuirkRelation;
  /** The quirk's target pointer that is at, under or above the change's pointer (on the same schema). */
  target: string;
}

export interface Change {
  ruleId: string;
  /** Wire severity (the rule's default, or an override); what counts is `class` first. */
  severity: Severity;
  class: ChangeClass;
  /** One line: why the change has this class and severity. */
  reason: string;
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
  /**
   * For a change of a schema itself: where that schema stands on each side (a property, when the pointers
   * above are the component it resolves to). Quirks are matched against both.
   */
  oldPlace?: string;
  newPlace?: string;
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
  counts: Counts;
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
