import { isObject } from '../util/json.ts';
import { childPointer, parsePointer, resolvePointer } from '../util/json-pointer.ts';
import type { DefectLog } from './defects.ts';
import type { OpenApiDocument } from './load.ts';

/**
 * The strict reading of an OpenAPI 3.0 Schema Object as JSON Schema (draft-07, for Ajv):
 * - `nullable: true` admits null only where it stands beside `type` in the same object (null joins the type
 *   and, if there is one, the enum); beside a `$ref` it is ignored (OpenAPI 3.0 ignores `$ref` siblings),
 *   and around an `allOf` the referenced schema still rejects null. Both are recorded as spec defects.
 * - a `$ref` to a schema that does not exist validates as unconstrained (`{}`) and is recorded.
 * - `format: date-time` on an integer means Unix seconds (`unix-time`); string formats go to ajv-formats.
 * - annotations and extensions (`example`, `description`, `x-*`, …) are dropped.
 * Every keyword keeps its place, so an Ajv `schemaPath` is also the JSON pointer into the description.
 */

const STRING_FORMATS = new Set([
  'date',
  'time',
  'date-time',
  'duration',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'relative-json-pointer',
  'byte',
]);

const COPIED = [
  'type',
  'enum',
  'const',
  'required',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
] as const;

const ANNOTATIONS = new Set([
  'description',
  'title',
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'xml',
  'externalDocs',
  'discriminator',
  'nullable',
]);

export type JsonSchema = Record<string, unknown> | boolean;

export const COMPONENT_SCHEMA_PREFIX = '#/components/schemas/';

export interface ConvertContext {
  doc: OpenApiDocument;
  defects: DefectLog;
  /** Component schema names reached through `$ref`s (filled while converting). */
  reached: Set<string>;
}

export function convertSchema(node: unknown, at: string, ctx: ConvertContext): JsonSchema {
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) return {};

  if (typeof node.$ref === 'string') return convertRef(node, at, ctx);

  const out: Record<string, unknown> = {};
  for (const key of COPIED) if (key in node) out[key] = structuredClone(node[key]);

  // OpenAPI 3.0 (draft-04 style) boolean exclusive bounds → draft-07 numbers.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (node[flag] === true && typeof node[bound] === 'number') {
      out[flag] = node[bound];
      delete out[bound];
    } else if (typeof node[flag] === 'number') out[flag] = node[flag];
  }

  if (typeof node.format === 'string') {
    const numeric = node.type === 'integer' || node.type === 'number';
    if (numeric && node.format === 'date-time') out.format = 'unix-time';
    else if (!numeric && STRING_FORMATS.has(node.format)) out.format = node.format;
  }

  if (isObject(node.properties)) {
    const props: Record<string, JsonSchema> = {};
    for (const [name, sub] of Object.entries(node.properties)) {
      props[name] = convertSchema(sub, childPointer(at, 'properties', name), ctx);
    }
    out.properties = props;
  }
  if ('additionalProperties' in node) {
    const ap = node.additionalProperties;
    out.additionalProperties =
      typeof ap === 'boolean' ? ap : convertSchema(ap, childPointer(at, 'additionalProperties'), ctx);
  }
  if ('items' in node) out.items = convertSchema(node.items, childPointer(at, 'items'), ctx);
  if ('not' in node) out.not = convertSchema(node.not, childPointer(at, 'not'), ctx);
  for (const combinator of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[combinator];
    if (Array.isArray(list))
      out[combinator] = list.map((s, i) => convertSchema(s, childPointer(at, combinator, i), ctx));
  }

  if (node.nullable === true) applyNullable(node, out, at, ctx);
  checkRequired(node, at, ctx);
  return out;
}

function applyNullable(
  node: Record<string, unknown>,
  out: Record<string, unknown>,
  at: string,
  ctx: ConvertContext,
) {
  const combinator = (['allOf', 'anyOf', 'oneOf'] as const).find((c) => Array.isArray(node[c]));
  if (combinator) {
    ctx.defects.add({
      kind: 'nullable-around-allof',
      pointer: at,
      message: `nullable: true stands around ${combinator}; the schemas inside still reject null under OpenAPI 3.0`,
      details: { combinator },
    });
  }
  if (typeof node.type !== 'string') {
    if (!combinator) {
      ctx.defects.add({
        kind: 'nullable-without-type',
        pointer: at,
        message: 'nullable: true without a type has no effect in OpenAPI 3.0',
      });
    }
    return;
  }
  out.type = [node.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
}

function checkRequired(node: Record<string, unknown>, at: string, ctx: ConvertContext) {
  if (!Array.isArray(node.required) || !isObject(node.properties)) return;
  if (node.additionalProperties !== undefined && node.additionalProperties !== false) return;
  if (['allOf', 'anyOf', 'oneOf'].some((c) => c in node)) return;
  for (const name of node.required) {
    if (typeof name === 'string' && !Object.hasOwn(node.properties, name)) {
      ctx.defects.add({
        kind: 'required-undefined',
        pointer: childPointer(at, 'required'),
        message: `"${name}" is required but not defined in properties`,
        details: { property: name },
      });
    }
  }
}

function convertRef(node: Record<string, unknown>, at: string, ctx: ConvertContext): JsonSchema {
  const ref = node.$ref as string;
  const siblings = Object.keys(node).filter(
    (k) => k !== '$ref' && !k.startsWith('x-') && !ANNOTATIONS.has(k),
  );
  if (node.nullable === true) {
    ctx.defects.add({
      kind: 'nullable-beside-ref',
      pointer: at,
      message: `nullable: true beside $ref ${ref} is ignored under OpenAPI 3.0 ($ref siblings are ignored)`,
      details: { ref },
    });
  }
  if (siblings.length > 0) {
    ctx.defects.add({
      kind: 'ref-siblings-ignored',
      pointer: at,
      message: `keywords beside $ref ${ref} are ignored under OpenAPI 3.0: ${siblings.join(', ')}`,
      details: { ref, keywords: siblings },
    });
  }
  if (!ref.startsWith(COMPONENT_SCHEMA_PREFIX) || parsePointer(ref).length !== 3) {
    ctx.defects.add({
      kind: 'unsupported-ref',
      pointer: at,
      message: `$ref ${ref} does not name a component schema; validated as unconstrained`,
      details: { ref },
    });
    return {};
  }
  if (resolvePointer(ctx.doc, ref) === undefined) {
    ctx.defects.add({
      kind: 'dangling-ref',
      pointer: at,
      message: `$ref ${ref} points at nothing; validated as unconstrained`,
      details: { ref },
    });
    return {};
  }
  ctx.reached.add(parsePointer(ref)[2]!);
  return { $ref: ref };
}

/**
 * A self-contained schema for one place in the description: the converted schema at the root and every
 * component schema it reaches (transitively) under `components.schemas`, so that `$ref`s and Ajv's
 * `schemaPath`s read exactly as in the description.
 */
export function bundleSchema(
  node: unknown,
  at: string,
  ctx: Omit<ConvertContext, 'reached'>,
  memo: Map<string, { schema: JsonSchema; reached: Set<string> }>,
): { schema: Record<string, unknown>; components: string[] } {
  const rootReached = new Set<string>();
  const root = convertSchema(node, at, { ...ctx, reached: rootReached });
  const all = new Set<string>();
  const queue = [...rootReached];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (all.has(name)) continue;
    all.add(name);
    let entry = memo.get(name);
    if (!entry) {
      const reached = new Set<string>();
      const pointerToIt = `${COMPONENT_SCHEMA_PREFIX}${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const schema = convertSchema(resolvePointer(ctx.doc, pointerToIt), pointerToIt, { ...ctx, reached });
      entry = { schema, reached };
      memo.set(name, entry);
    }
    queue.push(...entry.reached);
  }
  const names = [...all].sort();
  const base: Record<string, unknown> = typeof root === 'boolean' ? (root ? {} : { not: {} }) : root;
  if (names.length === 0) return { schema: base, components: [] };
  const schemas: Record<string, JsonSchema> = {};
  for (const name of names) schemas[name] = memo.get(name)!.schema;
  return { schema: { ...base, components: { schemas } }, components: names };
}
