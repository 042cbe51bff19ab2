import { pageOf } from '../pagination.ts';
import { json } from '../response.ts';
import { fail, type OperationHandler, viewOf } from './context.ts';

/** GET /conversations: cursor pagination over the workspace, newest first, without conversation_parts. */
export const listConversations: OperationHandler = (ctx) => {
  const { workspace } = ctx;
  const page = pageOf(workspace.seed, workspace.size, ctx.query, ctx.options.perPageOverflow);
  if (!page.ok) return fail(ctx, page.code, page.message);
  const items = [];
  for (let i = page.value.start; i < page.value.end; i++) {
    items.push(ctx.shaper.conversation(ctx.profile, viewOf(ctx, workspace.conversationAt(i), true)));
  }
  const shaped = ctx.shaper.listPage(ctx.profile, page.value.page, items);
  return json(200, shaped.body, shaped.deviations);
};
