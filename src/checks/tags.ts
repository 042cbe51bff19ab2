import { tagIdsOf } from '../run/collect.ts';
import { type Check, type CheckVerdict, finding, requestOf } from './types.ts';

const OPS = ['attachTagToConversation', 'detachTagFromConversation'];

/** attach → retrieve shows the tag → detach → retrieve no longer shows it; nothing is left attached. */
export const tagRoundTrip: Check = {
  id: 'tag-round-trip',
  summary: 'attach → the tag shows on retrieve → detach → it is gone, with cleanup guaranteed',
  run(ctx) {
    const t = ctx.collected.tags;
    if (t.skipped)
      return OPS.map((operationId) => ({ operationId, findings: [], outcome: 'skip', reason: t.skipped }));
    const attach = [];
    const detach = [];
    if (t.attach?.status !== 200)
      attach.push(
        finding(
          this.id,
          'violation',
          `attach answered ${t.attach?.status ?? t.attach?.error}`,
          t.attach ? { request: requestOf(t.attach) } : {},
        ),
      );
    else if (!tagIdsOf(t.afterAttach?.body).includes(t.tagId!)) {
      attach.push(
        finding(
          this.id,
          'violation',
          `tag ${t.tagId} does not show on conversation ${t.conversationId} after attach`,
          t.afterAttach ? { request: requestOf(t.afterAttach) } : {},
        ),
      );
    }
    if (t.attach?.status === 200) {
      if (t.detach?.status !== 200)
        detach.push(
          finding(
            this.id,
            'violation',
            `detach answered ${t.detach?.status ?? t.detach?.error}`,
            t.detach ? { request: requestOf(t.detach) } : {},
          ),
        );
      else if (tagIdsOf(t.afterDetach?.body).includes(t.tagId!)) {
        detach.push(
          finding(
            this.id,
            'violation',
            `tag ${t.tagId} still shows on conversation ${t.conversationId} after detach`,
            t.afterDetach ? { request: requestOf(t.afterDetach) } : {},
          ),
        );
      }
    }
    const verdicts: CheckVerdict[] = [
      {
        operationId: 'attachTagToConversation',
        findings: attach,
        observations: { conversationId: t.conversationId, tagId: t.tagId },
      },
      {
        operationId: 'detachTagFromConversation',
        findings: detach,
        observations: { cleanup: t.cleanup ?? null },
      },
    ];
    if (t.cleanup?.leftAttached) {
      verdicts[1] = {
        ...verdicts[1]!,
        outcome: 'error',
        reason: `could not remove tag ${t.tagId} from conversation ${t.conversationId}: remove it by hand`,
      };
    }
    return verdicts;
  },
};

/** The tag returned by attach and detach is the tag requested. */
export const tagEcho: Check = {
  id: 'tag-echo',
  summary: 'the tag returned by attach and detach is the tag requested',
  run(ctx) {
    const t = ctx.collected.tags;
    if (t.skipped)
      return OPS.map((operationId) => ({ operationId, findings: [], outcome: 'skip', reason: t.skipped }));
    return [t.attach, t.detach].flatMap((e, i) => {
      const operationId = OPS[i]!;
      if (e?.status !== 200)
        return [
          {
            operationId,
            findings: [],
            outcome: 'skip' as const,
            reason: 'the request did not succeed (see tag-round-trip)',
          },
        ];
      const body = e.body as { type?: unknown; id?: unknown } | undefined;
      const findings = [];
      if (String(body?.id) !== t.tagId)
        findings.push(
          finding(this.id, 'violation', `returned tag ${JSON.stringify(body?.id)} instead of ${t.tagId}`, {
            instancePath: '/id',
            value: body?.id,
            request: requestOf(e),
          }),
        );
      if (body?.type !== 'tag')
        findings.push(
          finding(this.id, 'violation', `returned type ${JSON.stringify(body?.type)} instead of "tag"`, {
            instancePath: '/type',
            value: body?.type,
            request: requestOf(e),
          }),
        );
      return [{ operationId, findings }];
    });
  },
};
