import { describe, expect, it } from 'vitest';
import { answerSearch } from '../../src/search/index.ts';
import { findings } from './helpers.ts';

/**
 * Defects of the pure search core (src/search/, not the mock's to fix) found while serving it, each shown on a
 * real input against the real generated validators. `it.fails` passes while the defect is there and fails once
 * the core is fixed: then drop `.fails`. The mock does not depend on them (it shapes its pages with the scenario,
 * which writes `pages.next.per_page`).
 */
describe('answerSearch (pure core) against the strict search response schemas', () => {
  const conversations = [
    { type: 'conversation', id: '1', state: 'open' },
    { type: 'conversation', id: '2', state: 'open' },
  ];
  const body = { query: { field: 'state', operator: '=', value: 'open' }, pagination: { per_page: 1 } };

  it('pages.next is valid where the schema does not require per_page (2.10, 2.16)', () => {
    for (const version of ['2.10', '2.16']) {
      const answer = answerSearch(body, conversations, version);
      expect(answer.status).toBe(200);
      expect(
        findings(version, 'searchConversations', 200, answer.body).filter((f) =>
          f.instancePath.startsWith('/pages'),
        ),
      ).toEqual([]);
    }
  });

  // src/search/answer.ts answerSearch: `pages.next` is { page, starting_after } without `per_page`, which 2.11's
  // `starting_after_paging` (under paginated_conversation_response → cursor_pages) requires.
  it.fails('BUG: pages.next carries the per_page 2.11 requires', () => {
    const answer = answerSearch(body, conversations, '2.11');
    expect(answer.status).toBe(200);
    expect(
      findings('2.11', 'searchConversations', 200, answer.body).filter((f) =>
        f.instancePath.startsWith('/pages'),
      ),
    ).toEqual([]);
  });
});
