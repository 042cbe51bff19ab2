import type { Args, ChangeClass, ChangeLocation, Severity } from './model.ts';
import type { BodyView, MediaView, OperationView, ParameterView, ResponseView } from './operations.ts';
import type { SchemaView } from './schema-view.ts';

/**
 * A rule is a pure function from one comparison site to hits. Which sites it applies to is data (`site`,
 * `direction`), kept apart from what it checks; its message is rendered from the hit's args, separately.
 */

export interface OperationSite {
  kind: 'operation';
  old?: OperationView;
  new?: OperationView;
}

export interface ParameterSite {
  kind: 'parameter';
  oldOperation: OperationView;
  newOperation: OperationView;
  old?: ParameterView;
  new?: ParameterView;
  /** Views of the parameters' schemas (when both sides have the parameter, or the one side has it). */
  oldSchema?: SchemaView;
  newSchema?: SchemaView;
  /** Paired by position in the path template because the names differ. */
  renamed?: { position: number };
}

export interface RequestBodySite {
  kind: 'request-body';
  old?: BodyView;
  new?: BodyView;
}

export interface ResponseSite {
  kind: 'response';
  status: string;
  old?: ResponseView;
  new?: ResponseView;
}

export interface MediaSite {
  kind: 'media';
  direction: Direction;
  status?: string;
  mediaType: string;
  old?: MediaView;
  new?: MediaView;
}

/** A request is what the client sends; a response is what it reads. */
export type Direction = 'request' | 'response';

export interface SchemaSite {
  kind: 'schema';
  direction: Direction;
  old: SchemaView;
  new: SchemaView;
  /** Property path segments from the body root (`[]` for array items, `{}` for additional properties). */
  path: string[];
}

export type Site = OperationSite | ParameterSite | RequestBodySite | ResponseSite | MediaSite | SchemaSite;
export type SiteKind = Site['kind'];
type SiteOf<K extends SiteKind> = Extract<Site, { kind: K }>;

export interface Hit<A extends Args = Args> {
  args: A;
  oldPointer?: string;
  newPointer?: string;
  /** Property path within the body, for schema rules. */
  property?: string;
  /** This hit's class and reason when they differ from the rule's (e.g. a path change with the same URLs). */
  class?: ChangeClass;
  severity?: Severity;
  reason?: string;
}

export interface RuleSpec<K extends SiteKind, A extends Args> {
  id: string;
  severity: Severity;
  /** What the change means for a running client (default `wire`); see `ChangeClass`. */
  class?: ChangeClass;
  /** One line: why a change of this rule has its class and severity (the impact on a running client). */
  reason: string;
  /** One line for the rules table. */
  summary: string;
  site: K;
  /** For `media` and `schema` sites: the direction the rule judges; both when absent. */
  direction?: Direction;
  location: ChangeLocation | ((site: SiteOf<K>) => ChangeLocation);
  check: (site: SiteOf<K>) => Array<Hit<A>>;
  message: (args: A, property?: string) => string;
}

/** A rule as the registry holds it: the types of its site and args erased (the engine dispatches by `site`). */
export interface Rule {
  id: string;
  severity: Severity;
  class?: ChangeClass;
  reason: string;
  summary: string;
  site: SiteKind;
  direction?: Direction;
  location: ChangeLocation | ((site: Site) => ChangeLocation);
  check: (site: Site) => Hit[];
  message: (args: Args, property?: string) => string;
}

export function defineRule<K extends SiteKind, A extends Args>(spec: RuleSpec<K, A>): Rule {
  return spec as unknown as Rule;
}

/** A schema site's path as text: `conversations[].tags.tags[].applied_at`, or `(root)`. */
export function propertyPath(path: readonly string[], ...more: string[]): string {
  const all = [...path, ...more];
  if (all.length === 0) return '(root)';
  return all.reduce(
    (text, seg) =>
      seg.startsWith('[') || seg.startsWith('{') || seg.startsWith('<')
        ? text + seg
        : text
          ? `${text}.${seg}`
          : seg,
    '',
  );
}

/** `response property a.b`, or `response body` at the root. */
export function subject(direction: Direction, property: string | undefined): string {
  return !property || property === '(root)' ? `${direction} body` : `${direction} property ${property}`;
}

/** A compact JSON rendering of a value for messages. */
export function show(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

export function listOf(values: readonly unknown[]): string {
  return values.map((v) => show(v)).join(', ');
}

/** A JSON type list as text: `string`, `integer|string`, or `any`. */
export function typeText(types: readonly string[] | undefined): string {
  return types && types.length > 0 ? types.join('|') : 'any';
}

/** Both sides resolved to a schema (neither is a dangling `$ref`). */
export function bothDefined(site: SchemaSite): boolean {
  return !site.old.dangling && !site.new.dangling;
}

/** Could this side be an object? (unconstrained counts) */
export function mayBeObject(view: SchemaView): boolean {
  return !view.types || view.types.includes('object');
}

/** The name of a parameter in messages: `"conversation_id"`, or `"conversation_id" (was "id")` after a rename. */
export function parameterName(args: { name: string; oldName: string }): string {
  return args.name === args.oldName ? `"${args.name}"` : `"${args.name}" (was "${args.oldName}")`;
}
