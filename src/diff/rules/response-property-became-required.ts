import { defineRule, subject } from '../rule.ts';
import { becameRequired } from '../schema-checks.ts';

export const responsePropertyBecameRequired = defineRule({
  id: 'response-property-became-required',
  severity: 'info',
  class: 'type-only',
  reason: 'a `required` list changed: generated types change, not what arrives',
  summary: 'A response property was added to `required` (a stronger guarantee for readers).',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: becameRequired,
  message: (a, property) =>
    `${subject('response', property)} is now required${a.defined ? '' : ' (but not defined in properties)'}`,
});
