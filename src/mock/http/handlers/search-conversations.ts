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
 * a time and only the page's items are kept, with the matched list positions (one Int32 each) of the last few
 * queries: the first page of a search costs one pass over the workspace (linear), the next pages of the same
 * search (while the workspace is unchanged) only their own items, so a walk stays linear too.
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
  const shape = (position: number) =>
    ctx.shaper.conversation(profile, viewOf(ctx, workspace.conversationAt(position), true));
  // The workspace clock advances on every write: a key with it is never served a stale match list.
  const key = `${workspace.clockNow()}\u0000${JSON.stringify(v.request.query)}`;
  const items: Shaped[] = [];
  let positions = ctx.searches.get(key);
  let matches: number;
  if (positions) {
    matches = positions.length;
    for (let k = offset; k < Math.min(matches, offset + v.perPage); k++) items.push(shape(positions[k]!));
  } else {
    const found = new Int32Array(workspace.size);
    matches = 0;
    for (let p = 0; p < workspace.size; p++) {
      const shaped = shape(p);
      if (!evaluate(v.request.query, shaped.body)) continue;
      if (matches >= offset && matches < offset + v.perPage) items.push(shaped);
      found[matches++] = p;
    }
    positions = found.slice(0, matches);
    ctx.searches.set(key, positions);
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
