import { decodingDetail, TransportError } from './errors.ts';
import type { Layer } from './types.ts';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function tooLarge(response: Response, maxBytes: number): TransportError {
  return new TransportError('body-too-large', `body larger than ${maxBytes} bytes`, {
    status: response.status,
    headers: response.headers,
  });
}

/**
 * Reads the body of a response as it streams, counting bytes: past `maxBytes` (or a Content-Length above it)
 * the stream is cancelled and a `body-too-large` failure carries the status and headers. Memory is bounded by
 * the limit whatever the server sends. Returns a response with the body in memory, so that a failure while
 * reading (a reset mid-body, a timeout) happens here, where it can be retried, and not in the caller.
 */
export async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge(response, maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch (error) {
      // A body whose bytes do not match its Content-Encoding (gzip labelled deflate): say so, with the status.
      const detail = decodingDetail(error);
      if (detail === undefined) throw error;
      throw new TransportError(
        'decoding',
        `the body could not be decoded as Content-Encoding ${JSON.stringify(response.headers.get('content-encoding') ?? '')} (${detail})`,
        { status: response.status, headers: response.headers },
      );
    }
    const { done, value } = next;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(response, maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : new Uint8Array(Buffer.concat(chunks, size));
}

export function withBufferedBody(maxBytes: number): Layer {
  return (next) => async (input, init) => {
    const response = await next(input, init);
    const bytes = await readLimited(response, maxBytes);
    const body =
      NULL_BODY.has(response.status) || bytes.byteLength === 0 ? null : (bytes as Uint8Array<ArrayBuffer>);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
