import { describe, expect, it } from 'vitest';
import { answerSearch } from '../../src/search/index.ts';
import { findings } from './helpers.ts';

/**
 * The pure search core's pages (src/search/answer.ts) against the real generated validators of every shape the
 * descriptions give a search answer. The mock shapes its own pages with the scenario; the core must be valid too.
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

  // 2.11's `starting_after_paging` (under paginated_conversation_response → cursor_pages) requires per_page.
  it('pages.next carries the per_page 2.11 requires', () => {
    const answer = answerSearch(body, conversations, '2.11');
    expect(answer.status).toBe(200);
    expect(
      findings('2.11', 'searchConversations', 200, answer.body).filter((f) =>
        f.instancePath.startsWith('/pages'),
      ),
    ).toEqual([]);
  });
});
