import type { SearchRequest } from '../model/search.ts';
import { validateSearchRequest } from './validate.ts';

/**
 * A query the user passes (`--search-query <file>`): a search body (`{ "query": …, "pagination": … }`) or a bare
 * query (a filter or a group). Either the request, or one line saying what is wrong (for exit 2).
 */
export function parseSearchQuery(
  text: string,
  version: string,
  label: string,
): { ok: true; request: SearchRequest } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { ok: false, message: `${label}: not valid JSON (${reason})` };
  }
  const isBody = typeof value === 'object' && value !== null && !Array.isArray(value) && 'query' in value;
  const body = isBody ? value : { query: value };
  const v = validateSearchRequest(body, version);
  if (!v.ok) {
    const where = isBody ? v.pointer : v.pointer.replace(/^\/query/, '');
    return { ok: false, message: `${label}: ${v.body.errors[0]!.message} (${v.rule} at ${where || '/'})` };
  }
  return { ok: true, request: v.request };
}
