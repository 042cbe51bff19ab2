import type { OperationInfo } from '../spec/operations.ts';
import { networkCause } from '../spec/source.ts';
import { type Exchange, KEPT_HEADERS } from './exchange.ts';

export interface HttpSettings {
  baseUrl: string;
  token: string;
  /** Per-request timeout (ms). */
  timeoutMs: number;
  /** Largest body read (bytes); larger bodies become an `error`. */
  maxBodyBytes: number;
  /** Requests this run may make at most (live reads stay within a budget). */
  maxRequests: number;
  /** Retries of 429, 5xx and network errors for idempotent requests. */
  maxRetries: number;
  /** Longest wait honoured for one Retry-After/backoff (ms). */
  maxWaitMs: number;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
}

export const BAD_TOKEN = 'intercom-conformance-invalid-token';

/** Counts requests across a run and refuses past the budget. */
export class RequestBudget {
  used = 0;
  constructor(readonly max: number) {}
  take(): boolean {
    if (this.used >= this.max) return false;
    this.used++;
    return true;
  }
}

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

async function readLimited(response: Response, max: number): Promise<{ text?: string; tooLarge?: boolean }> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    return { tooLarge: true };
  }
  if (!response.body) return { text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryDelay(response: Response | undefined, attempt: number, settings: HttpSettings): number {
  const retryAfter = Number(response?.headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000, settings.maxWaitMs);
  const reset = Number(response?.headers.get('x-ratelimit-reset'));
  if (response?.status === 429 && Number.isFinite(reset) && reset > 0) {
    return Math.min(Math.max(0, reset * 1000 - Date.now()), settings.maxWaitMs);
  }
  const backoff = Math.min(100 * 2 ** attempt, settings.maxWaitMs);
  return backoff / 2 + Math.random() * (backoff / 2);
}

export interface SendOptions {
  step: string;
  apiVersion: string;
  operation: OperationInfo;
  url: string;
  body?: unknown;
  badToken?: boolean;
}

/**
 * Sends one request and records the exchange; never throws. GETs are retried on 429, 5xx and network errors
 * (bounded, honouring Retry-After / X-RateLimit-Reset); writes are not retried here.
 */
export async function send(
  settings: HttpSettings,
  budget: RequestBudget,
  options: SendOptions,
): Promise<Exchange> {
  const fetchImpl = settings.fetch ?? globalThis.fetch;
  const sleep = settings.sleep ?? sleepReal;
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
  const retries = method === 'GET' ? settings.maxRetries : 0;
  for (let attempt = 0; ; attempt++) {
    if (!budget.take()) {
      exchange.error = `request budget of ${budget.max} exhausted`;
      return exchange;
    }
    exchange.attempts = attempt + 1;
    let response: Response | undefined;
    try {
      response = await fetchImpl(settings.baseUrl + options.url, {
        method,
        headers: {
          Authorization: `Bearer ${options.badToken ? BAD_TOKEN : settings.token}`,
          'Intercom-Version': options.apiVersion,
          Accept: 'application/json',
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      const { text, tooLarge } = await readLimited(response, settings.maxBodyBytes);
      exchange.status = response.status;
      exchange.headers = Object.fromEntries(
        KEPT_HEADERS.flatMap((h) => (response!.headers.has(h) ? [[h, response!.headers.get(h)!]] : [])),
      );
      delete exchange.error;
      if (tooLarge) exchange.error = `body larger than ${settings.maxBodyBytes} bytes`;
      else {
        exchange.bodyText = text ?? '';
        try {
          exchange.body = JSON.parse(exchange.bodyText);
          delete exchange.parseError;
        } catch (error) {
          exchange.parseError = (error as Error).message.split('\n')[0];
        }
      }
    } catch (error) {
      delete exchange.status;
      exchange.error = `${networkCause(error)} on ${method} ${options.url}`;
    }
    const retryable =
      exchange.status === undefined
        ? exchange.error !== undefined
        : exchange.status === 429 || exchange.status >= 500;
    if (!retryable || attempt >= retries) {
      if (retryable && attempt > 0) exchange.error ??= `${exchange.status} after ${attempt + 1} attempts`;
      return exchange;
    }
    await sleep(retryDelay(response, attempt, settings));
  }
}
