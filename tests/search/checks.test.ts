import { describe, expect, it } from 'vitest';
import type { SearchCollected } from '../../src/model/search.ts';
import { SEARCH_CHECKS } from '../../src/search/checks/registry.ts';
import type { SearchCheck } from '../../src/search/checks/types.ts';
import { queriesFrom } from '../../src/search/generate.ts';
import { sampleConversations } from './conversations.ts';
import { collectSearch, exchange } from './walk.ts';

const convs = sampleConversations();
const check = (id: string): SearchCheck => SEARCH_CHECKS.find((c) => c.id === id)!;
const run = (id: string, s: SearchCollected) => check(id).run(s);
const messages = (id: string, s: SearchCollected) =>
  run(id, s).flatMap((v) => v.findings.map((f) => f.message));
const faithful = () => collectSearch(queriesFrom(convs), convs, '2.16');
const caseOf = (s: SearchCollected, name: string) => s.cases.find((c) => c.query.name === name)!;
type Page = { conversations: Array<Record<string, unknown>> };

describe('the search checks', () => {
  it('are registered once each, with the ids the issue names', () => {
    expect(SEARCH_CHECKS.map((c) => c.id)).toEqual([
      'search-results-satisfy-query',
      'search-finds-known',
      'search-pagination',
      'search-per-page-cap',
      'search-limits-refused',
    ]);
  });

  it('all pass on answers that follow the documented language, with what they checked', () => {
    const s = faithful();
    expect(caseOf(s, 'paged-walk').pages).toHaveLength(4);
    for (const c of SEARCH_CHECKS) {
      const verdicts = c.run(s);
      expect(verdicts, c.id).toHaveLength(1);
      expect(verdicts[0]!.findings, c.id).toEqual([]);
      expect(verdicts[0]!.outcome, c.id).toBeUndefined();
    }
    expect(run('search-results-satisfy-query', s)[0]!.observations).toEqual({
      queries: 15,
      conversations: 33,
    });
    expect(run('search-per-page-cap', s)[0]!.observations).toEqual({ perPageOverflow: 'clamp', list: null });
  });

  it('skip, with the reason, when the search steps did not run', () => {
    const s: SearchCollected = { apiVersion: '2.16', skipped: 'no conversation listed', cases: [] };
    for (const c of SEARCH_CHECKS)
      expect(c.run(s)).toEqual([
        {
          operationId: 'searchConversations',
          findings: [],
          outcome: 'skip',
          reason: 'no conversation listed',
        },
      ]);
  });

  it('search-results-satisfy-query: a returned conversation that does not satisfy the query', () => {
    const s = faithful();
    (caseOf(s, 'state-closed').pages[0]!.body as Page).conversations.push(convs[0]!);
    expect(messages('search-results-satisfy-query', s)).toEqual([
      'query state-closed returned conversation 101, which does not satisfy it',
    ]);
  });

  it('search-results-satisfy-query: a body token query answered by whole-value matching', () => {
    const s = faithful();
    // A server matching the whole body for "need support" would return 101: the per-token reading refuses it.
    (caseOf(s, 'body-two-tokens').pages[0]!.body as Page).conversations.push(convs[0]!);
    expect(messages('search-results-satisfy-query', s)).toEqual([
      'query body-two-tokens returned conversation 101, which does not satisfy it',
    ]);
    expect(messages('search-finds-known', s)).toEqual([
      'query body-two-tokens returned conversation 101, which it excludes',
    ]);
  });

  it('search-finds-known: a known conversation missing; a truncated walk is not blamed', () => {
    const s = faithful();
    (caseOf(s, 'by-tag').pages[0]!.body as Page).conversations.shift();
    expect(messages('search-finds-known', s)).toEqual([
      'query by-tag did not return conversation 102, which it matches',
    ]);
    const t = collectSearch(queriesFrom(convs), convs, '2.16', { maxPages: 2 });
    expect(caseOf(t, 'paged-walk').truncated).toBe(true);
    expect(run('search-finds-known', t)[0]).toMatchObject({
      findings: [],
      observations: { unchecked: ['paged-walk (walk truncated)'] },
    });
  });

  it('search-finds-known: an error when no query could be checked', () => {
    const s = faithful();
    for (const c of s.cases) c.pages[0]!.status = 500;
    expect(run('search-finds-known', s)[0]).toMatchObject({ outcome: 'error' });
    expect(run('search-finds-known', s)[0]!.reason).toMatch(/^no query could be checked: by-id \(500\)/);
  });

  it('search-pagination: duplicates, an oversized page, a repeated cursor, a truncated walk, a failed page', () => {
    const s = faithful();
    const walk = caseOf(s, 'paged-walk');
    const [p1, p2] = walk.pages.map((p) => p.body as Page & { pages: { next?: { starting_after: string } } });
    p2!.conversations.push(p1!.conversations[0]!);
    p2!.pages.next!.starting_after = p1!.pages.next!.starting_after;
    expect(messages('search-pagination', s)).toEqual([
      'a page of paged-walk held 3 conversations (per_page 2)',
      'conversation 101 appears twice in the walk of paged-walk',
      'the walk of paged-walk was given the same cursor twice',
    ]);
    const t = collectSearch(queriesFrom(convs), convs, '2.16', { maxPages: 2 });
    expect(messages('search-pagination', t)).toEqual([
      'the walk of paged-walk did not end within the page limit (2 pages)',
    ]);
    const u = faithful();
    caseOf(u, 'paged-walk').pages[1]!.status = 503;
    expect(messages('search-pagination', u)).toEqual(['the walk of paged-walk stopped on 503']);
  });

  it('search-per-page-cap: clamped or refused, and as the list does', () => {
    const s = faithful();
    const body = { query: { field: 'state', operator: '=', value: 'open' }, pagination: { per_page: 151 } };
    const refused = exchange('search:per-page-151', '2.16', body, 400, {
      type: 'error.list',
      request_id: 'r',
      errors: [{ code: 'parameter_invalid', message: 'per_page must be at most 150, not 151' }],
    });
    const listClamped = {
      ...exchange('list:per-page-151', '2.16', undefined, 200, {
        conversations: [],
        pages: { per_page: 150 },
      }),
      operationId: 'listConversations',
    };
    s.perPageOverflow = { search: refused, list: listClamped };
    expect(messages('search-per-page-cap', s)).toEqual([
      'per_page 151: the search answers reject, the list clamp',
    ]);
    s.perPageOverflow = { search: faithful().perPageOverflow!.search!, list: listClamped };
    expect(messages('search-per-page-cap', s)).toEqual([]);
    const tooMany = exchange('search:per-page-151', '2.16', body, 200, {
      conversations: Array.from({ length: 151 }, (_, i) => ({ id: String(i) })),
      pages: { per_page: 151 },
    });
    s.perPageOverflow = { search: tooMany };
    expect(messages('search-per-page-cap', s)).toEqual([
      'per_page 151 was neither clamped to 150 nor refused with an error.list (status 200)',
    ]);
    s.perPageOverflow = undefined;
    expect(run('search-per-page-cap', s)[0]).toMatchObject({ outcome: 'skip' });
  });

  it('search-limits-refused: answered instead of refused, or refused without an error.list', () => {
    const s = faithful();
    const deep = caseOf(s, 'nesting-3-levels').pages[0]!;
    deep.status = 200;
    deep.body = { type: 'conversation.list', conversations: [] };
    const big = caseOf(s, 'group-of-16').pages[0]!;
    big.body = { message: 'too many filters' };
    expect(messages('search-limits-refused', s)).toEqual([
      'query nesting-3-levels (beyond search-nesting-depth) was answered, not refused',
      'query group-of-16 was refused with status 400 and no well-formed error.list',
    ]);
  });

  it('search-limits-refused: a 404 error.list is not a refusal of the query (the route, not the query, failed)', () => {
    const s = faithful();
    const deep = caseOf(s, 'nesting-3-levels').pages[0]!;
    deep.status = 404;
    deep.body = { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] };
    expect(messages('search-limits-refused', s)).toEqual([
      'query nesting-3-levels was refused with status 404 and an error.list',
    ]);
  });

  it('search-results-satisfy-query: no page answered is an error, never a pass on nothing', () => {
    const s = faithful();
    for (const c of s.cases) for (const p of c.pages) p.status = 404;
    const [v] = run('search-results-satisfy-query', s);
    expect(v).toMatchObject({ outcome: 'error', reason: 'no search page was answered (404)', findings: [] });
  });

  it('search-per-page-cap: per_page answered as the string "150" (quirk per-page-as-string) is still the cap', () => {
    const s = faithful();
    const probe = s.perPageOverflow!.search!;
    (probe.body as { pages: { per_page: unknown } }).pages.per_page = '150';
    expect(messages('search-per-page-cap', s)).toEqual([]);
    (probe.body as { pages: { per_page: unknown } }).pages.per_page = '151';
    expect(messages('search-per-page-cap', s)).toEqual([
      'per_page 151 was neither clamped to 150 nor refused with an error.list (status 200)',
    ]);
  });

  it('search-results-satisfy-query: a query on a value a cassette masked is not evaluated, and says so', () => {
    const s = faithful();
    for (const p of caseOf(s, 'body-token').pages)
      for (const c of (p.body as Page).conversations)
        (c.source as { body: string }).body = '<p>redacted message</p>';
    expect(messages('search-results-satisfy-query', s)).toHaveLength(1);
    s.maskedKeys = ['body', 'email'];
    const [v] = run('search-results-satisfy-query', s);
    expect(v!.findings).toEqual([]);
    expect(v!.observations).toMatchObject({ notEvaluated: ['body-token', 'body-two-tokens'] });
  });
});
