import { searchFindsKnown } from './finds-known.ts';
import { searchLimitsRefused } from './limits-refused.ts';
import { searchPagination } from './pagination.ts';
import { searchPerPageCap } from './per-page-cap.ts';
import { searchResultsSatisfyQuery } from './results-satisfy-query.ts';
import type { SearchCheck } from './types.ts';

/** The semantic checks on search, in report order. */
export const SEARCH_CHECKS: readonly SearchCheck[] = [
  searchResultsSatisfyQuery,
  searchFindsKnown,
  searchPagination,
  searchPerPageCap,
  searchLimitsRefused,
];
