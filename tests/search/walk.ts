import type { Exchange } from '../../src/model/exchange.ts';
import type { GeneratedQuery, SearchCollected, SearchRequest } from '../../src/model/search.ts';
import { answerSearch, type SearchAnswerOptions } from '../../src/search/answer.ts';

type Conv = Record<string, unknown>;

export function exchange(
  step: string,
  version: string,
  body: unknown,
  status: number,
  response: unknown,
): Exchange {
  return {
    step,
    apiVersion: version,
    operationId: 'searchConversations',
    request: { method: 'POST', url: '/conversations/search', body },
    status,
    headers: { 'content-type': 'application/json' },
    body: response,
    bodyText: JSON.stringify(response),
  };
}

/**
 * Sends each generated query to `answerSearch` over the conversations and walks `pages.next.starting_after`
 * (at most `maxPages`), as the collector will: what the search checks read.
 */
export function collectSearch(
  queries: GeneratedQuery[],
  conversations: Conv[],
  version: string,
  options: SearchAnswerOptions & { maxPages?: number } = {},
): SearchCollected {
  const maxPages = options.maxPages ?? 20;
  const cases = queries.map((query) => {
    const pages: Exchange[] = [];
    let request: SearchRequest = query.request;
    let truncated = false;
    for (;;) {
      const answer = answerSearch(request, conversations, version, options);
      pages.push(
        exchange(`search:${query.name}:${pages.length + 1}`, version, request, answer.status, answer.body),
      );
      const next = answer.status === 200 ? answer.body.pages.next?.starting_after : undefined;
      if (!next) break;
      if (pages.length >= maxPages) {
        truncated = true;
        break;
      }
      request = { ...query.request, pagination: { ...query.request.pagination, starting_after: next } };
    }
    return { query, pages, truncated };
  });
  const overflow = { query: { field: 'state', operator: '=', value: 'open' }, pagination: { per_page: 151 } };
  const a = answerSearch(overflow, conversations, version, options);
  return {
    apiVersion: version,
    cases,
    perPageOverflow: { search: exchange('search:per-page-151', version, overflow, a.status, a.body) },
  };
}
