import type { Exchange } from '../model/exchange.ts';
import { prop } from './read.ts';
import { defineCheck, finding, requestOf } from './types.ts';

const ID = 'tag-echo';
const OPS = ['attachTagToConversation', 'detachTagFromConversation'] as const;

/** The tag returned by attach and detach is the tag requested. */
export const tagEcho = defineCheck<{ e: Exchange; tagId: string }>({
  id: ID,
  summary: 'the tag returned by attach and detach is the tag requested',
  applies(ctx) {
    const t = ctx.collected.tags;
    if (t.skipped)
      return OPS.map((operationId) => ({ operationId, outcome: 'skip' as const, reason: t.skipped! }));
    return [t.attach, t.detach].map((e, i) => {
      const operationId = OPS[i]!;
      return e?.status === 200 && t.tagId !== undefined
        ? { operationId, subject: { e, tagId: t.tagId } }
        : {
            operationId,
            outcome: 'skip' as const,
            reason: 'the request did not succeed (see tag-round-trip)',
          };
    });
  },
  verify(_ctx, { e, tagId }) {
    const id = prop(e.body, 'id');
    const type = prop(e.body, 'type');
    const findings = [];
    if (String(id) !== tagId)
      findings.push(
        finding(ID, 'violation', `returned tag ${JSON.stringify(id)} instead of ${tagId}`, {
          instancePath: '/id',
          value: id,
          request: requestOf(e),
        }),
      );
    if (type !== 'tag')
      findings.push(
        finding(ID, 'violation', `returned type ${JSON.stringify(type)} instead of "tag"`, {
          instancePath: '/type',
          value: type,
          request: requestOf(e),
        }),
      );
    return { findings };
  },
});
