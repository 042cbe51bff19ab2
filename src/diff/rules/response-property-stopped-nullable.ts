import { defineRule, subject } from '../rule.ts';
import { nullableNote, stoppedNullable } from '../schema-checks.ts';

export const responsePropertyStoppedNullable = defineRule({
  id: 'response-property-stopped-nullable',
  severity: 'info',
  summary: 'A response property is no longer nullable (a reader handles fewer values).',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: stoppedNullable,
  message: (a, property) =>
    `${subject('response', property)} is no longer nullable${nullableNote(a.how) ? ` (it was ${nullableNote(a.how)})` : ''}`,
});
