import type { PerPageOverflow } from '../options/options.ts';
import type { PageData } from '../render/shape.ts';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.ts';

/** Cursor pagination of listConversations: `per_page` default 20, maximum 150. */
const DEFAULT_PER_PAGE = 20;
const MAX_PER_PAGE = 150;

export interface PageRequest {
  page: PageData;
  /** Indices of the conversations on this page. */
  start: number;
  end: number;
}

export type PageResult =
  | { ok: true; value: PageRequest }
  | { ok: false; code: 'parameter_invalid'; message: string };

export function parsePerPage(
  raw: string | null,
  overflow: PerPageOverflow,
): { ok: true; perPage: number } | { ok: false; message: string } {
  if (raw === null) return { ok: true, perPage: DEFAULT_PER_PAGE };
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
    return {
      ok: false,
      message: `per_page must be an integer from 1 to ${MAX_PER_PAGE} (got "${raw.slice(0, 40)}")`,
    };
  }
  const n = Number(raw);
  if (n <= MAX_PER_PAGE) return { ok: true, perPage: n };
  if (overflow === 'clamp') return { ok: true, perPage: MAX_PER_PAGE };
  return { ok: false, message: `per_page must be less than or equal to ${MAX_PER_PAGE} (got ${n})` };
}

export function pageOf(
  seed: number,
  size: number,
  query: URLSearchParams,
  overflow: PerPageOverflow,
): PageResult {
  const perPage = parsePerPage(query.get('per_page'), overflow);
  if (!perPage.ok) return { ok: false, code: 'parameter_invalid', message: perPage.message };
  let cursor: Cursor | undefined;
  const after = query.get('starting_after');
  if (after !== null && after !== '') {
    const decoded = decodeCursor(seed, size, after);
    if (!decoded.ok)
      return { ok: false, code: 'parameter_invalid', message: `starting_after ${decoded.reason}` };
    cursor = decoded.cursor;
  }
  const n = perPage.perPage;
  const start = cursor ? cursor.after + 1 : 0;
  const end = Math.min(start + n, size);
  const page = cursor ? cursor.page + 1 : 1;
  const data: PageData = { page, perPage: n, totalPages: Math.ceil(size / n), totalCount: size };
  if (end < size) data.next = encodeCursor(seed, size, { after: end - 1, page });
  return { ok: true, value: { page: data, start, end } };
}
