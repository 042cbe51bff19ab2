import type { Collected } from '../model/collected.ts';
import type { Exchange } from '../model/exchange.ts';
import type { QuirkEntry } from '../model/quirk.ts';
import type { Finding, Outcome, QuirkRef } from '../model/result.ts';
import type { VersionArtifacts } from '../validate/artifacts.ts';
import { isConversation, listPageOf } from './read.ts';

export interface CheckContext {
  apiVersion: string;
  artifacts: VersionArtifacts;
  collected: Collected;
  /** Now, in Unix seconds (for "snoozed_until in the future"). */
  now: number;
  /** Masks customer data and truncates, as the run is configured (`--no-redact`). */
  redact: (value: unknown, key?: string) => unknown;
}

/** What a check says about one operation: findings, or why it does not apply / could not run. */
export interface CheckVerdict {
  operationId: string;
  findings: Finding[];
  /** `skip` or `error` with a reason; otherwise pass/fail follows from the findings. */
  outcome?: Extract<Outcome, 'skip' | 'error'>;
  reason?: string;
  observations?: Record<string, unknown>;
}

/** A check: a small pure function from what was collected to verdicts, with a stable id. */
export interface Check {
  id: string;
  summary: string;
  run(ctx: CheckContext): CheckVerdict[];
}

/**
 * Does a check apply to an operation (Schemathesis keeps this apart from "did it fail?")? Either what there is
 * to check — never nothing — or why not: `skip` (nothing to check, with the reason) or `error` (the harness
 * could not get what it needed: a timeout, a body that did not parse).
 */
export type Applicability<S> =
  | { operationId: string; subject: S }
  | {
      operationId: string;
      outcome: 'skip' | 'error';
      reason: string;
      findings?: Finding[];
      observations?: Record<string, unknown>;
    };

/** What a check found in what applied: findings (none: pass), facts, or an error it met while verifying. */
export interface Judgement {
  findings: Finding[];
  observations?: Record<string, unknown>;
  outcome?: 'error';
  reason?: string;
}

export interface CheckSpec<S> {
  id: string;
  summary: string;
  /** Does it apply? One entry per operation it reports on. */
  applies(ctx: CheckContext): Array<Applicability<S>>;
  /** Did it fail? Called only with something to check. */
  verify(ctx: CheckContext, subject: S, operationId: string): Judgement;
}

/** A check from its two halves; an exception while verifying one operation is that operation's `error`. */
export function defineCheck<S>(spec: CheckSpec<S>): Check {
  return {
    id: spec.id,
    summary: spec.summary,
    run(ctx) {
      return spec.applies(ctx).map((a): CheckVerdict => {
        if (!('subject' in a))
          return {
            operationId: a.operationId,
            findings: a.findings ?? [],
            outcome: a.outcome,
            reason: a.reason,
            ...(a.observations ? { observations: a.observations } : {}),
          };
        try {
          return { operationId: a.operationId, ...spec.verify(ctx, a.subject, a.operationId) };
        } catch (error) {
          return {
            operationId: a.operationId,
            findings: [],
            outcome: 'error',
            reason: `the check failed: ${error instanceof Error ? error.message : String(error)}`.slice(
              0,
              300,
            ),
          };
        }
      });
    },
  };
}

export function quirkRef(q: QuirkEntry | undefined): QuirkRef | undefined {
  return q ? { id: q.id, summary: q.summary, source: q.source } : undefined;
}

export function quirk(ctx: CheckContext, id: string): QuirkEntry | undefined {
  return ctx.artifacts.quirks()?.registry.quirks.find((q) => q.id === id);
}

export function requestOf(e: Exchange): Finding['request'] {
  return {
    method: e.request.method,
    url: e.request.url,
    ...(e.status !== undefined ? { status: e.status } : {}),
  };
}

/** A finding of a check that is not a schema error. */
export function finding(
  checkId: string,
  classification: Finding['classification'],
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    checkId,
    severity:
      classification === 'violation' ? 'error' : classification === 'known-quirk' ? 'warning' : 'info',
    classification,
    message,
    ...extra,
  };
}

/** Groups exchanges by operation, for checks that apply to every exchange. */
export function byOperation(exchanges: Exchange[]): Map<string, Exchange[]> {
  const map = new Map<string, Exchange[]>();
  for (const e of exchanges) map.set(e.operationId, [...(map.get(e.operationId) ?? []), e]);
  return map;
}

/** Every exchange of the searches: each case's pages and the per_page 151 probe. */
function searchExchanges(c: Collected): Exchange[] {
  const s = c.search;
  if (!s) return [];
  return [
    ...s.cases.flatMap((k) => k.pages),
    ...(s.perPageOverflow?.search ? [s.perPageOverflow.search] : []),
  ];
}

/** Every exchange of the state round trip and its restoration, in the order they were sent. */
function stateExchanges(c: Collected): Exchange[] {
  const t = c.states;
  if (!t) return [];
  return [...t.steps.flatMap((s) => (s.exchange ? [s.exchange] : [])), ...(t.restoration?.exchanges ?? [])];
}

export function allExchanges(c: Collected): Exchange[] {
  const t = c.tags;
  return [
    c.me,
    c.listDefault,
    ...c.walk,
    c.perPageOverflow,
    ...c.retrieves,
    c.plaintext,
    ...c.errors401,
    c.error404,
    t.attach,
    t.afterAttach,
    t.detach,
    t.afterDetach,
    t.cleanup?.exchange,
    ...searchExchanges(c),
    ...stateExchanges(c),
  ].filter((e): e is Exchange => e !== undefined);
}

/** A conversation a check reads, with the exchange and the instance path it came from. */
export interface SeenConversation {
  conversation: Record<string, unknown>;
  exchange: Exchange;
  path: string;
  /** It is the conversation of the state round trip, in a state the kit put it in. */
  kitState?: boolean;
}

function pageConversations(e: Exchange, into: SeenConversation[], kitId?: string): void {
  listPageOf(e)?.conversations.forEach((conversation, i) => {
    if (!isConversation(conversation)) return;
    const seen: SeenConversation = { conversation, exchange: e, path: `/conversations/${i}` };
    if (kitId !== undefined && String(conversation.id) === kitId) seen.kitState = true;
    into.push(seen);
  });
}

/**
 * Conversations seen in list pages, retrieves, search pages and the state round trip (its writes' answers, the
 * retrieves, list page and search after them), with where they came from.
 */
export function conversationsOf(c: Collected): SeenConversation[] {
  const out: SeenConversation[] = [];
  for (const e of c.walk) pageConversations(e, out);
  for (const e of c.retrieves) {
    if (e.status === 200 && isConversation(e.body)) out.push({ conversation: e.body, exchange: e, path: '' });
  }
  for (const e of c.search?.cases.flatMap((k) => k.pages) ?? [])
    if (e.status === 200) pageConversations(e, out);
  const trip = c.states;
  for (const step of trip?.steps ?? []) {
    const e = step.exchange;
    if (e?.status !== 200) continue;
    if (step.kind === 'list' || step.kind === 'search') pageConversations(e, out, trip!.conversationId);
    else if (isConversation(e.body))
      out.push({ conversation: e.body, exchange: e, path: '', kitState: true });
  }
  return out;
}
