import { comparePayloads, type RuntimeDifference } from '../diff/runtime.ts';
import type { Collected } from '../model/collected.ts';

/** The retrieved conversations of one version, by id: what the runtime cross-version diff compares. */
export type Samples = Record<string, unknown>;

export function samplesOf(collected: Collected): Samples {
  const out: Samples = {};
  for (const e of collected.retrieves) {
    const id = (e.body as { id?: unknown } | undefined)?.id;
    if (e.status === 200 && id !== undefined) out[String(id)] = e.body;
  }
  return out;
}

/**
 * The behavioural counterpart of the spec diff: for each pair of consecutive versions of a run, the payloads
 * both returned for the same conversations, compared by property set and JSON type.
 */
export function runtimeDiffOf(
  byVersion: Array<{ apiVersion: string; samples: Samples }>,
): Array<RuntimeDifference & { operationId: string }> {
  const out: Array<RuntimeDifference & { operationId: string }> = [];
  for (let i = 0; i + 1 < byVersion.length; i++) {
    const [a, b] = [byVersion[i]!, byVersion[i + 1]!];
    const pairs = Object.keys(a.samples)
      .filter((id) => Object.hasOwn(b.samples, id))
      .sort()
      .map((id) => ({ key: `retrieveConversation ${id}`, a: a.samples[id], b: b.samples[id] }));
    for (const d of comparePayloads(pairs, { a: a.apiVersion, b: b.apiVersion }))
      out.push({ operationId: 'retrieveConversation', ...d });
  }
  return out;
}
