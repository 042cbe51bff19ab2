import { planStateTrip } from '../conversation-state/plan.ts';
import { manageBody } from '../conversation-state/requests.ts';
import { restoreActions } from '../conversation-state/restore.ts';
import { stateOf } from '../conversation-state/state.ts';
import type { WritePlan } from '../model/collected.ts';
import type {
  ConversationState,
  StateRestoration,
  StateRoundTrip,
  StateStepRecord,
} from '../model/conversation-state.ts';
import type { Exchange } from '../model/exchange.ts';
import { fillPath } from './http.ts';
import { ok, pause, type TripContext } from './tag-trip.ts';
import { walkList } from './walk.ts';

export interface StateTripOptions {
  /** Now, Unix seconds (wall time: the snooze must end a few minutes ahead of the target's clock). */
  now: () => number;
  /** How far ahead the snooze ends (default 5 minutes). */
  snoozeMinutes?: number;
  /** Page limit of the walk that looks for the conversation in the list. */
  maxPages: number;
}

/** A conversation state read from a 200 body, or undefined when the body shows none. */
function shown(e: Exchange | undefined): ConversationState | undefined {
  if (e?.status !== 200) return undefined;
  const s = stateOf(e.body);
  return 'error' in s ? undefined : s;
}

const idsOf = (e: Exchange): string[] => {
  const list = (e.body as { conversations?: unknown } | undefined)?.conversations;
  return Array.isArray(list) ? list.map((c) => String((c as { id?: unknown } | null)?.id)) : [];
};

/**
 * Brings the conversation back to its original state (or to open, where the original snooze has ended by now):
 * a retrieve says where it is, `restoreActions` what to send, and a retrieve after the writes whether it worked
 * — bounded by the retries and its own deadline, which an interruption does not cut short. `known` is a state a
 * response just showed (no retrieve needed to start).
 */
async function restore(
  ctx: TripContext,
  trip: StateRoundTrip,
  adminId: string,
  known: ConversationState | undefined,
  now: () => number,
): Promise<StateRestoration> {
  const ops = ctx.artifacts.index.operations;
  const manage = ops.manageConversation!;
  const retrieve = ops.retrieveConversation!;
  const id = trip.conversationId!;
  const deadline = AbortSignal.timeout(ctx.cleanupTimeoutMs);
  const r: StateRestoration = { target: trip.original!, notes: [], exchanges: [], restored: false };
  let current = known;
  if (known) r.last = known;
  for (let round = 1; round <= ctx.maxRetries + 2 && !deadline.aborted; round++) {
    if (!current) {
      const check = await ctx.go('state:restore-check', retrieve, fillPath(retrieve, [id]), {
        cleanup: true,
        signal: deadline,
      });
      r.exchanges.push(check);
      current = shown(check);
      if (current) r.last = current;
    }
    if (current) {
      const plan = restoreActions(trip.original!, current, now());
      r.target = plan.target;
      r.notes = plan.notes;
      if (plan.actions.length === 0) {
        r.restored = true;
        return r;
      }
      for (const action of plan.actions) {
        const e = await ctx.go(`state:restore-${action.action}`, manage, fillPath(manage, [id]), {
          body: manageBody(action, adminId),
          cleanup: true,
          signal: deadline,
        });
        r.exchanges.push(e);
        if (!ok(e) || deadline.aborted) break;
      }
      // Whatever the writes answered, a retrieve decides.
      current = undefined;
    }
    if (deadline.aborted) break;
    if (round <= ctx.maxRetries && !(await pause(ctx, round, deadline))) break;
  }
  if (r.last === undefined || !r.exchanges.some((e) => e.step === 'state:restore-check' && shown(e)))
    r.unverified = true;
  return r;
}

/**
 * The state round trip on one open, unsnoozed conversation the list returned: snooze it until a few minutes
 * ahead; retrieve it, find it in the list and by a search for snoozed conversations; open it; close it; reopen
 * it — a retrieve after each write. The plan is `planStateTrip`'s; the conversation is restored to its original
 * state and assignees whatever happens: a write that failed (a retrieve then says where it stands), a fault, an
 * interruption. What could not be restored is recorded with the conversation id.
 */
export async function stateRoundTrip(
  ctx: TripContext,
  plan: WritePlan,
  listed: unknown[],
  me: Exchange | undefined,
  options: StateTripOptions,
): Promise<StateRoundTrip> {
  const ops = ctx.artifacts.index.operations;
  const manage = ops.manageConversation;
  const retrieve = ops.retrieveConversation!;
  if (!manage)
    return {
      skipped: `manageConversation is not in the API ${ctx.artifacts.apiVersion} description`,
      steps: [],
    };
  if (!plan.allowed) return { skipped: plan.reason ?? 'writes are not allowed', steps: [] };
  if (plan.noStateTrip) return { skipped: plan.noStateTrip, steps: [] };
  if (ctx.signal?.aborted)
    return { skipped: 'the run was interrupted before the state round trip', steps: [] };
  const adminId = plan.adminId ?? String((me?.body as { id?: unknown } | undefined)?.id ?? '');
  if (adminId === '' || adminId === 'undefined')
    return { skipped: 'no admin id to act as (GET /me showed none; set INTERCOM_ADMIN_ID)', steps: [] };
  const minutes = options.snoozeMinutes ?? 5;
  // A replay sends what was recorded: the snooze ends when the recorded one did.
  const start = plan.snoozeUntil !== undefined ? plan.snoozeUntil - minutes * 60 : options.now();
  const tripPlan = planStateTrip(listed, { now: start, snoozeMinutes: minutes });
  if ('skipped' in tripPlan) return { skipped: tripPlan.skipped, steps: [] };
  const id = tripPlan.conversationId;
  const trip: StateRoundTrip = {
    conversationId: id,
    original: tripPlan.original,
    snoozedUntil: tripPlan.snoozedUntil,
    steps: [],
  };
  const url = fillPath(manage, [id]);
  /** What the conversation is now, as the last response showed it (undefined: nobody can tell). */
  let current: ConversationState | undefined = tripPlan.original;
  try {
    for (const step of tripPlan.steps) {
      if (ctx.signal?.aborted) break;
      const record: StateStepRecord = { id: step.id, kind: step.kind, expect: step.expect };
      trip.steps.push(record);
      if (step.kind === 'manage') {
        const e = await ctx.go(`state:${step.id}`, manage, url, { body: manageBody(step.action, adminId) });
        record.exchange = e;
        if (e.interrupted) {
          current = undefined;
          break;
        }
        if (ok(e)) {
          current = shown(e);
          continue;
        }
        // Never sent (the budget, a used-up rate limit): nothing changed.
        if (e.notSent) break;
        // Any other failure (a 4xx the target may have applied anyway, a timeout, a 5xx): a retrieve decides.
        const check = await ctx.go(`state:verify-${step.id}`, retrieve, fillPath(retrieve, [id]));
        current = shown(check);
        if (current) record.verifiedState = current;
        break;
      }
      if (step.kind === 'retrieve') {
        const e = await ctx.go(`state:${step.id}`, retrieve, fillPath(retrieve, [id]));
        record.exchange = e;
        current = shown(e) ?? current;
        continue;
      }
      if (step.kind === 'search') {
        const search = ops.searchConversations;
        if (!search) continue;
        const e = await ctx.go(`state:${step.id}`, search, fillPath(search, []), {
          body: step.request,
          retrySafe: true,
        });
        record.exchange = e;
        record.request = step.request;
        if (e.status === 200) record.found = idsOf(e).includes(id);
        continue;
      }
      const list = ops.listConversations!;
      const walked = await walkList(
        (cursor, index) =>
          ctx.go(
            `state:${step.id}:${index + 1}`,
            list,
            fillPath(list, [], { per_page: 150, starting_after: cursor }),
          ),
        (page) => {
          record.exchange = page;
          if (page.status === 200) record.found = idsOf(page).includes(id);
        },
        {
          maxPages: options.maxPages,
          until: () => record.found === true,
          ...(ctx.signal ? { signal: ctx.signal } : {}),
        },
      );
      if (walked.truncated && !record.found) record.truncated = true;
    }
  } finally {
    if (ctx.signal?.aborted) trip.interrupted = true;
    const pending = current ? restoreActions(trip.original!, current, options.now()).actions : undefined;
    if (pending === undefined || pending.length > 0)
      trip.restoration = await restore(ctx, trip, adminId, current, options.now);
  }
  return trip;
}
