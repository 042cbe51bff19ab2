import { defineRule, subject } from '../rule.ts';
import { documentedSentinel, nullableNote, ROOT_NULLABLE_REASON, stoppedNullable } from '../schema-checks.ts';
import type { NullableHow } from '../schema-view.ts';

type A = { how: NullableHow; sentinel?: string };

/**
 * A warning: the old "none" value (null) no longer comes. Breaking when the new description documents another
 * value for "none" (2.16's assignee ids: "it will return 0"): every client testing for null misreads it.
 */
export const responsePropertyStoppedNullable = defineRule<'schema', A>({
  id: 'response-property-stopped-nullable',
  severity: 'warning',
  reason: 'the old "absent" value (null) no longer comes: a client testing for null misreads the absence',
  summary:
    'A response property is no longer nullable (breaking when the description now documents another value for "none").',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) =>
    stoppedNullable(site).map((hit) => {
      if (site.path.length === 0)
        return { ...hit, class: 'type-only' as const, reason: ROOT_NULLABLE_REASON };
      const [before, after] = [documentedSentinel(site.old), documentedSentinel(site.new)];
      if (!after || after === 'null' || (before !== undefined && before !== 'null')) return hit;
      return {
        ...hit,
        args: { ...hit.args, sentinel: after },
        severity: 'breaking' as const,
        reason: `the sentinel changed: the old description said null stands for none, the new one says ${after}; clients testing for null misread it`,
      };
    }),
  message: (a, property) =>
    `${subject('response', property)} is no longer nullable${nullableNote(a.how) ? ` (nullable is now ${nullableNote(a.how)})` : ''}${a.sentinel !== undefined ? `; the description now says ${a.sentinel} stands for none` : ''}`,
});
