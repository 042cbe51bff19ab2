import type { ErrorObject, ValidateFunction } from 'ajv';
import type { MediaInfo, OperationInfo } from '../descriptions/operations.ts';
import { UserError } from '../util/errors.ts';
import { escapeToken } from '../util/json-pointer.ts';
import type { VersionArtifacts } from './artifacts.ts';

/** One schema error, as data (Ajv's fields), plus where in the description the broken rule stands. */
export interface SchemaFinding {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
  /** JSON pointer of the broken keyword in the description. */
  specPointer: string;
}

export interface SchemaTarget {
  operation: OperationInfo;
  /** The documented status key that matched (`200`, `4XX`, `default`). */
  status: string;
  mediaType: string;
  media: MediaInfo;
  validate: ValidateFunction;
}

function findOperation(artifacts: VersionArtifacts, operationId: string): OperationInfo {
  const operation = artifacts.index.operations[operationId];
  if (!operation) {
    throw new UserError(
      `unknown operation "${operationId}" for API ${artifacts.apiVersion} (covered: ${Object.keys(artifacts.index.operations).join(', ')})`,
    );
  }
  return operation;
}

/** The documented response for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedStatus(operation: OperationInfo, status: number | string): string | undefined {
  const code = String(status);
  if (operation.responses[code]) return code;
  const range = `${code[0]}XX`;
  if (operation.responses[range]) return range;
  if (operation.responses.default) return 'default';
  return undefined;
}

function pickMedia(content: Record<string, MediaInfo>, mediaType: string): [string, MediaInfo] | undefined {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  if (content[base]) return [base, content[base]];
  const json = Object.entries(content).find(([mt]) => mt === 'application/json' || mt.endsWith('+json'));
  return base.includes('json') && json ? json : undefined;
}

export function responseTarget(
  artifacts: VersionArtifacts,
  operationId: string,
  status: number | string,
  mediaType = 'application/json',
): SchemaTarget {
  const operation = findOperation(artifacts, operationId);
  const key = documentedStatus(operation, status);
  if (!key) {
    throw new UserError(
      `status ${status} is not documented for ${operationId} in API ${artifacts.apiVersion} (documented: ${Object.keys(operation.responses).join(', ')})`,
    );
  }
  const picked = pickMedia(operation.responses[key]!.content, mediaType);
  if (!picked)
    throw new UserError(
      `${operationId} ${key} documents no ${mediaType} body in API ${artifacts.apiVersion}`,
    );
  return {
    operation,
    status: key,
    mediaType: picked[0],
    media: picked[1],
    validate: validatorOf(artifacts, picked[1]),
  };
}

export function requestTarget(
  artifacts: VersionArtifacts,
  operationId: string,
  mediaType = 'application/json',
): SchemaTarget {
  const operation = findOperation(artifacts, operationId);
  const picked = pickMedia(operation.requestBody?.content ?? {}, mediaType);
  if (!picked)
    throw new UserError(
      `${operationId} documents no ${mediaType} request body in API ${artifacts.apiVersion}`,
    );
  return {
    operation,
    status: 'request',
    mediaType: picked[0],
    media: picked[1],
    validate: validatorOf(artifacts, picked[1]),
  };
}

function validatorOf(artifacts: VersionArtifacts, media: MediaInfo): ValidateFunction {
  const fn = artifacts.validators[media.validator];
  if (!fn)
    throw new UserError(`validator ${media.validator} missing from ${artifacts.dir} (run: npm run generate)`);
  return fn;
}

/**
 * The JSON pointer of the failed keyword in the description: the generated schemas carry their own pointer as
 * `$comment` (Ajv's schemaPath restarts at `#` inside every `$ref`'d schema, so it cannot tell).
 */
function specPointerOf(media: MediaInfo, error: ErrorObject): string {
  const at = (error.parentSchema as { $comment?: unknown } | undefined)?.$comment;
  const base = typeof at === 'string' ? at : media.pointer;
  return `${base}/${escapeToken(error.keyword)}`;
}

function toFindings(media: MediaInfo, errors: ErrorObject[] | null | undefined): SchemaFinding[] {
  return (errors ?? [])
    .map((e) => ({
      instancePath: e.instancePath,
      schemaPath: e.schemaPath,
      keyword: e.keyword,
      params: e.params as Record<string, unknown>,
      message: e.message ?? e.keyword,
      specPointer: specPointerOf(media, e),
    }))
    .sort(compareFindings);
}

function compareFindings(a: SchemaFinding, b: SchemaFinding): number {
  return (
    (a.instancePath < b.instancePath ? -1 : a.instancePath > b.instancePath ? 1 : 0) ||
    (a.schemaPath < b.schemaPath ? -1 : a.schemaPath > b.schemaPath ? 1 : 0)
  );
}

/** Validates a parsed body against a target's precompiled validator. */
export function validateAgainst(target: SchemaTarget, body: unknown): SchemaFinding[] {
  return target.validate(body) ? [] : toFindings(target.media, target.validate.errors);
}
