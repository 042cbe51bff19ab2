import type { OpenApiDocument } from '../descriptions/load.ts';
import { isObject } from '../util/json.ts';
import { resolvePointer } from '../util/json-pointer.ts';

/**
 * The value set of a simple schema, when it can be told exactly: a primitive type, an array of a shape, a
 * union (anyOf/oneOf) of shapes, or a component taken as a whole (by name). Enough to decide whether one
 * request schema accepts every value another accepted (`subsumes`) for the unions of primitives and arrays the
 * search query uses (`value`: string | integer | boolean | array of …). Anything with more constraints
 * (properties, enum, format, pattern, bounds) has no shape: the caller then cannot decide, and says nothing.
 */
export type Shape =
  | { kind: 'primitive'; type: 'string' | 'integer' | 'number' | 'boolean'; nullable: boolean }
  | { kind: 'array'; items: Shape; nullable: boolean }
  | { kind: 'union'; branches: Shape[]; nullable: boolean }
  | { kind: 'component'; name: string; nullable: boolean };

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);
/** Keywords that constrain nothing (or that the shape itself reads). */
const NEUTRAL = new Set(['description', 'example', 'examples', 'title', 'deprecated', 'nullable']);
const COMPONENT = /^#\/components\/schemas\/([^/]+)$/;
const MAX_DEPTH = 16;

function neutralExcept(node: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(node).every((k) => keys.includes(k) || NEUTRAL.has(k) || k.startsWith('x-'));
}

/** The shape of a schema node of `doc`, or undefined when it cannot be told exactly. Pure; never throws. */
export function shapeOf(doc: OpenApiDocument, node: unknown, depth = 0): Shape | undefined {
  if (depth > MAX_DEPTH || !isObject(node)) return undefined;
  const nullable = node.nullable === true;
  if (typeof node.$ref === 'string') {
    const name = node.$ref.match(COMPONENT)?.[1];
    const target = resolvePointer(doc, node.$ref);
    if (!name || !isObject(target)) return undefined;
    // A component that is only a union (multiple_or_single_filter_search_request) is read through;
    // any other component is taken as a whole, known by its name.
    const inner = isObject(target) && !('type' in target) ? unionOf(doc, target, depth) : undefined;
    if (inner) return { ...inner, nullable: nullable || inner.nullable };
    return { kind: 'component', name, nullable: nullable || target.nullable === true };
  }
  const union = unionOf(doc, node, depth);
  if (union) return union;
  if (typeof node.type !== 'string') return undefined;
  if (PRIMITIVES.has(node.type) && neutralExcept(node, ['type']))
    return { kind: 'primitive', type: node.type as 'string', nullable };
  if (node.type === 'array' && neutralExcept(node, ['type', 'items'])) {
    const items = shapeOf(doc, node.items, depth + 1);
    return items ? { kind: 'array', items, nullable } : undefined;
  }
  return undefined;
}

function unionOf(doc: OpenApiDocument, node: Record<string, unknown>, depth: number): Shape | undefined {
  const combinators = ['anyOf', 'oneOf'].filter((c) => Array.isArray(node[c]));
  if (combinators.length !== 1 || 'type' in node || !neutralExcept(node, combinators)) return undefined;
  const branches: Shape[] = [];
  for (const sub of node[combinators[0]!] as unknown[]) {
    const shape = shapeOf(doc, sub, depth + 1);
    if (!shape) return undefined;
    branches.push(shape);
  }
  return { kind: 'union', branches, nullable: node.nullable === true };
}

/**
 * Whether every value `narrower` accepts is accepted by `broader`. Components compare by name (their contents
 * are compared where the walk reaches them). A oneOf is read as anyOf: a value two branches accept is
 * counted as accepted (the search unions' branches do not overlap, except for the empty array).
 */
export function subsumes(broader: Shape, narrower: Shape): boolean {
  if (narrower.nullable && !broader.nullable) return false;
  if (narrower.kind === 'union') return narrower.branches.every((b) => subsumes(broader, b));
  if (broader.kind === 'union')
    return broader.branches.some((b) =>
      subsumes({ ...b, nullable: b.nullable || broader.nullable }, narrower),
    );
  if (broader.kind === 'primitive' && narrower.kind === 'primitive')
    return broader.type === narrower.type || (broader.type === 'number' && narrower.type === 'integer');
  if (broader.kind === 'array' && narrower.kind === 'array') return subsumes(broader.items, narrower.items);
  if (broader.kind === 'component' && narrower.kind === 'component') return broader.name === narrower.name;
  return false;
}

/** A shape as text: `string`, `array of string|integer`, `multiple_filter_search_request`. */
export function shapeText(shape: Shape): string {
  switch (shape.kind) {
    case 'primitive':
      return shape.type;
    case 'component':
      return shape.name;
    case 'array':
      return `array of ${shape.items.kind === 'union' ? `(${shapeText(shape.items)})` : shapeText(shape.items)}`;
    case 'union':
      return shape.branches.map(shapeText).join(' | ');
  }
}
