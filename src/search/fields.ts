/**
 * The searchable fields of `searchConversations`: the "Accepted Fields" table of the operation's description
 * (identical in 2.7 … 2.16 and Preview; `tests/search/fields.test.ts` reads it from every description), with
 * where each field lives in a conversation object.
 */
export type SearchFieldType = 'string' | 'integer' | 'date' | 'boolean';

export interface SearchField {
  /** The field as written in a query. */
  field: string;
  type: SearchFieldType;
  /**
   * Where the value lives in a conversation (`*` walks an array). `null` when no version's conversation model
   * has the property (the field reads as absent: only `= null`, `!=`, `NIN`, `!~` can match).
   */
  path: string[] | null;
  /** Matched per token (`source.body`: "against every element of the value separately"). */
  tokens?: boolean;
  /** Several values per conversation (ids of contacts, teammates, tags): a filter matches if any value does. */
  multi?: boolean;
  /** Why the path differs from the field name. */
  note?: string;
}

const f = (
  field: string,
  type: SearchFieldType,
  path: string[] | null = field.split('.'),
  extra: Partial<SearchField> = {},
): SearchField => ({ field, type, path, ...extra });

export const SEARCH_FIELDS: readonly SearchField[] = [
  f('id', 'string'),
  f('created_at', 'date'),
  f('updated_at', 'date'),
  f('source.type', 'string'),
  f('source.id', 'string'),
  f('source.delivered_as', 'string'),
  f('source.subject', 'string'),
  f('source.body', 'string', ['source', 'body'], { tokens: true }),
  f('source.author.id', 'string'),
  f('source.author.type', 'string'),
  f('source.author.name', 'string'),
  f('source.author.email', 'string'),
  f('source.url', 'string'),
  f('contact_ids', 'string', ['contacts', 'contacts', '*', 'id'], {
    multi: true,
    note: 'the conversation holds contacts.contacts[].id',
  }),
  f('teammate_ids', 'string', ['teammates', 'teammates', '*', 'id'], {
    multi: true,
    note: 'the conversation holds teammates.teammates[].id',
  }),
  f('admin_assignee_id', 'integer'),
  f('team_assignee_id', 'integer'),
  f('channel_initiated', 'string', null, { note: 'no conversation model has a channel_initiated property' }),
  f('open', 'boolean'),
  f('read', 'boolean'),
  f('state', 'string'),
  f('waiting_since', 'date'),
  f('snoozed_until', 'date'),
  f('tag_ids', 'string', ['tags', 'tags', '*', 'id'], {
    multi: true,
    note: 'the conversation holds tags.tags[].id',
  }),
  f('priority', 'string'),
  f('statistics.time_to_assignment', 'integer'),
  f('statistics.time_to_admin_reply', 'integer'),
  f('statistics.time_to_first_close', 'integer'),
  f('statistics.time_to_last_close', 'integer'),
  f('statistics.median_time_to_reply', 'integer'),
  f('statistics.first_contact_reply_at', 'date'),
  f('statistics.first_assignment_at', 'date'),
  f('statistics.first_admin_reply_at', 'date'),
  f('statistics.first_close_at', 'date'),
  f('statistics.last_assignment_at', 'date'),
  f('statistics.last_assignment_admin_reply_at', 'date'),
  f('statistics.last_contact_reply_at', 'date'),
  f('statistics.last_admin_reply_at', 'date'),
  f('statistics.last_close_at', 'date'),
  f('statistics.last_closed_by_id', 'string'),
  f('statistics.count_reopens', 'integer'),
  f('statistics.count_assignments', 'integer'),
  f('statistics.count_conversation_parts', 'integer'),
  f('conversation_rating.requested_at', 'date', null, {
    note: 'conversation_rating has no requested_at in any version (it has created_at)',
  }),
  f('conversation_rating.replied_at', 'date', null, {
    note: 'conversation_rating has no replied_at in any version',
  }),
  f('conversation_rating.score', 'integer', ['conversation_rating', 'rating'], {
    note: 'the conversation holds conversation_rating.rating',
  }),
  f('conversation_rating.remark', 'string'),
  f('conversation_rating.contact_id', 'string', ['conversation_rating', 'contact', 'id'], {
    note: 'the conversation holds conversation_rating.contact.id',
  }),
  // Sic: the descriptions spell it `admin_d`; the teammate who was rated is conversation_rating.teammate.
  f('conversation_rating.admin_d', 'string', ['conversation_rating', 'teammate', 'id'], {
    note: 'spelled admin_d in every description (admin_id meant); the conversation holds conversation_rating.teammate.id',
  }),
  f('ai_agent_participated', 'boolean'),
  f('ai_agent.resolution_state', 'string'),
  f('ai_agent.last_answer_type', 'string'),
  f('ai_agent.rating', 'integer'),
  f('ai_agent.rating_remark', 'string'),
  f('ai_agent.source_type', 'string'),
  f('ai_agent.source_title', 'string'),
];

const BY_NAME = new Map(SEARCH_FIELDS.map((x) => [x.field, x]));

export function searchField(name: string): SearchField | undefined {
  return BY_NAME.get(name);
}

/** The values of a field in a conversation, arrays flattened; absent and null values are left out. */
export function fieldValues(conversation: unknown, field: SearchField): unknown[] {
  if (!field.path) return [];
  let current: unknown[] = [conversation];
  for (const key of field.path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (key === '*') {
        if (Array.isArray(v)) next.push(...v);
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, key)) {
        next.push((v as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current.filter((v) => v !== null && v !== undefined);
}

/** The tokens of a text the search matches one by one: markup stripped, split on anything not a letter or digit. */
export function tokensOf(text: string): string[] {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  return plain.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}
