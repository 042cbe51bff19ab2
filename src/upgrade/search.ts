import type { Collected } from '../model/collected.ts';
import { fillPath, type HttpSettings, send } from '../run/http.ts';
import type { Transport } from '../run/transport.ts';
import type { VersionArtifacts } from '../validate/artifacts.ts';

/** At most this many of the retrieved conversations are searched for (one `IN` filter, one page). */
const SEARCH_SAMPLE = 15;

/**
 * The one search `upgrade` sends under each version: the conversations it already retrieved, by id, in one
 * page. Valid in every locked description (`IN` takes an array of strings; 2.11 requires `per_page`).
 */
function searchByIds(ids: readonly string[]): unknown {
  return { query: { field: 'id', operator: 'IN', value: [...ids] }, pagination: { per_page: 150 } };
}

/** The conversations a search answered, by id; or why there are none to compare. */
export type SearchObservation = { items: Record<string, unknown> } | { notObserved: string };

/** The ids of the conversations retrieved under this version (status 200), sorted, at most SEARCH_SAMPLE. */
function retrievedIds(collected: Collected): string[] {
  const ids = collected.retrieves
    .filter((e) => e.status === 200)
    .map((e) => (e.body as { id?: unknown } | undefined)?.id)
    .filter((id): id is string | number => typeof id === 'string' || typeof id === 'number')
    .map(String);
  return [...new Set(ids)].sort().slice(0, SEARCH_SAMPLE);
}

/**
 * Reads one search answer under `artifacts.apiVersion` for the conversations `collected` retrieved: a read
 * (POST, but it changes nothing; never retried blindly, as every POST). Never throws: a target that does not
 * serve search (an old mock's 404/405), an error, an interruption or an answer without a `conversations`
 * array is a reason, shown as "not observed: …".
 */
export async function observeSearch(
  transport: Transport,
  settings: HttpSettings,
  artifacts: VersionArtifacts,
  collected: Collected,
  signal?: AbortSignal,
): Promise<SearchObservation> {
  const op = artifacts.index.operations.searchConversations;
  if (!op) return { notObserved: `API ${artifacts.apiVersion} covers no searchConversations` };
  const ids = retrievedIds(collected);
  if (ids.length === 0) return { notObserved: 'no conversation was retrieved to search for' };
  if (signal?.aborted) return { notObserved: 'interrupted' };
  const e = await send(transport, settings, {
    step: 'upgrade:search',
    apiVersion: artifacts.apiVersion,
    operation: op,
    url: fillPath(op, []),
    body: searchByIds(ids),
    ...(signal ? { signal } : {}),
  });
  const where = `${op.method.toUpperCase()} ${op.path}`;
  if (e.interrupted) return { notObserved: 'interrupted' };
  if (e.status === undefined) return { notObserved: e.error ?? `${where} got no answer` };
  if (e.status !== 200) return { notObserved: `${where} answered ${e.status}` };
  const list = (e.body as { conversations?: unknown } | undefined)?.conversations;
  if (!Array.isArray(list)) return { notObserved: `${where} answered 200 without a conversations array` };
  const items: Record<string, unknown> = {};
  for (const item of list) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' || typeof id === 'number') items[String(id)] = item;
  }
  return { items };
}
