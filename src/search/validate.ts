import type { SearchGroup, SearchNode, SearchRequest } from '../model/search.ts';
import { type SearchFieldType, searchField } from './fields.ts';
import {
  DEFAULT_PER_PAGE,
  MAX_FILTERS_PER_GROUP,
  MAX_NESTING,
  MAX_PER_PAGE,
  type PerPageOverflow,
} from './limits.ts';
import { GROUP_OPERATORS, searchOperator } from './operators.ts';
import { schemaFacts } from './versions.ts';

/**
 * One unit per documented limit of the search language: a stable id, what it refuses, the `error.list` code it
 * answers with and where the rule is written.
 *
 * The descriptions give no error example for `searchConversations` (only `200`). The one search error example
 * in any description is Preview's `searchCompanies` 400 `invalid_field` ("segment_id is not a valid search
 * field"), used for unknown fields. Every other refusal is our plausible `error.list`: status 400, code
 * `parameter_invalid` (or `parameter_not_found` for a missing query), the codes Intercom's other 400 examples
 * use, with a message naming the place in the query.
 */
export interface SearchRule {
  id: string;
  summary: string;
  code: 'parameter_invalid' | 'parameter_not_found' | 'invalid_field';
  source: string;
  /** Enforced only in `schema: 'strict'` mode: a per-version schema artefact, not documented behaviour. */
  schemaOnly?: boolean;
}

const DESC = 'searchConversations description';

export const SEARCH_RULES: readonly SearchRule[] = [
  {
    id: 'search-body-object',
    summary: 'the body is a JSON object',
    code: 'parameter_invalid',
    source: '#/components/schemas/search_request (type: object)',
  },
  {
    id: 'search-query-required',
    summary: 'the body has a query',
    code: 'parameter_not_found',
    source: '#/components/schemas/search_request (required: [query])',
  },
  {
    id: 'search-node-shape',
    summary: 'every node is a filter {field, operator, value} or a group {operator: AND|OR, value: [...]}',
    code: 'parameter_invalid',
    source: '#/components/schemas/single_filter_search_request, multiple_filter_search_request',
  },
  {
    id: 'search-group-nonempty',
    summary: 'a group holds at least one filter',
    code: 'parameter_invalid',
    source: `${DESC}: "combine multiple filters" (an empty group combines nothing)`,
  },
  {
    id: 'search-nesting-depth',
    summary: `at most ${MAX_NESTING} levels of nested groups`,
    code: 'parameter_invalid',
    source: `${DESC}: "There's a limit of max 2 nested filters"`,
  },
  {
    id: 'search-group-size',
    summary: `at most ${MAX_FILTERS_PER_GROUP} filters in each AND or OR group`,
    code: 'parameter_invalid',
    source: `${DESC}: "There's a limit of max 15 filters for each AND or OR group"`,
  },
  {
    id: 'search-field-known',
    summary: 'the field is one of the accepted fields',
    code: 'invalid_field',
    source: `${DESC}: Accepted Fields; error from Preview searchCompanies 400 "Unsupported field"`,
  },
  {
    id: 'search-operator-known',
    summary: 'the operator is one of the enum',
    code: 'parameter_invalid',
    source: '#/components/schemas/single_filter_search_request/properties/operator/enum',
  },
  {
    id: 'search-operator-for-type',
    summary: "the operator is documented for the field's type",
    code: 'parameter_invalid',
    source: `${DESC}: Accepted Operators ("The operator has to be compatible with the field's type")`,
  },
  {
    id: 'search-value-array',
    summary: 'IN and NIN take an array, every other operator a single value',
    code: 'parameter_invalid',
    source: `${DESC}: Accepted Operators ("Values must be in Array")`,
  },
  {
    id: 'search-value-type',
    summary: "the value matches the field's type",
    code: 'parameter_invalid',
    source: `${DESC}: "The value you search for has to match the accepted type, otherwise the query will fail"`,
  },
  {
    id: 'search-per-page',
    summary: `pagination.per_page is an integer ≥ 1 (default ${DEFAULT_PER_PAGE}, maximum ${MAX_PER_PAGE})`,
    code: 'parameter_invalid',
    source: `${DESC}: "The default is 20 results per page and maximum is 150"`,
  },
  {
    id: 'search-starting-after',
    summary: 'pagination.starting_after is a cursor string or null',
    code: 'parameter_invalid',
    source: '#/components/schemas/starting_after_paging/properties/starting_after',
  },
  {
    id: 'search-schema-group-items',
    summary: "a group's value is all filters or all groups (2.13 and later schemas)",
    code: 'parameter_invalid',
    source: '#/components/schemas/multiple_filter_search_request/properties/value/oneOf',
    schemaOnly: true,
  },
  {
    id: 'search-schema-array-items',
    summary: 'an array value is all strings or all integers (2.7, 2.9 – 2.12 schemas)',
    code: 'parameter_invalid',
    source: '#/components/schemas/single_filter_search_request/properties/value/oneOf',
    schemaOnly: true,
  },
  {
    id: 'search-schema-per-page-required',
    summary: 'pagination has per_page (2.11 schema)',
    code: 'parameter_invalid',
    source: '#/components/schemas/starting_after_paging/required (2.11)',
    schemaOnly: true,
  },
];

const RULES = new Map(SEARCH_RULES.map((r) => [r.id, r]));

export interface SearchErrorList {
  type: 'error.list';
  request_id: string;
  errors: Array<{ code: string; message: string }>;
}

export type SearchValidation =
  | {
      ok: true;
      request: SearchRequest;
      /** per_page after the default and the cap. */
      perPage: number;
      startingAfter: string | null;
      /** per_page was above the maximum and clamped. */
      clamped: boolean;
    }
  | {
      ok: false;
      status: 400;
      /** The rule that refused it. */
      rule: string;
      /** JSON pointer of the offending place in the body. */
      pointer: string;
      body: SearchErrorList;
    };

export interface ValidateOptions {
  /** `documented` (default): the description's text. `strict`: also the version's schema artefacts. */
  schema?: 'documented' | 'strict';
  perPageOverflow?: PerPageOverflow;
  requestId?: string;
}

class Refusal {
  constructor(
    readonly rule: string,
    readonly pointer: string,
    readonly message: string,
  ) {}
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? String(v);
const NUMERIC = /^-?\d+$/;

function valueFits(type: SearchFieldType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      // The description's own example sends a timestamp as a string ('1306054154'): numeric strings pass.
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && NUMERIC.test(v));
    case 'date':
      return (
        (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && /^\d+$/.test(v))
      );
  }
}

function checkFilter(node: Record<string, unknown>, at: string, strict: boolean, version: string): void {
  const name = node.field;
  if (typeof name !== 'string')
    throw new Refusal('search-node-shape', `${at}/field`, `field must be a string at ${at || '/'}`);
  const field = searchField(name);
  if (!field) throw new Refusal('search-field-known', `${at}/field`, `${name} is not a valid search field`);
  const op = typeof node.operator === 'string' ? searchOperator(node.operator) : undefined;
  if (!op)
    throw new Refusal(
      'search-operator-known',
      `${at}/operator`,
      `${show(node.operator)} is not a valid operator for ${name}`,
    );
  if (!op.types.includes(field.type))
    throw new Refusal(
      'search-operator-for-type',
      `${at}/operator`,
      `operator ${op.operator} is not supported for ${name} (a ${field.type} field)`,
    );
  if (!Object.hasOwn(node, 'value'))
    throw new Refusal('search-node-shape', `${at}/value`, `value is required for ${name}`);
  const value = node.value;
  if (value === null) {
    if (op.operator === '=' || op.operator === '!=') return;
    throw new Refusal('search-value-type', `${at}/value`, `null is only accepted with = and != (${name})`);
  }
  if (op.array !== Array.isArray(value))
    throw new Refusal(
      'search-value-array',
      `${at}/value`,
      op.array
        ? `operator ${op.operator} needs an array value for ${name}`
        : `operator ${op.operator} needs a single value for ${name}, not an array`,
    );
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0)
    throw new Refusal(
      'search-value-array',
      `${at}/value`,
      `operator ${op.operator} needs at least one value`,
    );
  items.forEach((item, i) => {
    if (!valueFits(field.type, item))
      throw new Refusal(
        'search-value-type',
        Array.isArray(value) ? `${at}/value/${i}` : `${at}/value`,
        `${show(item)} is not a valid ${field.type === 'date' ? 'date (UNIX timestamp)' : field.type} value for ${name}`,
      );
  });
  if (strict && Array.isArray(value) && schemaFacts(version).arrayValues === 'uniform') {
    const kinds = new Set(value.map((x) => typeof x));
    if (kinds.size > 1)
      throw new Refusal(
        'search-schema-array-items',
        `${at}/value`,
        `the ${version} schema takes an array of strings or an array of integers, not both (${name})`,
      );
  }
}

function checkNode(node: unknown, at: string, depth: number, strict: boolean, version: string): void {
  if (!isObject(node))
    throw new Refusal('search-node-shape', at, `the query at ${at || '/'} must be an object`);
  const isGroup = node.operator === 'AND' || node.operator === 'OR' || Array.isArray(node.value);
  if (!isGroup || Object.hasOwn(node, 'field')) {
    checkFilter(node, at, strict, version);
    return;
  }
  if (!GROUP_OPERATORS.includes(node.operator as 'AND'))
    throw new Refusal(
      'search-node-shape',
      `${at}/operator`,
      `a group's operator must be AND or OR, not ${show(node.operator)}`,
    );
  const items = node.value;
  if (!Array.isArray(items))
    throw new Refusal(
      'search-node-shape',
      `${at}/value`,
      `the ${node.operator} group needs an array of filters`,
    );
  if (depth + 1 > MAX_NESTING)
    throw new Refusal(
      'search-nesting-depth',
      at,
      `filters can be nested at most ${MAX_NESTING} levels deep (a group at level ${depth + 1} at ${at})`,
    );
  if (items.length === 0)
    throw new Refusal(
      'search-group-nonempty',
      `${at}/value`,
      `the ${node.operator} group at ${at || '/'} is empty`,
    );
  if (items.length > MAX_FILTERS_PER_GROUP)
    throw new Refusal(
      'search-group-size',
      `${at}/value`,
      `an ${node.operator} group can hold at most ${MAX_FILTERS_PER_GROUP} filters (${items.length} at ${at || '/'})`,
    );
  if (strict && schemaFacts(version).groupItems === 'uniform') {
    const groups = items.filter((x) => isObject(x) && !Object.hasOwn(x, 'field') && Array.isArray(x.value));
    if (groups.length > 0 && groups.length < items.length)
      throw new Refusal(
        'search-schema-group-items',
        `${at}/value`,
        `the ${version} schema takes a group of filters or a group of groups, not both (at ${at || '/'})`,
      );
  }
  items.forEach((item, i) => {
    checkNode(item, `${at}/value/${i}`, depth + 1, strict, version);
  });
}

/**
 * Validates a `searchConversations` body against the documented language: ok (with per_page resolved), or the
 * `error.list` Intercom answers (status 400) naming the first rule broken.
 */
export function validateSearchRequest(
  body: unknown,
  version: string,
  options: ValidateOptions = {},
): SearchValidation {
  const strict = options.schema === 'strict';
  schemaFacts(version);
  try {
    if (!isObject(body))
      throw new Refusal('search-body-object', '', 'the request body must be a JSON object');
    if (!Object.hasOwn(body, 'query') || body.query === undefined)
      throw new Refusal('search-query-required', '/query', 'query is required');
    checkNode(body.query, '/query', 0, strict, version);
    let perPage = DEFAULT_PER_PAGE;
    let clamped = false;
    let startingAfter: string | null = null;
    const p = body.pagination;
    if (p !== undefined && p !== null) {
      if (!isObject(p)) throw new Refusal('search-per-page', '/pagination', 'pagination must be an object');
      if (p.per_page !== undefined) {
        const n = p.per_page;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
          throw new Refusal(
            'search-per-page',
            '/pagination/per_page',
            `per_page must be an integer from 1 to ${MAX_PER_PAGE}, not ${show(n)}`,
          );
        if (n > MAX_PER_PAGE) {
          if (options.perPageOverflow === 'reject')
            throw new Refusal(
              'search-per-page',
              '/pagination/per_page',
              `per_page must be at most ${MAX_PER_PAGE}, not ${n}`,
            );
          clamped = true;
        }
        perPage = Math.min(n, MAX_PER_PAGE);
      } else if (strict && schemaFacts(version).perPageRequired) {
        throw new Refusal(
          'search-schema-per-page-required',
          '/pagination/per_page',
          `the ${version} schema requires pagination.per_page`,
        );
      }
      const s = p.starting_after;
      if (s !== undefined && s !== null && (typeof s !== 'string' || s.length === 0))
        throw new Refusal(
          'search-starting-after',
          '/pagination/starting_after',
          `starting_after must be a cursor string from pages.next, not ${show(s)}`,
        );
      startingAfter = typeof s === 'string' ? s : null;
    }
    return { ok: true, request: body as unknown as SearchRequest, perPage, startingAfter, clamped };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const rule = RULES.get(error.rule)!;
    return {
      ok: false,
      status: 400,
      rule: rule.id,
      pointer: error.pointer,
      body: {
        type: 'error.list',
        request_id: options.requestId ?? '00000000-0000-4000-8000-000000000000',
        errors: [{ code: rule.code, message: error.message }],
      },
    };
  }
}

/** Validates a query on its own (the `query` of a search body). */
export function validateQuery(
  query: unknown,
  version: string,
  options: ValidateOptions = {},
): SearchValidation {
  return validateSearchRequest({ query }, version, options);
}

export const isGroup = (node: SearchNode): node is SearchGroup =>
  (node as SearchGroup).operator === 'AND' || (node as SearchGroup).operator === 'OR';
