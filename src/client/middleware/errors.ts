/**
 * Transport failures as data: a kind and a one-line message that never holds a URL (so never a token put in
 * one), plus the status and headers when a response did arrive (a body too large) and the attempts made.
 */
export type FailureKind =
  | 'timeout'
  | 'reset'
  | 'refused'
  | 'host-not-found'
  | 'network'
  | 'body-too-large'
  | 'budget'
  | 'rate-limited'
  | 'decoding'
  | 'interrupted';

export class TransportError extends Error {
  readonly kind: FailureKind;
  status?: number;
  headers?: Headers;
  attempts = 1;

  constructor(kind: FailureKind, message: string, extra: { status?: number; headers?: Headers } = {}) {
    super(message);
    this.name = 'TransportError';
    this.kind = kind;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.headers) this.headers = extra.headers;
  }
}

/** Failures worth another attempt of an idempotent request. */
export function isRetryableFailure(error: TransportError): boolean {
  return (
    error.kind === 'timeout' || error.kind === 'reset' || error.kind === 'refused' || error.kind === 'network'
  );
}

const RESET_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

function codesOf(error: unknown): string[] {
  const out: string[] = [];
  let e = error as { code?: unknown; cause?: unknown; errors?: unknown[] } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string') out.push(e.code);
    for (const inner of Array.isArray(e.errors) ? e.errors : []) {
      const code = (inner as { code?: unknown })?.code;
      if (typeof code === 'string') out.push(code);
    }
    e = e.cause as typeof e;
  }
  return out;
}

/** Removes anything URL-like from a message (a token may sit in a URL's query or credentials). */
function withoutUrls(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S*/gi, '[url]').replace(/[\r\n]+/g, ' ');
}

/** zlib and brotli failures: a body whose Content-Encoding does not match its bytes. */
function isDecodingCode(code: string): boolean {
  return code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code.startsWith('ERR__ERROR');
}

/** The decompressor's own words, if the failure is a decoding one (e.g. "incorrect header check"). */
export function decodingDetail(error: unknown): string | undefined {
  let e = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string' && isDecodingCode(e.code))
      return withoutUrls(String(e.message ?? e.code)).slice(0, 120);
    e = e.cause as typeof e;
  }
  return undefined;
}

/** Turns whatever fetch threw into a TransportError (already-classified errors pass through). */
export function classifyFailure(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const e = error as { name?: string; message?: string };
  if (e?.name === 'TimeoutError') return new TransportError('timeout', 'timeout');
  if (e?.name === 'AbortError') return new TransportError('interrupted', 'interrupted');
  const decoding = decodingDetail(error);
  if (decoding !== undefined)
    return new TransportError('decoding', `the body could not be decoded (${decoding})`);
  const codes = codesOf(error);
  if (codes.some((c) => RESET_CODES.has(c)) || e?.message === 'terminated')
    return new TransportError('reset', 'connection reset');
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return new TransportError('timeout', 'timeout');
  if (codes.includes('ECONNREFUSED')) return new TransportError('refused', 'connection refused');
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN'))
    return new TransportError('host-not-found', 'host not found');
  // fetch says "fetch failed" and puts the reason in its cause (e.g. "bad port" for a port fetch refuses)
  const cause = (error as { cause?: { message?: unknown } })?.cause?.message;
  const message = e?.message === 'fetch failed' && typeof cause === 'string' ? cause : e?.message;
  const detail = codes[0] ?? withoutUrls(String(message ?? error)).slice(0, 120);
  return new TransportError('network', `network error (${detail})`);
}
