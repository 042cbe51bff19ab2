import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { QuirkEntry, QuirkRegistry } from '../model/quirk.ts';
import { UserError } from '../util/errors.ts';
import { quirksDir } from '../util/paths.ts';
import type { AppliedAction, QuirkMeta, QuirkOverlay } from './overlay.ts';

export type { QuirkEntry, QuirkRegistry } from '../model/quirk.ts';

import { validateOverlay } from './overlay.ts';

export function overlayFile(version: string, dir = quirksDir): string {
  return join(dir, `${version}.yaml`);
}

export function loadOverlay(version: string, dir = quirksDir): QuirkOverlay | undefined {
  const file = overlayFile(version, dir);
  if (!existsSync(file)) return undefined;
  let doc: unknown;
  try {
    doc = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file} is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  return validateOverlay(doc, file);
}

export function buildRegistry(
  apiVersion: string,
  applied: AppliedAction[],
  unmatched: AppliedAction[],
): QuirkRegistry {
  const byId = new Map<string, QuirkEntry>();
  for (const a of applied) {
    const entry = byId.get(a.quirk.id) ?? { ...a.quirk, targets: [], data: {} };
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
  };
}

export function quirkById(registry: QuirkRegistry, id: string): QuirkEntry | undefined {
  return registry.quirks.find((q) => q.id === id);
}
