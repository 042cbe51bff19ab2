import { describe, expect, it } from 'vitest';
import { SEARCH_RULES, validateQuery, validateSearchRequest } from '../../src/search/validate.ts';

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
const group = (operator: string, ...value: unknown[]) => ({ operator, value });
const nest = (levels: number) => {
  let q: unknown = group('AND', f('id', '=', '1'), f('id', '=', '2'));
  for (let i = 1; i < levels; i++) q = group(i % 2 ? 'OR' : 'AND', q);
  return q;
};
const filters = (n: number) => Array.from({ length: n }, (_, i) => f('id', '=', String(i)));

/** given a body, want the rule that refuses it, the error code, the pointer and the message. */
const REFUSED: Array<{
  rule: string;
  body: unknown;
  code?: string;
  pointer: string;
  message: string;
  version?: string;
}> = [
  { rule: 'search-body-object', body: [], pointer: '', message: 'the request body must be a JSON object' },
  {
    rule: 'search-body-object',
    body: 'query',
    pointer: '',
    message: 'the request body must be a JSON object',
  },
  {
    rule: 'search-query-required',
    body: { pagination: { per_page: 5 } },
    code: 'parameter_not_found',
    pointer: '/query',
    message: 'query is required',
  },
  {
    rule: 'search-node-shape',
    body: { query: 'state=open' },
    pointer: '/query',
    message: 'the query at /query must be an object',
  },
  {
    rule: 'search-node-shape',
    body: { query: group('XOR', f('id', '=', '1')) },
    pointer: '/query/operator',
    message: `a group's operator must be AND or OR, not "XOR"`,
  },
  {
    rule: 'search-node-shape',
    body: { query: { operator: '=', value: 'open' } },
    pointer: '/query/field',
    message: 'field must be a string at /query',
  },
  {
    rule: 'search-node-shape',
    body: { query: { field: 'state', operator: '=' } },
    pointer: '/query/value',
    message: 'value is required for state',
  },
  {
    rule: 'search-group-nonempty',
    body: { query: group('AND') },
    pointer: '/query/value',
    message: 'the AND group at /query is empty',
  },
  {
    rule: 'search-nesting-depth',
    body: { query: nest(3) },
    pointer: '/query/value/0/value/0',
    message: 'filters can be nested at most 2 levels deep (a group at level 3 at /query/value/0/value/0)',
  },
  {
    rule: 'search-group-size',
    body: { query: group('OR', ...filters(16)) },
    pointer: '/query/value',
    message: 'an OR group can hold at most 15 filters (16 at /query)',
  },
  {
    rule: 'search-group-size',
    body: { query: group('AND', group('OR', ...filters(16))) },
    pointer: '/query/value/0/value',
    message: 'an OR group can hold at most 15 filters (16 at /query/value/0)',
  },
  {
    rule: 'search-field-known',
    body: { query: f('segment_id', '=', '1') },
    code: 'invalid_field',
    pointer: '/query/field',
    message: 'segment_id is not a valid search field',
  },
  {
    rule: 'search-field-known',
    body: { query: f('contacts.id', '=', '1') },
    code: 'invalid_field',
    pointer: '/query/field',
    message: 'contacts.id is not a valid search field',
  },
  {
    rule: 'search-operator-known',
    body: { query: f('state', '==', 'open') },
    pointer: '/query/operator',
    message: '"==" is not a valid operator for state',
  },
  {
    rule: 'search-operator-for-type',
    body: { query: f('state', '>', 'open') },
    pointer: '/query/operator',
    message: 'operator > is not supported for state (a string field)',
  },
  {
    rule: 'search-operator-for-type',
    body: { query: f('created_at', '~', '17') },
    pointer: '/query/operator',
    message: 'operator ~ is not supported for created_at (a date field)',
  },
  {
    rule: 'search-operator-for-type',
    body: { query: f('open', '^', 'tr') },
    pointer: '/query/operator',
    message: 'operator ^ is not supported for open (a boolean field)',
  },
  {
    rule: 'search-operator-for-type',
    body: { query: f('created_at', '>=', 1700000000) },
    pointer: '/query/operator',
    message: 'operator >= is not supported for created_at (a date field)',
  },
  {
    rule: 'search-value-array',
    body: { query: f('id', 'IN', '1') },
    pointer: '/query/value',
    message: 'operator IN needs an array value for id',
  },
  {
    rule: 'search-value-array',
    body: { query: f('id', '=', ['1']) },
    pointer: '/query/value',
    message: 'operator = needs a single value for id, not an array',
  },
  {
    rule: 'search-value-array',
    body: { query: f('id', 'NIN', []) },
    pointer: '/query/value',
    message: 'operator NIN needs at least one value',
  },
  {
    rule: 'search-value-type',
    body: { query: f('created_at', '>', 'foorbar') },
    pointer: '/query/value',
    message: '"foorbar" is not a valid date (UNIX timestamp) value for created_at',
  },
  {
    rule: 'search-value-type',
    body: { query: f('open', '=', 'true') },
    pointer: '/query/value',
    message: '"true" is not a valid boolean value for open',
  },
  {
    rule: 'search-value-type',
    body: { query: f('id', 'IN', ['1', 2]) },
    pointer: '/query/value/1',
    message: '2 is not a valid string value for id',
  },
  {
    rule: 'search-value-type',
    body: { query: f('admin_assignee_id', '=', 1.5) },
    pointer: '/query/value',
    message: '1.5 is not a valid integer value for admin_assignee_id',
  },
  {
    rule: 'search-value-type',
    body: { query: f('created_at', '<', null) },
    pointer: '/query/value',
    message: 'null is only accepted with = and != (created_at)',
  },
  {
    rule: 'search-per-page',
    body: { query: f('state', '=', 'open'), pagination: { per_page: 0 } },
    pointer: '/pagination/per_page',
    message: 'per_page must be an integer from 1 to 150, not 0',
  },
  {
    rule: 'search-per-page',
    body: { query: f('state', '=', 'open'), pagination: { per_page: '20' } },
    pointer: '/pagination/per_page',
    message: 'per_page must be an integer from 1 to 150, not "20"',
  },
  {
    rule: 'search-per-page',
    body: { query: f('state', '=', 'open'), pagination: 20 },
    pointer: '/pagination',
    message: 'pagination must be an object',
  },
  {
    rule: 'search-starting-after',
    body: { query: f('state', '=', 'open'), pagination: { per_page: 5, starting_after: 42 } },
    pointer: '/pagination/starting_after',
    message: 'starting_after must be a cursor string from pages.next, not 42',
  },
  {
    rule: 'search-schema-group-items',
    version: '2.13',
    body: { query: group('AND', f('state', '=', 'open'), group('OR', f('id', '=', '1'), f('id', '=', '2'))) },
    pointer: '/query/value',
    message: 'the 2.13 schema takes a group of filters or a group of groups, not both (at /query)',
  },
  {
    rule: 'search-schema-array-items',
    version: '2.7',
    body: { query: f('admin_assignee_id', 'IN', ['1', 2]) },
    pointer: '/query/value',
    message: 'the 2.7 schema takes an array of strings or an array of integers, not both (admin_assignee_id)',
  },
  {
    rule: 'search-schema-per-page-required',
    version: '2.11',
    body: { query: f('state', '=', 'open'), pagination: { starting_after: 'WzE3MDAwMDAwMDBd' } },
    pointer: '/pagination/per_page',
    message: 'the 2.11 schema requires pagination.per_page',
  },
];

describe('validateSearchRequest refuses each documented limit with an error.list', () => {
  it.each(REFUSED)('$rule: $message', ({ rule, body, code, pointer, message, version }) => {
    const strict = SEARCH_RULES.find((r) => r.id === rule)!.schemaOnly;
    const got = validateSearchRequest(body, version ?? '2.10', {
      requestId: 'req-1',
      ...(strict ? { schema: 'strict' } : {}),
    });
    expect(got).toEqual({
      ok: false,
      status: 400,
      rule,
      pointer,
      body: {
        type: 'error.list',
        request_id: 'req-1',
        errors: [{ code: code ?? 'parameter_invalid', message }],
      },
    });
    // A schema-only rule is not documented behaviour: the documented reading accepts the same body.
    if (strict) expect(validateSearchRequest(body, version!).ok).toBe(true);
  });

  it('has a refused example for every rule, and the rule ids are unique', () => {
    const ids = SEARCH_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...new Set(REFUSED.map((r) => r.rule))].sort()).toEqual([...ids].sort());
  });
});

describe('validateSearchRequest accepts what the language allows', () => {
  const OK: Array<{
    name: string;
    body: unknown;
    perPage: number;
    clamped?: boolean;
    startingAfter?: string;
  }> = [
    { name: 'a single filter', body: { query: f('state', '=', 'open') }, perPage: 20 },
    {
      name: "the description's example: a date as a numeric string, per_page 5",
      body: { query: group('AND', f('created_at', '>', '1306054154')), pagination: { per_page: 5 } },
      perPage: 5,
    },
    {
      name: 'two levels: (1 OR 2) AND (3 OR 4)',
      body: {
        query: group(
          'AND',
          group('OR', f('id', '=', '1'), f('id', '=', '2')),
          group('OR', f('state', '=', 'open'), f('state', '=', 'snoozed')),
        ),
      },
      perPage: 20,
    },
    { name: '15 filters in a group', body: { query: group('OR', ...filters(15)) }, perPage: 20 },
    { name: 'null with =', body: { query: f('snoozed_until', '=', null) }, perPage: 20 },
    { name: 'null with !=', body: { query: f('admin_assignee_id', '!=', null) }, perPage: 20 },
    {
      name: 'an integer as a numeric string',
      body: { query: f('admin_assignee_id', '=', '991267715') },
      perPage: 20,
    },
    { name: 'IN on booleans', body: { query: f('open', 'IN', [true]) }, perPage: 20 },
    {
      name: 'per_page 150',
      body: { query: f('state', '=', 'open'), pagination: { per_page: 150 } },
      perPage: 150,
    },
    {
      name: 'per_page 151 is clamped by default',
      body: { query: f('state', '=', 'open'), pagination: { per_page: 151 } },
      perPage: 150,
      clamped: true,
    },
    {
      name: 'a cursor',
      body: { query: f('state', '=', 'open'), pagination: { per_page: 2, starting_after: 'abc' } },
      perPage: 2,
      startingAfter: 'abc',
    },
    { name: 'null pagination', body: { query: f('state', '=', 'open'), pagination: null }, perPage: 20 },
  ];
  it.each(OK)('$name', ({ body, perPage, clamped, startingAfter }) => {
    for (const schema of ['documented', 'strict'] as const)
      expect(validateSearchRequest(body, '2.16', { schema })).toMatchObject({
        ok: true,
        perPage,
        clamped: clamped ?? false,
        startingAfter: startingAfter ?? null,
      });
  });

  it('refuses per_page 151 when the overflow is rejected, as the list does', () => {
    const got = validateSearchRequest(
      { query: f('state', '=', 'open'), pagination: { per_page: 151 } },
      '2.10',
      {
        perPageOverflow: 'reject',
      },
    );
    expect(got).toMatchObject({ ok: false, rule: 'search-per-page' });
    expect(!got.ok && got.body.errors[0]!.message).toBe('per_page must be at most 150, not 151');
  });

  it('validateQuery validates a query alone; an unknown version is a programming error', () => {
    expect(validateQuery(f('state', '=', 'open'), 'Preview').ok).toBe(true);
    expect(validateQuery(nest(2), '2.7').ok).toBe(true);
    expect(validateQuery(nest(3), '2.7')).toMatchObject({ ok: false, rule: 'search-nesting-depth' });
    expect(() => validateQuery(f('state', '=', 'open'), '2.6')).toThrow('unknown API version "2.6"');
  });

  it('stops at the nesting limit on a hostile, very deep query (no recursion past level 3)', () => {
    let q: unknown = f('id', '=', '1');
    for (let i = 0; i < 100_000; i++) q = group('AND', q);
    expect(validateQuery(q, '2.16')).toMatchObject({ ok: false, rule: 'search-nesting-depth' });
  });
});
