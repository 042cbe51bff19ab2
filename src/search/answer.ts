import { evaluate } from './evaluate.ts';
import type { PerPageOverflow } from './limits.ts';
import { type SearchErrorList, validateSearchRequest } from './validate.ts';

/**
 * What `POST /conversations/search` answers over a set of conversations: the body validated (the `error.list`
 * of the first broken rule), the matching conversations in the order given, one page of them, and a cursor to
 * the next page in `pages.next.starting_after`. Pure: the mock's handler serves it over its workspace.
 * Conversation parts are left out, as for the list ("not returned when listing or searching").
 */
export interface SearchAnswerOptions {
  perPageOverflow?: PerPageOverflow;
  schema?: 'documented' | 'strict';
  requestId?: string;
}

export type SearchAnswer =
  | { status: 200; body: SearchListBody; rule?: undefined }
  | { status: 400; body: SearchErrorList; rule: string };

export interface SearchListBody {
  type: 'conversation.list';
  pages: {
    type: 'pages';
    page: number;
    per_page: number;
    total_pages: number;
    next?: { page: number; per_page: number; starting_after: string };
  };
  total_count: number;
  conversations: Array<Record<string, unknown>>;
}

const CURSOR_PREFIX = 'search:';

/** An opaque cursor for the page after `offset` results. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return undefined;
  const n = text.slice(CURSOR_PREFIX.length);
  return /^(0|[1-9]\d{0,8})$/.test(n) ? Number(n) : undefined;
}

export function answerSearch(
  body: unknown,
  conversations: ReadonlyArray<Record<string, unknown>>,
  version: string,
  options: SearchAnswerOptions = {},
): SearchAnswer {
  const v = validateSearchRequest(body, version, options);
  if (!v.ok) return { status: 400, body: v.body, rule: v.rule };
  const offset = v.startingAfter === null ? 0 : decodeCursor(v.startingAfter);
  if (offset === undefined)
    return {
      status: 400,
      rule: 'search-starting-after',
      body: {
        type: 'error.list',
        request_id: options.requestId ?? '00000000-0000-4000-8000-000000000000',
        errors: [
          { code: 'parameter_invalid', message: 'starting_after is not a cursor this search returned' },
        ],
      },
    };
  const matches = conversations.filter((c) => evaluate(v.request.query, c));
  const page = matches
    .slice(offset, offset + v.perPage)
    .map(({ conversation_parts: _parts, ...rest }) => rest as Record<string, unknown>);
  const end = offset + page.length;
  const pageNumber = Math.floor(offset / v.perPage) + 1;
  return {
    status: 200,
    body: {
      type: 'conversation.list',
      pages: {
        type: 'pages',
        page: pageNumber,
        per_page: v.perPage,
        total_pages: Math.max(1, Math.ceil(matches.length / v.perPage)),
        ...(end < matches.length
          ? { next: { page: pageNumber + 1, per_page: v.perPage, starting_after: encodeCursor(end) } }
          : {}),
      },
      total_count: matches.length,
      conversations: page,
    },
  };
}
