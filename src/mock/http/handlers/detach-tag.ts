import { tagJson } from '../../render/shape.ts';
import { json } from '../response.ts';
import { fail, type OperationHandler, readId, readObject } from './context.ts';

/**
 * DELETE /conversations/{conversation_id}/tags/{tag_id} `{ admin_id }`: detaches a tag and returns it as it was
 * applied. Detaching a catalogue tag that is not attached is a no-op that still answers 200 with the tag.
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
  const removed = workspace.tags.detach(c, tag.id) ?? {
    id: tag.id,
    appliedAt: workspace.tags.nextTime(),
    appliedBy: adminId.value,
    seeded: false,
  };
  return json(200, tagJson(removed, tag.name));
};
