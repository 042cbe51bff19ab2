import type { OperationInfo } from '../descriptions/operations.ts';
import type { Exchange } from '../model/exchange.ts';
import type { GeneratedQuery, SearchCase, SearchCollected, SearchRequest } from '../model/search.ts';
import { queriesFrom, touchesMasked } from '../search/generate.ts';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../search/limits.ts';
import { fillPath } from './http.ts';
import type { Go } from './tag-trip.ts';
import { walkList } from './walk.ts';

export interface SearchStepsContext {
  apiVersion: string;
  go: Go;
  /** The version's `searchConversations`, if its description has one. */
  search: OperationInfo | undefined;
  /** Page limit of each query's walk. */
  maxPages: number;
  /** Keys whose values the answers hold masked (a recording, a replay): no query is built on them. */
  maskedKeys?: readonly string[];
  signal?: AbortSignal;
}

/**
 * The request of one page: the query's own pagination plus the cursor of the page before — with `per_page`
 * whenever `pagination` is sent (2.11's `starting_after_paging` requires it; the default is 20).
 */
function pageRequest(request: SearchRequest, cursor: string | undefined): SearchRequest {
  if (!cursor) return request;
  const perPage = request.pagination?.per_page ?? DEFAULT_PER_PAGE;
  return {
    ...request,
    pagination: { ...(request.pagination ?? {}), per_page: perPage, starting_after: cursor },
  };
}

/** The user's own queries (`--search-query`): every result must satisfy them; they name no known conversation. */
function userQueries(requests: readonly SearchRequest[]): GeneratedQuery[] {
  return requests.map((request, i) => ({
    name: `user-${i + 1}`,
    request,
    mustInclude: [],
    mustExclude: [],
  }));
}

/** A query every conversation satisfies (each has a positive `created_at`): what per_page 151 is asked with. */
const EVERYTHING: SearchRequest = { query: { field: 'created_at', operator: '>', value: 0 } };

/**
 * The search steps of one version: each query built from what the list returned (and each of the user's),
 * walked along `pages.next.starting_after` within the page limit (a query built to be refused: its one answer),
 * then a search with per_page 151 beside the list's per_page=151 answer. Searches only read, so their POSTs
 * are retried like GETs. Never throws; an interruption ends the steps with what was collected.
 */
export async function searchSteps(
  ctx: SearchStepsContext,
  listed: unknown[],
  extra: readonly SearchRequest[],
  listOverflow: Exchange | undefined,
): Promise<SearchCollected> {
  const out: SearchCollected = { apiVersion: ctx.apiVersion, cases: [] };
  const op = ctx.search;
  if (!op) return { ...out, skipped: `searchConversations is not in the API ${ctx.apiVersion} description` };
  const masked = ctx.maskedKeys ?? [];
  // Built from masked values ("redacted message"), a query would ask the target for what it never held.
  const built = queriesFrom(listed).filter((q) => !touchesMasked(q.request.query, masked));
  const queries = [...built, ...userQueries(extra)];
  if (masked.length > 0) out.maskedKeys = [...masked];
  const url = fillPath(op, []);
  for (const query of queries) {
    if (ctx.signal?.aborted) break;
    const c: SearchCase = { query, pages: [], truncated: false };
    const walked = await walkList(
      (cursor, index) =>
        ctx.go(`search:${query.name}:${index + 1}`, op, url, {
          body: pageRequest(query.request, cursor),
          retrySafe: true,
        }),
      (page) => c.pages.push(page),
      // A query built to be refused is answered once; its answer has no next page to walk.
      { maxPages: query.refusedBy ? 1 : ctx.maxPages, ...(ctx.signal ? { signal: ctx.signal } : {}) },
    );
    c.truncated = walked.truncated;
    if (c.pages.length > 0) out.cases.push(c);
  }
  if (!ctx.signal?.aborted) {
    const probe = await ctx.go('search:per-page-151', op, url, {
      body: { ...EVERYTHING, pagination: { per_page: MAX_PER_PAGE + 1 } },
      retrySafe: true,
    });
    if (!probe.interrupted)
      out.perPageOverflow = { search: probe, ...(listOverflow ? { list: listOverflow } : {}) };
  }
  if (out.cases.length === 0 && !out.perPageOverflow)
    return { ...out, skipped: 'the run was interrupted before the searches' };
  // The per_page 151 probe needs no listed conversation; the other checks skip on no query, with the reason.
  if (queries.length === 0)
    return { ...out, skipped: 'no conversation was listed to build queries from, and no --search-query' };
  return out;
}
