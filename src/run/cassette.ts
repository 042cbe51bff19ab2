import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Exchange } from '../model/exchange.ts';
import { scrubSecretsDeep } from '../report/redact.ts';
import { UserError } from '../util/errors.ts';
import { BAD_TOKEN } from './http.ts';

/**
 * Cassettes: the exchanges of a live run, one file per API version, with the token scrubbed and customer data
 * replaced at record time by placeholders of the same shape (an email stays an email, HTML stays HTML), so
 * that replaying them offline gives the same results as the recorded run.
 */
export interface Cassette {
  cassetteVersion: 1;
  apiVersion: string;
  /** When the recording started (Unix seconds): a replay judges time-bound rules (a snooze ends in the future) then. */
  recordedAt?: number;
  exchanges: Exchange[];
}

const PLACEHOLDERS: Record<string, (v: string) => string> = {
  email: () => 'redacted@example.com',
  name: () => 'Redacted Name',
  first_name: () => 'Redacted',
  last_name: () => 'Name',
  phone: () => '+10000000000',
  subject: () => 'redacted subject',
  remark: () => 'redacted remark',
  title: () => 'redacted title',
  body: (v) => (/<[a-z][^>]*>/i.test(v) ? '<p>redacted message</p>' : 'redacted message'),
  url: (v) => (v === '' ? v : 'https://example.com/redacted'),
  image_url: () => 'https://example.com/redacted.png',
};

/** The keys whose string values a cassette masks: a search on them cannot be judged on what a recording holds. */
export const MASKED_KEYS: readonly string[] = Object.keys(PLACEHOLDERS);

/** Replaces customer data inside a JSON value, keeping types and formats. */
function maskCustomerData(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key && PLACEHOLDERS[key] ? PLACEHOLDERS[key]!(value) : value;
  if (Array.isArray(value)) return value.map((v) => maskCustomerData(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskCustomerData(v, k)]));
  }
  return value;
}

/** The exchange as a cassette stores it (and as the checks of a recording run see it). */
export function forCassette(e: Exchange, secrets: string[]): Exchange {
  let out: Exchange = { ...e };
  if (e.body !== undefined) {
    const body = maskCustomerData(e.body);
    out = { ...out, body, bodyText: JSON.stringify(body) };
  }
  if (e.request.body !== undefined)
    out = { ...out, request: { ...out.request, body: maskCustomerData(e.request.body) } };
  return scrubSecretsDeep(out, secrets);
}

export function writeCassettes(
  dir: string,
  byVersion: Map<string, Exchange[]>,
  recordedAt?: number,
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const [apiVersion, exchanges] of byVersion) {
    const file = join(dir, `${apiVersion}.json`);
    // Timings are not part of a recording: the same responses make the same cassette.
    const timeless = exchanges.map(({ elapsedMs: _elapsedMs, ...e }) => e);
    const cassette: Cassette = {
      cassetteVersion: 1,
      apiVersion,
      ...(recordedAt !== undefined ? { recordedAt } : {}),
      exchanges: timeless,
    };
    writeFileSync(file, `${JSON.stringify(cassette, null, 2)}\n`);
    files.push(file);
  }
  return files;
}

export function readCassette(dir: string, apiVersion: string): Cassette {
  const file = join(dir, `${apiVersion}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(
      `no cassette for API ${apiVersion}: ${file} (record one with run --target live --record ${dir})`,
    );
  }
  try {
    const c = JSON.parse(text) as Cassette;
    if (c.cassetteVersion !== 1 || !Array.isArray(c.exchanges)) throw new Error('not a cassette');
    return c;
  } catch (error) {
    throw new UserError(`${file} is not a cassette (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * A fetch that answers from a cassette: requests are matched by method, path and query, API version and
 * whether the token was the deliberately bad one; repeated requests are answered in recorded order.
 */
export function replayFetch(cassettes: Cassette[]): typeof globalThis.fetch {
  const queues = new Map<string, Exchange[]>();
  const keyOf = (method: string, url: string, version: string, bad: boolean) =>
    `${version} ${bad ? 'bad' : 'ok'} ${method} ${url}`;
  for (const c of cassettes) {
    for (const e of c.exchanges) {
      const k = keyOf(e.request.method, e.request.url, e.apiVersion, e.request.badToken === true);
      queues.set(k, [...(queues.get(k) ?? []), e]);
    }
  }
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = new Headers(init?.headers);
    const bad = headers.get('authorization') === `Bearer ${BAD_TOKEN}`;
    const k = keyOf(
      init?.method ?? 'GET',
      url.pathname + url.search,
      headers.get('intercom-version') ?? '',
      bad,
    );
    const e = queues.get(k)?.shift();
    if (!e) throw Object.assign(new TypeError('fetch failed'), { cause: { code: `not in cassette: ${k}` } });
    if (e.status === undefined)
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: e.error ?? 'recorded failure' } });
    return new Response(e.bodyText ?? '', { status: e.status, headers: e.headers });
  }) as typeof globalThis.fetch;
}
