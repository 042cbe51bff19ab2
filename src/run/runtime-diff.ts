import { comparePayloads, type RuntimeDifference } from '../diff/runtime.ts';
import type { Collected } from '../model/collected.ts';
import { listedConversations } from '../model/exchange.ts';

/**
 * What one version returned, by operation and resource id: what the runtime cross-version diff compares.
 * `retrieveConversation` holds the retrieved conversations, `listConversations` the list items (each
 * conversation of the walked pages), `attachTagToConversation`/`detachTagFromConversation` the tag bodies
 * of the round trip (by tag id). The conversation of the state round trip is left out.
 */
export type Samples = Record<string, Record<string, unknown>>;

export function samplesOf(collected: Collected): Samples {
  const out: Samples = {};
  // The state round trip's conversation changes under each version's own trip (updated_at, parts, statistics,
  // its place in the list): what differs there is the writes, not the versions.
  const written = collected.states?.conversationId;
  const put = (op: string, id: unknown, body: unknown) => {
    if (id === undefined || id === null) return;
    out[op] ??= {};
    out[op][String(id)] = body;
  };
  const unwritten = (c: unknown) => String((c as { id?: unknown } | undefined)?.id) !== written;
  for (const e of collected.retrieves)
    if (e.status === 200 && unwritten(e.body))
      put('retrieveConversation', (e.body as { id?: unknown } | undefined)?.id, e.body);
  for (const item of listedConversations([collected.listDefault, ...collected.walk]))
    if (unwritten(item)) put('listConversations', item.id, item);
  for (const [op, e] of [
    ['attachTagToConversation', collected.tags.attach],
    ['detachTagFromConversation', collected.tags.detach],
  ] as const) {
    if (e?.status === 200) put(op, (e.body as { id?: unknown } | undefined)?.id, e.body);
  }
  return out;
}

/** How many resources both versions returned, per operation. */
export function pairedCounts(a: Samples, b: Samples): Record<string, number> {
  const out: Record<string, number> = {};
  for (const op of Object.keys(a).sort())
    out[op] = Object.keys(a[op] ?? {}).filter((id) => Object.hasOwn(b[op] ?? {}, id)).length;
  return out;
}

/**
 * Values the tag round trip sets when it writes: each version's round trip attaches and detaches the tag
 * itself, at its own moment, so `applied_at` differs between the two bodies whatever the version. A value
 * change there is the two writes, not the upgrade (a type change still counts).
 */
const WRITTEN_AT: Record<string, readonly string[]> = {
  attachTagToConversation: ['/applied_at'],
  detachTagFromConversation: ['/applied_at'],
};

/**
 * The behavioural counterpart of the spec diff: for each pair of consecutive versions of a run, the payloads
 * both returned for the same resources, compared by presence, JSON type and value (`comparePayloads`).
 */
export function runtimeDiffOf(
  byVersion: Array<{ apiVersion: string; samples: Samples }>,
): Array<RuntimeDifference & { operationId: string }> {
  const out: Array<RuntimeDifference & { operationId: string }> = [];
  for (let i = 0; i + 1 < byVersion.length; i++) {
    const [a, b] = [byVersion[i]!, byVersion[i + 1]!];
    for (const operationId of Object.keys(a.samples).sort()) {
      const [sa, sb] = [a.samples[operationId] ?? {}, b.samples[operationId] ?? {}];
      const pairs = Object.keys(sa)
        .filter((id) => Object.hasOwn(sb, id))
        .sort()
        .map((id) => ({ key: `${operationId} ${id}`, a: sa[id], b: sb[id] }));
      for (const d of comparePayloads(pairs, { a: a.apiVersion, b: b.apiVersion }))
        if (d.kind !== 'values-differ' || !WRITTEN_AT[operationId]?.includes(d.path))
          out.push({ operationId, ...d });
    }
  }
  return out;
}
