import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { QuirkRegistry } from '../model/quirk.ts';
import { generatedDir } from '../util/paths.ts';
import type { QuirkTarget } from './quirks.ts';

/**
 * The quirk targets of one side of a diff, read from `generated/<version>/quirks.json` (the registry's
 * shape, `src/model/quirk.ts`); none when the version has no registry or the side is a file.
 */
export function registeredQuirkTargets(
  version: string | undefined,
  side: 'old' | 'new',
  dir: string = generatedDir(),
): QuirkTarget[] {
  if (!version) return [];
  const file = resolve(dir, version, 'quirks.json');
  if (!existsSync(file)) return [];
  let registry: QuirkRegistry;
  try {
    registry = JSON.parse(readFileSync(file, 'utf8')) as QuirkRegistry;
  } catch {
    return [];
  }
  const out: QuirkTarget[] = [];
  for (const quirk of registry.quirks ?? [])
    for (const pointer of quirk.targets ?? [])
      out.push({ quirkId: quirk.id, pointer, side, summary: quirk.summary });
  return out;
}
