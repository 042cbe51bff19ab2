import { bodyParses } from './body-parses.ts';
import { contentTypeJson } from './content-type-json.ts';
import { error401 } from './error-401.ts';
import { error404 } from './error-404.ts';
import { pagination } from './pagination.ts';
import { partsCap } from './parts-cap.ts';
import { perPageCap } from './per-page-cap.ts';
import { perPageDefault } from './per-page-default.ts';
import { plaintext } from './plaintext.ts';
import { ratingRange } from './rating-range.ts';
import { schema } from './schema.ts';
import { searchChecks } from './search.ts';
import { stateInvariants } from './state-invariants.ts';
import { stateRoundTrip } from './state-round-trip.ts';
import { statusDocumented } from './status-documented.ts';
import { tagEcho } from './tag-echo.ts';
import { tagRoundTrip } from './tag-round-trip.ts';
import type { Check } from './types.ts';
import { waitingSince } from './waiting-since.ts';

/** Every check, once, one per file (`src/checks/<id>.ts`). Ids are stable: reports, baselines and CI filters refer to them. */
export const CHECKS: readonly Check[] = [
  statusDocumented,
  contentTypeJson,
  bodyParses,
  schema,
  stateInvariants,
  waitingSince,
  ratingRange,
  partsCap,
  pagination,
  perPageCap,
  perPageDefault,
  plaintext,
  error401,
  error404,
  tagRoundTrip,
  tagEcho,
  ...searchChecks,
  stateRoundTrip,
];
