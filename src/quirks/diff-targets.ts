import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApiDocument } from '../descriptions/load.ts';
import type { QuirkTarget } from '../diff/quirks.ts';
import type { QuirkRegistry } from '../model/quirk.ts';
import { generatedDir, quirksDir } from '../util/paths.ts';
import { applyOverlay } from './overlay.ts';
import { loadOverlay } from './registry.ts';

/** The quirks generation found resolved in a version (none when it was not generated). */
function resolvedIn(version: string): Set<string> {
  try {
    const registry = JSON.parse(
      readFileSync(join(generatedDir(), version, 'quirks.json'), 'utf8'),
    ) as QuirkRegistry;
    return new Set((registry.resolved ?? []).map((q) => q.id));
  } catch {
    return new Set();
  }
}

/**
 * Where the registered quirks of `version` apply in one side of a diff: the overlay applied to that side's
 * description, each action's changed places (for data-only actions, the node they annotate).
 */
export function quirkTargetsFor(
  version: string | undefined,
  doc: OpenApiDocument,
  side: 'old' | 'new',
): QuirkTarget[] {
  if (!version) return [];
  const overlay = loadOverlay(version, quirksDir, resolvedIn(version));
  if (!overlay) return [];
  const { applied } = applyOverlay(doc, overlay);
  const targets: QuirkTarget[] = [];
  for (const action of applied) {
    const dataOnly = Object.keys(action.data).length > 0 && action.touched.every((t) => /\/x-[^/]*$/.test(t));
    for (const pointer of dataOnly ? action.pointers : action.touched)
      targets.push({ quirkId: action.quirk.id, pointer, side });
  }
  return targets;
}
