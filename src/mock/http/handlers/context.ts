import type { ResolvedOptions } from '../../options/options.ts';
import type { VersionProfile } from '../../render/profile.ts';
import type { RenderCache } from '../../render/render.ts';
import type { ConversationView } from '../../render/shape.ts';
import type { BodyShaper } from '../../scenarios/scenario.ts';
import type { Conversation } from '../../workspace/conversation.ts';
import type { Workspace } from '../../workspace/workspace.ts';
import { catalogueError, type ErrorId } from '../errors.ts';
import { json, type MockResponse } from '../response.ts';
import type { SearchMatches } from '../search-matches.ts';

/** What an operation handler gets: one routed request, in one API version. */
export interface OperationContext {
  version: string;
  profile: VersionProfile;
  /** The version's rendering of each conversation (built once, kept in an LRU). */
  render: RenderCache;
  /** The positions recent searches matched in this version. */
  searches: SearchMatches;
  /** Path parameters in template order (their names differ between versions). */
  pathValues: string[];
  query: URLSearchParams;
  body: Buffer;
  requestId: string;
  workspace: Workspace;
  shaper: BodyShaper;
  options: ResolvedOptions;
}

export type OperationHandler = (ctx: OperationContext) => MockResponse;

export function fail(ctx: OperationContext, id: ErrorId, message?: string): MockResponse {
  const error = catalogueError(id, ctx.requestId, message);
  return json(error.status, error.body);
}

export function viewOf(
  ctx: OperationContext,
  c: Conversation,
  listItem: boolean,
  plaintext = false,
): ConversationView {
  return {
    conversation: c,
    values: ctx.render.get(c),
    tags: ctx.workspace.tagsOf(c),
    tagName: (id) => ctx.workspace.tag(id)?.name ?? id,
    listItem,
    plaintext,
  };
}

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; response: MockResponse };

/** The JSON object of a request body (empty body → `{}`); anything else is a 400 error.list. */
export function readObject(ctx: OperationContext): BodyResult {
  const text = ctx.body.toString('utf8').trim();
  if (text === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, response: fail(ctx, 'bad_request') };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, response: fail(ctx, 'parameter_invalid', 'The request body must be a JSON object') };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export type IdResult = { ok: true; value: string } | { ok: false; response: MockResponse };

/**
 * An id parameter of a request body: a string, or a number as the docs' own examples send them
 * (quirk `tag-request-numeric-ids`); missing → 400 parameter_not_found, anything else → 400 parameter_invalid.
 */
export function readId(ctx: OperationContext, body: Record<string, unknown>, name: string): IdResult {
  const v = body[name];
  if (v === undefined || v === null || v === '') {
    return { ok: false, response: fail(ctx, 'parameter_not_found', `${name} is a required parameter`) };
  }
  if (typeof v === 'string' && /^[\x21-\x7e]{1,64}$/.test(v)) return { ok: true, value: v };
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return { ok: true, value: String(v) };
  return { ok: false, response: fail(ctx, 'parameter_invalid', `${name} must be a string id`) };
}

/** Whether an `admin_id` is one of the workspace's admins (Intercom answers 404 admin_not_found otherwise). */
export function isAdmin(ctx: OperationContext, id: string): boolean {
  return ctx.workspace.roster.admins.some((a) => a.id === id);
}
