import { decodeCursor, encodeCursor, evaluate, validateSearchRequest } from '../../../search/index.ts';
import { searchProfileOf } from '../../render/profile.ts';
import type { PageData } from '../../render/shape.ts';
import type { Shaped } from '../../scenarios/scenario.ts';
import { json } from '../response.ts';
import { fail, type OperationHandler, viewOf } from './context.ts';

/**
 * POST /conversations/search: the search core (`src/search/`) served over the workspace the list serves. The
 * body is validated by `validateSearchRequest` (Intercom's `error.list` for a query past the documented limits;
 * per_page over 150 clamped or refused as the list's `--per-page-overflow` says); the query is evaluated by
 * `evaluate` on each conversation as this version's list shows it (tags from the tag overlay, state from the
 * state overlay, the scenario's shape), in list order (newest first); the page is cut at the search core's
 * opaque offset cursor (`pages.next.starting_after`), like `answerSearch`.
 *
 * Memory stays flat on a 100,000-conversation workspace: the conversations are built, shaped and tested one at
 * a time and only the page's items are kept (CPU is linear in the workspace size).
 *
 * The page is shaped as the version's search response (`conversation_list`, or 2.11's
 * `paginated_conversation_response`) by the scenario's list shaper, so the documented scenario's page-level
 * deviations (`per-page-as-string`, `pages-next-without-per-page`) and item deviations apply where the search
 * response shares the list's components.
 */
export const searchConversations: OperationHandler = (ctx) => {
  const { workspace } = ctx;
  const text = ctx.body.toString('utf8').trim();
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      return fail(ctx, 'bad_request');
    }
  }
  const v = validateSearchRequest(body, ctx.version, {
    perPageOverflow: ctx.options.perPageOverflow,
    requestId: ctx.requestId,
  });
  if (!v.ok) return json(400, v.body);
  const offset = v.startingAfter === null ? 0 : decodeCursor(v.startingAfter);
  if (offset === undefined)
    return fail(ctx, 'parameter_invalid', 'starting_after is not a cursor this search returned');

  const profile = searchProfileOf(ctx.profile);
  const items: Shaped[] = [];
  let matches = 0;
  for (let p = 0; p < workspace.size; p++) {
    const shaped = ctx.shaper.conversation(profile, viewOf(ctx, workspace.conversationAt(p), true));
    if (!evaluate(v.request.query, shaped.body)) continue;
    if (matches >= offset && matches < offset + v.perPage) items.push(shaped);
    matches++;
  }
  const end = offset + items.length;
  const page: PageData = {
    page: Math.floor(offset / v.perPage) + 1,
    perPage: v.perPage,
    totalPages: Math.max(1, Math.ceil(matches / v.perPage)),
    totalCount: matches,
  };
  if (end < matches) page.next = encodeCursor(end);
  const shaped = ctx.shaper.listPage(profile, page, items);
  return json(200, shaped.body, shaped.deviations);
};
