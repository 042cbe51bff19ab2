import { defineRule, subject } from '../rule.ts';
import { nullableNote, stoppedNullable } from '../schema-checks.ts';

export const requestPropertyStoppedNullable = defineRule({
  id: 'request-property-stopped-nullable',
  severity: 'breaking',
  reason: 'requests sending null are rejected',
  summary: 'A request body property no longer accepts null.',
  site: 'schema',
  direction: 'request',
  location: 'request',
  check: stoppedNullable,
  message: (a, property) =>
    `${subject('request', property)} no longer accepts null${nullableNote(a.how) ? ` (nullable is now ${nullableNote(a.how)})` : ''}`,
});
