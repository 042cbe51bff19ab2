import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QuirkRegistry } from '../model/quirk.ts';
import { isObject } from '../util/json.ts';
import { resolvePointer } from '../util/json-pointer.ts';
import { generatedDir } from '../util/paths.ts';
import type { QuirkTarget } from './quirks.ts';

/**
 * The quirk targets of one side of a diff, read from `generated/<version>/quirks.json` (the registry's
 * shape, `src/model/quirk.ts`); none when the version has no registry or the side is a file. Each target
 * says whether the version's quirk-patched schema at that place admits null (`admitsNull`, read from
 * `generated/<version>/schemas.quirks.json`; absent when the place is not a schema there).
 */
export function registeredQuirkTargets(
  version: string | undefined,
  side: 'old' | 'new',
  dir: string = generatedDir(),
): QuirkTarget[] {
  if (!version) return [];
  const file = resolve(dir, version, 'quirks.json');
  if (!existsSync(file)) return [];
  let registry: QuirkRegistry;
  try {
    registry = JSON.parse(readFileSync(file, 'utf8')) as QuirkRegistry;
  } catch {
    return [];
  }
  const patched = quirkedRoots(resolve(dir, version, 'schemas.quirks.json'));
  const strict = quirkedRoots(resolve(dir, version, 'schemas.json'));
  const out: QuirkTarget[] = [];
  for (const quirk of registry.quirks ?? [])
    for (const pointer of quirk.targets ?? []) {
      const admitsNull = nullAt(patched, pointer);
      const nullOnly = onlyAddsNull(schemaAt(strict, pointer), schemaAt(patched, pointer));
      out.push({
        quirkId: quirk.id,
        pointer,
        side,
        summary: quirk.summary,
        ...(admitsNull === undefined ? {} : { admitsNull }),
        ...(nullOnly ? { nullOnly } : {}),
      });
    }
  return out;
}

/** The quirk-patched schema documents of a version (one per operation/status/media, each with its components). */
function quirkedRoots(file: string): unknown[] {
  if (!existsSync(file)) return [];
  try {
    const all: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isObject(all) ? Object.values(all) : [];
  } catch {
    return [];
  }
}

/** Whether the patched schema at `pointer` admits null, from the first document that has a schema there. */
function nullAt(roots: readonly unknown[], pointer: string): boolean | undefined {
  for (const root of roots) {
    const schema = resolvePointer(root, pointer);
    if (isObject(schema) && !Array.isArray(schema)) return admitsNull(schema, root);
  }
  return undefined;
}

function schemaAt(roots: readonly unknown[], pointer: string): Record<string, unknown> | undefined {
  for (const root of roots) {
    const schema = resolvePointer(root, pointer);
    if (isObject(schema) && !Array.isArray(schema)) return schema;
  }
  return undefined;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const onlyNull = (s: unknown): boolean =>
  isObject(s) && Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null;

/**
 * The quirk's patch at this place only lets null through: the patched schema is the strict one or null
 * (`anyOf: [strict, {enum: [null]}]`, as nullable-ref writes it), or the strict one with `null` added to
 * its `type`.
 */
function onlyAddsNull(
  strict: Record<string, unknown> | undefined,
  patched: Record<string, unknown> | undefined,
): boolean {
  if (!strict || !patched || same(strict, patched)) return false;
  const branches = patched.anyOf ?? patched.oneOf;
  if (Array.isArray(branches) && Object.keys(patched).length === 1 && branches.length === 2)
    return branches.some((b) => same(b, strict)) && branches.some(onlyNull);
  if (!Array.isArray(patched.type) || !patched.type.includes('null')) return false;
  const types = patched.type.filter((t) => t !== 'null');
  const { type: _t, ...rest } = patched;
  const { type: _s, ...strictRest } = strict;
  const strictTypes =
    strict.type === undefined ? [] : Array.isArray(strict.type) ? strict.type : [strict.type];
  return same(rest, strictRest) && same([...types].sort(), [...strictTypes].sort());
}

/** JSON Schema (as generated: `type: [..., 'null']`, `anyOf`, local `$ref`s) admits the value null. */
function admitsNull(schema: unknown, root: unknown, depth = 0): boolean {
  if (schema === true) return true;
  if (!isObject(schema) || Array.isArray(schema) || depth > 32) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) return false;
  if ('const' in schema && schema.const !== null) return false;
  if (schema.type !== undefined && schema.nullable !== true) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.includes('null')) return false;
  }
  if (typeof schema.$ref === 'string' && !admitsNull(resolvePointer(root, schema.$ref), root, depth + 1))
    return false;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && !branches.some((b) => admitsNull(b, root, depth + 1))) return false;
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((b) => admitsNull(b, root, depth + 1))) return false;
  return true;
}
