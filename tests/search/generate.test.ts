import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/search/evaluate.ts';
import { queriesFrom } from '../../src/search/generate.ts';
import { validateSearchRequest } from '../../src/search/validate.ts';
import { SEARCH_VERSIONS } from '../../src/search/versions.ts';
import { sampleConversations } from './conversations.ts';

const convs = sampleConversations();

describe('queriesFrom: queries built from what the list returned', () => {
  const queries = queriesFrom(convs);

  it('builds the documented kinds of query, in a fixed order', () => {
    expect(queries.map((q) => q.name)).toEqual([
      'by-id',
      'or-of-two-ids',
      'id-in',
      'id-not-equal',
      'id-nin',
      'state-closed',
      'state-open',
      'state-snoozed',
      'created_at-window',
      'updated_at-window',
      'by-tag',
      'nested-and-of-ors',
      'body-token',
      'body-two-tokens',
      'paged-walk',
      'nesting-3-levels',
      'group-of-16',
    ]);
  });

  it('is deterministic: the same conversations in another order, or twice, give the same queries', () => {
    expect(queriesFrom([...convs].reverse())).toEqual(queries);
    expect(queriesFrom([...convs, ...convs])).toEqual(queries);
  });

  it("each answered query is valid in every version (the documented language and the version's schema)", () => {
    for (const version of SEARCH_VERSIONS)
      for (const q of queries.filter((x) => !x.refusedBy))
        for (const schema of ['documented', 'strict'] as const)
          expect(validateSearchRequest(q.request, version, { schema }).ok, `${version} ${q.name}`).toBe(true);
  });

  it('each query beyond a limit is refused by the rule it names, in every version', () => {
    const refused = queries.filter((x) => x.refusedBy);
    expect(refused.map((q) => [q.name, q.refusedBy])).toEqual([
      ['nesting-3-levels', 'search-nesting-depth'],
      ['group-of-16', 'search-group-size'],
    ]);
    for (const version of SEARCH_VERSIONS)
      for (const q of refused)
        for (const schema of ['documented', 'strict'] as const)
          expect(validateSearchRequest(q.request, version, { schema })).toMatchObject({
            ok: false,
            rule: q.refusedBy,
          });
  });

  it('what each query must (not) return agrees with evaluating it over the listed conversations', () => {
    for (const q of queries.filter((x) => !x.refusedBy)) {
      const matched = convs.filter((c) => evaluate(q.request.query, c)).map((c) => String(c.id));
      const strict = convs
        .filter((c) => evaluate(q.request.query, c, { comparison: 'strict' }))
        .map((c) => String(c.id));
      expect(matched, q.name).toEqual(strict);
      for (const id of q.mustInclude) expect(matched, q.name).toContain(id);
      for (const id of q.mustExclude) expect(matched, q.name).not.toContain(id);
    }
  });

  it('names the conversations each query is about', () => {
    const byName = Object.fromEntries(queries.map((q) => [q.name, q]));
    expect(byName['by-id']).toMatchObject({ mustInclude: ['101'], mustExclude: [] });
    expect(byName['id-nin']).toMatchObject({ mustInclude: ['101', '103'], mustExclude: ['102'] });
    expect(byName['state-snoozed']).toMatchObject({ mustInclude: ['103', '107'], mustExclude: ['101'] });
    expect(byName['by-tag']).toMatchObject({ mustInclude: ['102', '105'], mustExclude: ['101'] });
    expect(byName['body-token']!.request.query).toEqual({
      operator: 'AND',
      value: [
        { field: 'source.body', operator: '=', value: 'need' },
        { field: 'id', operator: '=', value: '101' },
      ],
    });
    expect(byName['body-two-tokens']).toMatchObject({ mustInclude: [], mustExclude: ['101'] });
    expect(byName['paged-walk']).toMatchObject({
      request: { pagination: { per_page: 2 } },
      mustInclude: ['101', '102', '103', '104', '105', '106', '107'],
    });
  });

  it('needs at least one conversation with an id; with one, still builds the refused queries', () => {
    expect(queriesFrom([])).toEqual([]);
    expect(queriesFrom([{ state: 'open' }, null, 'x'])).toEqual([]);
    const one = queriesFrom([convs[0]!]);
    expect(one.map((q) => q.name)).toEqual([
      'by-id',
      'id-in',
      'state-open',
      'created_at-window',
      'updated_at-window',
      'body-token',
      'body-two-tokens',
      'nesting-3-levels',
      'group-of-16',
    ]);
  });
});
