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
