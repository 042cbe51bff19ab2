import type { SearchFilter, SearchNode } from '../model/search.ts';
import { fieldValues, type SearchField, searchField, tokensOf } from './fields.ts';
import { isGroup } from './validate.ts';

export interface EvaluateOptions {
  /**
   * How `>` and `<` compare. The conversation operator table says "Greater (or equal) than" / "Lower (or
   * equal) than": `inclusive` (the default) follows it; `strict` is the usual reading of the symbols. Queries
   * the kit generates never sit on the boundary, so both readings agree on them.
   */
  comparison?: 'inclusive' | 'strict';
}

const lower = (v: unknown) => String(v).toLowerCase();

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

/** The values a filter is matched against: the field's values, or each token of them for `source.body`. */
function candidates(conversation: unknown, field: SearchField): unknown[] {
  const values = fieldValues(conversation, field);
  return field.tokens ? values.flatMap((v) => (typeof v === 'string' ? tokensOf(v) : [])) : values;
}

function equals(field: SearchField, actual: unknown, wanted: unknown): boolean {
  switch (field.type) {
    case 'integer':
    case 'date': {
      const a = asNumber(actual);
      return a !== undefined && a === asNumber(wanted);
    }
    case 'boolean':
      return actual === wanted;
    case 'string':
      // Tokens of free text compare without case; ids, states and other strings exactly.
      return field.tokens ? lower(actual) === lower(wanted) : String(actual) === String(wanted);
  }
}

function matchFilter(filter: SearchFilter, conversation: unknown, options: EvaluateOptions): boolean {
  const field = searchField(filter.field);
  if (!field) return false;
  const values = candidates(conversation, field);
  const wanted = filter.value;
  const any = (p: (v: unknown) => boolean) => values.some(p);
  const text = (p: (a: string, w: string) => boolean) =>
    typeof wanted === 'string' &&
    any((v) => typeof v === 'string' && p(v.toLowerCase(), wanted.toLowerCase()));
  const inclusive = options.comparison !== 'strict';
  const w = asNumber(wanted);
  switch (filter.operator) {
    case '=':
      return wanted === null ? values.length === 0 : any((v) => equals(field, v, wanted));
    case '!=':
      return wanted === null ? values.length > 0 : !any((v) => equals(field, v, wanted));
    case 'IN':
      return Array.isArray(wanted) && any((v) => wanted.some((x) => equals(field, v, x)));
    case 'NIN':
      return Array.isArray(wanted) && !any((v) => wanted.some((x) => equals(field, v, x)));
    case '>':
      return (
        w !== undefined && any((v) => ((a) => a !== undefined && (inclusive ? a >= w : a > w))(asNumber(v)))
      );
    case '<':
      return (
        w !== undefined && any((v) => ((a) => a !== undefined && (inclusive ? a <= w : a < w))(asNumber(v)))
      );
    case '>=':
      return w !== undefined && any((v) => ((a) => a !== undefined && a >= w)(asNumber(v)));
    case '<=':
      return w !== undefined && any((v) => ((a) => a !== undefined && a <= w)(asNumber(v)));
    case '~':
      return text((a, b) => a.includes(b));
    case '!~':
      return typeof wanted === 'string' && !text((a, b) => a.includes(b));
    case '^':
      return text((a, b) => a.startsWith(b));
    case '$':
      return text((a, b) => a.endsWith(b));
  }
  return false;
}

/**
 * Does a conversation satisfy a query? Every operator of the language, `AND`/`OR` groups, per-token matching of
 * `source.body`, and fields with several values per conversation (`contact_ids`, `teammate_ids`, `tag_ids`: a
 * positive operator matches if any value does, a negative one if none does). An absent or null field matches
 * only `= null`, `!=`, `NIN` and `!~`. Expects a query `validateQuery` accepted; an unknown field matches nothing.
 */
export function evaluate(query: SearchNode, conversation: unknown, options: EvaluateOptions = {}): boolean {
  if (isGroup(query)) {
    return query.operator === 'AND'
      ? query.value.every((n) => evaluate(n, conversation, options))
      : query.value.some((n) => evaluate(n, conversation, options));
  }
  return matchFilter(query, conversation, options);
}
