import type { QuirkEntry, QuirkRegistry } from '../model/quirk.ts';
import { UserError } from '../util/errors.ts';
import { quirksDir } from '../util/paths.ts';
import { loadCatalogue, overlayFor, quirksInRange } from './catalogue.ts';
import type { AppliedAction, QuirkMeta, QuirkOverlay } from './overlay.ts';

export type { QuirkEntry, QuirkRegistry } from '../model/quirk.ts';

/**
 * The overlay of the quirks declared for `version` in the catalogue (`openapi/quirks/<id>.yaml`), or undefined
 * when none is. `resolved` leaves out quirks a description resolved (as generation recorded them).
 */
export function loadOverlay(
  version: string,
  dir = quirksDir,
  resolved: ReadonlySet<string> = new Set(),
): QuirkOverlay | undefined {
  const quirks = quirksInRange(loadCatalogue(dir), version).filter((q) => !resolved.has(q.id));
  return quirks.length === 0 ? undefined : overlayFor(quirks, version);
}

export function buildRegistry(
  apiVersion: string,
  applied: AppliedAction[],
  unmatched: AppliedAction[],
  resolved: QuirkMeta[] = [],
  ranges: Record<string, string> = {},
): QuirkRegistry {
  const byId = new Map<string, QuirkEntry>();
  for (const a of applied) {
    const range = ranges[a.quirk.id];
    const entry = byId.get(a.quirk.id) ?? {
      ...a.quirk,
      ...(range ? { versions: range } : {}),
      targets: [],
      data: {},
    };
    if (entry.summary !== a.quirk.summary || entry.source !== a.quirk.source) {
      throw new UserError(
        `quirk ${a.quirk.id} (${apiVersion}) has different summaries or sources across its actions`,
      );
    }
    entry.targets.push(...a.touched);
    Object.assign(entry.data, a.data);
    byId.set(a.quirk.id, entry);
  }
  const quirks = [...byId.values()]
    .map((q) => ({ ...q, targets: [...new Set(q.targets)].sort() }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return {
    apiVersion,
    quirks,
    unmatched: unmatched.map((u) => ({ id: u.quirk.id, target: u.target })),
    resolved: [...resolved]
      .map((q) => ({
        id: q.id,
        summary: q.summary,
        source: q.source,
        ...(ranges[q.id] ? { versions: ranges[q.id] } : {}),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
