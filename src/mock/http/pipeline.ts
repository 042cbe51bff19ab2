import type { IncomingHttpHeaders } from 'node:http';
import { oneLine } from '../../util/errors.ts';
import type { FaultId } from '../options/faults.ts';
import type { ResolvedOptions } from '../options/options.ts';
import type { VersionProfile } from '../render/profile.ts';
import type { RenderCache } from '../render/render.ts';
import type { Deviation } from '../scenarios/quirks.ts';
import type { BodyShaper } from '../scenarios/scenario.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { catalogueError, requestIdFor } from './errors.ts';
import { type FaultPlan, faultResponse } from './faults.ts';
import { type OperationContext, viewOf } from './handlers/context.ts';
import { HANDLERS } from './handlers/index.ts';
import type { FixedWindowLimiter } from './rate-limit.ts';
import { json, type MockResponse, statusOf } from './response.ts';
import { matchRoute, type Route } from './router.ts';
import type { SearchMatches } from './search-matches.ts';
import type { RequestLog, RequestLogEntry } from './state.ts';

/**
 * The request pipeline, as in Prism: rate limit → authenticate → API version → route → (fault) → operation.
 * It turns a request into a `MockResponse` (data); server.ts writes it.
 */
export interface MockRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body passed the server's limit (and was not kept). */
  tooLarge?: boolean;
}

export interface ServedVersion {
  profile: VersionProfile;
  render: RenderCache;
  routes: Route[];
  /** The positions recent searches matched (the pages after the first reuse them). */
  searches: SearchMatches;
}

export interface PipelineDeps {
  options: ResolvedOptions;
  workspace: Workspace;
  versions: Map<string, ServedVersion>;
  shaper: BodyShaper;
  limiter: FixedWindowLimiter;
  log: RequestLog;
  faults?: FaultPlan;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

export class Pipeline {
  constructor(private readonly deps: PipelineDeps) {}

  handle(req: MockRequest): MockResponse {
    const { options, log, limiter } = this.deps;
    const sequence = log.nextSequence();
    const requestId = requestIdFor(options.seed, sequence);
    const entry: RequestLogEntry = { sequence, method: req.method, path: req.url, status: 0 };
    let response: MockResponse;
    const rate = limiter.take();
    try {
      response = rate.allowed
        ? this.route(req, requestId, entry)
        : withHeaders(error('rate_limit_exceeded', requestId), { 'Retry-After': String(rate.retryAfter) });
    } catch (thrown) {
      response = error('server_error', requestId, `mock failure: ${oneLine(thrown)}`);
    }
    // Every response names its request, as Intercom's do (X-Request-Id; error bodies carry the same request_id),
    // and says the time on the mock's clock (Date): a client snoozes "a few minutes ahead" of the server's time.
    response = withHeaders(
      response,
      { ...rate.headers, 'X-Request-Id': requestId, Date: new Date(options.clock()).toUTCString() },
      false,
    );
    entry.status = statusOf(response);
    if (response.kind === 'json' && response.deviations) entry.deviations = response.deviations;
    log.record(entry);
    return response;
  }

  /** The deviations a GET would carry now, without counting, logging or faulting it. */
  deviationsFor(method: string, url: string, version = this.deps.options.defaultVersion): Deviation[] {
    const served = this.deps.versions.get(version);
    if (!served || method.toUpperCase() !== 'GET') return [];
    const parsed = parseUrl(url);
    if (!parsed) return [];
    const match = matchRoute(served.routes, 'GET', parsed.pathname);
    if (match.kind !== 'found') return [];
    const response = HANDLERS[match.operationId]!(
      this.context(version, served, match.pathValues, parsed.searchParams, Buffer.alloc(0), 'dry-run'),
    );
    return response.kind === 'json' ? (response.deviations ?? []) : [];
  }

  private route(req: MockRequest, requestId: string, entry: RequestLogEntry): MockResponse {
    const { options, versions } = this.deps;
    const auth = header(req.headers, 'authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m || m[1] !== options.token) return error('unauthorized', requestId);
    if (req.tooLarge) return error('payload_too_large', requestId);

    const asked = header(req.headers, 'intercom-version')?.trim();
    const version = asked ? asked : options.defaultVersion;
    const served = versions.get(version);
    if (!served) {
      return error(
        'intercom_version_invalid',
        requestId,
        `Requested API version "${version.slice(0, 40)}" is not supported (supported: ${[...versions.keys()].join(', ')})`,
      );
    }
    entry.version = version;

    const parsed = parseUrl(req.url);
    if (!parsed) return error('bad_request', requestId, 'The request URL is malformed');
    // HEAD is a GET without the body (server.ts: Node drops the body of a HEAD response, keeps its headers).
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const match = matchRoute(served.routes, method, parsed.pathname);
    if (match.kind === 'not-found') return error('route_not_found', requestId);
    if (match.kind === 'method-not-allowed') {
      return withHeaders(error('method_not_allowed', requestId), { Allow: match.allowed.join(', ') });
    }
    entry.operationId = match.operationId;
    const handler = HANDLERS[match.operationId];
    if (!handler) return error('route_not_found', requestId);
    const ctx = this.context(version, served, match.pathValues, parsed.searchParams, req.body, requestId);
    const run = () => handler(ctx);

    const fault: FaultId | undefined = this.deps.faults?.next(match.operationId);
    if (!fault) return run();
    entry.fault = fault;
    return (
      faultResponse(fault, {
        requestId,
        operationId: match.operationId,
        options: options.faultOptions,
        rateLimit: options.rateLimit.limit,
        nowMs: options.clock(),
        run,
        oversized: match.operationId === 'listConversations' ? this.oversized(ctx) : undefined,
      }) ?? run()
    );
  }

  private context(
    version: string,
    served: ServedVersion,
    pathValues: string[],
    query: URLSearchParams,
    body: Buffer,
    requestId: string,
  ): OperationContext {
    const { options, workspace, shaper } = this.deps;
    return {
      version,
      profile: served.profile,
      render: served.render,
      searches: served.searches,
      pathValues,
      query,
      body,
      requestId,
      workspace,
      shaper,
      options,
    };
  }

  /** The `oversized` fault's body: list items over and over until the page passes `oversizedBytes`. */
  private oversized(ctx: OperationContext): (() => Iterable<string>) | undefined {
    const { workspace, shaper, options } = this.deps;
    if (workspace.size === 0) return undefined;
    const target = options.faultOptions.oversizedBytes;
    return function* chunks() {
      const head = `{"type":"conversation.list","total_count":${workspace.size},"conversations":[`;
      yield head;
      let bytes = head.length;
      let count = 0;
      while (bytes < target) {
        const c = workspace.conversationAt(count % workspace.size);
        const item =
          (count === 0 ? '' : ',') +
          JSON.stringify(shaper.conversation(ctx.profile, viewOf(ctx, c, true)).body);
        bytes += Buffer.byteLength(item);
        count++;
        yield item;
      }
      yield `],"pages":{"type":"pages","page":1,"per_page":${count},"total_pages":1}}`;
    };
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url, 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function error(id: Parameters<typeof catalogueError>[0], requestId: string, message?: string): MockResponse {
  const e = catalogueError(id, requestId, message);
  return json(e.status, e.body);
}

/** Adds headers; `override` false keeps the response's own values (a 429 fault's rate-limit headers win). */
function withHeaders(response: MockResponse, headers: Record<string, string>, override = true): MockResponse {
  if (response.kind === 'delayed')
    return { ...response, response: withHeaders(response.response, headers, override) };
  return {
    ...response,
    headers: override ? { ...response.headers, ...headers } : { ...headers, ...response.headers },
  };
}
