import { attachTagToConversation } from './attach-tag.ts';
import type { OperationHandler } from './context.ts';
import { detachTagFromConversation } from './detach-tag.ts';
import { identifyAdmin } from './identify-admin.ts';
import { listConversations } from './list-conversations.ts';
import { manageConversation } from './manage-conversation.ts';
import { retrieveConversation } from './retrieve-conversation.ts';
import { searchConversations } from './search-conversations.ts';

/** The operations the mock implements, by operationId (the same ids in every version). */
export const HANDLERS: Record<string, OperationHandler> = {
  identifyAdmin,
  listConversations,
  retrieveConversation,
  attachTagToConversation,
  detachTagFromConversation,
  searchConversations,
  manageConversation,
};
