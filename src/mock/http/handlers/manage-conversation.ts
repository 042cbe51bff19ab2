import type { ManageAction } from '../../../conversation-state/index.ts';
import { json, type MockResponse } from '../response.ts';
import { fail, type OperationContext, type OperationHandler, readId, readObject, viewOf } from './context.ts';

/**
 * POST /conversations/{id}/parts (`manageConversation`): close, snooze, open or assign, as the version's
 * `close_/snooze_/open_/assign_conversation_request` bodies say (the four schemas are the same in every version).
 *
 * - unknown conversation → 404 `not_found`; `admin_id` not an admin of the workspace → 404 `admin_not_found`;
 *   ids may be strings or integers, as the descriptions' own examples send them (quirk `tag-request-numeric-ids`);
 * - missing `message_type`, `admin_id`, close's `type`, `snoozed_until`, assignment's `type`/`assignee_id` →
 *   400 `parameter_not_found`; a value of the wrong type or outside its enum → 400 `parameter_invalid`;
 * - `snoozed_until` must be an integer (Unix seconds) after the mock's clock (the workspace clock the next write
 *   gets); a time not in the future → 400 `parameter_invalid` ("The time you want the conversation to reopen"
 *   cannot have passed);
 * - snoozing a closed conversation snoozes it (the description: "Snooze a conversation to reopen on a future
 *   date", with no restriction on the state it starts from; `applyAction` of the kit reads it the same way);
 * - `assignment` with `assignee_id` `0` unassigns; another id must be an admin (`type: admin`, else 404
 *   `admin_not_found`) or a team (`type: team`, else 404 `team_not_found`) of the workspace.
 *
 * 200: the conversation as the version's retrieve renders it, its parts including the new one.
 */
const MESSAGE_TYPES = ['close', 'snoozed', 'open', 'assignment'] as const;

type Parsed = { ok: true; action: ManageAction; body?: string } | { ok: false; response: MockResponse };

function required(ctx: OperationContext, name: string): Parsed {
  return { ok: false, response: fail(ctx, 'parameter_not_found', `${name} is a required parameter`) };
}

function invalid(ctx: OperationContext, message: string): Parsed {
  return { ok: false, response: fail(ctx, 'parameter_invalid', message) };
}

function optionalBody(ctx: OperationContext, value: unknown): { ok: true; body?: string } | Parsed {
  if (value === undefined || value === null) return { ok: true };
  if (typeof value !== 'string') return invalid(ctx, 'body must be a string');
  return { ok: true, body: value };
}

function parseAction(ctx: OperationContext, body: Record<string, unknown>): Parsed {
  const type = body.message_type;
  switch (type) {
    case 'close': {
      if (body.type === undefined || body.type === null) return required(ctx, 'type');
      if (body.type !== 'admin') return invalid(ctx, 'type must be admin');
      const text = optionalBody(ctx, body.body);
      if (!text.ok) return text;
      return {
        ok: true,
        action: { action: 'close' },
        ...(text.body === undefined ? {} : { body: text.body }),
      };
    }
    case 'open':
      return { ok: true, action: { action: 'open' } };
    case 'snoozed': {
      const until = body.snoozed_until;
      if (until === undefined || until === null) return required(ctx, 'snoozed_until');
      if (typeof until !== 'number' || !Number.isSafeInteger(until))
        return invalid(ctx, 'snoozed_until must be an integer (Unix seconds)');
      const now = ctx.workspace.clockNow();
      if (until <= now)
        return invalid(ctx, `snoozed_until must be in the future (after ${now}), got ${until}`);
      return { ok: true, action: { action: 'snooze', until } };
    }
    case 'assignment': {
      const kind = body.type;
      if (kind === undefined || kind === null) return required(ctx, 'type');
      if (kind !== 'admin' && kind !== 'team') return invalid(ctx, 'type must be admin or team');
      const assignee = readId(ctx, body, 'assignee_id');
      if (!assignee.ok) return assignee;
      const id = assignee.value;
      const text = optionalBody(ctx, body.body);
      if (!text.ok) return text;
      const extra = text.body === undefined ? {} : { body: text.body };
      if (id === '0')
        return { ok: true, action: { action: 'assign', assigneeType: kind, assigneeId: null }, ...extra };
      const known =
        kind === 'admin'
          ? ctx.workspace.roster.admins.some((a) => a.id === id)
          : ctx.workspace.roster.teamIds.some((t) => String(t) === id);
      if (!known)
        return { ok: false, response: fail(ctx, kind === 'admin' ? 'admin_not_found' : 'team_not_found') };
      return { ok: true, action: { action: 'assign', assigneeType: kind, assigneeId: id }, ...extra };
    }
    case undefined:
    case null:
      return required(ctx, 'message_type');
    default:
      return invalid(ctx, `message_type must be one of ${MESSAGE_TYPES.join(', ')}`);
  }
}

export const manageConversation: OperationHandler = (ctx) => {
  const { workspace } = ctx;
  const c = workspace.byId(ctx.pathValues[0] ?? '');
  if (!c) return fail(ctx, 'conversation_not_found');
  const body = readObject(ctx);
  if (!body.ok) return body.response;
  const adminId = readId(ctx, body.value, 'admin_id');
  if (!adminId.ok) return adminId.response;
  const parsed = parseAction(ctx, body.value);
  if (!parsed.ok) return parsed.response;
  const admin = workspace.roster.admins.find((a) => a.id === adminId.value);
  if (!admin) return fail(ctx, 'admin_not_found');
  const changed = workspace.manage(c, parsed.action, admin, parsed.body);
  const shaped = ctx.shaper.conversation(ctx.profile, viewOf(ctx, changed, false));
  return json(200, shaped.body, shaped.deviations);
};
