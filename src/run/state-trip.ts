import { DEFAULT_SNOOZE_MINUTES, planStateTrip } from '../conversation-state/plan.ts';
import { manageBody } from '../conversation-state/requests.ts';
import { restoreActions } from '../conversation-state/restore.ts';
import { compareState, stateOf } from '../conversation-state/state.ts';
import type { WritePlan } from '../model/collected.ts';
import type {
  ConversationState,
  StateRestoration,
  StateRoundTrip,
  StateStepRecord,
} from '../model/conversation-state.ts';
import { type Exchange, listedIds } from '../model/exchange.ts';
import { fillPath } from './http.ts';
import { ambiguous, ok, pause, type TripContext } from './tag-trip.ts';
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

/**
 * One manage write of the trip. After any write that did not succeed (and was sent), a retrieve decides where
 * the conversation stands — also after a 4xx, which a target may have applied anyway. A write that failed
 * ambiguously (no response, a 5xx, a 429) and did not take effect is sent again (bounded by the retries); one
 * that took effect lets the trip go on. `done`: the conversation is in the step's state; `current`: what the
 * last response showed (undefined: nobody can tell).
 */
async function write(
  ctx: TripContext,
  record: StateStepRecord,
  url: string,
  body: unknown,
  id: string,
  before: ConversationState | undefined,
): Promise<{ done: boolean; current: ConversationState | undefined }> {
  let last = before;
  const ops = ctx.artifacts.index.operations;
  const retrieve = ops.retrieveConversation!;
  const { adminAssigneeId: _a, teamAssigneeId: _t, ...rules } = record.expect;
  for (let attempt = 1; ; attempt++) {
    const e = await ctx.go(`state:${record.id}`, ops.manageConversation!, url, { body });
    e.attempts = attempt;
    record.exchange = e;
    if (e.interrupted) return { done: false, current: undefined };
    if (ok(e)) return { done: true, current: shown(e) };
    // Never sent (the budget, a used-up rate limit): nothing changed.
    if (e.notSent) return { done: false, current: last };
    if (ctx.signal?.aborted) return { done: false, current: undefined };
    const check = await ctx.go(`state:verify-${record.id}`, retrieve, fillPath(retrieve, [id]));
    const now = shown(check);
    if (now) record.verifiedState = now;
    last = now;
    if (now && compareState(check.body, rules).length === 0) return { done: true, current: now };
    if (!now || !ambiguous(e) || attempt > ctx.maxRetries) return { done: false, current: now };
    if (!(await pause(ctx, attempt, ctx.signal))) return { done: false, current: now };
  }
}

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
  const minutes = options.snoozeMinutes ?? DEFAULT_SNOOZE_MINUTES;
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
        const written = await write(ctx, record, url, manageBody(step.action, adminId), id, current);
        current = written.current;
        if (!written.done) break;
        continue;
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
        if (e.status === 200) record.found = listedIds([e]).includes(id);
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
          if (page.status === 200) record.found = listedIds([page]).includes(id);
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
