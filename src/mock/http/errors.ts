import { sha256 } from '../../util/hash.ts';

/**
 * The one catalogue of error responses. Every error body is Intercom's `error.list` shape
 * (`{ type: 'error.list', request_id, errors: [{ code, message }] }`); the codes are the ones the
 * descriptions' own error examples use.
 */
export const ERROR_CATALOGUE = {
  unauthorized: { status: 401, code: 'unauthorized', message: 'Access Token Invalid' },
  not_found: { status: 404, code: 'not_found', message: 'Resource Not Found' },
  conversation_not_found: { status: 404, code: 'not_found', message: 'Conversation not found' },
  tag_not_found: { status: 404, code: 'tag_not_found', message: 'Tag not found' },
  /** The descriptions' own example (the admins endpoint): an `admin_id` that is no admin of the workspace. */
  admin_not_found: { status: 404, code: 'admin_not_found', message: 'Admin for admin_id not found' },
  /** An `assignee_id` of `type: team` that is no team of the workspace (the admin case is admin_not_found). */
  team_not_found: { status: 404, code: 'team_not_found', message: 'Team for assignee_id not found' },
  route_not_found: { status: 404, code: 'not_found', message: 'The requested resource does not exist' },
  method_not_allowed: { status: 405, code: 'method_not_allowed', message: 'Method not allowed' },
  parameter_not_found: {
    status: 400,
    code: 'parameter_not_found',
    message: 'A required parameter is missing',
  },
  parameter_invalid: { status: 400, code: 'parameter_invalid', message: 'A parameter is invalid' },
  bad_request: { status: 400, code: 'bad_request', message: 'The request body is not valid JSON' },
  intercom_version_invalid: {
    status: 400,
    code: 'intercom_version_invalid',
    message: 'Unsupported API version',
  },
  payload_too_large: { status: 413, code: 'request_too_large', message: 'The request body is too large' },
  rate_limit_exceeded: { status: 429, code: 'rate_limit_exceeded', message: 'Exceeded rate limit' },
  server_error: { status: 500, code: 'server_error', message: 'An unexpected error occurred' },
  service_unavailable: {
    status: 503,
    code: 'service_unavailable',
    message: 'Service temporarily unavailable',
  },
} as const satisfies Record<string, { status: number; code: string; message: string }>;

export type ErrorId = keyof typeof ERROR_CATALOGUE;

export interface ErrorList {
  type: 'error.list';
  request_id: string;
  errors: Array<{ code: string; message: string }>;
}

function errorList(code: string, message: string, requestId: string): ErrorList {
  return { type: 'error.list', request_id: requestId, errors: [{ code, message }] };
}

/** An error from the catalogue: its status and body (the message can be made more precise). */
export function catalogueError(
  id: ErrorId,
  requestId: string,
  message?: string,
): { status: number; body: ErrorList } {
  const entry = ERROR_CATALOGUE[id];
  return { status: entry.status, body: errorList(entry.code, message ?? entry.message, requestId) };
}

/**
 * A deterministic request id (a version-4-shaped UUID) from the workspace seed and the request's sequence
 * number, so that the same requests against the same seed give byte-identical error bodies.
 */
export function requestIdFor(seed: number, sequence: number): string {
  const h = sha256(`intercom-conformance-mock:${seed}:${sequence}`);
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
