import { request } from 'node:http';
import { lockedVersions } from '../../src/descriptions/lock.ts';
import { loadArtifacts } from '../../src/validate/artifacts.ts';
import { responseTarget, type SchemaFinding, validateAgainst } from '../../src/validate/validate.ts';

export const TOKEN = 'test-token';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read bodies freely
  body: any;
}

export interface Call {
  method?: string;
  version?: string;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

/** One request through fetch (keep-alive); the body is parsed when it is JSON. */
export async function call(base: string, path: string, c: Call = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...c.headers };
  if (c.token !== null) headers.Authorization = `Bearer ${c.token ?? TOKEN}`;
  if (c.version) headers['Intercom-Version'] = c.version;
  if (c.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method: c.method ?? 'GET',
    headers,
    body: c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const replyHeaders: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    replyHeaders[name] = value;
  });
  return { status: res.status, headers: replyHeaders, text, body };
}

export interface RawReply {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  bytes: Buffer;
  /** Set when the connection failed (reset, premature close, …). */
  error?: string;
}

/** A request through node:http, reporting what arrived even when the connection breaks mid-body. */
export function rawGet(base: string, path: string, version?: string): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let reply: RawReply = { bytes: Buffer.alloc(0) };
    const headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}`, Connection: 'close' };
    if (version) headers['Intercom-Version'] = version;
    const req = request(`${base}${path}`, { headers, agent: false }, (res) => {
      reply = { status: res.statusCode, headers: res.headers, bytes: Buffer.alloc(0) };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ ...reply, bytes: Buffer.concat(chunks) }));
      res.on('error', (e: NodeJS.ErrnoException) =>
        resolve({ ...reply, bytes: Buffer.concat(chunks), error: e.code ?? e.message }),
      );
      res.on('aborted', () => resolve({ ...reply, bytes: Buffer.concat(chunks), error: 'aborted' }));
    });
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ...reply, bytes: Buffer.concat(chunks), error: e.code ?? e.message }),
    );
    req.end();
  });
}

/** Strict validation with the foundation's generated validators. */
export function findings(
  version: string,
  operationId: string,
  status: number,
  body: unknown,
): SchemaFinding[] {
  return validateAgainst(responseTarget(loadArtifacts(version), operationId, status), body);
}

/** Every locked version: the mock serves them all. */
export const VERSIONS = lockedVersions();
