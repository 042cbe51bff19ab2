import type { Exchange } from '../model/exchange.ts';

/**
 * Narrow guards for reading response bodies: a check never assumes a shape it did not test (a body may be
 * absent, empty, truncated, HTML or anything else a hostile server sends).
 */
export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A conversation-like object: a record with a string or number id (anything else is not checked as one). */
export function isConversation(value: unknown): value is JsonObject {
  return isRecord(value) && (typeof value.id === 'string' || typeof value.id === 'number');
}

/** A property of a value if the value is an object, else undefined. */
export function prop(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}

export const numberOr = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export interface ListPage {
  conversations: unknown[];
  totalCount?: number;
  totalPages?: number;
  /** `pages.per_page` as sent (a number, or a digit string in some versions). */
  perPage?: unknown;
  /** `pages.next.starting_after`, when it is a non-empty string. */
  nextCursor?: string;
}

/** The list page a 200 answer holds, or undefined when the body is not one (absent, unparsed, another shape). */
export function listPageOf(e: Exchange | undefined): ListPage | undefined {
  const body = e?.body;
  const conversations = prop(body, 'conversations');
  if (!Array.isArray(conversations)) return undefined;
  const pages = prop(body, 'pages');
  const next = prop(prop(pages, 'next'), 'starting_after');
  const out: ListPage = { conversations };
  const total = numberOr(prop(body, 'total_count'));
  const totalPages = numberOr(prop(pages, 'total_pages'));
  const perPage = prop(pages, 'per_page');
  if (total !== undefined) out.totalCount = total;
  if (totalPages !== undefined) out.totalPages = totalPages;
  if (perPage !== undefined) out.perPage = perPage;
  if (typeof next === 'string' && next !== '') out.nextCursor = next;
  return out;
}

/** Why an exchange gave no readable body: its error, its parse error, or an empty body. */
export function unreadable(e: Exchange | undefined): string {
  if (!e) return 'not sent';
  return (
    e.error ??
    (e.parseError ? `not JSON: ${e.parseError}` : e.status === undefined ? 'no response' : 'no JSON body')
  );
}
