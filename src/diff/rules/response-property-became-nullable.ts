import { defineRule, subject } from '../rule.ts';
import { becameNullable, nullableNote } from '../schema-checks.ts';

export const responsePropertyBecameNullable = defineRule({
  id: 'response-property-became-nullable',
  severity: 'warning',
  summary: 'A response property may now be null: clients dereferencing it must check.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: becameNullable,
  message: (a, property) =>
    `${subject('response', property)} became nullable${nullableNote(a.how) ? ` (${nullableNote(a.how)})` : ''}`,
});
