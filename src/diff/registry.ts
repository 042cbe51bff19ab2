import { readFileSync } from 'node:fs';
import { UserError } from '../util/errors.ts';
import { type ChangeClass, LEVELS, type Level, type Severity } from './model.ts';
import type { Rule } from './rule.ts';
import { operationAdded } from './rules/operation-added.ts';
import { operationMethodChanged } from './rules/operation-method-changed.ts';
import { operationPathChanged } from './rules/operation-path-changed.ts';
import { operationRemoved } from './rules/operation-removed.ts';
import { parameterAddedOptional } from './rules/parameter-added-optional.ts';
import { parameterAddedRequired } from './rules/parameter-added-required.ts';
import { parameterBecameRequired } from './rules/parameter-became-required.ts';
import { parameterDefaultChanged } from './rules/parameter-default-changed.ts';
import { parameterEnumValueRemoved } from './rules/parameter-enum-value-removed.ts';
import { parameterMaximumLowered } from './rules/parameter-maximum-lowered.ts';
import { parameterRemoved } from './rules/parameter-removed.ts';
import { parameterTypeChanged } from './rules/parameter-type-changed.ts';
import { pathParameterRenamed } from './rules/path-parameter-renamed.ts';
import { refDangling } from './rules/ref-dangling.ts';
import { requestBodyBecameRequired } from './rules/request-body-became-required.ts';
import { requestMediaTypeRemoved } from './rules/request-media-type-removed.ts';
import { requestPropertyBecameRequired } from './rules/request-property-became-required.ts';
import { requestPropertyEnumValueRemoved } from './rules/request-property-enum-value-removed.ts';
import { requestPropertyRemoved } from './rules/request-property-removed.ts';
import { requestPropertyStoppedNullable } from './rules/request-property-stopped-nullable.ts';
import { requestPropertyTypeChanged } from './rules/request-property-type-changed.ts';
import { requestUnionBranchRemoved } from './rules/request-union-branch-removed.ts';
import { requestUnionNarrowed } from './rules/request-union-narrowed.ts';
import { responseEnumDomainReplaced } from './rules/response-enum-domain-replaced.ts';
import { responseErrorStatusRemoved } from './rules/response-error-status-removed.ts';
import { responseMediaTypeRemoved } from './rules/response-media-type-removed.ts';
import { responsePropertyAdded } from './rules/response-property-added.ts';
import { responsePropertyBecameNullable } from './rules/response-property-became-nullable.ts';
import { responsePropertyBecameOptional } from './rules/response-property-became-optional.ts';
import { responsePropertyBecameRequired } from './rules/response-property-became-required.ts';
import { responsePropertyEnumValueAdded } from './rules/response-property-enum-value-added.ts';
import { responsePropertyEnumValueRemoved } from './rules/response-property-enum-value-removed.ts';
import { responsePropertyRemoved } from './rules/response-property-removed.ts';
import { responsePropertyStoppedNullable } from './rules/response-property-stopped-nullable.ts';
import { responsePropertyTypeChanged } from './rules/response-property-type-changed.ts';
import { responseSchemaComponentChanged } from './rules/response-schema-component-changed.ts';
import { responseSuccessStatusRemoved } from './rules/response-success-status-removed.ts';
import { responseUnionBranchAdded } from './rules/response-union-branch-added.ts';
import { responseUnionBranchRemoved } from './rules/response-union-branch-removed.ts';

/**
 * The one table of rules, in the order they are documented: operation, parameters, request, response.
 * Ids are stable (kebab-case, never reused); severities are defaults, overridable per id.
 */
export const RULES: readonly Rule[] = [
  operationRemoved,
  operationPathChanged,
  operationMethodChanged,
  operationAdded,
  pathParameterRenamed,
  parameterAddedRequired,
  parameterAddedOptional,
  parameterBecameRequired,
  parameterRemoved,
  parameterTypeChanged,
  parameterMaximumLowered,
  parameterDefaultChanged,
  parameterEnumValueRemoved,
  requestBodyBecameRequired,
  requestMediaTypeRemoved,
  requestPropertyBecameRequired,
  requestPropertyTypeChanged,
  requestPropertyRemoved,
  requestPropertyStoppedNullable,
  requestPropertyEnumValueRemoved,
  requestUnionBranchRemoved,
  requestUnionNarrowed,
  responseSuccessStatusRemoved,
  responseErrorStatusRemoved,
  responseMediaTypeRemoved,
  responseSchemaComponentChanged,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responsePropertyBecameOptional,
  responsePropertyBecameNullable,
  responseEnumDomainReplaced,
  responsePropertyEnumValueAdded,
  responseUnionBranchAdded,
  responsePropertyStoppedNullable,
  responsePropertyEnumValueRemoved,
  responseUnionBranchRemoved,
  responsePropertyBecameRequired,
  responsePropertyAdded,
  refDangling,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/**
 * Per-id level overrides, e.g. from `--severity path-parameter-renamed=breaking`: a wire severity
 * (`breaking`, `warning`, `info`) makes the rule's changes wire changes of that severity; `type-only` or
 * `artefact` moves them to that class.
 */
export type SeverityOverrides = Record<string, Level>;

function parseOne(id: string, level: string, where: string): [string, Level] {
  if (!BY_ID.has(id)) throw new UserError(`unknown rule id "${id}" in ${where} (see the rules table)`);
  if (!(LEVELS as readonly string[]).includes(level))
    throw new UserError(`unknown level "${level}" for ${id} in ${where} (${LEVELS.join(', ')})`);
  return [id, level as Level];
}

/** Parses `id=level,id=level`; an unknown id or level is a one-line error. */
export function parseSeverityOverrides(text: string): SeverityOverrides {
  const out: SeverityOverrides = {};
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, level, ...rest] = item.split('=').map((s) => s.trim());
    if (!id || !level || rest.length > 0)
      throw new UserError(`bad severity override "${item}" (expected rule-id=${LEVELS.join('|')})`);
    const [k, v] = parseOne(id, level, '--severity');
    out[k] = v;
  }
  return out;
}

/**
 * Reads a levels file like oasdiff's `--severity-levels`: one `rule-id level` per line (`=` also accepted),
 * `#` starts a comment. Unreadable file, unknown id or level: a one-line error naming the file and line.
 */
export function readSeverityFile(file: string): SeverityOverrides {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: SeverityOverrides = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const parts = line.split(/[\s=]+/).filter(Boolean);
    if (parts.length !== 2)
      throw new UserError(`${file}:${i + 1}: expected "rule-id level", got "${line.slice(0, 80)}"`);
    const [k, v] = parseOne(parts[0]!, parts[1]!, `${file}:${i + 1}`);
    out[k] = v;
  });
  return out;
}

/** The class and severity of a change: an override by id wins, then the hit's own, then the rule's. */
export function effectiveLevel(
  rule: Rule,
  hit: { class?: ChangeClass; severity?: Severity },
  overrides: SeverityOverrides = {},
): { class: ChangeClass; severity: Severity; overridden: boolean } {
  const severity = hit.severity ?? rule.severity;
  const override = overrides[rule.id];
  if (override === 'type-only' || override === 'artefact')
    return { class: override, severity, overridden: true };
  if (override) return { class: 'wire', severity: override, overridden: true };
  return { class: hit.class ?? rule.class ?? 'wire', severity, overridden: false };
}
