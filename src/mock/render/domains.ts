import { isObject } from '../../util/json.ts';
import { resolvePointer } from '../../util/json-pointer.ts';

/**
 * A version's domains for the neutral facts of a conversation, read from its own schemas (strict reading): the
 * `enum` at each place where versions word a fact differently, or `undefined` where the version leaves the
 * value free (2.16's `source.type`) or does not describe it. `toDomain` maps a neutral value into a domain,
 * deterministically: the value itself when the version has it, else its documented equivalent, else null when
 * the domain admits null, else the domain's first value.
 */
export interface VersionDomains {
  priority?: readonly unknown[];
  sourceType?: readonly unknown[];
  slaStatus?: readonly unknown[];
  aiSourceType?: readonly unknown[];
  aiLastAnswerType?: readonly unknown[];
  aiResolutionState?: readonly unknown[];
  linkedCategory?: readonly unknown[];
}

/** Where each domain lives, from the conversation schema (`*` = array items). */
const DOMAIN_PATHS: Record<keyof VersionDomains, string[]> = {
  priority: ['priority'],
  sourceType: ['source', 'type'],
  slaStatus: ['sla_applied', 'sla_status'],
  aiSourceType: ['ai_agent', 'source_type'],
  aiLastAnswerType: ['ai_agent', 'last_answer_type'],
  aiResolutionState: ['ai_agent', 'resolution_state'],
  linkedCategory: ['linked_objects', 'data', '*', 'category'],
};

/**
 * Equivalent words across versions. Priority: 2.16 names five levels where earlier versions only flag a
 * conversation as `priority` or `not_priority` (level `none`). Resolution state: 2.15 renamed `routed_to_team`
 * to `escalated`; the other values of one side have no counterpart in the other (→ null, which both admit).
 */
export const EQUIVALENTS: Partial<Record<keyof VersionDomains, Record<string, readonly string[]>>> = {
  priority: {
    none: ['not_priority'],
    low: ['priority'],
    medium: ['priority'],
    high: ['priority'],
    urgent: ['priority'],
  },
  aiResolutionState: { routed_to_team: ['escalated'], escalated: ['routed_to_team'] },
};

type Schema = Record<string, unknown>;

function deref(root: Schema, schema: unknown, depth = 0): Schema | undefined {
  if (!isObject(schema) || depth > 16) return undefined;
  if (typeof schema.$ref === 'string') return deref(root, resolvePointer(root, schema.$ref), depth + 1);
  return schema as Schema;
}

/** The schema and the members of its allOf / anyOf / oneOf, dereferenced. */
function members(root: Schema, schema: Schema, depth = 0): Schema[] {
  const out = [schema];
  if (depth > 8) return out;
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[k];
    if (!Array.isArray(list)) continue;
    for (const m of list) {
      const d = deref(root, m);
      if (d) out.push(...members(root, d, depth + 1));
    }
  }
  return out;
}

function enumAt(root: Schema, schema: unknown, path: string[]): readonly unknown[] | undefined {
  let nodes = [deref(root, schema)].filter((n): n is Schema => n !== undefined);
  for (const key of path) {
    const next: Schema[] = [];
    for (const n of nodes) {
      for (const m of members(root, n)) {
        const child = key === '*' ? m.items : isObject(m.properties) ? m.properties[key] : undefined;
        const d = deref(root, child);
        if (d) next.push(d);
      }
    }
    nodes = next;
  }
  for (const n of nodes) for (const m of members(root, n)) if (Array.isArray(m.enum)) return m.enum;
  return undefined;
}

export function domainsOf(root: Schema, conversation: unknown): VersionDomains {
  const out: VersionDomains = {};
  for (const [key, path] of Object.entries(DOMAIN_PATHS) as Array<[keyof VersionDomains, string[]]>) {
    const domain = enumAt(root, conversation, path);
    if (domain) out[key] = domain;
  }
  return out;
}

export function toDomain(
  value: unknown,
  domain: readonly unknown[] | undefined,
  equivalents: Record<string, readonly string[]> = {},
): unknown {
  if (!domain || domain.includes(value)) return value;
  for (const alt of equivalents[String(value)] ?? []) if (domain.includes(alt)) return alt;
  return domain.includes(null) ? null : domain[0];
}
