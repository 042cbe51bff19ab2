import { defineRule, subject } from '../rule.ts';
import { becameOptional } from '../schema-checks.ts';

export const responsePropertyBecameOptional = defineRule({
  id: 'response-property-became-optional',
  severity: 'breaking',
  class: 'type-only',
  reason:
    "a `required` list changed: generated types change; these descriptions' `required` lists do not record what the API sends",
  summary: 'A response property was removed from `required`: clients assuming it is present break.',
  site: 'schema',
  direction: 'response',
  location: 'response',
  check: becameOptional,
  message: (_a, property) => `${subject('response', property)} is no longer required`,
});
