import type { Exchange } from '../model/exchange.ts';

export interface WalkOutcome {
  pages: number;
  /** Stopped at the page limit (or by an interruption), not at the last page. */
  truncated: boolean;
  interrupted: boolean;
}

/** The cursor of the next page, if the page has one. */
function nextCursor(page: Exchange): string | undefined {
  const next = (page.body as { pages?: { next?: { starting_after?: unknown } | null } } | undefined)?.pages
    ?.next?.starting_after;
  return typeof next === 'string' && next !== '' ? next : undefined;
}

/**
 * Walks a cursor-paginated list page by page, handing each page to `onPage` and keeping nothing itself but
 * the cursors seen (to stop on a cycle): memory does not grow with the size of the workspace. Stops at the
 * last page, a failed page, a repeated cursor, the page limit, an interruption (that page is not handed on), or
 * when `until` says the page holds what the walk looked for.
 */
export async function walkList(
  fetchPage: (cursor: string | undefined, index: number) => Promise<Exchange>,
  onPage: (page: Exchange) => void,
  options: { maxPages: number; signal?: AbortSignal; until?: (page: Exchange) => boolean },
): Promise<WalkOutcome> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let index = 0; ; index++) {
    if (options.signal?.aborted) return { pages: index, truncated: true, interrupted: true };
    if (index >= options.maxPages) return { pages: index, truncated: true, interrupted: false };
    const page = await fetchPage(cursor, index);
    if (page.interrupted) return { pages: index, truncated: true, interrupted: true };
    onPage(page);
    if (options.until?.(page)) return { pages: index + 1, truncated: false, interrupted: false };
    const next = nextCursor(page);
    if (page.status !== 200 || next === undefined || seen.has(next))
      return { pages: index + 1, truncated: false, interrupted: false };
    seen.add(next);
    cursor = next;
  }
}
