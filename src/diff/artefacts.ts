import type { OpenApiDocument } from '../descriptions/load.ts';
import { isObject } from '../util/json.ts';
import { resolvePointer } from '../util/json-pointer.ts';
import type { ParameterView } from './operations.ts';
import type { SchemaSite } from './rule.ts';
import type { SchemaView } from './schema-view.ts';

/**
 * Changes that are the descriptions describing themselves rather than the API changing: the
 * `Intercom-Version` header's own default and enum, and schemas that the same description's own examples
 * contradict. Each detector returns the one-line reason, or undefined. Pure.
 */

/** The `Intercom-Version` header: each file names its own version as default and enum. */
export function isVersionHeader(p: Pick<ParameterView, 'in' | 'name'> | undefined): boolean {
  return p?.in === 'header' && p.name.toLowerCase() === 'intercom-version';
}

export const VERSION_HEADER_REASON =
  "the Intercom-Version header's default and enum name the description's own version: a client sends the header it chose, the API did not change";

/** The example values of a media type object (`example`, or every `examples.*.value`, `$ref`s followed). */
export function mediaExamples(doc: OpenApiDocument, mediaPointer: string): unknown[] {
  const media = resolvePointer(doc, mediaPointer);
  if (!isObject(media)) return [];
  const out: unknown[] = [];
  if ('example' in media) out.push(media.example);
  if (isObject(media.examples)) {
    for (const raw of Object.values(media.examples)) {
      let ex: unknown = raw;
      for (let hops = 0; hops < 8 && isObject(ex) && typeof ex.$ref === 'string'; hops++)
        ex = resolvePointer(doc, ex.$ref);
      if (isObject(ex) && 'value' in ex) out.push(ex.value);
    }
  }
  return out;
}

/** The example values standing at a schema path (`[]` = every item, `{}` = every value, `<…>` = same value). */
function valuesAt(roots: readonly unknown[], path: readonly string[]): unknown[] {
  let values = [...roots];
  for (const seg of path) {
    if (seg.startsWith('<')) continue;
    const next: unknown[] = [];
    for (const v of values) {
      if (seg === '[]') {
        if (Array.isArray(v)) next.push(...v);
      } else if (seg === '{}') {
        if (isObject(v)) next.push(...Object.values(v));
      } else if (isObject(v) && Object.hasOwn(v, seg)) next.push(v[seg]);
    }
    values = next;
  }
  return values;
}

function objects(values: readonly unknown[]): Array<Record<string, unknown>> {
  return values.filter((v): v is Record<string, unknown> => isObject(v) && !Array.isArray(v));
}

/** Keys the example objects carry that the schema does not describe (only for schemas that list properties). */
function undocumentedKeys(values: readonly unknown[], view: SchemaView): string[] {
  if (view.properties.size === 0) return [];
  const keys = new Set<string>();
  for (const o of objects(values)) for (const k of Object.keys(o)) if (!view.properties.has(k)) keys.add(k);
  return [...keys].sort();
}

/**
 * The schema at this place does not describe its own example: the example carries its payload array under a
 * name the schema does not have, and lacks an array the schema documents (`conversations` vs `data`).
 */
function swappedPayload(values: readonly unknown[], view: SchemaView): string | undefined {
  const objs = objects(values);
  if (objs.length === 0) return undefined;
  const extra = undocumentedKeys(objs, view).filter((k) => objs.some((o) => Array.isArray(o[k])));
  if (extra.length === 0) return undefined;
  const missing = [...view.properties.keys()].filter(
    (k) => objs.every((o) => !Object.hasOwn(o, k)) && view.properties.get(k) !== undefined,
  );
  if (missing.length === 0) return undefined;
  return `its example carries ${extra.join(', ')} where its schema has ${missing.join(', ')}`;
}

export interface SideExamples {
  old: unknown[];
  new: unknown[];
}

/**
 * An added or removed property that one side's own example contradicts: the old example already carried
 * the added property (the old schema was missing it), the new example still carries the removed one, or the
 * side that has the property documents a payload its example does not carry (see `swappedPayload`).
 */
export function exampleContradicts(
  ruleId: string,
  site: SchemaSite,
  name: string,
  examples: SideExamples,
): string | undefined {
  const [oldValues, newValues] = [valuesAt(examples.old, site.path), valuesAt(examples.new, site.path)];
  const carries = (values: unknown[]) => objects(values).some((o) => Object.hasOwn(o, name));
  if (ruleId === 'response-property-added') {
    if (carries(oldValues))
      return `the old description's own example already carries ${name}: its schema was missing it`;
    const swap = swappedPayload(newValues, site.new);
    if (swap && !carries(newValues)) return `the new description does not describe itself: ${swap}`;
  }
  if (ruleId === 'response-property-removed') {
    if (carries(newValues))
      return `the new description's own example still carries ${name}: its schema is missing it`;
    const swap = swappedPayload(oldValues, site.old);
    if (swap && !carries(oldValues)) return `the old description did not describe itself: ${swap}`;
  }
  return undefined;
}

/** A place whose schema, on either side, does not describe that side's own example (see `swappedPayload`). */
export function swappedAt(site: SchemaSite, examples: SideExamples): string | undefined {
  const o = swappedPayload(valuesAt(examples.old, site.path), site.old);
  if (o) return `the old description does not describe its own example here: ${o}`;
  const n = swappedPayload(valuesAt(examples.new, site.path), site.new);
  if (n) return `the new description does not describe its own example here: ${n}`;
  return undefined;
}
