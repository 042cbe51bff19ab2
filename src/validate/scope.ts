import { isObject } from '../util/json.ts';
import { resolvePointer } from '../util/json-pointer.ts';

type Schema = Record<string, unknown>;

/**
 * The schemas that apply at one place of a bundle, by their pointer in the description: the schema itself,
 * the targets of its `$ref`s, and the members of its `allOf` / `anyOf` / `oneOf`, recursively (cycle-safe).
 * Shared by schema coverage and by the quirk explanation of a finding.
 */
export function schemasAt(
  root: Schema,
  node: unknown,
  at: string,
  out = new Map<string, Schema>(),
  depth = 0,
): Map<string, Schema> {
  if (!isObject(node) || depth > 32 || out.has(at)) return out;
  out.set(at, node);
  if (typeof node.$ref === 'string')
    schemasAt(root, resolvePointer(root, node.$ref), node.$ref, out, depth + 1);
  for (const c of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[c];
    if (Array.isArray(list)) {
      list.forEach((sub, i) => {
        schemasAt(root, sub, `${at}/${c}/${i}`, out, depth + 1);
      });
    }
  }
  return out;
}
