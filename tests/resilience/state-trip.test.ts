import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../../src/mock/index.ts';
import type { StateRoundTrip } from '../../src/model/conversation-state.ts';
import { renderMarkdown } from '../../src/report/index.ts';
import type { RunConfig } from '../../src/run/config.ts';
import type { RunHooks } from '../../src/run/engine.ts';
import { exitCodeOf, failureReasons } from '../../src/run/exit-code.ts';
import {
  type HostileServer,
  type LiveRun,
  type ProxyAnswer,
  type ProxyRequest,
  runThroughProxy,
  TOKEN,
  type TripRule,
} from './helpers.ts';

/**
 * The state round trip (snooze → open → close → reopen) under faults, through a hostile proxy in front of a
 * healthy mock, as a live run in the sandbox: whatever fails in the middle, the conversation ends as it began
 * — or the run names the conversation it could not restore and exits 1. The mock's own state is the proof.
 */
let mock: MockServer;
let proxy: HostileServer;
afterEach(async () => {
  await proxy?.close();
  await mock?.close();
});

/** A manage write of the run (the 401 probe carries a bad token and changes nothing), by its message_type. */
function manageWrite(r: ProxyRequest, messageType?: string): boolean {
  if (r.method !== 'POST' || !/\/parts$/.test(r.url) || r.headers.authorization !== `Bearer ${TOKEN}`)
    return false;
  if (messageType === undefined) return true;
  try {
    return (JSON.parse(r.body.toString('utf8')) as { message_type?: unknown }).message_type === messageType;
  } catch {
    return false;
  }
}

const busy = (): Promise<ProxyAnswer> =>
  Promise.resolve({ status: 503, headers: { 'content-type': 'application/json' }, body: '{}' });

async function trip(
  rule: TripRule,
  overrides: Partial<RunConfig> = {},
  hooks: RunHooks = {},
): Promise<LiveRun & { states: StateRoundTrip; conversationId: string }> {
  const run = await runThroughProxy(
    rule,
    (m, p) => {
      mock = m;
      proxy = p;
    },
    overrides,
    hooks,
  );
  const states = run.collected.states ?? { steps: [] };
  expect(states.skipped).toBeUndefined();
  return { ...run, states, conversationId: states.conversationId! };
}

describe('the state round trip restores the conversation whatever fails', () => {
  it('runs through on a healthy target: every step checked, nothing to restore, the mock unchanged', async () => {
    const run = await trip(() => undefined);
    expect(run.outcome('state-round-trip', 'manageConversation')).toBe('pass');
    expect(run.states.steps.map((s) => s.id)).toEqual([
      'snooze',
      'retrieve-after-snooze',
      'list-after-snooze',
      'search-after-snooze',
      'open',
      'retrieve-after-open',
      'close',
      'retrieve-after-close',
      'reopen',
      'retrieve-after-reopen',
    ]);
    expect(run.states.restoration).toBeUndefined();
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('snoozes --snooze-minutes ahead of the clock of the target (the Date of GET /me), not ours', async () => {
    // The target's clock is a day ahead of ours: a snooze from our clock would already have ended there.
    const ahead = 86_400_000;
    const run = await trip(
      (r, forward) =>
        r.url === '/me'
          ? forward().then((reply) => ({
              ...reply,
              headers: { ...reply.headers, date: new Date(Date.now() + ahead).toUTCString() },
            }))
          : undefined,
      { snoozeMinutes: 7 },
    );
    const theirs = Date.parse(run.step('me')!.headers.date!) / 1000;
    const snooze = run.states.steps.find((s) => s.id === 'snooze')!;
    const until = (snooze.exchange!.request.body as { snoozed_until: number }).snoozed_until;
    expect(until - theirs).toBeGreaterThanOrEqual(7 * 60);
    expect(until - theirs).toBeLessThan(7 * 60 + 60);
    // …and "in the future" is judged on the target's clock too: the trip and the snoozed-state rule pass.
    expect(run.outcome('state-round-trip', 'manageConversation')).toBe('pass');
    expect(run.outcome('state-invariants', 'retrieveConversation')).toBe('pass');
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('the open after the snooze answered 503 without applying it: a retrieve shows it snoozed, the open is sent again', async () => {
    let opens = 0;
    const run = await trip((r) => (manageWrite(r, 'open') && opens++ === 0 ? busy() : undefined));
    const open = run.states.steps.find((s) => s.id === 'open')!;
    expect(open.verifiedState).toMatchObject({ state: 'snoozed' });
    expect(open.exchange).toMatchObject({ status: 200, attempts: 2 });
    expect(run.outcome('state-round-trip', 'manageConversation')).toBe('pass');
    expect(run.states.restoration).toBeUndefined();
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('the close was applied but its answer cut (reset): a retrieve shows it closed, it is not sent again', async () => {
    const run = await trip((r, forward) =>
      manageWrite(r, 'close') ? forward().then(() => 'reset' as const) : undefined,
    );
    expect(run.outcome('state-round-trip', 'manageConversation')).toMatch(
      /^error: the close \(POST …\/parts\) failed: .*; a retrieve then showed it closed$/,
    );
    const closes = mock.state.requests.filter(
      (r) => r.operationId === 'manageConversation' && r.status === 200 && r.method === 'POST',
    );
    expect(closes).toHaveLength(4); // snooze, open, close (once), reopen
    expect(run.states.steps.map((s) => s.id).at(-1)).toBe('retrieve-after-reopen');
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('the open after the snooze refused with a 400 it did not apply: the trip stops there, restoration opens it', async () => {
    let opens = 0;
    const run = await trip((r) =>
      manageWrite(r, 'open') && opens++ === 0
        ? Promise.resolve({
            status: 400,
            headers: { 'content-type': 'application/json' },
            body: '{"type":"error.list","errors":[{"code":"parameter_invalid","message":"no"}]}',
          })
        : undefined,
    );
    expect(run.states.steps.map((s) => s.id).at(-1)).toBe('open');
    expect(
      run.result.results.find((x) => x.checkId === 'state-round-trip')!.findings.map((f) => f.message),
    ).toEqual(['the open (POST …/parts) answered 400']);
    expect(run.states.restoration).toMatchObject({ restored: true, target: { state: 'open' } });
    expect(run.states.restoration!.exchanges.map((e) => e.step)).toEqual([
      'state:restore-open',
      'state:restore-check',
    ]);
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('every write after the snooze fails: the run names the conversation it could not restore, and exits 1', async () => {
    const run = await trip((r) => (manageWrite(r) && !manageWrite(r, 'snoozed') ? busy() : undefined), {
      maxRetries: 1,
    });
    expect(run.outcome('state-round-trip', 'manageConversation')).toBe(
      `error: could not restore conversation ${run.conversationId} to open (it is snoozed): restore it by hand`,
    );
    expect(failureReasons(run.result, 'error')).toContain('1 left in the workspace');
    expect(exitCodeOf(run.result, 'violation')).toBe(1);
    // The mock shows exactly what the run reported.
    expect(mock.state.stateChanges()).toEqual([
      expect.objectContaining({ conversationId: run.conversationId }),
    ]);
    expect(mock.state.stateOf(run.conversationId)).toMatchObject({ state: 'snoozed' });
    // The reports say it where an auditor looks first: the writes the run could not put back.
    expect(renderMarkdown(run.result)).toContain(
      `| 2.11 | state | \`${run.conversationId}\` | snoozed | **could not restore conversation ${run.conversationId} to open (it is snoozed): restore it by hand** |`,
    );
  });

  it('interrupted right after the snooze: restoration still runs (own deadline), the result is partial', async () => {
    const controller = new AbortController();
    const run = await trip(
      (r, forward) =>
        manageWrite(r, 'snoozed')
          ? forward().then((reply) => {
              controller.abort();
              return reply;
            })
          : undefined,
      {},
      { signal: controller.signal },
    );
    expect(run.result.run.partial).toBe(true);
    expect(run.states.interrupted).toBe(true);
    expect(run.states.restoration).toMatchObject({ restored: true });
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('a workspace rule reassigns the conversation when it closes: restoration assigns it back as it was', async () => {
    let reassigned = false;
    const run = await trip((r, forward) => {
      if (!manageWrite(r, 'close') || reassigned) return undefined;
      reassigned = true;
      return forward().then(async (reply) => {
        // What a workspace automation might do on close: hand the conversation to another admin.
        const id = /\/conversations\/([^/]+)\/parts$/.exec(r.url)![1]!;
        const me = String(mock.state.admin.id);
        const other = mock.state.stateOf(id)!.adminAssigneeId === me ? '0' : me;
        await fetch(`${mock.url}${r.url}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${TOKEN}`,
            'content-type': 'application/json',
            'intercom-version': '2.11',
          },
          body: JSON.stringify({
            message_type: 'assignment',
            type: 'admin',
            admin_id: me,
            assignee_id: other,
          }),
        });
        return reply;
      });
    });
    // Assignees are not what the trip checks (a workspace may route on close): restoration puts them back.
    expect(run.outcome('state-round-trip', 'manageConversation')).toBe('pass');
    expect(run.states.restoration!.exchanges.map((e) => e.step)).toContain('state:restore-assign');
    expect(run.states.restoration).toMatchObject({ restored: true });
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('a snoozed conversation shown as not open: the trip and the snoozed-state rule flag it on the conversation the kit snoozed', async () => {
    let snoozed = false;
    const run = await trip((r, forward) => {
      if (manageWrite(r, 'snoozed')) snoozed = true;
      if (!(snoozed && r.method === 'GET' && /\/conversations\/\d+$/.test(r.url.split('?')[0]!)))
        return undefined;
      return forward().then((reply) => {
        const body = JSON.parse(String(reply.body)) as Record<string, unknown>;
        if (body.state === 'snoozed') body.open = false;
        return { ...reply, body: JSON.stringify(body) };
      });
    });
    const findings = (checkId: string, operationId: string) =>
      run.result.results
        .find((x) => x.checkId === checkId && x.operationId === operationId)!
        .findings.map((f) => f.message);
    expect(findings('state-round-trip', 'manageConversation')).toEqual([
      'the retrieve after the snooze shows open false, not true',
    ]);
    expect(findings('state-invariants', 'retrieveConversation')).toEqual([
      `conversation ${run.conversationId}: state snoozed but open is false`,
    ]);
    expect(mock.state.stateChanges()).toEqual([]);
  });

  it('a search that does not return the conversation the kit snoozed is a violation of the trip', async () => {
    const run = await trip((r, forward) => {
      if (!(r.method === 'POST' && r.url === '/conversations/search')) return undefined;
      const body = JSON.parse(r.body.toString('utf8')) as { query?: { value?: Array<{ field?: string }> } };
      const stateQuery = body.query?.value?.some((f) => f.field === 'state');
      return forward().then((reply) => {
        if (!stateQuery) return reply;
        const page = JSON.parse(String(reply.body)) as { conversations: unknown[]; total_count: number };
        return { ...reply, body: JSON.stringify({ ...page, conversations: [], total_count: 0 }) };
      });
    });
    expect(
      run.result.results.find((x) => x.checkId === 'state-round-trip')!.findings.map((f) => f.message),
    ).toEqual([
      `a search for conversation ${run.conversationId} in state snoozed did not return it after the snooze`,
    ]);
  });
});
