import { catalogueError } from '../errors.ts';
import { rateLimitHeaders } from '../rate-limit.ts';
import { JSON_TYPE, type MockResponse } from '../response.ts';

/** How the faults scenario misbehaves (the mock options carry it). */
export interface FaultOptions {
  /** Fault one faultable request in `every` (1 = all of them; 2 = every other one, so that retries succeed). */
  every?: number;
  /** Stop faulting after this many faulted responses (default: never stop). */
  times?: number;
  /** How many requests a `429` storm lasts before the target recovers (default 3). */
  stormLength?: number;
  /** `Retry-After` of the `429` and `503` faults, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Delay of the `slow` fault, in milliseconds (default 2000): set it above your client's timeout. */
  slowMs?: number;
  /** Minimum body size of the `oversized` fault, in bytes (default 10 MiB). */
  oversizedBytes?: number;
  /** Which operations the faults hit: the conversation endpoints (default), or every one including `/me`. */
  scope?: 'conversations' | 'all';
}

/**
 * `faults`: the conversation endpoints misbehave the way a real target can, one fault at a time or several in
 * turn. Bodies that do get served are the conformant ones. `429`, `500` and `503` answer before the operation
 * runs (a mutation does not happen); the others run it and then mangle or delay the response.
 */
export const FAULTS = {
  '429': {
    summary:
      'a storm of 429 rate_limit_exceeded (Retry-After, X-RateLimit-Remaining 0, X-RateLimit-Reset) for the first stormLength requests, then recovery',
  },
  '500': { summary: '500 error.list (server_error)' },
  '503': { summary: '503 error.list (service_unavailable) with Retry-After' },
  html: { summary: '200 with a text/html error page instead of JSON' },
  'malformed-json': {
    summary: '200 application/json whose body is not JSON (a trailing comma before the last brace)',
  },
  'truncated-json': { summary: '200 application/json cut mid-token (Content-Length matches the cut body)' },
  slow: { summary: 'the normal response, after slowMs (default 2000 ms): longer than the client timeout' },
  oversized: {
    summary:
      'listConversations only: a 200 page streamed past oversizedBytes (default 10 MiB), far more items than per_page',
  },
  reset: { summary: 'headers announcing the full length and half the body, then the connection is reset' },
} as const satisfies Record<string, { summary: string }>;

export type FaultId = keyof typeof FAULTS;

export const FAULT_IDS = Object.keys(FAULTS) as FaultId[];

/** The endpoints faults hit by default (`/me` stays healthy so that a client can still identify itself). */
const CONVERSATION_OPERATIONS = new Set([
  'listConversations',
  'retrieveConversation',
  'attachTagToConversation',
  'detachTagFromConversation',
]);

export function faultRunsOperation(fault: FaultId): boolean {
  return fault !== '429' && fault !== '500' && fault !== '503';
}

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
