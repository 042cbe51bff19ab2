import { describe, expect, it } from 'vitest';
import { answerSearch, decodeCursor, encodeCursor } from '../../src/search/answer.ts';
import { sampleConversations } from './conversations.ts';
import { componentValidator, description } from './descriptions.ts';

const convs = sampleConversations().map((c) => ({
  ...c,
  conversation_parts: { type: 'conversation_part.list' },
}));
const idsOf = (body: unknown) =>
  (body as { conversations: Array<{ id: string }> }).conversations.map((c) => c.id);

describe('answerSearch: a page of a search over conversations', () => {
  it('pages the matches along pages.next.starting_after until the last page', () => {
    const query = { field: 'state', operator: 'IN', value: ['open', 'snoozed'] };
    const first = answerSearch({ query, pagination: { per_page: 4 } }, convs, '2.16');
    expect(first.status).toBe(200);
    if (first.status !== 200) return;
    expect(idsOf(first.body)).toEqual(['101', '103', '104', '106']);
    expect(first.body.pages).toEqual({
      type: 'pages',
      page: 1,
      per_page: 4,
      total_pages: 2,
      next: { page: 2, per_page: 4, starting_after: encodeCursor(4) },
    });
    expect(first.body.total_count).toBe(6);
    const second = answerSearch(
      { query, pagination: { per_page: 4, starting_after: first.body.pages.next!.starting_after } },
      convs,
      '2.16',
    );
    expect(second.status === 200 && idsOf(second.body)).toEqual(['107', '108']);
    expect(second.status === 200 && second.body.pages).toEqual({
      type: 'pages',
      page: 2,
      per_page: 4,
      total_pages: 2,
    });
  });

  it('leaves out conversation parts, as the list does', () => {
    const a = answerSearch({ query: { field: 'id', operator: '=', value: '101' } }, convs, '2.16');
    expect(a.status === 200 && Object.keys(a.body.conversations[0]!)).not.toContain('conversation_parts');
  });

  it('uses per_page 20 by default and clamps 151 to 150 (or refuses it)', () => {
    const q = { field: 'state', operator: '!=', value: 'none' };
    expect(answerSearch({ query: q }, convs, '2.10')).toMatchObject({
      status: 200,
      body: { pages: { per_page: 20 } },
    });
    expect(answerSearch({ query: q, pagination: { per_page: 151 } }, convs, '2.10')).toMatchObject({
      status: 200,
      body: { pages: { per_page: 150 } },
    });
    expect(
      answerSearch({ query: q, pagination: { per_page: 151 } }, convs, '2.10', { perPageOverflow: 'reject' }),
    ).toMatchObject({ status: 400, rule: 'search-per-page', body: { type: 'error.list' } });
  });

  it('refuses a bad query, and a cursor it did not give, with an error.list', () => {
    expect(answerSearch({ query: { field: 'nope', operator: '=', value: 1 } }, convs, '2.11')).toMatchObject({
      status: 400,
      rule: 'search-field-known',
      body: { errors: [{ code: 'invalid_field', message: 'nope is not a valid search field' }] },
    });
    expect(
      answerSearch(
        {
          query: { field: 'id', operator: '=', value: '1' },
          pagination: { starting_after: 'bm90LWEtY3Vyc29y' },
        },
        convs,
        '2.11',
      ),
    ).toMatchObject({ status: 400, rule: 'search-starting-after' });
    expect(decodeCursor(encodeCursor(40))).toBe(40);
    expect(decodeCursor('garbage')).toBeUndefined();
  });

  it("answers with a body the 2.16 conversation_list schema's pages and count accept", () => {
    const a = answerSearch(
      { query: { field: 'state', operator: '=', value: 'open' }, pagination: { per_page: 2 } },
      convs,
      '2.16',
    );
    const validate = componentValidator(description('2.16'), 'conversation_list');
    expect(a.status).toBe(200);
    const { conversations: _c, ...envelope } = a.body as unknown as Record<string, unknown>;
    expect(validate({ ...envelope, conversations: [] }), JSON.stringify(validate.errors)).toBe(true);
  });
});
