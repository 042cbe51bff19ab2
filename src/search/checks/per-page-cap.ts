import type { Exchange } from '../../model/exchange.ts';
import type { Finding } from '../../model/result.ts';
import { MAX_PER_PAGE } from '../limits.ts';
import {
  conversationsOfPage,
  OPERATION,
  requestOf,
  type SearchCheck,
  searchFinding,
  skip,
  skipped,
} from './types.ts';

type Behaviour = 'clamp' | 'reject' | 'other';

function behaviour(e: Exchange): Behaviour {
  if (e.status === 200) {
    // Not a page at all (null, an array, a string): nothing was clamped.
    if (!Array.isArray((e.body as { conversations?: unknown } | null | undefined)?.conversations))
      return 'other';
    const perPage = (e.body as { pages?: { per_page?: unknown } } | undefined)?.pages?.per_page;
    // per_page as a string ("150") is the per-page-as-string quirk, which the schema check reports: the cap held.
    return conversationsOfPage(e).length <= MAX_PER_PAGE &&
      (perPage === undefined || perPage === MAX_PER_PAGE || perPage === String(MAX_PER_PAGE))
      ? 'clamp'
      : 'other';
  }
  const body = e.body as { type?: unknown; errors?: unknown } | undefined;
  return e.status === 400 && body?.type === 'error.list' && Array.isArray(body.errors) ? 'reject' : 'other';
}

/** A search with per_page past 150 is clamped to 150 or refused with an error.list, as the list does. */
export const searchPerPageCap: SearchCheck = {
  id: 'search-per-page-cap',
  summary: 'per_page past 150 is clamped or refused with an error.list, as for the list',
  run(search) {
    // The probe needs no listed conversation: it is judged even when the query-built searches were skipped.
    const probe = search.perPageOverflow?.search;
    const none = probe ? undefined : skipped(search);
    if (none) return none;
    if (!probe) return skip('no search with per_page 151 was sent');
    if (probe.status === undefined)
      return [
        { operationId: OPERATION, findings: [], outcome: 'error', reason: probe.error ?? 'no response' },
      ];
    const findings: Finding[] = [];
    const got = behaviour(probe);
    if (got === 'other')
      findings.push(
        searchFinding(
          this.id,
          `per_page ${MAX_PER_PAGE + 1} was neither clamped to ${MAX_PER_PAGE} nor refused with an error.list (status ${probe.status})`,
          { request: requestOf(probe) },
        ),
      );
    const list = search.perPageOverflow?.list;
    const listed = list?.status !== undefined ? behaviour(list) : undefined;
    if (got !== 'other' && listed && listed !== 'other' && listed !== got)
      findings.push(
        searchFinding(
          this.id,
          `per_page ${MAX_PER_PAGE + 1}: the search answers ${got}, the list ${listed}`,
          {
            request: requestOf(probe),
          },
        ),
      );
    return [
      { operationId: OPERATION, findings, observations: { perPageOverflow: got, list: listed ?? null } },
    ];
  },
};
