import { json } from '../response.ts';
import { fail, type OperationHandler, viewOf } from './context.ts';

/** GET /conversations/{id}: the conversation with its 500 most recent parts; `display_as=plaintext` strips HTML. */
export const retrieveConversation: OperationHandler = (ctx) => {
  const c = ctx.workspace.byId(ctx.pathValues[0] ?? '');
  if (!c) return fail(ctx, 'not_found');
  const plaintext = ctx.query.get('display_as') === 'plaintext';
  const shaped = ctx.shaper.conversation(ctx.profile, viewOf(ctx, c, false, plaintext));
  return json(200, shaped.body, shaped.deviations);
};
