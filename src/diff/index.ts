import type { OpenApiDocument } from '../descriptions/load.ts';
import { COVERED_OPERATIONS } from '../descriptions/operations.ts';
import { diffOperation } from './engine.ts';
import { type Change, type Counts, type DiffReport, LEVELS, levelOf } from './model.ts';
import { operationViews } from './operations.ts';
import { compareChanges } from './order.ts';
import { annotateQuirks, type QuirkTarget } from './quirks.ts';
import { RULES, type SeverityOverrides } from './registry.ts';
import type { Rule } from './rule.ts';

export type {
  Change,
  ChangeClass,
  Counts,
  DiffReport,
  DiffSection,
  Level,
  Severity,
  SideInfo,
} from './model.ts';
export type { QuirkTarget } from './quirks.ts';
export { annotateQuirks } from './quirks.ts';
export {
  RULES,
  type SeverityOverrides,
} from './registry.ts';

export { renderRulesTable } from './render/rules-table.ts';

export type {
  PayloadPair,
  RuntimeDifference,
} from './runtime.ts';
export type { SideSpec } from './sides.ts';

export interface DiffOptions {
  /** Operation ids to compare (default: the covered operations), or `'all'` for every operation of both. */
  operations?: readonly string[] | 'all';
  severityOverrides?: SeverityOverrides;
  /** Quirk targets to annotate changes with (none by default). */
  quirkTargets?: readonly QuirkTarget[];
  /** The rules to run (default: the registry); tests use this to run one rule alone. */
  rules?: readonly Rule[];
}

/**
 * Compares two OpenAPI descriptions operation by operation (matched by operationId) and returns what changed
 * for a client, sorted. Pure: the documents are not modified, and the same input gives the same report.
 */
export function diffDescriptions(
  oldDoc: OpenApiDocument,
  newDoc: OpenApiDocument,
  options: DiffOptions = {},
): DiffReport {
  const oldOps = operationViews(oldDoc);
  const newOps = operationViews(newDoc);
  const requested =
    options.operations === 'all'
      ? [...new Set([...oldOps.keys(), ...newOps.keys()])]
      : [...new Set(options.operations ?? COVERED_OPERATIONS)];
  const ctx = { oldDoc, newDoc, rules: options.rules ?? RULES, overrides: options.severityOverrides ?? {} };

  const compared: string[] = [];
  const missing: string[] = [];
  let changes: Change[] = [];
  for (const key of requested) {
    const [o, n] = [oldOps.get(key), newOps.get(key)];
    if (!o && !n) {
      missing.push(key);
      continue;
    }
    compared.push(key);
    changes.push(...diffOperation(ctx, key, o, n));
  }
  if (options.quirkTargets?.length)
    changes = annotateQuirks(changes, options.quirkTargets, new Set(Object.keys(ctx.overrides)));
  changes.sort(compareChanges);
  return {
    scope: { compared: compared.sort(), missing: missing.sort() },
    counts: countByLevel(changes),
    changes,
  };
}

/** Wire changes counted by severity; type-only changes and artefacts by class. */
export function countByLevel(changes: readonly Change[]): Counts {
  const counts = Object.fromEntries(LEVELS.map((s) => [s, 0])) as Counts;
  for (const change of changes) counts[levelOf(change)]++;
  return counts;
}
