import { classifyFailure } from '../client/middleware/errors.ts';
import { markRetrySafe, responseMeta, TransportError } from '../client/middleware/index.ts';
import type { OperationInfo } from '../descriptions/operations.ts';
import { intercomVersionHeader } from '../descriptions/versions.ts';
import { type Exchange, KEPT_HEADERS } from '../model/exchange.ts';
import { readBody } from './body.ts';
import type { Transport, TransportSettings } from './transport.ts';

export { RequestBudget } from '../client/middleware/index.ts';

export interface HttpSettings extends TransportSettings {
  baseUrl: string;
  token: string;
  /** Requests this run may make at most (live reads stay within a budget). */
  maxRequests: number;
  /** A transport built once for the whole run (shared pacing across API versions); built per collect otherwise. */
  transport?: Transport;
}

export const BAD_TOKEN = 'intercom-conformance-invalid-token';

/** Fills an operation's path template positionally: 2.10's `{id}` and 2.11's `{conversation_id}` alike. */
export function fillPath(
  op: OperationInfo,
  values: string[],
  query?: Record<string, string | number | undefined>,
): string {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++] ?? ''));
  const q = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
  return q.length === 0
    ? path
    : `${path}?${new URLSearchParams(q.map(([k, v]) => [k, String(v)])).toString()}`;
}

export interface SendOptions {
  step: string;
  apiVersion: string;
  operation: OperationInfo;
  url: string;
  body?: unknown;
  badToken?: boolean;
  /** Aborts the request (the run was interrupted). */
  signal?: AbortSignal;
  /** Cleanup requests may use the budget's reserve. */
  cleanup?: boolean;
  /** A POST that only reads (a search): retried like a GET. */
  retrySafe?: boolean;
}

function keptHeaders(headers: Headers | undefined): Record<string, string> {
  if (!headers) return {};
  return Object.fromEntries(KEPT_HEADERS.flatMap((h) => (headers.has(h) ? [[h, headers.get(h)!]] : [])));
}

const plural = (n: number) => `${n} attempt${n === 1 ? '' : 's'}`;

/**
 * Sends one request through the run's resilient transport and records the exchange; never throws. Every
 * failure is in `error`, with its cause and where: a timeout, a reset, a 5xx or 429 after N attempts, a body
 * too large, a body that is not JSON (an HTML error page), an interruption, the budget.
 */
export async function send(
  transport: Transport,
  base: HttpSettings,
  options: SendOptions,
): Promise<Exchange> {
  const method = options.operation.method;
  const exchange: Exchange = {
    step: options.step,
    apiVersion: options.apiVersion,
    operationId: options.operation.operationId,
    request: {
      method,
      url: options.url,
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.badToken ? { badToken: true } : {}),
    },
    headers: {},
  };
  const where = `on ${method} ${options.url.split('?')[0]}`;
  const fetchFn = options.cleanup ? transport.cleanupFetch : transport.fetch;
  const started = performance.now();
  try {
    const init: RequestInit = {
      method,
      headers: {
        Authorization: `Bearer ${options.badToken ? BAD_TOKEN : base.token}`,
        'Intercom-Version': intercomVersionHeader(options.apiVersion),
        Accept: 'application/json',
        ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const response = await fetchFn(
      base.baseUrl + options.url,
      options.retrySafe ? markRetrySafe(init) : init,
    );
    const meta = responseMeta(response);
    exchange.attempts = meta.attempts;
    exchange.status = response.status;
    exchange.headers = keptHeaders(response.headers);
    const read = readBody(new Uint8Array(await response.arrayBuffer()), exchange.headers['content-type']);
    exchange.bodyText = read.bodyText;
    if (read.body !== undefined) exchange.body = read.body;
    if (read.parseError !== undefined) exchange.parseError = read.parseError;
    if (read.issues.length > 0) exchange.bodyIssues = read.issues;
    if (response.status === 429 || response.status >= 500)
      exchange.error = `${response.status} after ${plural(meta.attempts)} ${where}${meta.gaveUp ? ` (${meta.gaveUp})` : ''}`;
    else if (read.notJson && exchange.bodyText !== '') exchange.error = `${read.notJson} ${where}`;
  } catch (error) {
    const failure = error instanceof TransportError ? error : classifyFailure(error);
    exchange.attempts = failure.attempts;
    if (failure.status !== undefined) {
      exchange.status = failure.status;
      exchange.headers = keptHeaders(failure.headers);
    }
    exchange.error = `${failure.message} ${where}${failure.attempts > 1 ? ` (${plural(failure.attempts)})` : ''}`;
    if (failure.kind === 'interrupted') exchange.interrupted = true;
    if ((failure.kind === 'budget' || failure.kind === 'rate-limited') && failure.attempts <= 1)
      exchange.notSent = true;
  }
  exchange.elapsedMs = Math.round((performance.now() - started) * 1000) / 1000;
  return exchange;
}
