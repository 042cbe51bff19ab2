import { tagJson } from '../../render/shape.ts';
import { json } from '../response.ts';
import { fail, isAdmin, type OperationHandler, readId, readObject } from './context.ts';

/**
 * POST /conversations/{conversation_id}/tags `{ id, admin_id }`: attaches a catalogue tag (idempotent). `admin_id`
 * must be an admin of the workspace (else 404 admin_not_found).
 */
export const attachTagToConversation: OperationHandler = (ctx) => {
  const { workspace } = ctx;
  const c = workspace.byId(ctx.pathValues[0] ?? '');
  if (!c) return fail(ctx, 'conversation_not_found');
  const body = readObject(ctx);
  if (!body.ok) return body.response;
  const tagId = readId(ctx, body.value, 'id');
  if (!tagId.ok) return tagId.response;
  const adminId = readId(ctx, body.value, 'admin_id');
  if (!adminId.ok) return adminId.response;
  const tag = workspace.tag(tagId.value);
  if (!tag) return fail(ctx, 'tag_not_found');
  if (!isAdmin(ctx, adminId.value)) return fail(ctx, 'admin_not_found');
  return json(200, tagJson(workspace.tags.attach(c, tag.id, adminId.value), tag.name));
};
