import type { Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { isRecord, type ListPage, listPageOf, unreadable } from './read.ts';
import { defineCheck, finding, requestOf } from './types.ts';

const ID = 'pagination';
const PER_PAGE = 150;

interface Walk {
  /** The pages read, in order, up to the first one that failed or could not be read. */
  pages: Array<{ e: Exchange; page: ListPage }>;
  /** The step that ended the walk without a readable page, if any. */
  failed?: Exchange;
  truncated: boolean;
  interrupted: boolean;
}

/** Conversation ids of the pages, in order (an item without an id counts as its position). */
function idsOf(pages: Walk['pages']): string[] {
  return pages.flatMap(({ page }) =>
    page.conversations.flatMap((c) => (isRecord(c) && c.id !== undefined ? [String(c.id)] : [])),
  );
}

/**
 * The cursor chain terminates, no conversation twice, pages within per_page, totals consistent with the walk.
 * An endless chain fails: more distinct conversations than total_count, or a chain still going at --max-pages
 * when the pages read could already hold total_count; a chain cut by --max-pages before that is an error (the
 * totals could not be checked).
 */
export const pagination = defineCheck<Walk>({
  id: ID,
  summary:
    'the cursor chain terminates, no conversation appears twice, page sizes ≤ per_page, totals consistent',
  applies(ctx) {
    const { walk, walkTruncated, interrupted } = ctx.collected;
    const pages: Walk['pages'] = [];
    let failed: Exchange | undefined;
    for (const e of walk) {
      const page = e.status === 200 ? listPageOf(e) : undefined;
      if (!page) {
        failed = e;
        break;
      }
      pages.push({ e, page });
    }
    if (pages.length === 0)
      return [
        {
          operationId: 'listConversations',
          outcome: 'error',
          reason: `the list walk got no page (${walk[0] ? (walk[0].status !== undefined && walk[0].status !== 200 ? walk[0].status : unreadable(walk[0])) : 'no request'})`,
        },
      ];
    return [
      {
        operationId: 'listConversations',
        subject: {
          pages,
          ...(failed ? { failed } : {}),
          truncated: walkTruncated,
          interrupted: interrupted === true,
        },
      },
    ];
  },
  verify(_ctx, walk) {
    const { pages, failed } = walk;
    const findings: Finding[] = [];
    const ids = idsOf(pages);
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id))
        findings.push(
          finding(ID, 'violation', `conversation ${id} appears twice in the walk`, { value: id }),
        );
      seen.add(id);
    }
    for (const { e, page } of pages)
      if (page.conversations.length > PER_PAGE)
        findings.push(
          finding(
            ID,
            'violation',
            `a page of per_page=${PER_PAGE} held ${page.conversations.length} conversations`,
            {
              request: requestOf(e),
              value: page.conversations.length,
            },
          ),
        );
    if (failed)
      findings.push(
        finding(
          ID,
          'violation',
          `the walk stopped on ${failed.status !== undefined && failed.status !== 200 ? failed.status : unreadable(failed)}`,
          { request: requestOf(failed) },
        ),
      );
    const first = pages[0]!.page;
    const last = pages.at(-1)!;
    const total = first.totalCount;
    const totalPages = first.totalPages;
    const stillGoing = last.page.nextCursor !== undefined && !failed;
    // The walk stops on a cursor it has seen before: the chain cycles.
    const cycled = !walk.truncated && stillGoing;
    if (cycled)
      findings.push(
        finding(ID, 'violation', 'the cursor chain repeats a cursor instead of ending', {
          request: requestOf(last.e),
          value: last.page.nextCursor,
        }),
      );
    if (total !== undefined && seen.size > total)
      findings.push(
        finding(
          ID,
          'violation',
          `the walk saw ${seen.size} distinct conversations, more than total_count ${total}: the cursor chain does not end`,
          { request: requestOf(last.e), value: seen.size },
        ),
      );
    const cutAtLimit = walk.truncated && !walk.interrupted && stillGoing;
    if (cutAtLimit && total !== undefined && pages.length * PER_PAGE >= total)
      findings.push(
        finding(
          ID,
          'violation',
          `the cursor chain still goes after ${pages.length} pages (the --max-pages limit), enough for total_count ${total} at per_page=${PER_PAGE}`,
          { request: requestOf(last.e), value: pages.length },
        ),
      );
    const complete = !walk.truncated && !failed && !cycled;
    if (complete) {
      if (total !== undefined && total !== ids.length)
        findings.push(
          finding(ID, 'violation', `total_count is ${total} but the walk saw ${ids.length} conversations`, {
            value: total,
          }),
        );
      if (totalPages !== undefined && totalPages !== pages.length)
        findings.push(
          finding(ID, 'violation', `total_pages is ${totalPages} but the walk took ${pages.length} pages`, {
            value: totalPages,
          }),
        );
    } else if (
      total !== undefined &&
      totalPages !== undefined &&
      totalPages !== Math.ceil(total / PER_PAGE)
    ) {
      findings.push(
        finding(
          ID,
          'violation',
          `total_pages ${totalPages} does not fit total_count ${total} at per_page=${PER_PAGE}`,
          {
            value: totalPages,
          },
        ),
      );
    }
    const observations = {
      pages: pages.length,
      conversations: ids.length,
      truncated: walk.truncated,
      totalCount: total,
    };
    if (cutAtLimit && !findings.some((f) => f.classification === 'violation'))
      return {
        findings,
        observations,
        outcome: 'error',
        reason: `the walk stopped at the --max-pages limit (${pages.length} pages) with the cursor chain still going: ${seen.size} of total_count ${total ?? 'unknown'} conversations seen, so the totals could not be checked (raise --max-pages)`,
      };
    return { findings, observations };
  },
});
