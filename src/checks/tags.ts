import { type TagRoundTrip, tagIdsOf } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import { type Check, type CheckVerdict, finding, requestOf } from './types.ts';

const OPS = ['attachTagToConversation', 'detachTagFromConversation'];

/** A write the harness could not read an answer to: no response, or a 429/5xx after retries. */
function failedInTransit(e: Exchange | undefined): boolean {
  return e !== undefined && (e.status === undefined || e.status === 429 || e.status >= 500);
}

function verifiedNote(t: TagRoundTrip, step: 'attach' | 'detach'): string {
  const v = t.verifications?.filter((x) => x.step === step).at(-1);
  if (v?.tagPresent === undefined) return '';
  const tookEffect = v.tagPresent === (step === 'attach');
  return tookEffect ? '; a retrieve showed it took effect' : '; a retrieve showed it did not take effect';
}

/** The verdict of one write of the trip and the retrieve after it. */
function stepVerdict(
  checkId: string,
  t: TagRoundTrip,
  step: 'attach' | 'detach',
  write: Exchange | undefined,
  after: Exchange | undefined,
): Pick<CheckVerdict, 'findings' | 'outcome' | 'reason'> {
  const shows = (e: Exchange | undefined) => tagIdsOf(e?.body).includes(t.tagId!);
  if (!write)
    return t.interrupted
      ? { findings: [], outcome: 'error', reason: `the run was interrupted before the ${step}` }
      : { findings: [], outcome: 'skip', reason: 'the attach did not succeed (see attachTagToConversation)' };
  if (failedInTransit(write))
    return {
      findings: [],
      outcome: 'error',
      reason: `${step} failed: ${write.error}${verifiedNote(t, step)}`,
    };
  if (write.status !== 200)
    return {
      findings: [
        finding(checkId, 'violation', `${step} answered ${write.status}`, { request: requestOf(write) }),
      ],
    };
  if (after?.status !== 200)
    return {
      findings: [],
      outcome: 'error',
      reason: after
        ? `the retrieve after ${step} failed: ${after.error ?? after.status}`
        : `the run was interrupted before the retrieve after ${step}`,
    };
  if (shows(after) !== (step === 'attach'))
    return {
      findings: [
        finding(
          checkId,
          'violation',
          step === 'attach'
            ? `tag ${t.tagId} does not show on conversation ${t.conversationId} after attach`
            : `tag ${t.tagId} still shows on conversation ${t.conversationId} after detach`,
          { request: requestOf(after) },
        ),
      ],
    };
  return { findings: [] };
}

/** attach → retrieve shows the tag → detach → retrieve no longer shows it; nothing is left attached. */
export const tagRoundTrip: Check = {
  id: 'tag-round-trip',
  summary: 'attach → the tag shows on retrieve → detach → it is gone, with cleanup guaranteed',
  run(ctx) {
    const t = ctx.collected.tags;
    if (t.skipped)
      return OPS.map((operationId) => ({ operationId, findings: [], outcome: 'skip', reason: t.skipped }));
    const attach = stepVerdict(this.id, t, 'attach', t.attach, t.afterAttach);
    const attached = t.attach?.status === 200 || t.detach !== undefined;
    const detach =
      attached || t.interrupted
        ? stepVerdict(this.id, t, 'detach', t.detach, t.afterDetach)
        : {
            findings: [],
            outcome: 'skip' as const,
            reason: 'the attach did not succeed (see attachTagToConversation)',
          };
    const verdicts: CheckVerdict[] = [
      {
        operationId: 'attachTagToConversation',
        ...attach,
        observations: { conversationId: t.conversationId, tagId: t.tagId },
      },
      {
        operationId: 'detachTagFromConversation',
        ...detach,
        observations: { cleanup: t.cleanup ?? null },
      },
    ];
    if (t.cleanup?.leftAttached) {
      verdicts[1] = {
        ...verdicts[1]!,
        outcome: 'error',
        reason: t.cleanup.unverified
          ? `could not verify that tag ${t.tagId} was removed from conversation ${t.conversationId} (no retrieve could show it): check it by hand`
          : `could not remove tag ${t.tagId} from conversation ${t.conversationId}: remove it by hand`,
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
