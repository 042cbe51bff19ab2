import { enumDifference } from './enums.ts';
import type { JsonValue } from './model.ts';
import { bothDefined, type Hit, mayBeObject, propertyPath, type SchemaSite, typeText } from './rule.ts';
import type { NullableHow } from './schema-view.ts';

/**
 * The checks that request-side and response-side rules share; each rule file decides direction, id and
 * severity. All pure: a schema site in, hits out.
 */

export function propertiesRemoved(site: SchemaSite): Array<Hit<{ name: string }>> {
  if (!bothDefined(site) || !mayBeObject(site.new)) return [];
  const hits: Array<Hit<{ name: string }>> = [];
  for (const [name, child] of site.old.properties) {
    if (site.new.properties.has(name)) continue;
    hits.push({
      args: { name },
      oldPointer: child.at,
      newPointer: site.new.pointer,
      property: propertyPath(site.path, name),
    });
  }
  return hits;
}

export function propertiesAdded(site: SchemaSite): Array<Hit<{ name: string }>> {
  if (!bothDefined(site) || !mayBeObject(site.old)) return [];
  const hits: Array<Hit<{ name: string }>> = [];
  for (const [name, child] of site.new.properties) {
    if (site.old.properties.has(name)) continue;
    hits.push({
      args: { name },
      oldPointer: site.old.pointer,
      newPointer: child.at,
      property: propertyPath(site.path, name),
    });
  }
  return hits;
}

export type TypeArgs = { oldType: string; newType: string };

export function typeChanged(site: SchemaSite): Array<Hit<TypeArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !o.types || !n.types || typeText(o.types) === typeText(n.types)) return [];
  return [
    {
      args: { oldType: typeText(o.types), newType: typeText(n.types) },
      oldPointer: o.pointer,
      newPointer: n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

export type NullableArgs = { how: NullableHow };

export function becameNullable(site: SchemaSite): Array<Hit<NullableArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || o.nullable || !n.nullable) return [];
  return [
    {
      args: { how: n.nullableHow ?? 'type' },
      oldPointer: o.pointer,
      newPointer: n.nullablePointer ?? n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

export function stoppedNullable(site: SchemaSite): Array<Hit<NullableArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !o.nullable || n.nullable) return [];
  return [
    {
      args: { how: o.nullableHow ?? 'type' },
      oldPointer: o.nullablePointer ?? o.pointer,
      newPointer: n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

/** How a declared nullability reads under the strict OpenAPI 3.0 rules the validators use ('' when plain). */
export function nullableNote(how: NullableHow): string {
  if (how === 'type') return '';
  const where = how === 'beside-ref' ? 'beside a $ref' : 'around an allOf/anyOf/oneOf';
  return `declared ${where}, which a strict OpenAPI 3.0 reading ignores`;
}

export type RequiredArgs = { name: string; defined: boolean };

export function becameRequired(site: SchemaSite): Array<Hit<RequiredArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !mayBeObject(o) || !mayBeObject(n)) return [];
  const hits: Array<Hit<RequiredArgs>> = [];
  for (const [name, at] of n.required) {
    if (o.required.has(name)) continue;
    hits.push({
      args: { name, defined: n.properties.has(name) },
      oldPointer: o.properties.get(name)?.at ?? o.pointer,
      newPointer: at,
      property: propertyPath(site.path, name),
    });
  }
  return hits;
}

export function becameOptional(site: SchemaSite): Array<Hit<{ name: string }>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !mayBeObject(o) || !mayBeObject(n)) return [];
  const hits: Array<Hit<{ name: string }>> = [];
  for (const [name, at] of o.required) {
    if (n.required.has(name) || !n.properties.has(name)) continue;
    hits.push({
      args: { name },
      oldPointer: at,
      newPointer: n.properties.get(name)!.at,
      property: propertyPath(site.path, name),
    });
  }
  return hits;
}

export type EnumArgs = { values: JsonValue[]; wholeEnum: boolean };

/**
 * Enum values that only `side` allows. The other side must have an enum; `wholeEnum` when `side` has none
 * (so it allows any value).
 */
function enumValuesOnlyIn(site: SchemaSite, side: 'old' | 'new'): Array<Hit<EnumArgs>> {
  const { old: o, new: n } = site;
  const [mine, theirs] = side === 'new' ? [n, o] : [o, n];
  if (!bothDefined(site) || !theirs.enum) return [];
  const wholeEnum = !mine.enum;
  const values = mine.enum ? enumDifference(mine.enum, theirs.enum) : [];
  if (!wholeEnum && values.length === 0) return [];
  return [
    {
      args: { values: values as JsonValue[], wholeEnum },
      oldPointer: o.enumPointer ?? o.pointer,
      newPointer: n.enumPointer ?? n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

/** Values the new side allows that the old did not; `wholeEnum` when the new side dropped its enum. */
export function enumValuesAdded(site: SchemaSite): Array<Hit<EnumArgs>> {
  return enumValuesOnlyIn(site, 'new');
}

/** Values the old side allowed that the new does not; `wholeEnum` when the new side introduced an enum. */
export function enumValuesRemoved(site: SchemaSite): Array<Hit<EnumArgs>> {
  return enumValuesOnlyIn(site, 'old');
}
