import { UserError } from '../util/errors.ts';
import type { Severity } from './model.ts';
import { SEVERITIES } from './model.ts';
import type { Rule } from './rule.ts';
import { operationAdded } from './rules/operation-added.ts';
import { operationMethodChanged } from './rules/operation-method-changed.ts';
import { operationPathChanged } from './rules/operation-path-changed.ts';
import { operationRemoved } from './rules/operation-removed.ts';
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
  responseSuccessStatusRemoved,
  responseErrorStatusRemoved,
  responseMediaTypeRemoved,
  responseSchemaComponentChanged,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
  responsePropertyBecameOptional,
  responsePropertyBecameNullable,
  responsePropertyEnumValueAdded,
  responsePropertyStoppedNullable,
  responsePropertyEnumValueRemoved,
  responsePropertyBecameRequired,
  responsePropertyAdded,
  refDangling,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Per-id severity overrides, e.g. from `--severity path-parameter-renamed=breaking`. */
export type SeverityOverrides = Record<string, Severity>;

/** Parses `id=level,id=level`; an unknown id or level is a one-line error. */
export function parseSeverityOverrides(text: string): SeverityOverrides {
  const out: SeverityOverrides = {};
  for (const item of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, level, ...rest] = item.split('=').map((s) => s.trim());
    if (!id || !level || rest.length > 0)
      throw new UserError(`bad severity override "${item}" (expected rule-id=breaking|warning|info)`);
    if (!BY_ID.has(id)) throw new UserError(`unknown rule id "${id}" in --severity (see the rules table)`);
    if (!(SEVERITIES as readonly string[]).includes(level)) {
      throw new UserError(`unknown severity "${level}" for ${id} (${SEVERITIES.join(', ')})`);
    }
    out[id] = level as Severity;
  }
  return out;
}

export function effectiveSeverity(rule: Rule, overrides: SeverityOverrides = {}): Severity {
  return overrides[rule.id] ?? rule.severity;
}
