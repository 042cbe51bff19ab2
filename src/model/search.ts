import type { Exchange } from './exchange.ts';

/**
 * The query language of `POST /conversations/search` (`searchConversations`), as data. Shared by the search
 * language (`src/search/`), the collector that sends the queries and the checks that read the answers.
 */
export type SearchOperator = '=' | '!=' | 'IN' | 'NIN' | '<' | '>' | '<=' | '>=' | '~' | '!~' | '^' | '$';
export type SearchScalar = string | number | boolean | null;
export type SearchValue = SearchScalar | Array<string | number>;

/** `single_filter_search_request`: one field, one operator, one value. */
export interface SearchFilter {
  field: string;
  operator: SearchOperator;
  value: SearchValue;
}

/** `multiple_filter_search_request`: an `AND`/`OR` group of filters or groups. */
export interface SearchGroup {
  operator: 'AND' | 'OR';
  value: SearchNode[];
}

export type SearchNode = SearchFilter | SearchGroup;

/** The body of `POST /conversations/search` (`search_request`). */
export interface SearchRequest {
  query: SearchNode;
  pagination?: { per_page?: number; starting_after?: string | null } | null;
}

/** A query the kit built from what the list returned, with what its answer must (not) hold. */
export interface GeneratedQuery {
  /** Stable name, e.g. `by-id`, `state-open`, `nesting-3-levels`. */
  name: string;
  request: SearchRequest;
  /** Conversation ids the search must return (all pages together). */
  mustInclude: string[];
  /** Conversation ids the search must not return. */
  mustExclude: string[];
  /** For queries beyond a documented limit: the unit (rule id) that must refuse them with an `error.list`. */
  refusedBy?: string;
}

/** One generated query and the pages its walk along `pages.next.starting_after` got. */
export interface SearchCase {
  query: GeneratedQuery;
  /** The responses, page by page (one for a refused query). */
  pages: Exchange[];
  /** The walk stopped at the page limit or an interruption, not at the last page. */
  truncated: boolean;
}

/** What the search steps of one API version collected. */
export interface SearchCollected {
  apiVersion: string;
  /** Why the search steps did not run (no conversation listed, interrupted, …). */
  skipped?: string;
  cases: SearchCase[];
  /**
   * The answers' string values under these keys were masked for a cassette (a recording, a replay): no query
   * built from them was sent, and a user's query on them is not evaluated.
   */
  maskedKeys?: string[];
  /** A search with `per_page` 151, and the list with `per_page=151` it must behave like. */
  perPageOverflow?: { search?: Exchange; list?: Exchange };
}
