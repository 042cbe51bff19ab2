import { loadArtifacts } from '../../src/validate/artifacts.ts';

/**
 * A conforming 2.11 conversation, made from the description's own `conversation found` example by giving the
 * six properties it sets to null the objects their schemas describe.
 */
export function conformingConversation211(): Record<string, unknown> {
  const op = loadArtifacts('2.11').index.operations.retrieveConversation!;
  const example = structuredClone(
    op.responses['200']!.content['application/json']!.examples['conversation found'],
  ) as Record<string, unknown>;
  return {
    ...example,
    conversation_rating: {
      rating: 5,
      remark: '',
      created_at: 1671028894,
      contact: { type: 'contact', id: '5ba682d23d7cf92bef87bfd4' },
      teammate: { type: 'contact', id: '1a2b3c' },
    },
    teammates: { type: 'admin.list', teammates: [] },
    first_contact_reply: { created_at: 1663597223, type: 'conversation', url: null },
    sla_applied: { type: 'conversation_sla_summary', sla_name: '', sla_status: 'hit' },
    statistics: { type: 'conversation_statistics' },
    ai_agent: { source_type: 'workflow' },
    topics: { type: 'topic.list', topics: [], total_count: 0 },
  };
}

/** A conforming 2.11 list page holding the given conversations (without their parts). */
export function listPage(
  conversations: Array<Record<string, unknown>>,
  perPage: unknown = 20,
): Record<string, unknown> {
  return {
    type: 'conversation.list',
    conversations: conversations.map(({ conversation_parts: _parts, ...rest }) => rest),
    total_count: conversations.length,
    pages: { type: 'pages', page: 1, per_page: perPage, total_pages: 1 },
  };
}

/** The 2.10 description's own retrieve example (2.10 schemas accept it). */
export function conversation210(): Record<string, unknown> {
  const op = loadArtifacts('2.10').index.operations.retrieveConversation!;
  return structuredClone(
    op.responses['200']!.content['application/json']!.examples['conversation found'],
  ) as Record<string, unknown>;
}
