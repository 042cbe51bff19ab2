import { tagJson } from '../../render/shape.ts';
import { json } from '../response.ts';
import { fail, isAdmin, type OperationHandler, readId, readObject } from './context.ts';

/**
 * DELETE /conversations/{conversation_id}/tags/{tag_id} `{ admin_id }`: detaches a tag and returns it as it was
 * applied. A tag that is not on the conversation answers as the description documents it: its 404 example
 * "Tag not found" (`tag_not_found`), not a 200 with an invented application.
 */
export const detachTagFromConversation: OperationHandler = (ctx) => {
  const { workspace } = ctx;
  const c = workspace.byId(ctx.pathValues[0] ?? '');
  if (!c) return fail(ctx, 'conversation_not_found');
  const tag = workspace.tag(ctx.pathValues[1] ?? '');
  if (!tag) return fail(ctx, 'tag_not_found');
  const body = readObject(ctx);
  if (!body.ok) return body.response;
  const adminId = readId(ctx, body.value, 'admin_id');
  if (!adminId.ok) return adminId.response;
  if (!isAdmin(ctx, adminId.value)) return fail(ctx, 'admin_not_found');
  const removed = workspace.tags.detach(c, tag.id);
  if (!removed) return fail(ctx, 'tag_not_found');
  return json(200, tagJson(removed, tag.name));
};
