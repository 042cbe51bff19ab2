import { defineRule, subject } from '../rule.ts';
import { becameNullable, nullableNote, ROOT_NULLABLE_REASON } from '../schema-checks.ts';

export const responsePropertyBecameNullable = defineRule({
  id: 'response-property-became-nullable',
  severity: 'breaking',
  reason: 'a client dereferencing it meets null (oasdiff: response-property-became-nullable is an error)',
  summary: 'A response property may now be null: clients dereferencing it must check.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: (site) =>
    becameNullable(site).map((hit) =>
      site.path.length === 0 ? { ...hit, class: 'type-only' as const, reason: ROOT_NULLABLE_REASON } : hit,
    ),
  message: (a, property) =>
    `${subject('response', property)} became nullable${nullableNote(a.how) ? ` (it was nullable only as ${nullableNote(a.how)})` : ''}`,
});
