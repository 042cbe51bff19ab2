import { compareState } from '../conversation-state/state.ts';
import type { StateRoundTrip, StateStepRecord } from '../model/conversation-state.ts';
import type { Exchange } from '../model/exchange.ts';
import type { Finding } from '../model/result.ts';
import { isRecord, listPageOf } from './read.ts';
import { defineCheck, finding, requestOf } from './types.ts';

const ID = 'state-round-trip';
const OPERATION = 'manageConversation';

/** A write or read the harness could not get an answer to: no response, or a 429/5xx after retries. */
const failedInTransit = (e: Exchange) => e.status === undefined || e.status === 429 || e.status >= 500;

/** The conversation a step's response shows: the body, or the trip's conversation in a list or search page. */
function conversationIn(step: StateStepRecord, id: string): unknown {
  const e = step.exchange!;
  if (step.kind === 'manage' || step.kind === 'retrieve') return e.body;
  return listPageOf(e)?.conversations.find((c) => isRecord(c) && String(c.id) === id);
}

const describe = (step: StateStepRecord) =>
  step.kind === 'manage'
    ? `the ${step.id} (POST …/parts)`
    : step.kind === 'retrieve'
      ? `the retrieve after the ${step.id.replace(/^retrieve-after-/, '')}`
      : step.kind === 'list'
        ? 'the list after the snooze'
        : 'the search for it as snoozed';

/** What went wrong with one step: findings (violations), or why it could not be checked. */
function judgeStep(t: StateRoundTrip, step: StateStepRecord): { findings: Finding[]; error?: string } {
  const id = t.conversationId!;
  const e = step.exchange;
  if (!e) return { findings: [], error: `${describe(step)} was not sent (the run was interrupted)` };
  if (failedInTransit(e)) {
    const verified = step.verifiedState
      ? `; a retrieve then showed it ${step.verifiedState.state}`
      : step.kind === 'manage'
        ? '; no retrieve could show what it did'
        : '';
    return { findings: [], error: `${describe(step)} failed: ${e.error ?? e.status}${verified}` };
  }
  if (e.status !== 200)
    return {
      findings: [
        finding(ID, 'violation', `${describe(step)} answered ${e.status}`, { request: requestOf(e) }),
      ],
    };
  if ((step.kind === 'list' || step.kind === 'search') && step.found !== true) {
    if (step.truncated)
      return { findings: [], error: `conversation ${id} was not in the pages of the list the walk reached` };
    return {
      findings: [
        finding(
          ID,
          'violation',
          step.kind === 'list'
            ? `conversation ${id} is missing from the list after the snooze`
            : `a search for conversation ${id} in state snoozed did not return it after the snooze`,
          { request: requestOf(e) },
        ),
      ],
    };
  }
  // The documented rules: state, open, snoozed_until. Assignees are restoration's business (a workspace may
  // route a conversation when it closes or reopens; that breaks no contract).
  const { adminAssigneeId: _admin, teamAssigneeId: _team, ...rules } = step.expect;
  const mismatches = compareState(conversationIn(step, id), rules);
  return {
    findings: mismatches.map((m) =>
      finding(
        ID,
        'violation',
        `${describe(step)} shows ${m.property} ${JSON.stringify(m.actual)}, not ${JSON.stringify(m.expected)}`,
        { request: requestOf(e), value: m.actual, instancePath: `/${m.property}` },
      ),
    ),
  };
}

/** The writes of the trip that took effect (answered 2xx, or a retrieve showed them), in order. */
function writesOf(t: StateRoundTrip): string[] {
  return t.steps
    .filter((s) => s.kind === 'manage')
    .filter(
      (s) =>
        (s.exchange?.status !== undefined && s.exchange.status >= 200 && s.exchange.status < 300) ||
        s.verifiedState?.state === s.expect.state,
    )
    .map((s) => s.id);
}

/**
 * snooze → retrieve, list and search show it snoozed (open, `snoozed_until` as sent) → open → close → reopen,
 * each write answered with the conversation in its new state and each retrieve showing it; the conversation is
 * left as it was. Anything not restored is an `error` naming the conversation (the run exits 1).
 */
export const stateRoundTrip = defineCheck<StateRoundTrip>({
  id: ID,
  summary:
    'snooze → retrieve, list and search show it snoozed → open → close → reopen, each answer showing the state; restored',
  applies(ctx) {
    const t = ctx.collected.states;
    if (!t)
      return [
        { operationId: OPERATION, outcome: 'skip', reason: 'the state round trip was not part of this run' },
      ];
    if (t.skipped) return [{ operationId: OPERATION, outcome: 'skip', reason: t.skipped }];
    const r = t.restoration;
    if (r && !r.restored)
      return [
        {
          operationId: OPERATION,
          outcome: 'error',
          reason: r.unverified
            ? `could not verify that conversation ${t.conversationId} was restored to ${r.target.state} (no retrieve could show it): check it by hand`
            : `could not restore conversation ${t.conversationId} to ${r.target.state} (it is ${r.last?.state ?? 'unknown'}): restore it by hand`,
          observations: { conversationId: t.conversationId, writes: writesOf(t), restoration: r },
        },
      ];
    return [{ operationId: OPERATION, subject: t }];
  },
  verify(_ctx, t) {
    const findings: Finding[] = [];
    const errors: string[] = [];
    for (const step of t.steps) {
      const v = judgeStep(t, step);
      findings.push(...v.findings);
      if (v.error) errors.push(v.error);
    }
    const observations = {
      conversationId: t.conversationId,
      snoozedUntil: t.snoozedUntil,
      steps: t.steps.map((s) => s.id),
      writes: writesOf(t),
      ...(t.restoration ? { restored: t.restoration.restored, notes: t.restoration.notes } : {}),
    };
    if (t.interrupted && errors.length === 0) errors.push('the run was interrupted during the trip');
    return errors.length > 0
      ? { findings, outcome: 'error', reason: errors.join('; '), observations }
      : { findings, observations };
  },
});
