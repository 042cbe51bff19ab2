/**
 * The quirks the `documented` scenario reproduces: each deviation it makes is tagged with one of these ids (the
 * same ids as the kit's quirk registry) and the source that documents it.
 */
export const MOCK_QUIRKS = {
  'null-conversation-rating': {
    summary: 'conversation_rating is null, which the 2.11 schema does not allow',
    source:
      'API 2.11 description, retrieveConversation 200 example "conversation found" (and listConversations 200 "successful")',
  },
  'rating-all-null-fields': {
    summary: 'an unrated conversation carries a conversation_rating object whose fields are all null',
    source:
      'Intercom docs "List all conversations" and "Retrieve a conversation" (reference/intercom-docs/000, 001)',
  },
  'null-statistics': {
    summary: 'statistics is null, which the 2.11 schema does not allow',
    source: 'API 2.11 description, retrieveConversation 200 example "conversation found"',
  },
  'null-teammates': {
    summary: 'teammates is null, though the 2.11 schema requires an object',
    source: 'API 2.11 description, retrieveConversation 200 example "conversation found"',
  },
  'null-first-contact-reply': {
    summary: 'first_contact_reply is null, which the 2.11 schema does not allow',
    source: 'API 2.11 description, retrieveConversation 200 example "conversation found"',
  },
  'null-sla-applied': {
    summary: 'sla_applied is null: `nullable` beside its `$ref` is ignored under the strict reading',
    source: 'API 2.11 description, retrieveConversation 200 example "conversation found"',
  },
  'null-ai-agent': {
    summary: 'ai_agent is null: `nullable` beside its `$ref` is ignored under the strict reading',
    source: 'API 2.11 description, retrieveConversation 200 example "conversation found"',
  },
  'assignee-ids-as-strings': {
    summary: 'admin_assignee_id / team_assignee_id are digit strings where the schema says integer',
    source:
      'Intercom docs pages 000, 001 ("admin_assignee_id": "814860") and 002 ("team_assignee_id": "5017691")',
  },
  'pages-next-without-per-page': {
    summary: 'pages.next carries page and starting_after but not the per_page 2.11 requires',
    source:
      'Intercom docs "List all conversations" (reference/intercom-docs/000: "next": { "page": 2, "starting_after": … })',
  },
  'per-page-as-string': {
    summary: 'pages.per_page is a string where the schema says integer',
    source: 'Intercom docs "List all conversations" (reference/intercom-docs/000: "per_page": "1")',
  },
  'topics-undefined': {
    summary: 'topics is present (a topic.list) though no schema defines it (2.11 even requires it)',
    source:
      'Intercom docs pages 000, 001, 002 ("topics": { "type": "topic.list", … }); API 2.11 description `required`',
  },
  'list-conversations-schema': {
    summary: 'the 2.10 list carries `conversations`, which its schema (paginated_response) does not describe',
    source: 'API 2.10 description, listConversations 200 example "successful"',
  },
  'nullable-ref': {
    summary:
      'a part not about assignment has assigned_to: null: `nullable` beside its `$ref` is ignored under the strict reading',
    source:
      'Intercom docs "Retrieve a conversation" (reference/intercom-docs/001: "assigned_to": null on a comment part)',
  },
  'nullable-allof': {
    summary:
      'a tag with applied_by null: `nullable` around an `allOf` does not admit null under the strict reading',
    source:
      'Intercom docs page 004 ("applied_by: object or null (Reference)"); tag schema of both descriptions',
  },
} as const satisfies Record<string, { summary: string; source: string }>;

export type QuirkId = keyof typeof MOCK_QUIRKS;

/** One deviation of a documented-scenario response from the strict schema, at an instance path of the body. */
export interface Deviation {
  quirk: QuirkId;
  /** JSON pointer (RFC 6901, no `#`) of the value that deviates; for a missing property, the property's path. */
  instancePath: string;
  /** False when strict validation cannot see it (an undescribed property): only coverage shows it. */
  schemaVisible: boolean;
}
