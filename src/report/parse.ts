import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { RESULT_SCHEMA_VERSION, type RunResult } from '../model/result.ts';
import { UserError } from '../util/errors.ts';

/** The JSON Schema of `conformance.json`, shipped in the package next to this file. */
const RESULT_SCHEMA_FILE = new URL('./conformance.schema.json', import.meta.url);

let validator: ValidateFunction | undefined;

export function resultSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(RESULT_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

function validateRunResult(): ValidateFunction {
  validator ??= new Ajv({
    allErrors: false,
    strict: true,
    strictTypes: false,
    strictRequired: false,
  }).compile(resultSchema());
  return validator;
}

/** One line describing an Ajv error: where, what, and the allowed values or offending property. */
function describeSchemaError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const params = error.params as Record<string, unknown>;
  let extra = '';
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues))
    extra = ` (${params.allowedValues.join(', ')})`;
  else if (error.keyword === 'additionalProperties') extra = ` ("${String(params.additionalProperty)}")`;
  else if (error.keyword === 'const') extra = ` (${JSON.stringify(params.allowedValue)})`;
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

/** Checks that a parsed value is a RunResult (the shipped JSON Schema); otherwise a one-line UserError. */
function assertRunResult(value: unknown, label: string): RunResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UserError(`${label} is not a conformance run result (expected a JSON object)`);
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > RESULT_SCHEMA_VERSION) {
    throw new UserError(
      `${label} was written by a newer intercom-conformance (schemaVersion ${version}; this one reads ${RESULT_SCHEMA_VERSION})`,
    );
  }
  const validate = validateRunResult();
  if (!validate(value)) {
    throw new UserError(
      `${label} is not a conformance run result: ${describeSchemaError(validate.errors![0]!)}`,
    );
  }
  return value as RunResult;
}

/** Parses the text of a `conformance.json`; bad JSON or a JSON that is not a RunResult → one-line UserError. */
export function parseRunResult(text: string, label: string): RunResult {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError(`${label} is not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return assertRunResult(value, label);
}
