import type { OpenApiDocument } from '../descriptions/load.ts';
import { isObject } from '../util/json.ts';
import { childPointer, resolvePointer } from '../util/json-pointer.ts';
import { type Shape, shapeOf } from './shape.ts';

/**
 * One side of a schema comparison, read the way a client author reads the description:
 * - `$ref`s are followed (`at` is where the schema stands, `pointer` the node it resolves to);
 * - an `allOf` is merged (properties, required, types), so `{nullable: true, allOf: [{$ref: X}]}` reads as X;
 * - nullability is read as declared: `nullable: true` beside a `$ref` or around an `allOf` counts, although a
 *   strict OpenAPI 3.0 reading (the generated validators) ignores it; `nullableHow` says which it was.
 */
export interface SchemaView {
  /** Where the schema stands (a property, an array's items, a media type's schema). */
  at: string;
  /** The node it resolves to (a component for a `$ref`). */
  pointer: string;
  /** The component it is: a `$ref`, or an `allOf` of exactly one `$ref`. */
  component?: string;
  /** A `$ref` that resolves to nothing: the schema is undefined. */
  dangling?: string;
  /** JSON types, sorted, without `null`; undefined when unconstrained. */
  types?: string[];
  nullable: boolean;
  nullableHow?: NullableHow;
  /** The schema's own description text (documented sentinels live there). */
  description?: string;
  nullablePointer?: string;
  /** Enum values without `null`. */
  enum?: JsonLike[];
  enumPointer?: string;
  hasDefault: boolean;
  default?: JsonLike;
  defaultPointer?: string;
  maximum?: number;
  maximumPointer?: string;
  properties: Map<string, ChildSchema>;
  required: Map<string, string>;
  items?: ChildSchema;
  additionalProperties?: ChildSchema;
  branches: Branch[];
  /** The exact value set, for the simple schemas `shapeOf` can read (request unions of primitives and arrays). */
  shape?: Shape;
}

export type NullableHow = 'type' | 'beside-ref' | 'around-allof';

type JsonLike = unknown;

export interface ChildSchema {
  node: unknown;
  at: string;
}

export interface Branch extends ChildSchema {
  combinator: 'anyOf' | 'oneOf';
  index: number;
  component?: string;
}

const COMPONENT_PREFIX = '#/components/schemas/';
const MAX_REF_HOPS = 16;
const MAX_ALLOF_DEPTH = 8;

function componentName(ref: string): string | undefined {
  return ref.startsWith(COMPONENT_PREFIX) && !ref.slice(COMPONENT_PREFIX.length).includes('/')
    ? decodeURIComponent(ref.slice(COMPONENT_PREFIX.length)).replace(/~1/g, '/').replace(/~0/g, '~')
    : undefined;
}

function emptyView(at: string, pointer: string): SchemaView {
  return {
    at,
    pointer,
    nullable: false,
    hasDefault: false,
    properties: new Map(),
    required: new Map(),
    branches: [],
  };
}

/** Follows a `$ref` chain; `dangling` is the first `$ref` that resolves to nothing. */
function follow(
  doc: OpenApiDocument,
  node: unknown,
  at: string,
): {
  node: unknown;
  pointer: string;
  firstRef?: string;
  dangling?: string;
  refSibling?: Record<string, unknown>;
} {
  let current = node;
  let pointer = at;
  let firstRef: string | undefined;
  const refSibling = isObject(node) && typeof node.$ref === 'string' ? node : undefined;
  for (let hops = 0; hops < MAX_REF_HOPS && isObject(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    firstRef ??= ref;
    const target = ref.startsWith('#') ? resolvePointer(doc, ref) : undefined;
    if (target === undefined) return { node: undefined, pointer, firstRef, dangling: ref, refSibling };
    current = target;
    pointer = ref;
  }
  return { node: current, pointer, firstRef, refSibling };
}

function jsonTypes(node: Record<string, unknown>): { types?: string[]; nullType: boolean } {
  const raw = node.type;
  const list =
    typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw.filter((t) => typeof t === 'string') : [];
  const nullType = list.includes('null');
  const types = list.filter((t) => t !== 'null');
  if (types.length > 0) return { types: [...new Set(types)].sort(), nullType };
  if (isObject(node.properties) || isObject(node.additionalProperties))
    return { types: ['object'], nullType };
  if ('items' in node) return { types: ['array'], nullType };
  return { nullType };
}

/** Merges an `allOf` member into the view (first definition of a property wins; required is a union). */
function mergeInto(view: SchemaView, member: SchemaView): void {
  if (member.types) {
    view.types = view.types ? view.types.filter((t) => member.types!.includes(t)) : member.types;
  }
  for (const [name, child] of member.properties)
    if (!view.properties.has(name)) view.properties.set(name, child);
  for (const [name, at] of member.required) if (!view.required.has(name)) view.required.set(name, at);
  if (member.enum && !view.enum) {
    view.enum = member.enum;
    view.enumPointer = member.enumPointer;
  }
  if (member.hasDefault && !view.hasDefault) {
    view.hasDefault = true;
    view.default = member.default;
    view.defaultPointer = member.defaultPointer;
  }
  if (member.maximum !== undefined && view.maximum === undefined) {
    view.maximum = member.maximum;
    view.maximumPointer = member.maximumPointer;
  }
  view.items ??= member.items;
  view.additionalProperties ??= member.additionalProperties;
  view.branches.push(...member.branches);
  if (member.dangling) view.dangling ??= member.dangling;
}

/** Nullable under the strict OpenAPI 3.0 reading the validators use (`nullable` beside `type`, or `type: null`). */
export function strictlyNullable(view: SchemaView): boolean {
  return view.nullable && view.nullableHow === 'type';
}

/** The effective view of the schema standing at `at` in `doc`. Pure; never throws. */
export function viewSchema(doc: OpenApiDocument, node: unknown, at: string, depth = 0): SchemaView {
  const followed = follow(doc, node, at);
  const view = emptyView(at, followed.pointer);
  if (depth === 0) {
    const shape = shapeOf(doc, node);
    if (shape) view.shape = shape;
  }
  if (followed.firstRef) {
    const name = componentName(followed.firstRef);
    if (name) view.component = name;
  }
  if (followed.refSibling?.nullable === true) {
    view.nullable = true;
    view.nullableHow = 'beside-ref';
    view.nullablePointer = childPointer(at, 'nullable');
  }
  if (followed.dangling) {
    view.dangling = followed.dangling;
    return view;
  }
  const target = followed.node;
  if (!isObject(target)) return view;
  const here = followed.pointer;

  if (typeof target.description === 'string') view.description = target.description;
  const { types, nullType } = jsonTypes(target);
  if (types) view.types = types;
  if (nullType || target.nullable === true) {
    // Around a combinator the members still reject null under OpenAPI 3.0 (the defect kind `nullable-around-allof`).
    const aroundAllOf =
      target.nullable === true && ['allOf', 'anyOf', 'oneOf'].some((c) => Array.isArray(target[c]));
    if (!view.nullable || (view.nullableHow === 'beside-ref' && !aroundAllOf)) {
      view.nullable = true;
      view.nullableHow = aroundAllOf ? 'around-allof' : 'type';
      view.nullablePointer = childPointer(here, nullType ? 'type' : 'nullable');
    }
  }
  if (Array.isArray(target.enum)) {
    view.enum = target.enum.filter((v) => v !== null);
    view.enumPointer = childPointer(here, 'enum');
    if (target.enum.includes(null) && !view.nullable) {
      view.nullable = true;
      view.nullableHow = 'type';
      view.nullablePointer = view.enumPointer;
    }
  }
  if ('default' in target) {
    view.hasDefault = true;
    view.default = target.default;
    view.defaultPointer = childPointer(here, 'default');
  }
  if (typeof target.maximum === 'number') {
    view.maximum = target.maximum;
    view.maximumPointer = childPointer(here, 'maximum');
  }
  if (isObject(target.properties)) {
    for (const [name, sub] of Object.entries(target.properties)) {
      view.properties.set(name, { node: sub, at: childPointer(here, 'properties', name) });
    }
  }
  if (Array.isArray(target.required)) {
    target.required.forEach((name, i) => {
      if (typeof name === 'string' && !view.required.has(name))
        view.required.set(name, childPointer(here, 'required', i));
    });
  }
  if ('items' in target) view.items = { node: target.items, at: childPointer(here, 'items') };
  if (isObject(target.additionalProperties)) {
    view.additionalProperties = {
      node: target.additionalProperties,
      at: childPointer(here, 'additionalProperties'),
    };
  }
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const list = target[combinator];
    if (!Array.isArray(list)) continue;
    list.forEach((sub, index) => {
      const ref = isObject(sub) && typeof sub.$ref === 'string' ? componentName(sub.$ref) : undefined;
      view.branches.push({
        combinator,
        index,
        node: sub,
        at: childPointer(here, combinator, index),
        ...(ref ? { component: ref } : {}),
      });
    });
  }
  if (Array.isArray(target.allOf) && depth < MAX_ALLOF_DEPTH) {
    const members = target.allOf as unknown[];
    members.forEach((sub, i) => {
      mergeInto(view, viewSchema(doc, sub, childPointer(here, 'allOf', i), depth + 1));
    });
    // `{allOf: [{$ref: X}]}` with nothing of its own is X under another name (the nullable-wrapper idiom).
    const only = members.length === 1 ? members[0] : undefined;
    const ownShape = isObject(target.properties) || 'items' in target;
    if (!view.component && isObject(only) && typeof only.$ref === 'string' && !ownShape) {
      const name = componentName(only.$ref);
      if (name) view.component = name;
    }
  }
  return view;
}
