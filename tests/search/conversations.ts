import { description, operation } from './descriptions.ts';

type Conv = Record<string, unknown>;

/** The conversation of the 2.16 description's own searchConversations 200 example. */
export function searchExampleConversation(): Conv {
  const { op } = operation(description('2.16'), 'searchConversations');
  const responses = op.responses as Record<
    string,
    { content: Record<string, { examples: Record<string, { value: { conversations: Conv[] } }> }> }
  >;
  return structuredClone(
    responses['200']!.content['application/json']!.examples.successful!.value.conversations[0]!,
  );
}

const tagList = (...ids: string[]) => ({
  type: 'tag.list',
  tags: ids.map((id) => ({ type: 'tag', id, name: `tag ${id}`, applied_at: 1700000000, applied_by: null })),
});

/**
 * Eight conversations made from that example: every state, tagged and untagged, assigned and not, with
 * statistics, a rating, contacts, teammates and bodies of several words.
 */
export function sampleConversations(): Conv[] {
  const base = searchExampleConversation();
  const bodies = [
    '<p>I need support</p>',
    '<p>Where is my <b>invoice</b>?</p>',
    '<p>Refund please &amp; thanks</p>',
    '<p>Login broken again</p>',
    '<p>support request: password reset</p>',
    '<p>Hello</p>',
    '',
    '<p>Thanks, all sorted!</p>',
  ];
  const states = ['open', 'closed', 'snoozed', 'open', 'closed', 'open', 'snoozed', 'open'];
  return bodies.map((body, i) => {
    const state = states[i]!;
    const id = String(101 + i);
    return {
      ...structuredClone(base),
      id,
      created_at: 1700000000 + i * 100,
      updated_at: 1700005000 + i * 100,
      state,
      open: state !== 'closed',
      snoozed_until: state === 'snoozed' ? 1800000000 + i : null,
      admin_assignee_id: i % 3 === 0 ? null : 991267715,
      team_assignee_id: i % 2 === 0 ? 5017691 : null,
      read: i % 2 === 1,
      priority: i === 3 ? 'priority' : 'not_priority',
      source: {
        ...(base.source as Conv),
        id: `40391834${i}`,
        body,
        subject: i === 1 ? 'Billing question' : '',
        author: {
          type: i % 2 ? 'user' : 'admin',
          id: `auth-${i}`,
          name: i % 2 ? 'Joe Bloggs' : 'Ciaran Lee',
          email: i % 2 ? `joe${i}@bloggs.com` : `admin${i}@email.com`,
        },
      },
      contacts: {
        type: 'contact.list',
        contacts: [
          { type: 'contact', id: `contact-${i}`, external_id: String(i) },
          ...(i === 4 ? [{ type: 'contact', id: 'contact-shared', external_id: 'x' }] : []),
        ],
      },
      teammates: { type: 'admin.list', teammates: i === 2 ? [{ type: 'admin', id: '991267715' }] : [] },
      tags: i === 1 || i === 4 ? tagList('7', '9') : i === 5 ? tagList('9') : tagList(),
      statistics: {
        type: 'conversation_statistics',
        time_to_assignment: i * 10,
        count_reopens: i % 3,
        first_contact_reply_at: i === 0 ? null : 1700000500 + i,
      },
      conversation_rating:
        i === 1
          ? {
              rating: 5,
              remark: 'Great help',
              created_at: 1700000900,
              contact: { type: 'contact', id: 'contact-1' },
              teammate: { type: 'contact', id: '991267715' },
            }
          : null,
      ai_agent_participated: i === 7,
      ai_agent:
        i === 7 ? { source_type: 'workflow', resolution_state: 'assumed_resolution', rating: 4 } : null,
    };
  });
}
