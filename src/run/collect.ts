import type { OperationInfo } from '../spec/operations.ts';
import type { VersionArtifacts } from '../validate/artifacts.ts';
import { type Exchange, listedIds } from './exchange.ts';
import { fillPath, type HttpSettings, type RequestBudget, send } from './http.ts';

/** Everything the checks of one API version read: the exchanges of each step of the plan. */
export interface Collected {
  apiVersion: string;
  me?: Exchange;
  listDefault?: Exchange;
  /** The per_page=150 walk, page by page. */
  walk: Exchange[];
  /** True when the walk stopped at the page limit, not at the last page. */
  walkTruncated: boolean;
  perPageMax?: Exchange;
  perPageOverflow?: Exchange;
  retrieves: Exchange[];
  plaintext?: Exchange;
  errors401: Exchange[];
  error404?: Exchange;
  tags: TagRoundTrip;
}

export interface TagRoundTrip {
  /** Why the round trip did not run (live without the sandbox guard, no conversation, …). */
  skipped?: string;
  conversationId?: string;
  tagId?: string;
  attach?: Exchange;
  afterAttach?: Exchange;
  detach?: Exchange;
  afterDetach?: Exchange;
  /** Cleanup that had to run because a step failed, and whether it worked. */
  cleanup?: { attempted: boolean; exchange?: Exchange; leftAttached: boolean };
}

export interface WritePlan {
  /** Null when writes are not allowed, with the reason. */
  allowed: boolean;
  reason?: string;
  tagId?: string;
  adminId?: string;
}

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
  onExchange?: (e: Exchange) => void;
}

const UNKNOWN_CONVERSATION = '999999999999999';

function tagIdsOf(body: unknown): string[] {
  const tags = (body as { tags?: { tags?: Array<{ id?: unknown }> } } | undefined)?.tags?.tags;
  return Array.isArray(tags) ? tags.map((t) => String(t?.id)) : [];
}

/** Picks a varied sample: every state, rated and unrated, tagged and untagged, then the rest in list order. */
function sample(pages: Exchange[], size: number): string[] {
  const items: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    const list = (page.body as { conversations?: unknown[] } | undefined)?.conversations;
    if (Array.isArray(list))
      for (const c of list) if (c && typeof c === 'object') items.push(c as Record<string, unknown>);
  }
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
 * a per_page=150 walk, per_page=151), a sample of retrieves (one as plaintext), the error probes, and the tag
 * round trip with cleanup guaranteed. Never throws: failures are recorded in the exchanges.
 */
export async function collect(artifacts: VersionArtifacts, options: CollectOptions): Promise<Collected> {
  const v = artifacts.apiVersion;
  const ops = artifacts.index.operations;
  const go = async (
    step: string,
    op: OperationInfo,
    url: string,
    extra: { body?: unknown; badToken?: boolean } = {},
  ) => {
    const sent = await send(options.settings, options.budget, {
      step,
      apiVersion: v,
      operation: op,
      url,
      ...extra,
    });
    const e = options.transform ? options.transform(sent) : sent;
    options.onExchange?.(e);
    return e;
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

  if (ops.identifyAdmin) out.me = await go('me', ops.identifyAdmin, fillPath(ops.identifyAdmin, []));
  out.listDefault = await go('list-default', list, fillPath(list, []));

  let cursor: string | undefined;
  const seenCursors = new Set<string>();
  for (let page = 0; ; page++) {
    if (page >= options.maxPages) {
      out.walkTruncated = true;
      break;
    }
    const e = await go(
      `walk:${page + 1}`,
      list,
      fillPath(list, [], { per_page: 150, starting_after: cursor }),
    );
    out.walk.push(e);
    const next = (e.body as { pages?: { next?: { starting_after?: unknown } | null } } | undefined)?.pages
      ?.next?.starting_after;
    if (e.status !== 200 || typeof next !== 'string' || next === '' || seenCursors.has(next)) break;
    seenCursors.add(next);
    cursor = next;
  }
  out.perPageMax = out.walk[0];
  out.perPageOverflow = await go('per-page-151', list, fillPath(list, [], { per_page: 151 }));

  for (const id of sample(out.walk, options.retrieveSample)) {
    out.retrieves.push(await go('retrieve', retrieve, fillPath(retrieve, [id])));
  }
  const html = out.retrieves.find((e) =>
    /<[a-z][^>]*>/i.test(JSON.stringify((e.body as { source?: { body?: unknown } })?.source?.body ?? '')),
  );
  const htmlId = (html?.body as { id?: unknown } | undefined)?.id;
  if (htmlId !== undefined)
    out.plaintext = await go(
      'plaintext',
      retrieve,
      fillPath(retrieve, [String(htmlId)], { display_as: 'plaintext' }),
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
    out.errors401.push(
      await go('error-401', op, fillPath(op, values), { badToken: true, ...(body ? { body } : {}) }),
    );
  }
  out.error404 = await go('error-404', retrieve, fillPath(retrieve, [UNKNOWN_CONVERSATION]));

  out.tags = await tagRoundTrip(artifacts, out, options, go);
  return out;
}

async function tagRoundTrip(
  artifacts: VersionArtifacts,
  collected: Collected,
  options: CollectOptions,
  go: (step: string, op: OperationInfo, url: string, extra?: { body?: unknown }) => Promise<Exchange>,
): Promise<TagRoundTrip> {
  const ops = artifacts.index.operations;
  const plan = options.writes(collected.me);
  if (!plan.allowed) return { skipped: plan.reason ?? 'writes are not allowed' };
  const target = collected.retrieves.find((e) => e.status === 200) ?? undefined;
  const conversationId = (target?.body as { id?: unknown } | undefined)?.id;
  if (conversationId === undefined) return { skipped: 'no conversation could be retrieved to tag' };
  const id = String(conversationId);
  const tagId = plan.tagId ?? options.pickTag?.(target!.body);
  if (!tagId) return { skipped: 'no tag to attach (set INTERCOM_TEST_TAG_ID)' };
  if (tagIdsOf(target!.body).includes(tagId))
    return { skipped: `tag ${tagId} is already on conversation ${id}` };
  const adminId = plan.adminId ?? String((collected.me?.body as { id?: unknown } | undefined)?.id ?? '');
  const attachOp = ops.attachTagToConversation!;
  const detachOp = ops.detachTagFromConversation!;
  const retrieve = ops.retrieveConversation!;
  const trip: TagRoundTrip = { conversationId: id, tagId };
  let detached = false;
  try {
    trip.attach = await go('tags:attach', attachOp, fillPath(attachOp, [id]), {
      body: { id: tagId, admin_id: adminId },
    });
    if (trip.attach.status !== 200) return trip;
    trip.afterAttach = await go('tags:after-attach', retrieve, fillPath(retrieve, [id]));
    trip.detach = await go('tags:detach', detachOp, fillPath(detachOp, [id, tagId]), {
      body: { admin_id: adminId },
    });
    detached = trip.detach.status === 200;
    trip.afterDetach = await go('tags:after-detach', retrieve, fillPath(retrieve, [id]));
  } finally {
    // Cleanup guaranteed: whatever failed after a possible attach, make sure the tag is gone again.
    const attachMaybeApplied =
      trip.attach !== undefined && (trip.attach.status === 200 || trip.attach.status === undefined);
    const stillThere = trip.afterDetach
      ? tagIdsOf(trip.afterDetach.body).includes(tagId) || trip.afterDetach.status !== 200
      : true;
    if (attachMaybeApplied && (!detached || stillThere)) {
      const exchange = await go('tags:cleanup', detachOp, fillPath(detachOp, [id, tagId]), {
        body: { admin_id: adminId },
      });
      const check = await go('tags:cleanup-check', retrieve, fillPath(retrieve, [id]));
      trip.cleanup = {
        attempted: true,
        exchange,
        leftAttached: check.status !== 200 || tagIdsOf(check.body).includes(tagId),
      };
    }
  }
  return trip;
}

export { tagIdsOf };
