import { isRecord, prop } from './read.ts';
import { conversationsOf, defineCheck, finding, requestOf } from './types.ts';

const ID = 'waiting-since';
const ADMIN_AUTHORS = new Set(['admin', 'bot', 'team']);

/** The author type of the last reply: the last comment part, else the source message. */
function lastReplyAuthor(c: Record<string, unknown>): string | undefined {
  const parts = prop(c.conversation_parts, 'conversation_parts');
  const comments = (Array.isArray(parts) ? parts : []).filter(
    (p) => isRecord(p) && p.part_type === 'comment',
  );
  const last = comments.at(-1) ?? c.source;
  const type = prop(prop(last, 'author'), 'type');
  return typeof type === 'string' && type !== '' ? type : undefined;
}

/** `waiting_since` is null iff the last reply is an admin's (where parts are visible, i.e. on retrieve). */
export const waitingSince = defineCheck<
  Array<{ c: Record<string, unknown>; author: string; exchange: Parameters<typeof requestOf>[0] }>
>({
  id: ID,
  summary: "waiting_since is null iff the last reply is an admin's",
  applies(ctx) {
    const subject = conversationsOf(ctx.collected)
      .filter((x) => x.exchange.operationId === 'retrieveConversation')
      .flatMap(({ conversation: c, exchange }) => {
        const author = lastReplyAuthor(c);
        return author ? [{ c, author, exchange }] : [];
      });
    return [
      subject.length > 0
        ? { operationId: 'retrieveConversation', subject }
        : {
            operationId: 'retrieveConversation',
            outcome: 'skip',
            reason: 'no retrieved conversation showed its replies',
          },
    ];
  },
  verify(_ctx, subject) {
    const findings = [];
    for (const { c, author, exchange } of subject) {
      const adminLast = ADMIN_AUTHORS.has(author);
      const waiting = c.waiting_since;
      if (adminLast === (waiting === null)) continue;
      findings.push(
        finding(
          ID,
          'violation',
          `conversation ${c.id}: last reply by ${author} but waiting_since is ${adminLast ? JSON.stringify(waiting) : 'null'}`,
          { instancePath: '/waiting_since', value: waiting, request: requestOf(exchange) },
        ),
      );
    }
    return { findings, observations: { conversationsChecked: subject.length } };
  },
});
