import { describe, expect, it } from 'vitest';
import { renderSearchOperatorsTable, renderSearchRulesTable } from '../../src/search/docs.ts';
import { parseSearchQuery } from '../../src/search/user-query.ts';
import { SEARCH_RULES } from '../../src/search/validate.ts';

describe('parseSearchQuery: a query file the user passes', () => {
  const CASES: Array<[string, string, unknown]> = [
    [
      'a body',
      '{"query":{"field":"state","operator":"=","value":"open"},"pagination":{"per_page":5}}',
      { ok: true },
    ],
    ['a bare filter', '{"field":"state","operator":"=","value":"open"}', { ok: true }],
    [
      'not JSON',
      '{"query":',
      { ok: false, message: expect.stringMatching(/^q\.json: not valid JSON \(.+\)$/) },
    ],
    [
      'an unknown field in a body',
      '{"query":{"field":"segment_id","operator":"=","value":"1"}}',
      {
        ok: false,
        message: 'q.json: segment_id is not a valid search field (search-field-known at /query/field)',
      },
    ],
    [
      'a bare query too deep',
      '{"operator":"AND","value":[{"operator":"OR","value":[{"operator":"AND","value":[{"field":"id","operator":"=","value":"1"}]}]}]}',
      {
        ok: false,
        message:
          'q.json: filters can be nested at most 2 levels deep (a group at level 3 at /query/value/0/value/0) (search-nesting-depth at /value/0/value/0)',
      },
    ],
    [
      'an array',
      '[]',
      { ok: false, message: 'q.json: the query at /query must be an object (search-node-shape at /)' },
    ],
  ];
  it.each(CASES)('%s', (_name, text, want) => {
    const got = parseSearchQuery(text, '2.11', 'q.json');
    expect(got).toMatchObject(want as object);
    if (!got.ok) expect(got.message).not.toContain('\n');
  });
});

describe('the generated docs tables', () => {
  it('have a row per rule and per operator', () => {
    const rules = renderSearchRulesTable().split('\n');
    expect(rules).toHaveLength(SEARCH_RULES.length + 2);
    expect(rules[2]).toBe(
      '| `search-body-object` | the body is a JSON object | `parameter_invalid` | #/components/schemas/search_request (type: object) |',
    );
    const ops = renderSearchOperatorsTable();
    expect(ops).toContain('| `>` |  | ✓ | ✓ |  | Greater (or equal) than |');
    expect(ops).toContain('Fields by type — string: 26, integer: 12, date: 15, boolean: 3.');
  });
});
