import type { FaultId, FaultOptions } from '../options/faults.ts';
import { catalogueError } from './errors.ts';
import { rateLimitHeaders } from './rate-limit.ts';
import { JSON_TYPE, type MockResponse } from './response.ts';

/**
 * `faults`: the conversation endpoints misbehave the way a real target can, one fault at a time or several in
 * turn. Bodies that do get served are the conformant ones. `429`, `500` and `503` answer before the operation
 * runs (a mutation does not happen); the others run it and then mangle or delay the response.
 */

/** The endpoints faults hit by default (`/me` stays healthy so that a client can still identify itself). */
const CONVERSATION_OPERATIONS = new Set([
  'listConversations',
  'retrieveConversation',
  'attachTagToConversation',
  'detachTagFromConversation',
  'searchConversations',
  'manageConversation',
]);

/**
 * Which request gets which fault: a 429 storm first (when selected), then the other faults in turn on one
 * faultable request in `every`, at most `times` of them.
 */
export class FaultPlan {
  private seen = 0;
  private faulted = 0;
  private storm = 0;
  private readonly rotation: FaultId[];

  constructor(
    private readonly faults: FaultId[],
    private readonly options: Required<FaultOptions>,
  ) {
    this.rotation = faults.filter((f) => f !== '429');
  }

  next(operationId: string): FaultId | undefined {
    if (this.options.scope !== 'all' && !CONVERSATION_OPERATIONS.has(operationId)) return undefined;
    if (this.faults.includes('429') && this.storm < this.options.stormLength) {
      this.storm++;
      return '429';
    }
    if (this.rotation.length === 0) return undefined;
    const k = this.seen++;
    if (k % this.options.every !== 0 || this.faulted >= this.options.times) return undefined;
    this.faulted++;
    return this.rotation[(k / this.options.every) % this.rotation.length];
  }
}

export interface FaultContext {
  requestId: string;
  operationId: string;
  options: Required<FaultOptions>;
  rateLimit: number;
  /** Wall clock, milliseconds. */
  nowMs: number;
  /** The normal response (runs the operation). */
  run: () => MockResponse;
  /** listConversations only: the JSON text of a list page of `oversizedBytes` or more, in chunks. */
  oversized?: () => Iterable<string>;
}

const HTML_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Intercom</title></head><body><h1>We&#39;re sorry, but something went wrong.</h1>' +
  '<p>We&#39;ve been notified about this issue and we&#39;ll take a look at it shortly.</p></body></html>\n';

function jsonText(response: MockResponse): { status: number; text: string } | undefined {
  return response.kind === 'json'
    ? { status: response.status, text: JSON.stringify(response.body) }
    : undefined;
}

/** The faulty response; `undefined` when the fault does not apply to this operation (served normally). */
export function faultResponse(fault: FaultId, ctx: FaultContext): MockResponse | undefined {
  const retryAfter = String(ctx.options.retryAfterSeconds);
  switch (fault) {
    case '429': {
      const error = catalogueError('rate_limit_exceeded', ctx.requestId);
      const reset = Math.ceil(ctx.nowMs / 1000) + ctx.options.retryAfterSeconds;
      return {
        kind: 'json',
        status: error.status,
        body: error.body,
        headers: { 'Retry-After': retryAfter, ...rateLimitHeaders(ctx.rateLimit, 0, reset) },
      };
    }
    case '500': {
      const error = catalogueError('server_error', ctx.requestId);
      return { kind: 'json', status: error.status, body: error.body };
    }
    case '503': {
      const error = catalogueError('service_unavailable', ctx.requestId);
      return { kind: 'json', status: error.status, body: error.body, headers: { 'Retry-After': retryAfter } };
    }
    case 'html':
      ctx.run();
      return { kind: 'raw', status: 200, contentType: 'text/html; charset=utf-8', body: HTML_PAGE };
    case 'slow':
      return { kind: 'delayed', ms: ctx.options.slowMs, response: ctx.run() };
    case 'oversized':
      if (!ctx.oversized) return undefined;
      return { kind: 'stream', status: 200, contentType: JSON_TYPE, chunks: ctx.oversized };
  }
  const normal = ctx.run();
  const served = jsonText(normal);
  if (!served) return normal;
  switch (fault) {
    case 'malformed-json':
      return {
        kind: 'raw',
        status: served.status,
        contentType: JSON_TYPE,
        body: `${served.text.slice(0, -1)},}`,
      };
    case 'truncated-json':
      return {
        kind: 'raw',
        status: served.status,
        contentType: JSON_TYPE,
        body: served.text.slice(0, Math.max(1, Math.floor(served.text.length / 2))),
      };
    case 'reset':
      return {
        kind: 'reset',
        status: served.status,
        contentType: JSON_TYPE,
        body: served.text,
        cutAt: Math.floor(served.text.length / 2),
      };
  }
}
