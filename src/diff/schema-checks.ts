import { enumDifference } from './enums.ts';
import type { JsonValue } from './model.ts';
import { bothDefined, type Hit, mayBeObject, propertyPath, type SchemaSite, typeText } from './rule.ts';
import { type Branch, type NullableHow, type SchemaView, strictlyNullable } from './schema-view.ts';
import { pairBranches } from './walk.ts';

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

/**
 * Nullability is compared under the strict reading the validators use: `nullable` beside a `$ref` or around
 * an `allOf` does not admit null (2.11's `sla_applied`), so moving it into the schema is a change.
 */
export function becameNullable(site: SchemaSite): Array<Hit<NullableArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || strictlyNullable(o) || !strictlyNullable(n)) return [];
  return [
    {
      args: { how: o.nullable ? (o.nullableHow ?? 'type') : 'type' },
      oldPointer: o.pointer,
      newPointer: n.nullablePointer ?? n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

export function stoppedNullable(site: SchemaSite): Array<Hit<NullableArgs>> {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !strictlyNullable(o) || strictlyNullable(n)) return [];
  return [
    {
      args: { how: n.nullable ? (n.nullableHow ?? 'type') : 'type' },
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
  // (a one-value enum dropped is a constant no longer stated: see `constantDropped`)
  const { old: o, new: n } = site;
  const [mine, theirs] = side === 'new' ? [n, o] : [o, n];
  if (!bothDefined(site) || !theirs.enum) return [];
  if (domainReplaced(site)) return []; // reported once, by the domain-replaced rule
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

const SENTINEL = /\b(?:return|returns|returned|be|is)\s+(null|0|-1|""|''|false|an empty string)\b/i;

/** The value a schema's description says stands for "none" (`… it will return 0`), if it says one. */
export function documentedSentinel(view: SchemaView): string | undefined {
  return view.description?.match(SENTINEL)?.[1]?.toLowerCase();
}

/** Both sides have an enum with values, and no value is in both: the value domain was replaced. */
function domainReplaced(site: SchemaSite): boolean {
  const { old: o, new: n } = site;
  if (!bothDefined(site) || !o.enum?.length || !n.enum?.length) return false;
  return enumDifference(o.enum, n.enum).length === o.enum.length;
}

export type DomainArgs = { oldValues: JsonValue[]; newValues: JsonValue[] };

export function enumDomainReplaced(site: SchemaSite): Array<Hit<DomainArgs>> {
  if (!domainReplaced(site)) return [];
  const { old: o, new: n } = site;
  return [
    {
      args: { oldValues: o.enum as JsonValue[], newValues: n.enum as JsonValue[] },
      oldPointer: o.enumPointer ?? o.pointer,
      newPointer: n.enumPointer ?? n.pointer,
      property: propertyPath(site.path),
    },
  ];
}

export type BranchArgs = { combinator: string; branch: string };

function branchName(b: Branch): string {
  return b.component ?? `${b.combinator}[${b.index}]`;
}

/** anyOf/oneOf branches only `side` has (paired by component, else by position), when the other side is a union too. */
export function branchesOnlyIn(site: SchemaSite, side: 'old' | 'new'): Array<Hit<BranchArgs>> {
  if (!bothDefined(site)) return [];
  const [mine, theirs] = side === 'new' ? [site.new, site.old] : [site.old, site.new];
  if (mine.branches.length === 0 || theirs.branches.length === 0) return [];
  const paired = new Set<Branch>(
    pairBranches(site.old, site.new).map(([ob, nb]) => (side === 'new' ? nb : ob)),
  );
  return mine.branches
    .filter((b) => !paired.has(b))
    .map((b) => ({
      args: { combinator: b.combinator, branch: branchName(b) },
      oldPointer: side === 'old' ? b.at : site.old.pointer,
      newPointer: side === 'new' ? b.at : site.new.pointer,
      property: propertyPath(site.path),
    }));
}

/** A one-value enum (a constant such as `type: conversation`) that the new side no longer states. */
export function constantDropped(site: SchemaSite): boolean {
  return site.old.enum?.length === 1 && !site.new.enum;
}

/** Nullability of a whole response body: the component's `nullable` is about its other uses. */
export const ROOT_NULLABLE_REASON =
  "nullability of the whole body: a component's nullable describes the places that reference it; only the generated body type changes";
