import { backoffDelay, RESILIENCE_DEFAULTS } from '../client/middleware/index.ts';
import type { OperationInfo } from '../descriptions/operations.ts';
import { type TagCleanup, type TagRoundTrip, tagIdsOf, type WritePlan } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import type { VersionArtifacts } from '../validate/artifacts.ts';
import { fillPath } from './http.ts';
import type { Transport } from './transport.ts';

export type Go = (
  step: string,
  op: OperationInfo,
  url: string,
  extra?: {
    body?: unknown;
    badToken?: boolean;
    cleanup?: boolean;
    retrySafe?: boolean;
    signal?: AbortSignal;
  },
) => Promise<Exchange>;

export interface TripContext {
  artifacts: VersionArtifacts;
  go: Go;
  transport: Transport;
  maxRetries: number;
  /** Time cleanup may take, also after an interruption (ms). */
  cleanupTimeoutMs: number;
  signal?: AbortSignal;
}

/** A write failed without saying whether it took effect: no response, a 5xx, a 429 or a 408. */
export function ambiguous(e: Exchange): boolean {
  if (e.notSent) return false;
  return e.status === undefined || e.status >= 500 || e.status === 429 || e.status === 408;
}

export const ok = (e: Exchange) => e.status !== undefined && e.status >= 200 && e.status < 300;

export async function pause(ctx: TripContext, attempt: number, signal?: AbortSignal): Promise<boolean> {
  const s = ctx.transport.settings;
  try {
    await ctx.transport.clock.sleep(
      backoffDelay(attempt, {
        backoffMs: s.backoffMs ?? RESILIENCE_DEFAULTS.backoffMs,
        maxWaitMs: s.maxWaitMs,
        clock: ctx.transport.clock,
      }),
      signal,
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * Attaches or detaches the tag. After any write that did not succeed (and was sent), a retrieve of the
 * conversation decides whether it took effect — also after a 4xx, which a server may have applied anyway. A
 * write that failed ambiguously (no response, 5xx, 429) and did not take effect is sent again (bounded).
 * Returns the last exchange and whether the tag is on the conversation now (undefined: nobody could tell).
 */
async function write(
  ctx: TripContext,
  trip: TagRoundTrip,
  kind: 'attach' | 'detach',
  body: unknown,
): Promise<{ exchange: Exchange; present: boolean | undefined }> {
  const ops = ctx.artifacts.index.operations;
  const id = trip.conversationId!;
  const tagId = trip.tagId!;
  const op = kind === 'attach' ? ops.attachTagToConversation! : ops.detachTagFromConversation!;
  const url = kind === 'attach' ? fillPath(op, [id]) : fillPath(op, [id, tagId]);
  const retrieve = ops.retrieveConversation!;
  const wanted = kind === 'attach';
  for (let attempt = 1; ; attempt++) {
    const exchange = await ctx.go(`tags:${kind}`, op, url, { body });
    exchange.attempts = attempt;
    if (ok(exchange)) return { exchange, present: wanted };
    // Never sent (the budget, an exhausted rate limit): it cannot have had any effect.
    if (exchange.notSent) return { exchange, present: !wanted };
    if (ctx.signal?.aborted) return { exchange, present: undefined };
    // Any other failure — ambiguous (no response, 5xx, 429) or not (a 4xx the server may have applied
    // anyway) — is settled by a retrieve; only an ambiguous one that did not take effect is sent again.
    const check = await ctx.go(`tags:verify-${kind}`, retrieve, fillPath(retrieve, [id]));
    const present = check.status === 200 ? tagIdsOf(check.body).includes(tagId) : undefined;
    trip.verifications ??= [];
    trip.verifications.push({
      step: kind,
      ...(check.status !== undefined ? { status: check.status } : {}),
      ...(present !== undefined ? { tagPresent: present } : {}),
    });
    if (present === undefined || present === wanted || !ambiguous(exchange)) return { exchange, present };
    if (attempt > ctx.maxRetries || ctx.signal?.aborted) return { exchange, present };
    if (!(await pause(ctx, attempt, ctx.signal))) return { exchange, present };
  }
}

/** Detaches the tag until a retrieve shows it gone, within its own deadline (also after an interruption). */
async function cleanup(ctx: TripContext, trip: TagRoundTrip, adminId: string): Promise<TagCleanup> {
  const ops = ctx.artifacts.index.operations;
  const detach = ops.detachTagFromConversation!;
  const retrieve = ops.retrieveConversation!;
  const id = trip.conversationId!;
  const tagId = trip.tagId!;
  const deadline = AbortSignal.timeout(ctx.cleanupTimeoutMs);
  let exchange: Exchange | undefined;
  let seen: boolean | undefined;
  let attempts = 0;
  /** The last detach was answered 2xx but no retrieve after it could tell whether the tag is gone. */
  let unconfirmed = false;
  for (let attempt = 1; attempt <= ctx.maxRetries + 1 && !deadline.aborted; attempt++) {
    exchange = await ctx.go('tags:cleanup', detach, fillPath(detach, [id, tagId]), {
      body: { admin_id: adminId },
      cleanup: true,
      signal: deadline,
    });
    attempts = attempt;
    unconfirmed = ok(exchange);
    if (deadline.aborted) break;
    const check = await ctx.go('tags:cleanup-check', retrieve, fillPath(retrieve, [id]), {
      cleanup: true,
      signal: deadline,
    });
    // `seen` keeps what the last successful retrieve showed
    if (check.status === 200) {
      seen = tagIdsOf(check.body).includes(tagId);
      unconfirmed = false;
    }
    if (seen === false) return { attempted: true, exchange, leftAttached: false, attempts };
    if (attempt <= ctx.maxRetries && !(await pause(ctx, attempt, deadline))) break;
  }
  return {
    attempted: true,
    ...(exchange ? { exchange } : {}),
    leftAttached: true,
    ...(seen === undefined || unconfirmed ? { unverified: true } : {}),
    attempts,
  };
}

/**
 * attach → retrieve → detach → retrieve on one conversation, leaving it as it was: whatever step fails (an
 * attach that timed out but took effect, a detach answered 503, an interruption), cleanup detaches the tag
 * until a retrieve shows it gone, or the trip records exactly which tag it could not remove, on which
 * conversation. Only the tag the trip attached is ever detached: the conversation's own tags are untouched.
 */
export async function tagRoundTrip(
  ctx: TripContext,
  plan: WritePlan,
  target: Exchange | undefined,
  me: Exchange | undefined,
  pickTag?: (conversation: unknown) => string | undefined,
): Promise<TagRoundTrip> {
  if (!plan.allowed) return { skipped: plan.reason ?? 'writes are not allowed' };
  const conversationId = (target?.body as { id?: unknown } | undefined)?.id;
  if (conversationId === undefined) return { skipped: 'no conversation could be retrieved to tag' };
  const id = String(conversationId);
  const tagId = plan.tagId ?? pickTag?.(target!.body);
  if (!tagId)
    return {
      skipped:
        plan.noTag ??
        (pickTag
          ? `every tag of the catalogue is already on conversation ${id}`
          : 'INTERCOM_TEST_TAG_ID is not set: the tag round trip needs a tag of the sandbox'),
    };
  const originalTags = tagIdsOf(target!.body);
  if (originalTags.includes(tagId)) return { skipped: `tag ${tagId} is already on conversation ${id}` };
  if (ctx.signal?.aborted) return { skipped: 'the run was interrupted before the tag round trip' };
  const adminId = plan.adminId ?? String((me?.body as { id?: unknown } | undefined)?.id ?? '');
  const retrieve = ctx.artifacts.index.operations.retrieveConversation!;
  const trip: TagRoundTrip = { conversationId: id, tagId, originalTags };
  let present: boolean | undefined = false;
  try {
    const attached = await write(ctx, trip, 'attach', { id: tagId, admin_id: adminId });
    trip.attach = attached.exchange;
    present = attached.present;
    if (present !== true || ctx.signal?.aborted) return trip;
    trip.afterAttach = await ctx.go('tags:after-attach', retrieve, fillPath(retrieve, [id]));
    if (ctx.signal?.aborted) return trip;
    const detached = await write(ctx, trip, 'detach', { admin_id: adminId });
    trip.detach = detached.exchange;
    present = detached.present;
    if (ctx.signal?.aborted) return trip;
    trip.afterDetach = await ctx.go('tags:after-detach', retrieve, fillPath(retrieve, [id]));
    present = trip.afterDetach.status === 200 ? tagIdsOf(trip.afterDetach.body).includes(tagId) : undefined;
  } finally {
    if (ctx.signal?.aborted) trip.interrupted = true;
    if (present !== false) trip.cleanup = await cleanup(ctx, trip, adminId);
  }
  return trip;
}
