/** What the scanner of a response body found that JSON.parse hides (see run/json-scan.ts). */
export type BodyIssueKind =
  | 'invalid-utf8'
  | 'duplicate-key'
  | 'unsafe-integer'
  | 'prototype-key'
  | 'too-deep';

export interface BodyIssue {
  kind: BodyIssueKind;
  /** JSON pointer of the place (the object for a duplicate key, the value otherwise); '' is the root. */
  path: string;
  detail: string;
}

/** One request the kit made and what came back: the unit every check reads, and what a cassette stores. */
export interface Exchange {
  /** What the collector was doing, e.g. `walk:3`, `retrieve`, `error-401`, `tags:attach`. */
  step: string;
  apiVersion: string;
  operationId: string;
  request: {
    method: string;
    /** Path and query, without host: never credentials. */
    url: string;
    /** The JSON body sent, if any (tag requests). */
    body?: unknown;
    /** Whether the request carried a deliberately wrong token (error probes). */
    badToken?: boolean;
  };
  /** HTTP status; absent when the request failed before a response (see `error`). */
  status?: number;
  /** Response headers the checks read: content-type, x-ratelimit-*, retry-after. */
  headers: Record<string, string>;
  bodyText?: string;
  /** The parsed body when `bodyText` is JSON. */
  body?: unknown;
  parseError?: string;
  /** Transport failure: timeout, reset, body too large, request budget exhausted, … */
  error?: string;
  /** How many attempts it took (retries of 429/5xx/network errors). */
  attempts?: number;
  /** What the body hides from JSON.parse: invalid UTF-8, duplicate keys, unsafe integers, prototype keys, depth. */
  bodyIssues?: BodyIssue[];
  /** The request was cut short because the run was interrupted. */
  interrupted?: boolean;
  /** The request never left (the request budget was spent): it cannot have had any effect. */
  notSent?: boolean;
  /** Wall-clock time from sending the request to the end of its body (all attempts), in milliseconds. */
  elapsedMs?: number;
}

export const KEPT_HEADERS = [
  'content-type',
  'date',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
];

/** The conversation objects of list (or search) pages answered 200, in order. */
export function listedConversations(
  pages: ReadonlyArray<Exchange | undefined>,
): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const page of pages) {
    if (page?.status !== 200) continue;
    const list = (page.body as { conversations?: unknown } | undefined)?.conversations;
    if (Array.isArray(list))
      for (const c of list)
        if (c && typeof c === 'object' && !Array.isArray(c)) out.push(c as Record<string, unknown>);
  }
  return out;
}

/** Conversation ids seen in list pages, in order. */
export function listedIds(pages: ReadonlyArray<Exchange | undefined>): string[] {
  return listedConversations(pages).map((c) => String(c.id));
}
