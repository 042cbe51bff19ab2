import { numberOr, prop } from './read.ts';
import { conversationsOf, defineCheck, finding, quirk, quirkRef, requestOf } from './types.ts';

const ID = 'parts-cap';
const OPERATIONS = ['listConversations', 'retrieveConversation'] as const;

/** Parts come only with a retrieve, at most the 500 most recent (conversation-parts-cap quirk data). */
export const partsCap = defineCheck<{
  max: number;
  retrieveOnly: boolean;
  convs: ReturnType<typeof conversationsOf>;
}>({
  id: ID,
  summary: 'list items carry no conversation_parts; a retrieve returns at most 500 parts, total_count kept',
  applies(ctx) {
    const q = quirk(ctx, 'conversation-parts-cap');
    const max = numberOr(q?.data['x-max-returned']);
    const retrieveOnly = q?.data['x-retrieve-only'] === true;
    const all = conversationsOf(ctx.collected);
    return OPERATIONS.map((operationId) => {
      if (max === undefined)
        return {
          operationId,
          outcome: 'skip' as const,
          reason: `no documented parts cap for API ${ctx.apiVersion} (quirk conversation-parts-cap)`,
        };
      const convs = all.filter((x) => x.exchange.operationId === operationId);
      return convs.length > 0
        ? { operationId, subject: { max, retrieveOnly, convs } }
        : { operationId, outcome: 'skip' as const, reason: 'no conversation was received' };
    });
  },
  verify(ctx, { max, retrieveOnly, convs }, operationId) {
    const q = quirk(ctx, 'conversation-parts-cap');
    if (operationId === 'listConversations')
      return {
        findings: retrieveOnly
          ? convs
              .filter((x) => x.conversation.conversation_parts !== undefined)
              .map(({ conversation: c, exchange, path }) =>
                finding(ID, 'violation', `list item ${c.id} carries conversation_parts`, {
                  instancePath: `${path}/conversation_parts`,
                  request: requestOf(exchange),
                  quirk: quirkRef(q),
                }),
              )
          : [],
      };
    const findings = [];
    let largest = 0;
    for (const { conversation: c, exchange } of convs) {
      const list = prop(c.conversation_parts, 'conversation_parts');
      if (!Array.isArray(list)) continue;
      const n = list.length;
      const total = numberOr(prop(c.conversation_parts, 'total_count'));
      largest = Math.max(largest, total ?? n);
      if (n > max)
        findings.push(
          finding(ID, 'violation', `conversation ${c.id}: ${n} parts returned, more than ${max}`, {
            instancePath: '/conversation_parts/conversation_parts',
            value: n,
            request: requestOf(exchange),
            quirk: quirkRef(q),
          }),
        );
      if (total !== undefined && (total < n || (total > max && n !== max)))
        findings.push(
          finding(ID, 'violation', `conversation ${c.id}: ${n} parts returned of total_count ${total}`, {
            instancePath: '/conversation_parts/total_count',
            value: total,
            request: requestOf(exchange),
            quirk: quirkRef(q),
          }),
        );
    }
    return { findings, observations: { largestTotalCount: largest } };
  },
});
