import { type TagRoundTrip, tagIdsOf } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import { type CheckVerdict, defineCheck, finding, requestOf } from './types.ts';

const ID = 'tag-round-trip';
const OPS = ['attachTagToConversation', 'detachTagFromConversation'] as const;

/** A write the harness could not read an answer to: no response, or a 429/5xx after retries. */
function failedInTransit(e: Exchange): boolean {
  return e.status === undefined || e.status === 429 || e.status >= 500;
}

function verifiedNote(t: TagRoundTrip, step: 'attach' | 'detach'): string {
  const v = t.verifications?.filter((x) => x.step === step).at(-1);
  if (v?.tagPresent === undefined) return '';
  const tookEffect = v.tagPresent === (step === 'attach');
  return tookEffect ? '; a retrieve showed it took effect' : '; a retrieve showed it did not take effect';
}

type StepVerdict = Pick<CheckVerdict, 'findings' | 'outcome' | 'reason'>;

/** The verdict of one write of the trip and the retrieve after it. */
function stepVerdict(
  t: TagRoundTrip,
  step: 'attach' | 'detach',
  write: Exchange | undefined,
  after: Exchange | undefined,
): StepVerdict {
  const shows = (e: Exchange | undefined) => tagIdsOf(e?.body).includes(t.tagId ?? '');
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
        finding(ID, 'violation', `${step} answered ${write.status}${verifiedNote(t, step)}`, {
          request: requestOf(write),
        }),
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
          ID,
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

const asJudgement = (v: StepVerdict) => ({
  findings: v.findings,
  ...(v.outcome === 'error' ? { outcome: 'error' as const, reason: v.reason ?? '' } : {}),
});

/** attach → retrieve shows the tag → detach → retrieve no longer shows it; nothing is left attached. */
export const tagRoundTrip = defineCheck<TagRoundTrip>({
  id: ID,
  summary: 'attach → the tag shows on retrieve → detach → it is gone, with cleanup guaranteed',
  applies(ctx) {
    const t = ctx.collected.tags;
    if (t.skipped)
      return OPS.map((operationId) => ({ operationId, outcome: 'skip' as const, reason: t.skipped! }));
    return OPS.map((operationId) => {
      const v =
        operationId === 'attachTagToConversation'
          ? stepVerdict(t, 'attach', t.attach, t.afterAttach)
          : undefined;
      if (v?.outcome === 'skip') return { operationId, outcome: 'skip' as const, reason: v.reason ?? '' };
      // Left in the workspace: whatever else happened, that is the detach's result.
      if (operationId === 'detachTagFromConversation' && t.cleanup?.leftAttached)
        return {
          operationId,
          outcome: 'error' as const,
          reason: t.cleanup.unverified
            ? `could not verify that tag ${t.tagId} was removed from conversation ${t.conversationId} (no retrieve could show it): check it by hand`
            : `could not remove tag ${t.tagId} from conversation ${t.conversationId}: remove it by hand`,
          observations: { cleanup: t.cleanup },
        };
      const attached = t.attach?.status === 200 || t.detach !== undefined;
      if (operationId === 'detachTagFromConversation' && !attached && !t.interrupted)
        return {
          operationId,
          outcome: 'skip' as const,
          reason: 'the attach did not succeed (see attachTagToConversation)',
          observations: { cleanup: t.cleanup ?? null },
        };
      return { operationId, subject: t };
    });
  },
  verify(_ctx, t, operationId) {
    if (operationId === 'attachTagToConversation')
      return {
        ...asJudgement(stepVerdict(t, 'attach', t.attach, t.afterAttach)),
        observations: { conversationId: t.conversationId, tagId: t.tagId },
      };
    const v = stepVerdict(t, 'detach', t.detach, t.afterDetach);
    if (v.outcome === 'skip') return { findings: [], outcome: 'error', reason: v.reason ?? '' };
    return { ...asJudgement(v), observations: { cleanup: t.cleanup ?? null } };
  },
});
