import type { Exchange } from '../../model/exchange.ts';
import type { Finding, Outcome } from '../../model/result.ts';
import type { SearchCase, SearchCollected } from '../../model/search.ts';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../limits.ts';

/**
 * The search checks: pure functions from what the search steps collected to verdicts, with stable ids, shaped
 * like `src/checks/` (a verdict per operation; findings, or a skip/error with the reason) so that the check
 * registry can wrap them once `Collected` carries a `SearchCollected`.
 */
export interface SearchVerdict {
  operationId: string;
  findings: Finding[];
  outcome?: Extract<Outcome, 'skip' | 'error'>;
  reason?: string;
  observations?: Record<string, unknown>;
}

export interface SearchCheck {
  id: string;
  summary: string;
  run(search: SearchCollected): SearchVerdict[];
}

export const OPERATION = 'searchConversations';

export function searchFinding(checkId: string, message: string, extra: Partial<Finding> = {}): Finding {
  return { checkId, severity: 'error', classification: 'violation', message, ...extra };
}

export function requestOf(e: Exchange): Finding['request'] {
  return {
    method: e.request.method,
    url: e.request.url,
    ...(e.status !== undefined ? { status: e.status } : {}),
  };
}

/** The one verdict of a search check with nothing to check, and why. */
export function skip(reason: string, observations?: Record<string, unknown>): SearchVerdict[] {
  return [
    {
      operationId: OPERATION,
      findings: [],
      outcome: 'skip',
      reason,
      ...(observations ? { observations } : {}),
    },
  ];
}

export function skipped(search: SearchCollected): SearchVerdict[] | undefined {
  return search.skipped ? skip(search.skipped) : undefined;
}

export type ListedConversation = Record<string, unknown>;

/** The conversations of one search page (empty when the body holds none). */
export function conversationsOfPage(e: Exchange): ListedConversation[] {
  const list = (e.body as { conversations?: unknown } | undefined)?.conversations;
  return Array.isArray(list)
    ? list.filter((c): c is ListedConversation => typeof c === 'object' && c !== null && !Array.isArray(c))
    : [];
}

/** The per_page a case asked for, after the default and the cap. */
export function perPageOf(c: SearchCase): number {
  const asked = c.query.request.pagination?.per_page;
  return typeof asked === 'number' && Number.isInteger(asked) && asked >= 1
    ? Math.min(asked, MAX_PER_PAGE)
    : DEFAULT_PER_PAGE;
}

/** Cases whose query should be answered (not the ones built to be refused). */
export const answeredCases = (s: SearchCollected) => s.cases.filter((c) => !c.query.refusedBy);

/** The first page that is not a 200, if any: the case could not be checked. */
export const failedPage = (c: SearchCase) => c.pages.find((p) => p.status !== 200);
