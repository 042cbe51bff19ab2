import type { GeneratedQuery, SearchFilter, SearchNode } from '../model/search.ts';
import { tokensOf } from './fields.ts';
import { MAX_FILTERS_PER_GROUP, MAX_NESTING } from './limits.ts';

type Conv = Record<string, unknown>;

const isObject = (v: unknown): v is Conv => typeof v === 'object' && v !== null && !Array.isArray(v);
const byId = (a: Conv, b: Conv) => String(a.id).localeCompare(String(b.id), 'en', { numeric: true }) || 0;
const filter = (
  field: string,
  operator: SearchFilter['operator'],
  value: SearchFilter['value'],
): SearchFilter => ({
  field,
  operator,
  value,
});
const idIs = (c: Conv) => filter('id', '=', String(c.id));
const idIn = (cs: Conv[]) =>
  filter(
    'id',
    'IN',
    cs.map((c) => String(c.id)),
  );
const and = (...value: SearchNode[]): SearchNode => ({ operator: 'AND', value });
const or = (...value: SearchNode[]): SearchNode => ({ operator: 'OR', value });
const ids = (cs: Conv[]) => cs.map((c) => String(c.id));

/** How many conversations a query names at most (keeps every answer to a page or two). */
const SAMPLE = 5;
/** The page size of the query that walks several pages. */
const WALK_PER_PAGE = 2;

function tagIds(c: Conv): string[] {
  const tags = (c.tags as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(tags) ? tags.filter(isObject).map((t) => String(t.id)) : [];
}

/** The fields a query names, in order (a field named twice, twice). */
function fieldsOf(node: SearchNode): string[] {
  return 'field' in node ? [node.field] : node.value.flatMap(fieldsOf);
}

/** Whether a query names a field whose values were masked (`source.body` when `body` is masked). */
export function touchesMasked(node: SearchNode, maskedKeys: readonly string[]): boolean {
  return fieldsOf(node).some((f) => maskedKeys.includes(f.split('.').at(-1)!));
}

/**
 * Queries built from the conversations a list returned, each with the ids its answer must hold (and must not),
 * so that they work on any workspace: by id, an OR of two ids, IN / NIN / != over listed ids, by state, a time
 * window around created_at and updated_at, by tag, a nested AND of ORs, a token of `source.body` (and two tokens
 * together, which must match nothing), a walk of several small pages; plus the queries beyond the documented
 * limits that must be refused. Deterministic: the same conversations give the same queries.
 */
export function queriesFrom(listed: unknown[]): GeneratedQuery[] {
  const seen = new Set<string>();
  const convs: Conv[] = [];
  for (const c of listed) {
    if (!isObject(c) || (typeof c.id !== 'string' && typeof c.id !== 'number')) continue;
    if (seen.has(String(c.id))) continue;
    seen.add(String(c.id));
    convs.push(c);
  }
  convs.sort(byId);
  const out: GeneratedQuery[] = [];
  const add = (
    name: string,
    query: SearchNode,
    mustInclude: Conv[],
    mustExclude: Conv[] = [],
    perPage?: number,
  ) =>
    out.push({
      name,
      request: { query, ...(perPage ? { pagination: { per_page: perPage } } : {}) },
      mustInclude: ids(mustInclude),
      mustExclude: ids(mustExclude),
    });
  const [c0, c1, c2] = convs;
  if (!c0) return out;
  const sample = convs.slice(0, SAMPLE);

  add('by-id', idIs(c0), [c0]);
  if (c1) add('or-of-two-ids', or(idIs(c0), idIs(c1)), [c0, c1]);
  add('id-in', idIn(sample), sample);
  if (c1) add('id-not-equal', and(idIn([c0, c1]), filter('id', '!=', String(c0.id))), [c1], [c0]);
  if (c2) add('id-nin', and(idIn([c0, c1!, c2]), filter('id', 'NIN', [String(c1!.id)])), [c0, c2], [c1!]);

  const states = [
    ...new Set(convs.map((c) => c.state).filter((s): s is string => typeof s === 'string')),
  ].sort();
  for (const state of states) {
    const withState = convs.filter((c) => c.state === state).slice(0, SAMPLE);
    const others = convs.filter((c) => c.state !== state).slice(0, 1);
    add(
      `state-${state}`,
      and(filter('state', '=', state), idIn([...withState, ...others])),
      withState,
      others,
    );
  }

  for (const field of ['created_at', 'updated_at'] as const) {
    const t = c0[field];
    if (typeof t === 'number' && Number.isInteger(t) && t > 0)
      // One second either side: inside the window whether > and < are strict or "or equal".
      add(`${field}-window`, and(filter(field, '>', t - 1), filter(field, '<', t + 1)), [c0]);
  }

  const tagged = convs.find((c) => tagIds(c).length > 0);
  if (tagged) {
    const tag = tagIds(tagged).sort()[0]!;
    const withTag = convs.filter((c) => tagIds(c).includes(tag)).slice(0, SAMPLE);
    const without = convs.filter((c) => !tagIds(c).includes(tag)).slice(0, 1);
    add('by-tag', and(filter('tag_ids', '=', tag), idIn([...withTag, ...without])), withTag, without);
  }

  if (c1)
    add(
      'nested-and-of-ors',
      and(
        or(idIs(c0), idIs(c1)),
        or(filter('state', '=', String(c0.state)), filter('state', '=', String(c1.state))),
      ),
      [c0, c1],
    );

  for (const c of convs) {
    const body = (c.source as { body?: unknown } | undefined)?.body;
    const tokens = typeof body === 'string' ? tokensOf(body).filter((t) => t.length >= 3) : [];
    if (tokens.length === 0) continue;
    add('body-token', and(filter('source.body', '=', tokens[0]!), idIs(c)), [c]);
    if (tokens.length >= 2)
      add('body-two-tokens', and(filter('source.body', '=', `${tokens[0]} ${tokens[1]}`), idIs(c)), [], [c]);
    break;
  }

  const walk = convs.slice(0, WALK_PER_PAGE * 3 + 1);
  if (walk.length > WALK_PER_PAGE) add('paged-walk', idIn(walk), walk, [], WALK_PER_PAGE);

  // Beyond the documented limits: must be refused with an error.list.
  // One level more than allowed; each group holds only groups or only filters (valid in every version's schema).
  let deep: SearchNode = and(idIs(c0), idIs(c0));
  for (let level = 1; level <= MAX_NESTING; level++) deep = level % 2 ? or(deep) : and(deep);
  out.push({
    name: 'nesting-3-levels',
    request: { query: deep },
    mustInclude: [],
    mustExclude: [],
    refusedBy: 'search-nesting-depth',
  });
  out.push({
    name: 'group-of-16',
    request: {
      query: or(
        ...Array.from({ length: MAX_FILTERS_PER_GROUP + 1 }, (_, i) => idIs(convs[i % convs.length]!)),
      ),
    },
    mustInclude: [],
    mustExclude: [],
    refusedBy: 'search-group-size',
  });
  return out;
}
