import { isObject } from '../util/json.ts';
import { escapeToken } from '../util/json-pointer.ts';
import { schemasAt } from './scope.ts';

/**
 * Schema coverage of one value: the properties it carries that its schema does not describe, and the
 * schema properties it exercised. Paths use `*` for array indices so that they aggregate across items.
 */
export interface CoverageResult {
  /** Instance paths (normalised: array indices become `*`) of properties no schema in scope describes. */
  undocumented: string[];
  /** JSON pointers (into the description) of the property schemas the value exercised. */
  observed: string[];
}

type Schema = Record<string, unknown>;

/**
 * The schemas in scope at one place, as a list (see schemasAt). The schema at a pointer of a bundle is always
 * the same, so its scope is computed once per bundle and place: a run walks thousands of conversations
 * through the same few schemas.
 */
const SCOPES = new WeakMap<Schema, Map<string, Array<{ s: Schema; at: string }>>>();
function expand(root: Schema, schema: unknown, at: string, out: Array<{ s: Schema; at: string }>): void {
  let byPlace = SCOPES.get(root);
  if (!byPlace) {
    byPlace = new Map();
    SCOPES.set(root, byPlace);
  }
  let scope = byPlace.get(at);
  if (!scope || scope[0]?.s !== schema) {
    scope = [...schemasAt(root, schema, at)].map(([where, s]) => ({ s, at: where }));
    byPlace.set(at, scope);
  }
  out.push(...scope);
}

export function schemaCoverage(root: Schema, value: unknown, rootPointer = '#'): CoverageResult {
  const undocumented = new Set<string>();
  const observed = new Set<string>();
  const walk = (schema: unknown, at: string, v: unknown, path: string, depth: number) => {
    if (depth > 64) return;
    const scope: Array<{ s: Schema; at: string }> = [];
    expand(root, schema, at, scope);
    if (scope.length === 0) return;
    if (Array.isArray(v)) {
      for (const { s, at: where } of scope) {
        if ('items' in s) for (const item of v) walk(s.items, `${where}/items`, item, `${path}/*`, depth + 1);
      }
      return;
    }
    if (!isObject(v)) return;
    const describesProperties = scope.some(({ s }) => isObject(s.properties));
    // An unconstrained schema in scope ({} from a dangling $ref, say) leaves its children unknowable.
    const open = scope.some(
      ({ s }) => Object.keys(s).length === 0 || (s.additionalProperties ?? false) === true,
    );
    for (const [key, child] of Object.entries(v)) {
      const childPath = `${path}/${escapeToken(key)}`;
      let described = false;
      for (const { s, at: where } of scope) {
        const props = s.properties;
        if (isObject(props) && Object.hasOwn(props, key)) {
          described = true;
          const propAt = `${where}/properties/${escapeToken(key)}`;
          observed.add(propAt);
          walk(props[key], propAt, child, childPath, depth + 1);
        } else if (isObject(s.additionalProperties)) {
          described = true;
          walk(s.additionalProperties, `${where}/additionalProperties`, child, childPath, depth + 1);
        }
      }
      if (!described && describesProperties && !open) undocumented.add(childPath);
    }
  };
  walk(root, rootPointer, value, '', 0);
  return { undocumented: [...undocumented].sort(), observed: [...observed].sort() };
}

/** Every property pointer a schema describes (to the given depth), for "never observed" coverage. */
export function describedProperties(root: Schema, rootPointer = '#', maxDepth = 6): string[] {
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (schema: unknown, at: string, depth: number) => {
    if (depth > maxDepth) return;
    const scope: Array<{ s: Schema; at: string }> = [];
    expand(root, schema, at, scope);
    for (const { s, at: where } of scope) {
      if (seen.has(where)) continue;
      seen.add(where);
      if (isObject(s.properties)) {
        for (const [key, sub] of Object.entries(s.properties)) {
          const propAt = `${where}/properties/${escapeToken(key)}`;
          out.add(propAt);
          walk(sub, propAt, depth + 1);
        }
      }
      if ('items' in s) walk(s.items, `${where}/items`, depth + 1);
    }
  };
  walk(root, rootPointer, 0);
  return [...out].sort();
}
