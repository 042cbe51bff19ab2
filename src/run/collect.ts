import { RESILIENCE_DEFAULTS } from '../client/middleware/index.ts';
import type { OperationInfo } from '../descriptions/operations.ts';
import { type Collected, tagIdsOf, type WritePlan } from '../model/collected.ts';
import { type Exchange, listedConversations, listedIds } from '../model/exchange.ts';
import type { SearchRequest } from '../model/search.ts';
import type { VersionArtifacts } from '../validate/artifacts.ts';
import { RUN_DEFAULTS } from './config.ts';
import { fillPath, type HttpSettings, type RequestBudget, send } from './http.ts';
import { mapPool } from './pool.ts';
import { searchSteps } from './search-steps.ts';
import { stateRoundTrip } from './state-trip.ts';
import { type Go, tagRoundTrip } from './tag-trip.ts';
import { createTransport } from './transport.ts';
import { walkList } from './walk.ts';

export interface CollectOptions {
  settings: HttpSettings;
  budget: RequestBudget;
  /** Page limit of the walk (large workspaces). */
  maxPages: number;
  /** How many conversations are retrieved. */
  retrieveSample: number;
  /** Decides whether the tag round trip may write, given the /me exchange. */
  writes: (me: Exchange | undefined) => WritePlan;
  /** Picks the tag to attach when the plan names none (the mock knows its catalogue). */
  pickTag?: (conversation: unknown) => string | undefined;
  /** Rewrites each exchange before anything reads it (recording: customer data masked, token scrubbed). */
  transform?: (e: Exchange) => Exchange;
  /** The keys whose values the exchanges hold masked (recording, replay): searches are not built on them. */
  maskedKeys?: readonly string[];
  onExchange?: (e: Exchange) => void;
  /** Interrupts the run: no new step starts, the request in flight is cut, the tag trip still cleans up. */
  signal?: AbortSignal;
  /** Time the tag cleanup may take, also after an interruption (default 15 s). */
  cleanupTimeoutMs?: number;
  /** The user's own searches (`--search-query`), sent after the generated ones. */
  searchQueries?: SearchRequest[];
  /** Send the searches built from the list (default true; `upgrade` sends its own one). */
  searches?: boolean;
  /** Run the state round trip where writes are allowed (default true; `upgrade` never changes a state). */
  stateTrip?: boolean;
  /** How far ahead the state round trip's snooze ends (default 5 minutes). */
  snoozeMinutes?: number;
  /** Now, Unix seconds, on the target's clock (the mock's workspace clock); default: the wall clock. */
  now?: () => number;
}

const UNKNOWN_CONVERSATION = '999999999999999';

/**
 * Now, Unix seconds, on the target's clock: its own when it has one (the mock's, a replay's recording time),
 * else ours shifted by what the `Date` of `GET /me` said (`Collected.clockOffsetMs`).
 */
export function targetNow(own: (() => number) | undefined, offsetMs: number | undefined): number {
  return own ? own() : Math.floor((Date.now() + (offsetMs ?? 0)) / 1000);
}

/** Picks a varied sample: every state, rated and unrated, tagged and untagged, then the rest in list order. */
function sample(pages: Exchange[], size: number): string[] {
  const items = listedConversations(pages);
  const picked = new Set<string>();
  const traits: Array<(c: Record<string, unknown>) => boolean> = [
    (c) => c.state === 'snoozed',
    (c) => c.state === 'closed',
    (c) => c.state === 'open',
    (c) => c.conversation_rating == null,
    (c) => c.conversation_rating != null,
    (c) => tagIdsOf(c).length > 0,
    (c) => tagIdsOf(c).length === 0,
  ];
  for (const trait of traits) {
    const hit = items.find((c) => trait(c) && !picked.has(String(c.id)));
    if (hit && picked.size < size) picked.add(String(hit.id));
  }
  for (const c of items) {
    if (picked.size >= size) break;
    picked.add(String(c.id));
  }
  return [...picked];
}

/**
 * Walks one API version of a target through the plan every check reads: /me, the list (default page size,
 * a per_page=150 walk, per_page=151), a sample of retrieves (concurrently, one as plaintext), the error probes,
 * the searches built from what the list returned, the tag round trip and the state round trip, both with their
 * restoration guaranteed. Never throws: failures are recorded in the exchanges. When
 * interrupted, it stops starting steps, drops the cut request, and still cleans up after the tag round trip.
 */
export async function collect(artifacts: VersionArtifacts, options: CollectOptions): Promise<Collected> {
  const v = artifacts.apiVersion;
  const ops = artifacts.index.operations;
  const transport = options.settings.transport ?? createTransport(options.settings, options.budget);
  const signal = options.signal;
  const go: Go = async (step, op, url, extra = {}) => {
    const sent = await send(transport, options.settings, {
      step,
      apiVersion: v,
      operation: op,
      url,
      ...(extra.body !== undefined ? { body: extra.body } : {}),
      ...(extra.badToken ? { badToken: true } : {}),
      ...(extra.cleanup ? { cleanup: true } : {}),
      ...(extra.retrySafe ? { retrySafe: true } : {}),
      ...((extra.signal ?? signal) ? { signal: extra.signal ?? signal } : {}),
    });
    const e = options.transform ? options.transform(sent) : sent;
    options.onExchange?.(e);
    return e;
  };
  /** A step's exchange, unless the run was interrupted before or during it. */
  const step = async (name: string, op: OperationInfo, url: string, extra?: Parameters<Go>[3]) => {
    if (signal?.aborted) return undefined;
    const e = await go(name, op, url, extra);
    return e.interrupted ? undefined : e;
  };
  const list = ops.listConversations!;
  const retrieve = ops.retrieveConversation!;
  const out: Collected = {
    apiVersion: v,
    walk: [],
    walkTruncated: false,
    retrieves: [],
    errors401: [],
    tags: {},
  };
  const assign = <K extends keyof Collected>(key: K, value: Collected[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };

  if (ops.identifyAdmin) assign('me', await step('me', ops.identifyAdmin, fillPath(ops.identifyAdmin, [])));
  const serverDate = Date.parse(out.me?.headers.date ?? '');
  if (Number.isFinite(serverDate)) out.clockOffsetMs = serverDate - Date.now();
  assign('listDefault', await step('list-default', list, fillPath(list, [])));

  const walked = await walkList(
    (cursor, index) =>
      go(`walk:${index + 1}`, list, fillPath(list, [], { per_page: 150, starting_after: cursor })),
    (page) => out.walk.push(page),
    { maxPages: options.maxPages, ...(signal ? { signal } : {}) },
  );
  out.walkTruncated = walked.truncated;
  assign('perPageMax', out.walk[0]);
  assign('perPageOverflow', await step('per-page-151', list, fillPath(list, [], { per_page: 151 })));

  const retrieved = await mapPool(
    sample(out.walk, options.retrieveSample),
    options.settings.concurrency ?? RESILIENCE_DEFAULTS.concurrency,
    (id) => step('retrieve', retrieve, fillPath(retrieve, [id])),
    signal,
  );
  out.retrieves = retrieved.filter((e): e is Exchange => e !== undefined);
  const html = out.retrieves.find((e) =>
    /<[a-z][^>]*>/i.test(JSON.stringify((e.body as { source?: { body?: unknown } })?.source?.body ?? '')),
  );
  const htmlId = (html?.body as { id?: unknown } | undefined)?.id;
  if (htmlId !== undefined)
    assign(
      'plaintext',
      await step('plaintext', retrieve, fillPath(retrieve, [String(htmlId)], { display_as: 'plaintext' })),
    );

  const someId = listedIds(out.walk)[0] ?? UNKNOWN_CONVERSATION;
  for (const op of Object.values(ops)) {
    if (!op.responses['401']) continue;
    const values = op.operationId === 'detachTagFromConversation' ? [someId, '0'] : [someId];
    const body = op.requestBody
      ? op.operationId === 'attachTagToConversation'
        ? { id: '0', admin_id: '0' }
        : { admin_id: '0' }
      : undefined;
    const e = await step('error-401', op, fillPath(op, values), {
      badToken: true,
      ...(body ? { body } : {}),
    });
    if (e) out.errors401.push(e);
  }
  assign('error404', await step('error-404', retrieve, fillPath(retrieve, [UNKNOWN_CONVERSATION])));

  const listed = listedConversations(out.walk);
  if (options.searches !== false && !signal?.aborted)
    out.search = await searchSteps(
      {
        apiVersion: v,
        go,
        search: ops.searchConversations,
        maxPages: options.maxPages,
        ...(options.maskedKeys ? { maskedKeys: options.maskedKeys } : {}),
        ...(signal ? { signal } : {}),
      },
      listed,
      options.searchQueries ?? [],
      out.perPageOverflow,
    );

  const tripContext = {
    artifacts,
    go,
    transport,
    maxRetries: options.settings.maxRetries,
    cleanupTimeoutMs: options.cleanupTimeoutMs ?? (RUN_DEFAULTS.cleanupTimeoutMs as number),
    ...(signal ? { signal } : {}),
  };
  const writes = options.writes(out.me);
  out.tags = await tagRoundTrip(
    tripContext,
    writes,
    out.retrieves.find((e) => e.status === 200),
    out.me,
    options.pickTag,
  );
  if (options.stateTrip !== false)
    out.states = await stateRoundTrip(tripContext, writes, listed, out.me, {
      now: () => targetNow(options.now, out.clockOffsetMs),
      maxPages: options.maxPages,
      ...(options.snoozeMinutes !== undefined ? { snoozeMinutes: options.snoozeMinutes } : {}),
    });
  if (signal?.aborted) out.interrupted = true;
  return out;
}
