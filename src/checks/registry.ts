import { error401, error404 } from './errors.ts';
import { pagination, perPageCap, perPageDefault } from './pagination.ts';
import { schema } from './schema.ts';
import { partsCap, plaintext, ratingRange, stateInvariants, waitingSince } from './semantics.ts';
import { tagEcho, tagRoundTrip } from './tags.ts';
import { bodyParses, contentTypeJson, statusDocumented } from './transport.ts';
import type { Check } from './types.ts';

/** Every check, once. Ids are stable: reports, baselines and CI filters refer to them. */
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
];
