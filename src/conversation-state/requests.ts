/**
 * The request bodies of `POST /conversations/{id}/parts` (`manageConversation`): `close_conversation_request`,
 * `snooze_conversation_request`, `open_conversation_request`, `assign_conversation_request`. The schemas are
 * the same in 2.7 … 2.16 and Preview (`tests/conversation-state/requests.test.ts` validates every body against
 * every version's schema); only the path parameter's name changes.
 *
 * `admin_id` and `assignee_id` are strings as the schemas say, although every version's request examples send
 * integers (991266441).
 */
import type { ManageAction } from '../model/conversation-state.ts';

export type { ManageAction };

export type ManageBody =
  | { message_type: 'close'; type: 'admin'; admin_id: string; body?: string }
  | { message_type: 'open'; admin_id: string }
  | { message_type: 'snoozed'; admin_id: string; snoozed_until: number }
  | { message_type: 'assignment'; type: 'admin' | 'team'; admin_id: string; assignee_id: string };

/** The body for an action, performed by `adminId` (the admin the guard names: `INTERCOM_ADMIN_ID`). */
export function manageBody(action: ManageAction, adminId: string): ManageBody {
  switch (action.action) {
    case 'close':
      return { message_type: 'close', type: 'admin', admin_id: adminId };
    case 'open':
      return { message_type: 'open', admin_id: adminId };
    case 'snooze':
      return { message_type: 'snoozed', admin_id: adminId, snoozed_until: action.until };
    case 'assign':
      // "Set `0` if you want this assign to no admin or team (ie. Unassigned)."
      return {
        message_type: 'assignment',
        type: action.assigneeType,
        admin_id: adminId,
        assignee_id: action.assigneeId ?? '0',
      };
  }
}

/** 2.11 and 2.14 – 2.16 name the path parameter `{conversation_id}`; the others `{id}`. */
const CONVERSATION_ID_PARAM = new Set(['2.11', '2.14', '2.15', '2.16']);

export function managePathTemplate(version: string): string {
  return CONVERSATION_ID_PARAM.has(version)
    ? '/conversations/{conversation_id}/parts'
    : '/conversations/{id}/parts';
}

/** The request for an action on a conversation: method, path (id URL-encoded) and JSON body. */
export function manageRequest(
  version: string,
  conversationId: string,
  action: ManageAction,
  adminId: string,
): {
  operationId: 'manageConversation';
  method: 'POST';
  pathTemplate: string;
  path: string;
  body: ManageBody;
} {
  return {
    operationId: 'manageConversation',
    method: 'POST',
    pathTemplate: managePathTemplate(version),
    path: `/conversations/${encodeURIComponent(conversationId)}/parts`,
    body: manageBody(action, adminId),
  };
}
