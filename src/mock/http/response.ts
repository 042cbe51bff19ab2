import type { Deviation } from '../scenarios/quirks.ts';

/**
 * What the pipeline answers, as data: the server (server.ts) is the only place that writes to a socket.
 * Faults are responses too (a raw body, a stream, a reset mid-body, a delay).
 */
export type MockResponse =
  | {
      kind: 'json';
      status: number;
      body: unknown;
      headers?: Record<string, string>;
      deviations?: Deviation[];
    }
  | { kind: 'raw'; status: number; contentType: string; body: string; headers?: Record<string, string> }
  | {
      kind: 'stream';
      status: number;
      contentType: string;
      chunks: () => Iterable<string>;
      headers?: Record<string, string>;
    }
  | {
      kind: 'reset';
      status: number;
      contentType: string;
      /** The whole body: its length is announced, then the socket is reset after `cutAt` bytes. */
      body: string;
      cutAt: number;
      headers?: Record<string, string>;
    }
  | { kind: 'delayed'; ms: number; response: MockResponse };

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, body: unknown, deviations?: Deviation[]): MockResponse {
  return deviations && deviations.length > 0
    ? { kind: 'json', status, body, deviations }
    : { kind: 'json', status, body };
}

export function statusOf(response: MockResponse): number {
  return response.kind === 'delayed' ? statusOf(response.response) : response.status;
}
